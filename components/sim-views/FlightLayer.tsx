'use client';
// The moving part of the producer view: d3 owns this one <g> and animates dots along paths between
// anchors as simulator events arrive (React never renders inside it). Reduced motion: no flight, the
// change just appears in the other views.
import { easeCubicInOut } from 'd3-ease';
import { select } from 'd3-selection';
import 'd3-transition';
import { useEffect, useRef } from 'react';
import { prefersReducedMotion } from '../sim-runtime/uiStore';
import type { Anchor, Flight } from './flights';

export type AnchorPoint = { x: number; y: number };

const colours: Record<Flight['kind'], string> = {
  record: 'var(--sim-flight)',
  replicate: 'var(--sim-follower)',
  ack: 'var(--sim-ack)',
  fail: 'var(--sim-offline)',
};

/** Most flights alive at once; beyond it new ones are dropped so a flood cannot stall the page. */
const MAX_ACTIVE = 160;

export function useFlightLayer(locate: (a: Anchor) => AnchorPoint | null) {
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

  function launch(flights: Flight[], durationMs: number): void {
    const g = gRef.current;
    if (!g || flights.length === 0 || prefersReducedMotion()) return;
    flights.forEach((f, i) => {
      if (active.current >= MAX_ACTIVE) return;
      const a = locateRef.current(f.from);
      const b = locateRef.current(f.to);
      if (!a || !b) return;
      active.current++;
      const delay = i * durationMs * 0.6;
      const dot = select(g).append('g').attr('transform', `translate(${a.x},${a.y})`).attr('opacity', 0);
      dot
        .append('circle')
        .attr('r', f.kind === 'ack' ? 4 : 6)
        .attr('fill', colours[f.kind])
        .attr('stroke', 'var(--sim-bg)')
        .attr('stroke-width', 1.5);
      if (f.kind === 'fail') {
        dot
          .append('text')
          .attr('x', 8)
          .attr('dy', '0.35em')
          .attr('fill', colours.fail)
          .attr('font-size', 10)
          .attr('font-weight', 700)
          .text(`✕ ${f.label}`);
      } else if (f.label) {
        dot
          .append('text')
          .attr('x', 8)
          .attr('dy', '0.35em')
          .attr('fill', 'var(--sim-fg)')
          .attr('font-size', 9)
          .text(f.label);
      }
      const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - (f.kind === 'replicate' ? 0 : 14) };
      const end = f.kind === 'fail' ? mid : b;
      dot
        .transition()
        .delay(delay)
        .duration(60)
        .attr('opacity', 1)
        .transition()
        .duration(durationMs)
        .ease(easeCubicInOut)
        .attrTween('transform', () => (t: number) => {
          // A gentle arc: quadratic Bézier through a raised midpoint.
          const u = 1 - t;
          const x = u * u * a.x + 2 * u * t * (f.kind === 'replicate' ? mid.x + 30 : mid.x) + t * t * end.x;
          const y = u * u * a.y + 2 * u * t * mid.y + t * t * end.y;
          return `translate(${x},${y})`;
        })
        .transition()
        .duration(f.kind === 'fail' ? 900 : 150)
        .attr('opacity', 0)
        .remove()
        .on('end', () => {
          active.current--;
        })
        .on('interrupt', () => {
          active.current--;
        });
    });
  }

  return { gRef, launch };
}
