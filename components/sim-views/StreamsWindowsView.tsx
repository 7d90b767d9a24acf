'use client';
// Windows on a time axis: for each task's windowed aggregation (tumbling, hopping, sliding or session windows),
// every window of every key as a bar with the time after its end in which it still accepts records (grace; for
// sessions gap + grace), the processor's stream time as a line, closed windows set apart from open ones, and the
// late records it dropped as crosses. Overlapping windows of a key (hopping, sliding) get lanes of their own.
// React renders the SVG; d3-scale maps time to pixels. Everything comes from readModel(sim).streamsApp.
import { scaleLinear } from 'd3-scale';
import { useContext, useRef } from 'react';
import type { StreamsWindowedView } from '@/simulator';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, Panel, PresenterMode } from './ui';
import { useWidth } from './useWidth';

const ROW = 26;
const AXIS = 22;
const LEFT = 44;

function ms(t: number): string {
  return t === 0 || Math.abs(t) >= 1000 ? `${t / 1000}s` : `${t}ms`;
}

const MAX_LANES = 6;

type Placed = StreamsWindowedView['windows'][number] & { lane: number };

/** Greedy lanes per key: a window goes to the first lane whose last window (with its tail) ended before it. */
function layout(
  w: StreamsWindowedView,
  keys: string[],
): { placed: Placed[]; top: number[]; lanes: number[] } {
  const placed: Placed[] = [];
  const lanes: number[] = [];
  for (const k of keys) {
    const ends: number[] = [];
    const mine = w.windows.filter((v) => v.key === k).sort((a, b) => a.start - b.start || a.end - b.end);
    for (const v of mine) {
      let lane = ends.findIndex((e) => e < v.start);
      if (lane < 0) lane = ends.length < MAX_LANES ? ends.length : MAX_LANES - 1;
      ends[lane] = Math.max(ends[lane] ?? -Infinity, v.end + w.closesAfterMs);
      placed.push({ ...v, lane });
    }
    lanes.push(Math.max(1, ends.length));
  }
  const top: number[] = [];
  let y = AXIS;
  for (const n of lanes) {
    top.push(y);
    y += n * ROW;
  }
  return { placed, top, lanes };
}

function shapeText(w: StreamsWindowedView): string {
  if (w.kind === 'sliding') return `sliding, time difference ${ms(w.sizeMs)}, grace ${ms(w.graceMs)}`;
  if (w.kind === 'session') return `session, inactivity gap ${ms(w.sizeMs)}, grace ${ms(w.graceMs)}`;
  return `size ${ms(w.sizeMs)}${w.advanceMs !== w.sizeMs ? `, advance ${ms(w.advanceMs)}` : ''}, grace ${ms(w.graceMs)}`;
}

export function StreamsWindowsView() {
  const sim = useSim();
  const read = useRead(sim);
  if (!read) return null;
  const windowed = read.streamsApps().flatMap((a) => a.windowed.map((w) => ({ app: a.applicationId, w })));
  return (
    <Panel id="sim-streams-windows" title="Windows and stream time">
      {windowed.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No windowed aggregation is running. One such as{' '}
          <code>groupByKey | windowedBy tumbling 5s grace 1s | count</code> (or <code>sliding 10s</code>,{' '}
          <code>session 30s</code>) shows its windows here once a task has processed a record.
        </p>
      ) : (
        <div className="flex flex-col gap-4">
          {windowed.map(({ app, w }) => (
            <WindowChart key={`${app}-${w.task}-${w.node}`} app={app} w={w} />
          ))}
        </div>
      )}
    </Panel>
  );
}

function WindowChart({ app, w }: { app: string; w: StreamsWindowedView }) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = useWidth(ref, 600);
  // On the classroom projector (panel zoom 1.5) the chart is laid out narrower and drawn 1.35× larger, so its
  // smallest label (10 units) stays above 18 px, as the topology graph does.
  const width = useContext(PresenterMode) ? Math.round(shown / 1.35) : shown;
  const keys = [...new Set([...w.windows.map((x) => x.key), ...w.late.map((l) => l.key ?? 'null')])].sort();
  const times = [
    ...w.windows.flatMap((x) => [x.start, x.end + w.closesAfterMs]),
    ...w.late.map((l) => l.timestamp),
    Math.max(0, w.streamTime),
  ];
  const lo = Math.min(...times, 0);
  const hi = Math.max(...times, lo + w.sizeMs);
  const x = scaleLinear()
    .domain([lo, hi])
    .range([LEFT, Math.max(LEFT + 40, width - 12)]);
  const { placed, top, lanes } = layout(w, keys);
  const rows = lanes.reduce((a, b) => a + b, 0);
  const height = AXIS + Math.max(1, rows) * ROW + 18;
  const ticks = x.ticks(Math.max(2, Math.floor(width / 90)));
  const closed = w.windows.filter((v) => v.closed).length;
  const inclusive = w.kind !== 'time';
  const span = (v: { start: number; end: number }) =>
    inclusive ? `[${v.start},${v.end}]` : `[${v.start},${v.end})`;
  const tail = w.kind === 'session' ? 'gap + grace' : 'grace';
  const label = `${app} task ${w.task}, store ${w.store} (${shapeText(w)}): ${w.windows.length} ${w.kind === 'session' ? 'session' : 'window'}(s), ${closed} closed, stream time ${w.streamTime < 0 ? 'none yet' : ms(w.streamTime)}, ${w.late.length} late record(s) dropped`;
  return (
    <figure className="m-0">
      <figcaption className="mb-1 flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300">
        <span className="font-semibold text-slate-900 dark:text-white">
          {app} · task {w.task} · {w.store}
        </span>
        <span>{shapeText(w)}</span>
        <Chip tone="info">stream time {w.streamTime < 0 ? '–' : ms(w.streamTime)}</Chip>
        {w.late.length > 0 ? <Chip tone="bad">{w.late.length} late dropped</Chip> : null}
      </figcaption>
      <div ref={ref} className="w-full overflow-hidden">
        <svg
          viewBox={`0 0 ${width} ${height}`}
          width={shown}
          style={{ maxWidth: '100%', height: 'auto' }}
          role="img"
          aria-label={label}
          className="block"
        >
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={AXIS - 4}
                y2={height - 18}
                className="stroke-slate-200 dark:stroke-slate-700"
              />
              <text
                x={x(t)}
                y={12}
                textAnchor="middle"
                className="fill-slate-600 text-[10px] dark:fill-slate-400"
              >
                {ms(t)}
              </text>
            </g>
          ))}
          {keys.map((k, i) => (
            <text
              key={k}
              x={4}
              y={top[i] + ROW / 2 + 4}
              className="fill-slate-800 text-[11px] font-semibold dark:fill-slate-200"
            >
              {k}
            </text>
          ))}
          {placed.map((v) => {
            const y = top[keys.indexOf(v.key)] + v.lane * ROW + 3;
            const h = ROW - 6;
            const x0 = x(v.start);
            const x1 = x(v.end);
            return (
              <g key={`${v.key}-${v.start}-${v.end}`}>
                <rect
                  x={x1}
                  y={y + h / 4}
                  width={Math.max(0, x(v.end + w.closesAfterMs) - x1)}
                  height={h / 2}
                  className="fill-amber-200 dark:fill-amber-800"
                >
                  <title>{`${tail} of ${span(v)}: accepts records until ${v.end + w.closesAfterMs}`}</title>
                </rect>
                <rect
                  x={x0}
                  y={y}
                  width={Math.max(4, x1 - x0 - (inclusive ? 0 : 1))}
                  height={h}
                  rx={3}
                  className={
                    v.closed
                      ? 'fill-slate-300 stroke-slate-500 dark:fill-slate-600 dark:stroke-slate-400'
                      : 'fill-sky-200 stroke-sky-600 dark:fill-sky-800 dark:stroke-sky-300'
                  }
                >
                  <title>{`${span(v)} ${v.key} = ${v.value} (${v.closed ? 'closed' : 'open'})`}</title>
                </rect>
                <text x={x0 + 4} y={y + h / 2 + 4} className="fill-slate-900 text-[10px] dark:fill-white">
                  {v.value}
                  {v.closed ? ' ✓' : ''}
                </text>
              </g>
            );
          })}
          {w.late.map((l, i) => {
            const row = Math.max(0, keys.indexOf(l.key ?? 'null'));
            const cx = x(l.timestamp);
            const cy = top[row] + ROW / 2;
            return (
              <g key={`late-${i}`} className="stroke-rose-600 dark:stroke-rose-400" strokeWidth={2}>
                <line x1={cx - 5} y1={cy - 5} x2={cx + 5} y2={cy + 5} />
                <line x1={cx - 5} y1={cy + 5} x2={cx + 5} y2={cy - 5} />
                <title>{`late record ${l.key} at ${l.timestamp}: dropped (its window had closed)`}</title>
              </g>
            );
          })}
          {w.streamTime >= 0 ? (
            <g>
              <line
                x1={x(w.streamTime)}
                x2={x(w.streamTime)}
                y1={AXIS - 6}
                y2={height - 16}
                strokeWidth={2}
                strokeDasharray="4 3"
                className="stroke-violet-600 dark:stroke-violet-300"
              />
              <text
                x={x(w.streamTime) > width / 2 ? x(w.streamTime) - 2 : x(w.streamTime) + 2}
                textAnchor={x(w.streamTime) > width / 2 ? 'end' : 'start'}
                y={height - 4}
                className="fill-violet-700 text-[10px] font-semibold dark:fill-violet-300"
              >
                stream time {ms(w.streamTime)}
              </text>
            </g>
          ) : null}
        </svg>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {w.kind === 'session'
          ? 'Blue: open session [first record, last record]; a record within the gap extends it, one that bridges two sessions merges them; grey ✓: closed (session end + gap + grace < stream time); amber: gap + grace; ✕: late record dropped.'
          : w.kind === 'sliding'
            ? 'Blue: open window [start, end], both ends included, one ending at each record and, once later records fall within the time difference, one starting just after it; grey ✓: closed (window end + grace < stream time); amber: grace period; ✕: late record dropped.'
            : 'Blue: open window; grey ✓: closed (window end + grace ≤ stream time, final); amber: grace period; ✕: late record dropped.'}
      </p>
    </figure>
  );
}
