'use client';
// The cluster map, the course's picture of the whole data path: producers on the left, brokers in the middle with
// each partition's replicas as small logs (leader and followers where they live, ISR membership in shape and text,
// HW and LEO per replica), consumer groups on the right with their members' partitions. React draws the SVG from
// the read model; d3 supplies the band scale, the symbols and the one <g> the moving marks live in. Marks come
// from the simulator's events only (clusterMapMarks.ts) and play at the speed of the playground's clock.
import { scaleSqrt } from 'd3-scale';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReadModel } from '@/simulator';
import { useFocus } from '../sim-runtime/focus';
import { eventsOfCluster, shownReadNow, useShownCluster } from '../sim-runtime/shownCluster';
import { prefersReducedMotion, useSimUi } from '../sim-runtime/uiStore';
import { useSim, useSimEvents } from '../sim-runtime/useSimulation';
import { ClusterMapSummary } from './ClusterMapSummary';
import { ClusterPicker } from './ClusterPicker';
import {
  type BrokerSlot,
  clusterMapLayout,
  type GroupSlot,
  locateAnchor,
  logWindow,
  type MapLayout,
  offsetLabel,
  type ReplicaSlot,
} from './clusterMapLayout';
import {
  anchorKey,
  type Flow,
  flowsFor,
  MAX_MARKS,
  type Mark,
  type MarkStage,
  marksFor,
} from './clusterMapMarks';
import { clusterMapModel, type MapReplica, replicaRoleText } from './clusterMapModel';
import { tpKey } from './readHelpers';
import { Panel, PresenterMode, SimButton } from './ui';
import { stageColour, useMapMarks } from './useMapMarks';
import { useWidth } from './useWidth';

type TrailEntry = {
  id: number;
  stage: MarkStage;
  tp: string | null;
  offset: number | null;
  from: string;
  to: string;
  text: string;
  animated: boolean;
  flow: boolean;
};

/** How many arrivals the text trail keeps. */
const TRAIL = 12;

/** Each group member's owned partitions, by member name. */
function ownedOf(read: ReadModel): Map<string, string[]> {
  return new Map(
    read
      .groups()
      .flatMap((g) =>
        g.members.map((m) => [m.name, m.owned.map((tp) => tpKey(tp.topic, tp.partition))] as const),
      ),
  );
}
let trailIds = 0;

export function ClusterMapView() {
  const sim = useSim();
  const onCluster = useShownCluster(sim);
  const { read } = onCluster;
  const shownRef = useRef(onCluster.shown);
  shownRef.current = onCluster.shown;
  const focus = useFocus(read);
  const presenter = useContext(PresenterMode);
  const largeMode = useSimUi((s) => s.largeMode);
  const speed = useSimUi((s) => s.speed);
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 960);
  // The smallest label: a projector needs 20 px at 10 m; large mode and a laptop less. A presenter page opened
  // on a phone keeps the phone's size (20 px labels would not fit one replica's row).
  const projected = presenter && width >= 640;
  const font = projected ? 20 : largeMode && width >= 480 ? 16 : 13;
  const [shownBroker, setShownBroker] = useState<number | null>(null);
  const [trail, setTrail] = useState<TrailEntry[]>([]);
  const [batch, setBatch] = useState<TrailEntry[]>([]);
  const [flows, setFlows] = useState<{ id: number; list: Flow[] } | null>(null);
  const [detail, setDetail] = useState<string | null>(null);

  const model = useMemo(() => (read ? clusterMapModel(read) : null), [read]);
  const layout = useMemo(
    () => (model ? clusterMapLayout(model, { width, font, broker: shownBroker }) : null),
    [model, width, font, shownBroker],
  );
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const locate = useCallback(
    (a: Parameters<typeof locateAnchor>[1]) =>
      layoutRef.current ? locateAnchor(layoutRef.current, a) : null,
    [],
  );
  const { gRef, play } = useMapMarks(locate, font);

  const arrive = useCallback((m: Mark | Flow, animated: boolean, flow = false) => {
    const entry: TrailEntry = {
      id: ++trailIds,
      stage: m.stage,
      tp: 'tp' in m ? m.tp : null,
      offset: 'offset' in m ? m.offset : null,
      from: anchorKey(m.from),
      to: anchorKey(m.to),
      text: m.text,
      animated,
      flow,
    };
    setTrail((t) => [...t.slice(-(TRAIL - 1)), entry]);
    setBatch((b) => [...b, entry]);
  }, []);

  // Who owned what before each batch: a cooperative rebalance then moves only the partitions that change owner.
  const ownedRef = useRef<Map<string, string[]> | null>(null);
  useEffect(() => {
    ownedRef.current = ownedOf(shownReadNow(sim));
  }, [sim]);
  useSimEvents(sim, (all) => {
    // Only the cluster shown moves marks (another region's records travel on its own map).
    const events = eventsOfCluster(all, shownRef.current);
    const now = shownReadNow(sim);
    const before = ownedRef.current;
    const marks = marksFor(events, {
      leaderOf: (tp) => leaderIn(now, tp),
      coordinatorOf: (g) => now.group(g)?.coordinator ?? null,
      groupOf: (c) => now.consumer(c)?.groupId ?? null,
      protocolOf: (g) => now.group(g)?.rebalanceProtocol ?? null,
      ownedBefore: (c) => before?.get(c) ?? null,
    });
    ownedRef.current = ownedOf(now);
    if (marks.length === 0) return;
    setBatch([]);
    if (marks.length > MAX_MARKS) {
      // Faster than the eye can follow: one flow per path, its width the rate.
      const list = flowsFor(marks);
      setFlows({ id: ++trailIds, list });
      for (const f of list) arrive(f, false, true);
      return;
    }
    setFlows(null);
    play(marks, Math.round(650 / speed), (m, animated) => arrive(m, animated));
  });

  if (!read || !model || !layout) return null;
  const reduced = prefersReducedMotion();
  const latest = trail.at(-1);

  return (
    <Panel id="sim-map" title="Cluster map" actions={<ClusterPicker view={onCluster} />}>
      {layout.narrow && model.brokers.length > 1 ? (
        <div className="mb-2 flex flex-wrap items-center gap-1.5" role="group" aria-label="Broker shown">
          <span className="text-xs font-medium text-slate-700 dark:text-slate-300">Show</span>
          {model.brokers.map((b) => (
            <SimButton
              key={b.id}
              pressed={(layout.brokers[0]?.broker.id ?? null) === b.id}
              onClick={() => setShownBroker(b.id)}
            >
              Broker {b.id}
              {b.state === 'online' ? '' : ` (${b.state})`}
            </SimButton>
          ))}
        </div>
      ) : null}
      <div ref={box} className="cluster-map relative w-full">
        <svg
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          width="100%"
          className="sim-svg block"
          role="group"
          aria-label="Cluster map: producers, brokers with their replicas, consumer groups. The list below says the same in words."
          style={{ fontSize: font, height: 'auto' }}
          data-testid="cluster-map"
          data-font={font}
          data-layout={layout.mode}
        >
          {layout.headings.map((h) => (
            <text key={h.text} x={h.x} y={h.y} fill="var(--sim-muted)" fontWeight={700} fontSize={font}>
              {h.text}
            </text>
          ))}
          {layout.producers.map((p) => (
            <g key={p.producer.name} data-producer={p.producer.name}>
              <rect
                x={p.x}
                y={p.y}
                width={p.w}
                height={p.h}
                rx={font * 0.5}
                fill="var(--sim-surface)"
                stroke="var(--sim-flight)"
                strokeWidth={1.5}
              />
              <text x={p.x + font * 0.6} y={p.y + font * 1.45} fill="var(--sim-fg)" fontWeight={700}>
                producer {p.producer.name}
              </text>
              <text x={p.x + font * 0.6} y={p.y + font * 2.85} fill="var(--sim-muted)">
                acks={p.producer.acks}
                {p.producer.buffered > 0 ? ` · ${p.producer.buffered} buffered` : ''}
              </text>
            </g>
          ))}
          {layout.producers.length === 0 ? (
            <text x={font * 0.5} y={font * 3.3} fill="var(--sim-muted)">
              no producer
            </text>
          ) : null}
          {layout.brokers.map((b) => (
            <Broker
              key={b.broker.id}
              slot={b}
              font={font}
              read={read}
              focusTp={focus.topic ? tpKey(focus.topic, focus.partition ?? 0) : null}
              onDetail={setDetail}
            />
          ))}
          <LeaderHalos layout={layout} />
          {layout.groups.map((g) => (
            <Group key={g.group.groupId} slot={g} font={font} />
          ))}
          {layout.groups.length === 0 ? (
            <text
              x={layout.headings.at(-1)?.x ?? 0}
              y={(layout.headings.at(-1)?.y ?? 0) + font * 1.8}
              fill="var(--sim-muted)"
            >
              no consumer group
            </text>
          ) : null}
          {flows ? <Flows key={flows.id} flows={flows.list} layout={layout} /> : null}
          <g ref={gRef} />
        </svg>
      </div>
      <MapLegend large={projected} />
      <p
        className="mt-2 min-h-[1.5rem] text-sm text-slate-800 dark:text-slate-200"
        data-testid="cluster-map-detail"
      >
        {detail ?? 'Point at, tap or focus a replica to read its records’ keys and values.'}
      </p>
      <div
        aria-live="polite"
        className="mt-1 text-sm text-slate-800 dark:text-slate-200"
        data-testid="map-narration"
      >
        {reduced && batch.length > 1 ? (
          // Without motion the words carry the journey: every step of the last change, in order.
          <ol className="list-decimal pl-5">
            {batch.map((e) => (
              <li key={e.id}>{e.text}</li>
            ))}
          </ol>
        ) : latest ? (
          <p>{latest.text}</p>
        ) : (
          <p className="text-slate-600 dark:text-slate-400">Produce a record to watch it travel.</p>
        )}
      </div>
      <ol className="sr-only" data-testid="cluster-map-trail" aria-label="Recent movements">
        {trail.map((e) => (
          <li
            key={e.id}
            data-stage={e.stage}
            data-tp={e.tp ?? ''}
            data-offset={e.offset ?? ''}
            data-from={e.from}
            data-to={e.to}
            data-animated={String(e.animated)}
            data-flow={String(e.flow)}
          >
            {e.text}
          </li>
        ))}
      </ol>
      <ClusterMapSummary model={model} />
    </Panel>
  );
}

function leaderIn(read: ReadModel, tp: string): number | null {
  const cut = tp.lastIndexOf('-');
  return read.partition(tp.slice(0, cut), Number(tp.slice(cut + 1)))?.leader ?? null;
}

const stateWords = { online: 'online', stopped: 'stopped', isolated: 'isolated' } as const;

function Broker({
  slot,
  font,
  read,
  focusTp,
  onDetail,
}: {
  slot: BrokerSlot;
  font: number;
  read: ReadModel;
  focusTp: string | null;
  onDetail: (text: string | null) => void;
}) {
  const down = slot.broker.state !== 'online';
  return (
    <g data-broker={slot.broker.id} data-state={slot.broker.state} className="cm-broker">
      <rect
        x={slot.x}
        y={slot.y}
        width={slot.w}
        height={slot.h}
        rx={font * 0.6}
        fill={down ? 'none' : 'var(--sim-surface)'}
        stroke={down ? 'var(--sim-offline)' : 'var(--sim-line)'}
        strokeWidth={down ? 2 : 1}
        strokeDasharray={down ? '6 4' : undefined}
      />
      <text x={slot.x + font * 0.6} y={slot.y + font * 1.5} fill="var(--sim-fg)" fontWeight={700}>
        Broker {slot.broker.id}
      </text>
      <text
        x={slot.x + slot.w - font * 0.6}
        y={slot.y + font * 1.5}
        textAnchor="end"
        fill={down ? 'var(--sim-offline)' : 'var(--sim-muted)'}
        fontWeight={down ? 700 : 400}
      >
        {down ? '■ ' : '● '}
        {stateWords[slot.broker.state]}
      </text>
      <g opacity={down ? 0.55 : 1}>
        {slot.replicas.map((r) => (
          <Replica
            key={r.replica.tp}
            slot={r}
            font={font}
            read={read}
            focused={focusTp === r.replica.tp}
            onDetail={onDetail}
          />
        ))}
      </g>
      {slot.replicas.length === 0 ? (
        <text x={slot.x + font * 0.6} y={slot.y + font * 3.8} fill="var(--sim-muted)">
          no replicas
        </text>
      ) : null}
    </g>
  );
}

function recordsText(read: ReadModel, r: MapReplica, from: number, to: number): string {
  const log = read.partitionLog(r.topic, r.partition);
  const records = (log?.segments ?? [])
    .flatMap((s) => s.records)
    .filter((rec) => rec.offset >= from && rec.offset < to);
  if (records.length === 0) return 'no records';
  return records
    .slice(-4)
    .map(
      (rec) =>
        `offset ${rec.offset}: key ${rec.key ?? '(none)'}, value ${rec.kind === 'tombstone' ? '(tombstone)' : (rec.value ?? '(none)')}`,
    )
    .join('; ');
}

function replicaLabel(r: MapReplica): string {
  return `${r.tp} on broker ${r.broker}: ${replicaRoleText(r.role)}, high watermark ${r.highWatermark}, log end offset ${r.logEndOffset}`;
}

function Replica({
  slot,
  font,
  read,
  focused,
  onDetail,
}: {
  slot: ReplicaSlot;
  font: number;
  read: ReadModel;
  focused: boolean;
  onDetail: (text: string | null) => void;
}) {
  const r = slot.replica;
  const win = logWindow(r, slot.log, font);
  const cells = Math.max(0, win.to - win.from);
  const hwX = slot.log.x + (Math.min(Math.max(r.highWatermark, win.from), win.to) - win.from) * win.cell;
  const cy = slot.y + slot.h / 2;
  const badgeX = slot.x + font * 0.9;
  const show = (offset?: number) =>
    onDetail(
      offset === undefined
        ? `${replicaLabel(r)}. ${recordsText(read, r, win.from, win.to)}`
        : `${r.tp} offset ${offset} on broker ${r.broker}: ${recordsText(read, r, offset, offset + 1).replace(/^offset \d+: /, '')}${offset >= r.highWatermark ? ' (above the high watermark: not yet committed)' : ''}`,
    );
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a focusable row shows its records' keys and values
    <g
      role="img"
      tabIndex={0}
      aria-label={replicaLabel(r)}
      data-replica={`${r.tp}@${r.broker}`}
      data-role={r.role}
      data-hw={r.highWatermark}
      data-leo={r.logEndOffset}
      className="cm-replica"
      onFocus={() => show()}
      onMouseEnter={() => show()}
      onClick={() => show()}
    >
      <rect
        x={slot.x}
        y={slot.y}
        width={slot.w}
        height={slot.h}
        rx={font * 0.3}
        fill={focused ? 'var(--sim-bg)' : 'transparent'}
      />
      <RoleBadge role={r.role} x={badgeX} y={cy} r={font * 0.78} font={font} />
      <text x={badgeX + font * 1.05} y={cy + font * 0.35} fill="var(--sim-fg)" fontWeight={600}>
        {r.tp}
      </text>
      {Array.from({ length: cells }, (_, i) => {
        const offset = win.from + i;
        const committed = offset < r.highWatermark;
        return (
          // biome-ignore lint/a11y/noStaticElementInteractions: pointer shortcut; the row's focus reads the same
          <rect
            key={offset}
            x={slot.log.x + i * win.cell + 1}
            y={slot.log.y}
            width={Math.max(1, win.cell - 2)}
            height={slot.log.h}
            rx={2}
            fill={committed ? 'var(--sim-record)' : 'var(--sim-bg)'}
            stroke={committed ? 'none' : 'var(--sim-record)'}
            strokeDasharray={committed ? undefined : '3 2'}
            onMouseEnter={() => show(offset)}
            onClick={(e) => {
              e.stopPropagation();
              show(offset);
            }}
          />
        );
      })}
      {cells === 0 ? (
        <line
          x1={slot.log.x}
          x2={slot.log.x + slot.log.w}
          y1={slot.log.y + slot.log.h / 2}
          y2={slot.log.y + slot.log.h / 2}
          stroke="var(--sim-line)"
          strokeDasharray="2 3"
        />
      ) : null}
      {/* The HW mark: a bar at the first offset consumers cannot read yet, sliding as it advances. */}
      <g className="cm-move" style={{ transform: `translateX(${hwX}px)` }} data-mark-hw={r.highWatermark}>
        <line
          x1={0}
          x2={0}
          y1={slot.log.y - font * 0.35}
          y2={slot.log.y + slot.log.h + font * 0.35}
          stroke="var(--sim-hw)"
          strokeWidth={3}
        />
      </g>
      <text
        x={slot.x + slot.w - font * 0.4}
        y={cy + font * 0.35}
        textAnchor="end"
        fill={r.role === 'out-of-sync' ? 'var(--sim-fg)' : 'var(--sim-muted)'}
        fontWeight={r.role === 'out-of-sync' ? 700 : 400}
      >
        HW {offsetLabel(r.highWatermark)} · LEO {offsetLabel(r.logEndOffset)}
      </text>
    </g>
  );
}

/** Leader: filled circle "L"; in-sync follower: ring "F"; out of sync: dashed ring "F!"; offline: crossed ring. */
function RoleBadge({
  role,
  x,
  y,
  r,
  font,
}: {
  role: MapReplica['role'];
  x: number;
  y: number;
  r: number;
  font: number;
}) {
  if (role === 'offline') {
    return (
      <g transform={`translate(${x},${y})`}>
        <circle r={r} fill="none" stroke="var(--sim-offline)" strokeWidth={1.5} />
        <path
          d={`M${-r / 2},${-r / 2}L${r / 2},${r / 2}M${r / 2},${-r / 2}L${-r / 2},${r / 2}`}
          stroke="var(--sim-offline)"
          strokeWidth={2}
        />
      </g>
    );
  }
  if (role === 'leader') {
    return (
      <g transform={`translate(${x},${y})`}>
        <circle r={r} fill="var(--sim-leader)" />
        <text textAnchor="middle" dy="0.35em" fill="var(--sim-bg)" fontWeight={700} fontSize={font}>
          L
        </text>
      </g>
    );
  }
  const inSync = role === 'follower';
  return (
    <g transform={`translate(${x},${y})`}>
      <circle
        r={r - 1}
        fill="var(--sim-bg)"
        stroke={inSync ? 'var(--sim-follower)' : 'var(--sim-out-of-sync)'}
        strokeWidth={2}
        strokeDasharray={inSync ? undefined : '3 2'}
      />
      <text
        textAnchor="middle"
        dy="0.35em"
        fill="var(--sim-fg)"
        fontWeight={700}
        fontSize={font}
        letterSpacing={inSync ? undefined : -1}
      >
        {inSync ? 'F' : 'F!'}
      </text>
    </g>
  );
}

/**
 * One outline per partition around its leader's row. It is keyed by partition, not by broker, so when the
 * leadership moves the outline slides from the old leader's row to the new one (CSS, instant under reduced motion).
 */
function LeaderHalos({ layout }: { layout: MapLayout }) {
  const rows = layout.brokers.flatMap((b) => b.replicas).filter((r) => r.replica.role === 'leader');
  return (
    <g>
      {rows.map((r) => (
        <g
          key={r.replica.tp}
          className="cm-move"
          style={{ transform: `translate(${r.x}px, ${r.y}px)` }}
          data-leader-halo={r.replica.tp}
          data-broker={r.replica.broker}
        >
          <rect
            width={r.w}
            height={r.h}
            rx={layout.font * 0.3}
            fill="none"
            stroke="var(--sim-leader)"
            strokeWidth={2}
          />
        </g>
      ))}
    </g>
  );
}

function Group({ slot, font }: { slot: GroupSlot; font: number }) {
  const g = slot.group;
  return (
    <g data-group={g.groupId}>
      <rect
        x={slot.x}
        y={slot.y}
        width={slot.w}
        height={slot.h}
        rx={font * 0.6}
        fill="var(--sim-surface)"
        stroke="var(--sim-line)"
      />
      <text x={slot.x + font * 0.6} y={slot.y + font * 1.5} fill="var(--sim-fg)" fontWeight={700}>
        {g.groupId}
      </text>
      <text x={slot.x + slot.w - font * 0.6} y={slot.y + font * 1.5} textAnchor="end" fill="var(--sim-muted)">
        {g.state}
      </text>
      {g.members.length === 0 ? (
        <text x={slot.x + font * 0.6} y={slot.y + font * 3.3} fill="var(--sim-muted)">
          no members
        </text>
      ) : null}
      {slot.members.map((m, i) => {
        const member = g.members[i];
        return (
          <g key={m.name} data-member={m.name}>
            <text x={m.x + font * 0.5} y={m.y + font * 1.2} fill="var(--sim-fg)" fontWeight={600}>
              consumer {m.name}
            </text>
            {member.owned.length === 0 ? (
              <text x={m.x + font * 0.5} y={m.y + font * 3} fill="var(--sim-muted)">
                no partitions
              </text>
            ) : null}
            {m.chips.map((c, j) => {
              const o = member.owned[j];
              return (
                <g key={c.tp} data-owned={c.tp} className="sim-pop">
                  <rect
                    x={c.x}
                    y={c.y}
                    width={c.w}
                    height={c.h}
                    rx={c.h / 2}
                    fill="var(--sim-bg)"
                    stroke={o.revoking ? 'var(--sim-out-of-sync)' : 'var(--sim-member-1)'}
                    strokeDasharray={o.revoking ? '3 2' : undefined}
                    strokeWidth={1.5}
                  />
                  <text x={c.x + font * 0.6} y={c.y + c.h / 2 + font * 0.35} fill="var(--sim-fg)">
                    {o.tp} @{o.committed ?? '–'}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </g>
  );
}

function Flows({ flows, layout }: { flows: Flow[]; layout: MapLayout }) {
  const max = Math.max(1, ...flows.map((f) => f.rate));
  const widthOf = scaleSqrt()
    .domain([0, max])
    .range([1.5, layout.font * 0.9]);
  return (
    <g fill="none" className="cm-flows">
      {flows.map((f) => {
        const a = locateAnchor(layout, f.from);
        const b = locateAnchor(layout, f.to);
        if (!a || !b) return null;
        const mx = (a.x + b.x) / 2;
        return (
          <path
            key={`${f.stage}-${anchorKey(f.from)}-${anchorKey(f.to)}`}
            data-flow={f.stage}
            data-rate={f.rate}
            d={`M${a.x},${a.y}C${mx},${a.y - layout.font} ${mx},${b.y - layout.font} ${b.x},${b.y}`}
            stroke={stageColour[f.stage]}
            strokeWidth={widthOf(f.rate)}
            strokeLinecap="round"
            opacity={0.75}
          />
        );
      })}
    </g>
  );
}

function MapLegend({ large }: { large: boolean }) {
  return (
    <ul
      className={`mt-2 flex flex-wrap gap-x-4 gap-y-1 text-slate-700 dark:text-slate-300 ${large ? 'text-xl' : 'text-xs'}`}
      aria-label="Map legend"
    >
      <li>
        <b>L</b> leader
      </li>
      <li>
        <b>F</b> in-sync follower
      </li>
      <li>
        <b>F!</b> follower out of sync (dashed)
      </li>
      <li>
        <b>✕</b> replica on a stopped broker
      </li>
      <li>filled cells: committed (below HW) · dashed cells: not yet replicated</li>
      <li>blue bar: high watermark (HW) · LEO: log end offset</li>
      <li>@n on a consumer’s partition: its committed offset</li>
    </ul>
  );
}
