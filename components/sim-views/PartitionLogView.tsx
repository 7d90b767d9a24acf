'use client';
// One partition's log as cells by offset: segments, log start offset, LSO, HW, LEO, each consumer's
// position and each group's committed offset. Records past the HW are drawn hollow (not yet committed,
// invisible to consumers); tombstones and transaction markers have their own shapes and letters.
// Long logs show a window of the newest cells plus an overview strip of the whole log.
import { scaleLinear } from 'd3-scale';
import { useMemo, useRef, useState } from 'react';
import type { GroupView, PartitionLogView as PartitionLog, RecordView } from '@/simulator';
import { useFocus } from '../sim-runtime/focus';
import { useSimUi } from '../sim-runtime/uiStore';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { abbreviateKey, labelRows, labelWidth } from './labelLayout';
import { PartitionPicker } from './PartitionPicker';
import { tpKey } from './readHelpers';
import { memberBadge, memberColour, Panel, SimButton } from './ui';
import { useWidth } from './useWidth';

const CELL = 40;
const MARGIN = 8;

/** How much larger the log is drawn in large mode. */
const LARGE_ZOOM = 1.4;

type Cell = { offset: number; record: RecordView | null; segment: number };

export function PartitionLogView({
  topic: fixedTopic,
  partition: fixedPartition,
}: {
  topic?: string;
  partition?: number;
}) {
  const sim = useSim();
  const read = useRead(sim);
  const focus = useFocus(read);
  const topic = fixedTopic ?? focus.topic;
  const partition = fixedPartition ?? focus.partition;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef);
  const [windowEnd, setWindowEnd] = useState<number | null>(null); // null = follow the log end
  const [hover, setHover] = useState<number | null>(null);
  const log = topic && read ? read.partitionLog(topic, partition) : null;
  const groups = read?.groups().filter((g) => g.subscribedTopics.includes(topic ?? '')) ?? [];

  // Large mode lays the log out for a narrower width and lets the SVG scale it up: fewer, bigger cells and labels.
  const largeMode = useSimUi((s) => s.largeMode);
  const layoutWidth = largeMode ? width / LARGE_ZOOM : width;
  const capacity = Math.max(6, Math.floor((layoutWidth - MARGIN * 2) / CELL));
  const leo = log?.logEndOffset ?? 0;
  const start = log?.logStartOffset ?? 0;
  const end = windowEnd === null ? leo : Math.min(windowEnd, leo);
  const from = Math.max(start, end - capacity);
  const cells = useMemo(
    () => (log ? cellsOf(log, from, Math.min(leo, from + capacity)) : []),
    [log, from, leo, capacity],
  );

  if (!read) return null;
  const hovered = hover === null ? null : (cells.find((c) => c.offset === hover) ?? null);
  const svgWidth = MARGIN * 2 + capacity * CELL;
  const x = scaleLinear()
    .domain([from, from + capacity])
    .range([MARGIN, MARGIN + capacity * CELL]);

  return (
    <Panel
      id="sim-log"
      title="Partition log"
      actions={
        fixedTopic ? null : (
          <PartitionPicker
            read={read}
            topic={topic}
            partition={partition}
            idPrefix="sim-log"
            onChange={(t, p) => {
              focus.setFocus({ topic: t, partition: p });
              setWindowEnd(null);
            }}
          />
        )
      }
    >
      <div ref={wrapRef} className="min-w-0">
        {!log ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No partition to show yet.</p>
        ) : (
          <>
            <p className="mb-1 text-xs text-slate-700 dark:text-slate-300" data-testid="log-offsets">
              {topic}-{partition}
              {log.broker !== null ? ` on broker ${log.broker}` : ''} · log start {log.logStartOffset} · LSO{' '}
              {log.lastStableOffset} · HW {log.highWatermark} · LEO {log.logEndOffset} · {log.segments.length}{' '}
              segment
              {log.segments.length === 1 ? '' : 's'}
            </p>
            <svg
              viewBox={`0 0 ${svgWidth} ${132 + groups.length * 4}`}
              width="100%"
              className="sim-svg block text-[11px]"
              role="group"
              aria-label={`Records of ${topic}-${partition}, offsets ${from} to ${Math.max(from, end - 1)}`}
            >
              <SegmentBrackets log={log} from={from} to={from + capacity} x={x} />
              {cells.map((c) => (
                <RecordCell
                  key={c.offset}
                  cell={c}
                  x={x(c.offset)}
                  committed={c.offset < log.highWatermark}
                  focused={hover === c.offset}
                  onFocus={() => setHover(c.offset)}
                  onBlur={() => setHover((h) => (h === c.offset ? null : h))}
                />
              ))}
              <OffsetMarkers log={log} x={x} from={from} to={from + capacity} />
              <ConsumerMarks
                groups={groups}
                topic={topic ?? ''}
                partition={partition}
                x={x}
                from={from}
                to={from + capacity}
              />
            </svg>
            {log.logEndOffset === log.logStartOffset ? (
              <p className="text-xs text-slate-600 dark:text-slate-400">
                No records in this partition yet: produce one.
              </p>
            ) : null}
            <RecordDetails cell={hovered} />
            <Overview log={log} from={from} to={Math.min(leo, from + capacity)} />
            {leo - start > capacity ? (
              <div className="mt-2 flex flex-wrap gap-2">
                <SimButton
                  label="Show earlier records"
                  disabled={from <= start}
                  onClick={() => setWindowEnd(Math.max(start + capacity, end - capacity))}
                >
                  ◀ Earlier
                </SimButton>
                <SimButton
                  label="Show later records"
                  disabled={windowEnd === null}
                  onClick={() => setWindowEnd(end + capacity >= leo ? null : end + capacity)}
                >
                  Later ▶
                </SimButton>
                <SimButton
                  label="Follow end of the log: show the newest records as they arrive"
                  pressed={windowEnd === null}
                  onClick={() => setWindowEnd(null)}
                >
                  Follow end
                </SimButton>
              </div>
            ) : null}
          </>
        )}
      </div>
    </Panel>
  );
}

function cellsOf(log: PartitionLog, from: number, to: number): Cell[] {
  const byOffset = new Map<number, { record: RecordView; segment: number }>();
  log.segments.forEach((seg, si) => {
    for (const r of seg.records)
      if (r.offset >= from && r.offset < to) byOffset.set(r.offset, { record: r, segment: si });
  });
  const cells: Cell[] = [];
  for (let o = from; o < to; o++) {
    const hit = byOffset.get(o);
    cells.push({ offset: o, record: hit?.record ?? null, segment: hit?.segment ?? -1 });
  }
  return cells;
}

export function describeRecord(r: RecordView | null, offset: number): string {
  if (!r) return `Offset ${offset}: removed by compaction`;
  if (r.kind === 'commit-marker') return `Offset ${offset}: transaction COMMIT marker`;
  if (r.kind === 'abort-marker') return `Offset ${offset}: transaction ABORT marker`;
  const key = r.key === null ? 'no key' : `key ${r.key}`;
  const value = r.kind === 'tombstone' ? 'tombstone (null value)' : `value ${r.value}`;
  const headers =
    r.headers.length > 0 ? `, headers ${r.headers.map(([k, v]) => `${k}=${v}`).join(', ')}` : '';
  return `Offset ${offset}: ${key}, ${value}${headers}${r.transactional ? ', transactional' : ''}`;
}

function RecordCell({
  cell,
  x,
  committed,
  focused,
  onFocus,
  onBlur,
}: {
  cell: Cell;
  x: number;
  committed: boolean;
  focused: boolean;
  onFocus: () => void;
  onBlur: () => void;
}) {
  const r = cell.record;
  const y = 24;
  const h = 36;
  const w = CELL - 4;
  let fill = 'var(--sim-record)';
  let stroke = 'none';
  let letter = '';
  let dash: string | undefined;
  if (!r) {
    fill = 'none';
    stroke = 'var(--sim-line)';
    dash = '2 2';
  } else if (r.kind === 'tombstone') {
    fill = 'var(--sim-bg)';
    stroke = 'var(--sim-tombstone)';
    letter = '∅';
  } else if (r.kind === 'commit-marker' || r.kind === 'abort-marker') {
    fill = 'var(--sim-marker)';
    letter = r.kind === 'commit-marker' ? 'C' : 'A';
  }
  const hollow = r && !committed;
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a focusable cell shows its record's key and value
    <g
      tabIndex={0}
      role="img"
      aria-label={`${describeRecord(r, cell.offset)}${committed ? '' : ', above the high watermark'}`}
      onMouseEnter={onFocus}
      onMouseLeave={onBlur}
      onFocus={onFocus}
      onBlur={onBlur}
      className="sim-cell outline-none"
      data-offset={cell.offset}
      data-kind={r?.kind ?? 'compacted'}
    >
      <title>{describeRecord(r, cell.offset)}</title>
      <rect
        x={x + 2}
        y={y}
        width={w}
        height={h}
        rx={4}
        fill={hollow ? 'var(--sim-bg)' : fill}
        stroke={hollow ? (r?.kind === 'data' ? 'var(--sim-record)' : fill) : stroke}
        strokeWidth={focused ? 3 : 1.5}
        strokeDasharray={hollow ? '3 2' : dash}
        className={r ? 'sim-cell-in' : undefined}
      />
      {focused ? (
        <rect
          x={x}
          y={y - 2}
          width={CELL}
          height={h + 4}
          rx={6}
          fill="none"
          stroke="var(--sim-fg)"
          strokeWidth={1.5}
        />
      ) : null}
      <text
        x={x + CELL / 2}
        y={y + 15}
        textAnchor="middle"
        fill={hollow || !r || r.kind === 'tombstone' ? 'var(--sim-fg)' : 'var(--sim-bg)'}
        fontWeight={600}
      >
        {cell.offset}
      </text>
      <text
        x={x + CELL / 2}
        y={y + 29}
        textAnchor="middle"
        fill={hollow || !r || r.kind === 'tombstone' ? 'var(--sim-muted)' : 'var(--sim-bg)'}
        fontSize={9}
      >
        {letter || abbreviateKey(r?.key ?? '')}
      </text>
    </g>
  );
}

function SegmentBrackets({
  log,
  from,
  to,
  x,
}: {
  log: PartitionLog;
  from: number;
  to: number;
  x: (n: number) => number;
}) {
  return (
    <g>
      {log.segments.map((seg, i) => {
        const a = Math.max(from, seg.baseOffset);
        const b = Math.min(to, Math.max(seg.endOffset, seg.baseOffset + (seg.active ? 0 : 1)));
        if (b <= a && !(seg.active && a === b)) return null;
        const x0 = x(a) + 2;
        const x1 = Math.max(x0 + 6, x(b) - 2);
        return (
          <g key={seg.baseOffset}>
            <path
              d={`M${x0},18V12H${x1}V18`}
              fill="none"
              stroke={seg.active ? 'var(--sim-hw)' : 'var(--sim-muted)'}
              strokeWidth={1.2}
            />
            <text x={x0 + 2} y={9} fill="var(--sim-muted)" fontSize={9}>
              {seg.active ? 'active segment' : `segment ${seg.baseOffset}`}
              {seg.cleaned ? ' (cleaned)' : ''}
              {i === 0 && seg.baseOffset !== log.logStartOffset ? '' : ''}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function OffsetMarkers({
  log,
  x,
  from,
  to,
}: {
  log: PartitionLog;
  x: (n: number) => number;
  from: number;
  to: number;
}) {
  const marks = [
    { label: 'log start', offset: log.logStartOffset, colour: 'var(--sim-muted)' },
    { label: 'LSO', offset: log.lastStableOffset, colour: 'var(--sim-marker)' },
    { label: 'HW', offset: log.highWatermark, colour: 'var(--sim-hw)' },
    { label: 'LEO', offset: log.logEndOffset, colour: 'var(--sim-fg)' },
  ].filter((m) => m.offset >= from && m.offset <= to);
  // Stack labels that would touch, so none hides another.
  const rows = labelRows(
    marks.map((m) => ({ x: x(m.offset) + 3, width: labelWidth(`${m.label} ${m.offset}`) })),
  );
  return (
    <g>
      {marks.map((m, i) => {
        const level = rows[i];
        const px = x(m.offset);
        return (
          <g key={m.label} data-mark={m.label}>
            <line x1={px} x2={px} y1={20} y2={66 + level * 11} stroke={m.colour} strokeWidth={2} />
            <text x={px + 3} y={72 + level * 11} fill={m.colour} fontWeight={700}>
              {m.label} {m.offset}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function ConsumerMarks({
  groups,
  topic,
  partition,
  x,
  from,
  to,
}: {
  groups: GroupView[];
  topic: string;
  partition: number;
  x: (n: number) => number;
  from: number;
  to: number;
}) {
  const key = tpKey(topic, partition);
  const items: Array<{
    id: string;
    offset: number;
    label: string;
    colour: string;
    kind: 'position' | 'committed';
  }> = [];
  for (const g of groups) {
    g.members.forEach((m, i) => {
      const pos = m.positions[key];
      if (pos !== undefined)
        items.push({
          id: `${g.groupId}/${m.memberId}`,
          offset: pos,
          label: `${memberBadge(i)} ${m.name}`,
          colour: memberColour(i),
          kind: 'position',
        });
    });
    const c = g.offsets.find((o) => o.topic === topic && o.partition === partition)?.offset;
    if (c !== undefined)
      items.push({
        id: `${g.groupId}/committed`,
        offset: c,
        label: `${g.groupId} committed`,
        colour: 'var(--sim-fg)',
        kind: 'committed',
      });
  }
  const shown = items.filter((it) => it.offset >= from && it.offset <= to);
  const text = (it: (typeof items)[number]) =>
    it.kind === 'position' ? `${it.label} @${it.offset}` : `${it.label} ${it.offset}`;
  const rows = labelRows(shown.map((it) => ({ x: x(it.offset) + 6, width: labelWidth(text(it)) })));
  return (
    <g>
      {shown.map((it, i) => {
        const px = x(it.offset);
        const y = 106 + (rows[i] % 3) * 11;
        return (
          <g key={it.id} data-consumer={it.id}>
            {it.kind === 'position' ? (
              <path d={`M${px},${y - 10}l-5,8h10z`} fill={it.colour} />
            ) : (
              <path d={`M${px},${y - 11}l4,4l-4,4l-4,-4z`} fill="none" stroke={it.colour} strokeWidth={1.5} />
            )}
            <text x={px + 6} y={y - 3} fill={it.colour} fontWeight={600}>
              {text(it)}
            </text>
          </g>
        );
      })}
    </g>
  );
}

function RecordDetails({ cell }: { cell: Cell | null }) {
  return (
    <p className="mt-1 min-h-[1.5rem] text-xs text-slate-700 dark:text-slate-300" aria-live="polite">
      {cell
        ? describeRecord(cell.record, cell.offset)
        : 'Hover over or focus a record to see its key and value.'}
    </p>
  );
}

function Overview({ log, from, to }: { log: PartitionLog; from: number; to: number }) {
  const start = log.logStartOffset;
  const leo = Math.max(log.logEndOffset, start + 1);
  const x = scaleLinear().domain([start, leo]).range([0, 100]);
  return (
    <svg
      viewBox="0 0 100 8"
      preserveAspectRatio="none"
      width="100%"
      height={10}
      aria-hidden="true"
      className="mt-1 block"
    >
      <rect x={0} y={2} width={100} height={4} fill="var(--sim-line)" />
      {log.segments.map((s) => (
        <rect
          key={s.baseOffset}
          x={x(Math.max(start, s.baseOffset))}
          y={1}
          width={0.4}
          height={6}
          fill="var(--sim-muted)"
        />
      ))}
      <rect
        x={x(start)}
        y={2}
        width={Math.max(0, x(log.highWatermark) - x(start))}
        height={4}
        fill="var(--sim-record)"
      />
      <rect
        x={x(from)}
        y={0}
        width={Math.max(1, x(to) - x(from))}
        height={8}
        fill="none"
        stroke="var(--sim-fg)"
        strokeWidth={0.6}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
