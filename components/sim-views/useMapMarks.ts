'use client';
// The moving marks of the cluster map: React hands d3 this one <g> (it never renders inside it) and d3 moves a
// shape per mark along a curve between its anchors, step after step, then tells the view it arrived. Each
// stage has its own shape (d3-shape symbols), so a mark is never told apart by colour alone. Reduced motion:
// nothing moves, every mark arrives at once and the view's narration says what happened.
import { easeCubicInOut } from 'd3-ease';
import { interpolateNumber } from 'd3-interpolate';
import { select } from 'd3-selection';
import {
  type SymbolType,
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolWye,
} from 'd3-shape';
import 'd3-transition';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../sim-runtime/uiStore';
import type { Point } from './clusterMapLayout';
import type { MapAnchor, Mark, MarkStage } from './clusterMapMarks';

const shapes: Record<MarkStage, SymbolType> = {
  produce: symbolCircle,
  replicate: symbolDiamond,
  hw: symbolCircle,
  ack: symbolTriangle,
  consume: symbolCircle,
  commit: symbolSquare,
  leader: symbolStar,
  revoke: symbolTimes,
  assign: symbolWye,
  fail: symbolCross,
};

export const stageColour: Record<MarkStage, string> = {
  produce: 'var(--sim-flight)',
  replicate: 'var(--sim-follower)',
  hw: 'var(--sim-hw)',
  ack: 'var(--sim-ack)',
  consume: 'var(--sim-member-1)',
  commit: 'var(--sim-marker)',
  leader: 'var(--sim-leader)',
  revoke: 'var(--sim-out-of-sync)',
  assign: 'var(--sim-member-2)',
  fail: 'var(--sim-offline)',
};

/** Most marks in flight at once; beyond it a mark arrives without moving, so a flood cannot stall the page. */
const MAX_ACTIVE = 120;

export function useMapMarks(locate: (a: MapAnchor) => Point | null, font: number) {
  const gRef = useRef<SVGGElement>(null);
  const locateRef = useRef(locate);
  locateRef.current = locate;
  const active = useRef(0);

  useEffect(() => {
    const g = gRef.current;
    return () => {
      if (g) select(g).selectAll('*').interrupt().remove();
    };
  }, []);

  /** Plays the marks of one batch; `arrive(mark, animated)` is called as each one reaches its end. */
  function play(marks: Mark[], stepMs: number, arrive: (m: Mark, animated: boolean) => void): void {
    const g = gRef.current;
    const still = !g || prefersReducedMotion();
    for (const m of marks) {
      const a = still ? null : locateRef.current(m.from);
      const b = still ? null : locateRef.current(m.to);
      if (!g || !a || !b || active.current >= MAX_ACTIVE) {
        arrive(m, false);
        continue;
      }
      active.current++;
      const size = (font * 0.95) ** 2;
      const mark = select(g)
        .append('g')
        .attr('data-mark', '')
        .attr('data-stage', m.stage)
        .attr('data-tp', m.tp ?? '')
        .attr('transform', `translate(${a.x},${a.y})`)
        .attr('opacity', 0);
      mark
        .append('path')
        .attr('d', symbol(shapes[m.stage], m.stage === 'leader' ? size * 1.6 : size)())
        .attr('fill', stageColour[m.stage])
        .attr('stroke', 'var(--sim-bg)')
        .attr('stroke-width', 1.5);
      if (m.offset !== null && m.stage !== 'hw' && m.stage !== 'leader') {
        mark
          .append('text')
          .attr('x', font * 0.7)
          .attr('y', -font * 0.5)
          .attr('font-size', font)
          .attr('font-weight', 700)
          .attr('fill', 'var(--sim-fg)')
          .attr('paint-order', 'stroke')
          .attr('stroke', 'var(--sim-bg)')
          .attr('stroke-width', 3)
          .text(`@${m.offset}`);
      }
      const done = () => {
        active.current--;
        arrive(m, true);
      };
      const moving = mark
        .transition()
        .delay(m.step * stepMs)
        .duration(40)
        .attr('opacity', 1)
        .transition();
      if (m.stage === 'hw') {
        // The HW moving is a pulse where it happened, not a journey.
        mark.select('path').attr('fill', 'none').attr('stroke', stageColour.hw).attr('stroke-width', 3);
        const grow = interpolateNumber(0.4, 2.2);
        moving
          .duration(stepMs)
          .attrTween('transform', () => (t: number) => `translate(${a.x},${a.y}) scale(${grow(t)})`)
          .attr('opacity', 0)
          .remove()
          .on('end', done)
          .on('interrupt', done);
        continue;
      }
      // A gentle arc: a quadratic Bézier through a point raised off the straight line.
      const c = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - font * 2 };
      const end = m.stage === 'fail' ? c : b;
      moving
        .duration(stepMs)
        .ease(easeCubicInOut)
        .attrTween('transform', () => (t: number) => {
          const u = 1 - t;
          const x = u * u * a.x + 2 * u * t * c.x + t * t * end.x;
          const y = u * u * a.y + 2 * u * t * c.y + t * t * end.y;
          return `translate(${x},${y})`;
        })
        .on('end', done)
        .on('interrupt', done)
        .transition()
        .duration(m.stage === 'fail' ? 900 : 160)
        .attr('opacity', 0)
        .remove();
    }
  }

  return { gRef, play };
}
