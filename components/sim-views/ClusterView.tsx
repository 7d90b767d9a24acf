'use client';
// Brokers, the KRaft controllers and, per topic-partition, where its replicas live: leader, in-sync
// followers, out-of-sync followers, replicas on a broker that is down, offline partitions. React draws
// the SVG; d3-scale places the columns. A leader change re-keys the glyph so it pops in (CSS, reduced
// motion makes it instant).
import { scaleBand } from 'd3-scale';
import { type ReactElement, useContext, useMemo, useState } from 'react';
import type { BrokerView, PartitionView, ReadModel } from '@/simulator';
import { brokerCommand } from '../sim-runtime/commands';
import { useShownCluster } from '../sim-runtime/shownCluster';
import { useSimUi } from '../sim-runtime/uiStore';
import { useSim } from '../sim-runtime/useSimulation';
import { ClusterPicker } from './ClusterPicker';
import { labelWidth } from './labelLayout';
import { userTopics } from './readHelpers';
import { Chip, inlineSelectClass, Panel, PresenterMode, SimButton } from './ui';

const ROW = 30;
const LABEL_W = 96;
const ISR_W = 84;

export function ClusterView({ topic: fixedTopic }: { topic?: string }) {
  const sim = useSim();
  const onCluster = useShownCluster(sim);
  const { read } = onCluster;
  const [topicFilter, setTopicFilter] = useState<string>('all');
  if (!read) return null;
  const topics = userTopics(read);
  const brokers = read.brokers();
  const shown = fixedTopic
    ? topics.filter((t) => t.name === fixedTopic)
    : topicFilter === 'all'
      ? topics
      : topics.filter((t) => t.name === topicFilter);
  const partitions = shown.flatMap((t) => t.partitions);

  return (
    <Panel
      id="sim-cluster"
      title={onCluster.shown ? `Cluster ${onCluster.shown.name}` : 'Cluster'}
      actions={
        <>
          <ClusterPicker view={onCluster} />
          {!fixedTopic && topics.length > 1 ? (
            <label className="flex items-center gap-2 text-xs font-medium text-slate-700 dark:text-slate-300">
              Show topic
              <select
                className={inlineSelectClass}
                value={topicFilter}
                onChange={(e) => setTopicFilter(e.target.value)}
              >
                <option value="all">All topics</option>
                {topics.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </>
      }
    >
      <ControllerStrip read={read} />
      <ul className="mb-3 grid grid-cols-[repeat(auto-fill,minmax(11.5rem,1fr))] gap-2" aria-label="Brokers">
        {brokers.map((b) => (
          <BrokerCard key={b.id} broker={b} onCommand={(line) => sim.run(onCluster.line(line))} />
        ))}
      </ul>
      {partitions.length > 0 ? (
        <ReplicaMatrix brokers={brokers} partitions={partitions} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No topics yet. Create one in the console.
        </p>
      )}
      <Legend />
      <ClusterSummary read={read} />
    </Panel>
  );
}

function ControllerStrip({ read }: { read: ReadModel }) {
  const controllers = read.controllers();
  if (controllers.length === 0) return null;
  const active = controllers.find((c) => c.active);
  return (
    <p className="mb-2 flex flex-wrap items-center gap-1.5 text-xs text-slate-700 dark:text-slate-300">
      <span className="font-semibold">KRaft controllers:</span>
      {controllers.map((c) => (
        <Chip key={c.id} tone={!c.running ? 'bad' : c.active ? 'info' : 'muted'}>
          {c.active ? '★ ' : ''}
          {c.id}
          {c.active ? ' active' : c.running ? '' : ' stopped'}
        </Chip>
      ))}
      {!active ? <Chip tone="bad">no active controller</Chip> : null}
    </p>
  );
}

const stateText = { online: 'Online', stopped: 'Stopped', isolated: 'Isolated' } as const;

function BrokerCard({ broker, onCommand }: { broker: BrokerView; onCommand: (line: string) => void }) {
  const tone = broker.state === 'online' ? 'ok' : broker.state === 'stopped' ? 'bad' : 'warn';
  const icon = broker.state === 'online' ? '●' : broker.state === 'stopped' ? '■' : '◌';
  return (
    <li
      className="sim-broker flex flex-col gap-2 rounded-lg border bg-[var(--sim-surface)] p-2"
      data-state={broker.state}
      style={{ borderColor: broker.state === 'online' ? 'var(--sim-line)' : 'var(--sim-offline)' }}
    >
      <div className="flex items-center gap-2">
        <span className="font-semibold text-slate-900 dark:text-white">Broker {broker.id}</span>
        <Chip tone={tone}>
          <span aria-hidden="true">{icon}</span>
          {stateText[broker.state]}
        </Chip>
      </div>
      <div className="flex flex-wrap gap-1">
        {broker.state === 'stopped' ? (
          <SimButton
            label={`Start broker ${broker.id}`}
            onClick={() => onCommand(brokerCommand('start', broker.id))}
          >
            Start
          </SimButton>
        ) : (
          <SimButton
            variant="danger"
            label={`Stop broker ${broker.id}`}
            onClick={() => onCommand(brokerCommand('stop', broker.id))}
          >
            Stop
          </SimButton>
        )}
        {broker.state === 'isolated' ? (
          <SimButton
            label={`Heal broker ${broker.id}`}
            onClick={() => onCommand(brokerCommand('heal', broker.id))}
          >
            Heal
          </SimButton>
        ) : broker.state === 'online' ? (
          <SimButton
            label={`Isolate broker ${broker.id}`}
            onClick={() => onCommand(brokerCommand('isolate', broker.id))}
          >
            Isolate
          </SimButton>
        ) : null}
      </div>
    </li>
  );
}

function ReplicaMatrix({ brokers, partitions }: { brokers: BrokerView[]; partitions: PartitionView[] }) {
  const colW = 44;
  // The classroom projector zooms the panel 1.5× too: 1.35 brings its smallest label (9 units) to 18 px.
  const projected = useContext(PresenterMode);
  const large = useSimUi((s) => s.largeMode);
  const scale = projected ? 1.35 : large ? 1.5 : 1.15;
  // The label column fits the longest partition name (a mirrored `east.checkpoints.internal-0` is far longer than
  // `orders-0`), so no name runs under the first broker's column.
  const labelW = Math.max(
    LABEL_W,
    Math.ceil(Math.max(0, ...partitions.map((p) => labelWidth(`${p.topic}-${p.partition}`))) + 12),
  );
  const width = labelW + brokers.length * colW + ISR_W;
  const height = 26 + partitions.length * ROW;
  const x = useMemo(
    () =>
      scaleBand<number>()
        .domain(brokers.map((b) => b.id))
        .range([labelW, labelW + brokers.length * colW])
        .padding(0.1),
    [brokers, labelW],
  );
  const r = Math.min(11, x.bandwidth() / 2 - 1);
  const isolated = new Set(brokers.filter((b) => b.state === 'isolated').map((b) => b.id));
  return (
    <div className="overflow-x-auto">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width * scale}
        style={{ maxWidth: '100%', height: 'auto' }}
        role="img"
        aria-label="Replica placement: one row per partition, one column per broker. The summary below lists the same."
        className="sim-svg block text-[11px]"
      >
        {brokers.map((b) => (
          <g key={b.id}>
            <rect
              x={x(b.id)}
              y={20}
              width={x.bandwidth()}
              height={height - 20}
              rx={6}
              fill={b.state === 'online' ? 'var(--sim-surface)' : 'none'}
              stroke={b.state === 'online' ? 'none' : 'var(--sim-offline)'}
              strokeDasharray={b.state === 'online' ? undefined : '4 3'}
              opacity={b.state === 'online' ? 1 : 0.7}
            />
            <text
              x={(x(b.id) ?? 0) + x.bandwidth() / 2}
              y={13}
              textAnchor="middle"
              fill="var(--sim-muted)"
              fontWeight={600}
            >
              B{b.id}
            </text>
          </g>
        ))}
        <text x={labelW + brokers.length * colW + 8} y={13} fill="var(--sim-muted)" fontWeight={600}>
          ISR
        </text>
        {partitions.map((p, i) => {
          const cy = 26 + i * ROW + ROW / 2;
          const offline = p.leader === null;
          return (
            <g
              key={`${p.topic}-${p.partition}`}
              data-partition={`${p.topic}-${p.partition}`}
              data-leader={p.leader ?? 'none'}
            >
              <text x={4} y={cy + 4} fill={offline ? 'var(--sim-offline)' : 'var(--sim-fg)'} fontWeight={600}>
                {p.topic}-{p.partition}
              </text>
              {offline ? (
                <text x={4} y={cy + 14} fill="var(--sim-offline)" fontSize={9}>
                  OFFLINE
                </text>
              ) : null}
              {p.replicaStates.map((rep) => {
                const cx = (x(rep.broker) ?? 0) + x.bandwidth() / 2;
                return (
                  <ReplicaGlyph
                    key={rep.leader ? `${rep.broker}-L-${p.leaderEpoch}` : `${rep.broker}-F`}
                    cx={cx}
                    cy={cy}
                    r={r}
                    leader={rep.leader}
                    inIsr={rep.inIsr}
                    // An isolated broker still runs (and stays in the ISR until replica.lag.time.max.ms): not "down".
                    down={rep.brokerDown && !isolated.has(rep.broker)}
                    cut={isolated.has(rep.broker)}
                  />
                );
              })}
              <text x={labelW + brokers.length * colW + 8} y={cy + 4} fill="var(--sim-fg)">
                {p.isr.length > 0 ? p.isr.join(',') : '—'}
                {p.isr.length < p.replicas.length ? ' ⚠' : ''}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

function ReplicaGlyph({
  cx,
  cy,
  r,
  leader,
  inIsr,
  down,
  cut = false,
}: {
  cx: number;
  cy: number;
  r: number;
  leader: boolean;
  inIsr: boolean;
  down: boolean;
  /** On an isolated broker: drawn as it is (leader or follower) inside a dashed ring, cut off from the others. */
  cut?: boolean;
}) {
  if (cut) {
    return (
      <g>
        <ReplicaGlyph cx={cx} cy={cy} r={r - 2} leader={leader} inIsr={inIsr} down={false} />
        <circle
          cx={cx}
          cy={cy}
          r={r}
          fill="none"
          stroke="var(--sim-offline)"
          strokeWidth={1.5}
          strokeDasharray="2 2"
        />
      </g>
    );
  }
  if (down) {
    return (
      <g transform={`translate(${cx},${cy})`}>
        <circle
          r={r}
          fill="none"
          stroke="var(--sim-offline)"
          strokeWidth="calc(1.5px * var(--sim-stroke-scale, 1))"
        />
        <path
          d={`M${-r / 2},${-r / 2}L${r / 2},${r / 2}M${r / 2},${-r / 2}L${-r / 2},${r / 2}`}
          stroke="var(--sim-offline)"
          strokeWidth={2}
        />
      </g>
    );
  }
  if (leader) {
    return (
      <g transform={`translate(${cx},${cy})`} className="sim-pop">
        <circle r={r} fill="var(--sim-leader)" />
        <text textAnchor="middle" dy="0.35em" fill="var(--sim-bg)" fontWeight={700}>
          L
        </text>
      </g>
    );
  }
  return (
    <g transform={`translate(${cx},${cy})`}>
      <circle
        r={r - 1}
        fill="var(--sim-bg)"
        stroke={inIsr ? 'var(--sim-follower)' : 'var(--sim-out-of-sync)'}
        strokeWidth="calc(2px * var(--sim-stroke-scale, 1))"
        strokeDasharray={inIsr ? undefined : '3 2'}
      />
      <text
        textAnchor="middle"
        dy="0.35em"
        fill={inIsr ? 'var(--sim-fg)' : 'var(--sim-out-of-sync)'}
        fontWeight={600}
      >
        {inIsr ? 'F' : 'F!'}
      </text>
    </g>
  );
}

function Legend() {
  const items: Array<[string, ReactElement]> = [
    ['Leader', <ReplicaGlyph key="l" cx={9} cy={9} r={8} leader inIsr down={false} />],
    ['In-sync follower', <ReplicaGlyph key="f" cx={9} cy={9} r={8} leader={false} inIsr down={false} />],
    ['Out of sync', <ReplicaGlyph key="o" cx={9} cy={9} r={8} leader={false} inIsr={false} down={false} />],
    ['Broker down', <ReplicaGlyph key="d" cx={9} cy={9} r={8} leader={false} inIsr={false} down />],
    [
      'Broker isolated (running, unreachable)',
      <ReplicaGlyph key="i" cx={9} cy={9} r={8} leader={false} inIsr down={false} cut />,
    ],
  ];
  return (
    <ul
      className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700 dark:text-slate-300"
      aria-label="Legend"
    >
      {items.map(([label, glyph]) => (
        <li key={label} className="flex items-center gap-1">
          <svg width={18} height={18} aria-hidden="true" className="text-[9px]">
            {glyph}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The cluster in words, for screen readers (and the e2e tests read it too). */
export function ClusterSummary({ read }: { read: ReadModel }) {
  const list = read.brokers();
  const brokers = list.map((b) => `broker ${b.id} ${b.state}`).join(', ');
  const active = read.controllers().find((c) => c.active);
  return (
    <div className="sr-only" data-testid="cluster-summary">
      <p>
        {list.length} brokers: {brokers}.{' '}
        {active ? `Active controller ${active.id}.` : 'No active controller.'}
      </p>
      <ul>
        {userTopics(read)
          .flatMap((t) => t.partitions)
          .map((p) => (
            <li key={`${p.topic}-${p.partition}`} data-partition={`${p.topic}-${p.partition}`}>
              {p.topic}-{p.partition}:{' '}
              {p.leader === null ? 'offline, no leader' : `leader broker ${p.leader}`}, replicas{' '}
              {p.replicas.join(',')}, in sync {p.isr.join(',') || 'none'}, high watermark {p.highWatermark}.
            </li>
          ))}
      </ul>
    </div>
  );
}
