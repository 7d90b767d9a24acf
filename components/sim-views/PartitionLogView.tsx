'use client';
// One partition's log as cells by offset: segments, log start offset, LSO, HW, LEO, each consumer's
// position and each group's committed offset. Records past the HW are drawn hollow (not yet committed,
// invisible to consumers); tombstones and transaction markers have their own shapes and letters.
// Long logs show a window of the newest cells plus an overview strip of the whole log.
import { scaleLinear } from 'd3-scale';
import { useContext, useMemo, useRef, useState } from 'react';
import type { GroupView, PartitionLogView as PartitionLog, RecordView } from '@/simulator';
import { useFocus } from '../sim-runtime/focus';
import { useShownCluster } from '../sim-runtime/shownCluster';
import { useSimUi } from '../sim-runtime/uiStore';
import { useSim } from '../sim-runtime/useSimulation';
import { ClusterPicker } from './ClusterPicker';
import { keyLines, labelRows, labelWidth } from './labelLayout';
import { PartitionPicker } from './PartitionPicker';
import { tpKey } from './readHelpers';
import { memberBadge, memberColour, Panel, PresenterMode, SimButton } from './ui';
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
  const onCluster = useShownCluster(sim);
  const { read } = onCluster;
  const focus = useFocus(read);
  const topic = fixedTopic ?? focus.topic;
  const partition = fixedPartition ?? focus.partition;
  const wrapRef = useRef<HTMLDivElement>(null);
  const width = useWidth(wrapRef);
  const [windowEnd, setWindowEnd] = useState<number | null>(null); // null = follow the log end
  const [hover, setHover] = useState<number | null>(null);
  const log = topic && read ? read.partitionLog(topic, partition) : null;
  const groups = read?.groups().filter((g) => g.subscribedTopics.includes(topic ?? '')) ?? [];

  // Large mode and the classroom projector lay the log out for a narrower width and let the SVG scale it up: fewer,
  // bigger cells and labels (on the projector its smallest label, 9 units, reaches 18 px with the panel's zoom).
  const largeMode = useSimUi((s) => s.largeMode);
  const projected = useContext(PresenterMode);
  const layoutWidth = largeMode || projected ? width / LARGE_ZOOM : width;
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
  const marks = log
    ? labelBands(log, groups, tpKey(topic ?? '', partition), x, from, from + capacity)
    : { consumerTop: 0, consumerRows: 0 };

  return (
    <Panel
      id="sim-log"
      title="Partition log"
      actions={
        <>
          <ClusterPicker view={onCluster} />
          {fixedTopic ? null : (
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
          )}
        </>
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
              viewBox={`0 0 ${svgWidth} ${Math.max(132, marks.consumerTop + marks.consumerRows * LABEL_ROW + 6)}`}
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
              {/* An empty log has nothing to mark: the line above states its offsets, the note below says why. */}
              {leo > start ? <OffsetMarkers log={log} x={x} from={from} to={from + capacity} /> : null}
              <ConsumerMarks
                groups={groups}
                topic={topic ?? ''}
                partition={partition}
                x={x}
                from={from}
                to={from + capacity}
                top={marks.consumerTop}
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
      <KeyText
        x={x + CELL / 2}
        y={y}
        width={w - 4}
        text={letter}
        recordKey={r?.key ?? ''}
        fill={hollow || !r || r.kind === 'tombstone' ? 'var(--sim-muted)' : 'var(--sim-bg)'}
      />
    </g>
  );
}

/**
 * The key under the offset: whole, on one line or two (keyLines), squeezed to the cell's width when a line is wider
 * than it (about 0.55 em a character); a marker's letter on one line.
 */
function KeyText({
  x,
  y,
  width,
  text,
  recordKey,
  fill,
}: {
  x: number;
  y: number;
  width: number;
  text: string;
  recordKey: string;
  fill: string;
}) {
  const projected = useContext(PresenterMode);
  // On the projector a key stays on one line at 9 units (its 18 px floor), squeezed to the cell; elsewhere two
  // lines of 8 units fit under the offset.
  const lines = text
    ? [text]
    : projected
      ? [recordKey.length <= 14 ? recordKey : `${recordKey.slice(0, 6)}…${recordKey.slice(-6)}`]
      : keyLines(recordKey);
  const size = lines.length === 1 ? 9 : 8;
  return (
    <text x={x} textAnchor="middle" fill={fill} fontSize={size}>
      {lines.map((line, i) => (
        <tspan
          key={`${i}:${line}`}
          x={x}
          y={lines.length === 1 ? y + 29 : y + 25 + i * 8}
          {...(line.length * size * 0.55 > width
            ? { textLength: width, lengthAdjust: 'spacingAndGlyphs' as const }
            : {})}
        >
          {line}
        </tspan>
      ))}
    </text>
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
      {log.segments.map((seg) => {
        const a = Math.max(from, seg.baseOffset);
        const b = Math.min(to, Math.max(seg.endOffset, seg.baseOffset + (seg.active ? 0 : 1)));
        if (b <= a && !(seg.active && a === b)) return null;
        const x0 = x(a) + 2;
        const x1 = Math.max(x0 + 6, x(b) - 2);
        // The longest name that fits over its bracket, so short segments side by side never print over each other.
        const label = segmentLabel(seg, x1 - x0 - 2);
        return (
          <g key={seg.baseOffset}>
            <path
              d={`M${x0},18V12H${x1}V18`}
              fill="none"
              stroke={seg.active ? 'var(--sim-hw)' : 'var(--sim-muted)'}
              strokeWidth={1.2}
            />
            {label ? (
              <text x={x0 + 2} y={9} fill="var(--sim-muted)" fontSize={9}>
                {label}
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
}

/** 9-unit segment labels: about 5.4 units a character. */
const SEGMENT_CHAR_WIDTH = 5.4;

function segmentLabel(seg: PartitionLog['segments'][number], room: number): string | null {
  const names = seg.active
    ? ['active segment', 'active']
    : [
        `segment ${seg.baseOffset}${seg.cleaned ? ' (cleaned)' : ''}`,
        `segment ${seg.baseOffset}`,
        `${seg.baseOffset}`,
      ];
  return names.find((name) => labelWidth(name, SEGMENT_CHAR_WIDTH) <= room) ?? null;
}

/** Baseline of the first row of offset labels, and the distance between rows (11 px labels, line height 1.2). */
const MARK_TOP = 72;
const LABEL_ROW = 13;

type OffsetMark = { label: string; offset: number; colour: string };

function offsetMarks(log: PartitionLog, from: number, to: number): OffsetMark[] {
  return [
    { label: 'log start', offset: log.logStartOffset, colour: 'var(--sim-muted)' },
    { label: 'LSO', offset: log.lastStableOffset, colour: 'var(--sim-marker)' },
    { label: 'HW', offset: log.highWatermark, colour: 'var(--sim-hw)' },
    { label: 'LEO', offset: log.logEndOffset, colour: 'var(--sim-fg)' },
  ].filter((m) => m.offset >= from && m.offset <= to);
}

/**
 * Where a marker's label starts: right of its line, or left of it where it would cross the drawing's right edge
 * (`right`, in user units): a full window's LEO sits at that edge.
 */
function markLabelX(m: OffsetMark, x: (n: number) => number, right: number): number {
  const px = x(m.offset);
  const w = labelWidth(`${m.label} ${m.offset}`);
  return px + 3 + w > right ? px - 3 - w : px + 3;
}

/** Stack labels that would touch, so none hides another. */
function offsetMarkRows(marks: readonly OffsetMark[], x: (n: number) => number, right: number): number[] {
  return labelRows(
    marks.map((m) => ({ x: markLabelX(m, x, right), width: labelWidth(`${m.label} ${m.offset}`) })),
  );
}

type ConsumerItem = {
  id: string;
  offset: number;
  label: string;
  colour: string;
  kind: 'position' | 'committed';
};

function consumerItems(groups: readonly GroupView[], key: string, from: number, to: number): ConsumerItem[] {
  const items: ConsumerItem[] = [];
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
    const c = g.offsets.find((o) => tpKey(o.topic, o.partition) === key)?.offset;
    if (c !== undefined)
      items.push({
        id: `${g.groupId}/committed`,
        offset: c,
        label: `${g.groupId} committed`,
        colour: 'var(--sim-fg)',
        kind: 'committed',
      });
  }
  return items.filter((it) => it.offset >= from && it.offset <= to);
}

const consumerText = (it: ConsumerItem) =>
  it.kind === 'position' ? `${it.label} @${it.offset}` : `${it.label} ${it.offset}`;

/** Right of the consumer's mark, or left of it where the label would cross the drawing's right edge. */
function consumerLabelX(it: ConsumerItem, x: (n: number) => number, right: number): number {
  const px = x(it.offset);
  const w = labelWidth(consumerText(it));
  return px + 6 + w > right ? px - 6 - w : px + 6;
}

function consumerRows(items: readonly ConsumerItem[], x: (n: number) => number, right: number): number[] {
  return labelRows(
    items.map((it) => ({ x: consumerLabelX(it, x, right), width: labelWidth(consumerText(it)) })),
  );
}

/**
 * The bands of labels under the cells: the offset markers' rows, then the consumers' rows below all of them, so a
 * consumer's label never lands on a marker's (the drawing grows by a row where labels stack).
 */
function labelBands(
  log: PartitionLog,
  groups: readonly GroupView[],
  key: string,
  x: (n: number) => number,
  from: number,
  to: number,
): { consumerTop: number; consumerRows: number } {
  const markRows =
    log.logEndOffset > log.logStartOffset
      ? offsetMarkRows(offsetMarks(log, from, to), x, x(to) + MARGIN)
      : [];
  const used = markRows.length === 0 ? 0 : Math.max(...markRows) + 1;
  const rows = consumerRows(consumerItems(groups, key, from, to), x, x(to) + MARGIN);
  return {
    consumerTop: MARK_TOP + Math.max(used, 1) * LABEL_ROW + 4,
    consumerRows: rows.length === 0 ? 0 : Math.max(...rows) + 1,
  };
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
  const marks = offsetMarks(log, from, to);
  const right = x(to) + MARGIN;
  const rows = offsetMarkRows(marks, x, right);
  return (
    <g>
      {marks.map((m, i) => {
        const level = rows[i];
        const px = x(m.offset);
        return (
          <g key={m.label} data-mark={m.label}>
            <line
              x1={px}
              x2={px}
              y1={20}
              y2={MARK_TOP - 6 + level * LABEL_ROW}
              stroke={m.colour}
              strokeWidth={2}
            />
            <text
              x={markLabelX(m, x, right)}
              y={MARK_TOP + level * LABEL_ROW}
              fill={m.colour}
              fontWeight={700}
            >
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
  top,
}: {
  groups: GroupView[];
  topic: string;
  partition: number;
  x: (n: number) => number;
  from: number;
  to: number;
  /** Baseline of the first row of consumer labels (below the offset markers' rows). */
  top: number;
}) {
  const shown = consumerItems(groups, tpKey(topic, partition), from, to);
  const right = x(to) + MARGIN;
  const rows = consumerRows(shown, x, right);
  return (
    <g>
      {shown.map((it, i) => {
        const px = x(it.offset);
        const y = top + rows[i] * LABEL_ROW + 3;
        return (
          <g key={it.id} data-consumer={it.id}>
            {it.kind === 'position' ? (
              <path d={`M${px},${y - 10}l-5,8h10z`} fill={it.colour} />
            ) : (
              <path d={`M${px},${y - 11}l4,4l-4,4l-4,-4z`} fill="none" stroke={it.colour} strokeWidth={1.5} />
            )}
            <text x={consumerLabelX(it, x, right)} y={y - 3} fill={it.colour} fontWeight={600}>
              {consumerText(it)}
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
