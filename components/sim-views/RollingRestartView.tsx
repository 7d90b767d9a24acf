'use client';
// The Strimzi cluster operator rolling the simulated cluster my-cluster: its pods (ready or not), KafkaRoller's
// order with each pod's progress, the pod KafkaAvailability keeps waiting and why, and the partitions whose
// ISR is at or below min.insync.replicas (the ones that decide whether a broker may restart).
import type { PartitionView, RollView } from '@/simulator';
import { clockCommand, rollCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, Panel, SimButton } from './ui';

const STATE_TEXT = {
  done: 'restarted',
  restarting: 'terminating',
  starting: 'starting, not ready',
  waiting: 'waiting',
  pending: 'queued',
} as const;

const STATE_TONE = {
  done: 'ok',
  restarting: 'bad',
  starting: 'warn',
  waiting: 'warn',
  pending: 'muted',
} as const;

export function RollingRestartView() {
  const sim = useSim();
  const read = useRead(sim);
  if (!read) return null;
  const { pods, roll } = read.production();
  const atRisk: Array<{ p: PartitionView; minIsr: number }> = [];
  for (const t of read.topics()) {
    const minIsr = Number(read.topicConfig(t.name, 'min.insync.replicas') ?? '1');
    for (const p of t.partitions)
      if (p.replicas.length > minIsr && p.isr.length <= minIsr) atRisk.push({ p, minIsr });
  }
  const rolling = roll?.status === 'rolling';
  return (
    <Panel
      id="sim-roll"
      title="Rolling restart (Strimzi)"
      actions={roll ? <RollChip roll={roll} /> : <Chip tone="muted">no roll yet</Chip>}
    >
      <ul className="grid grid-cols-2 gap-1.5 text-xs sm:grid-cols-3" aria-label="Pods of my-cluster">
        {pods.map((pod) => (
          <li
            key={pod.name}
            className="min-w-0 rounded-md border p-1.5"
            style={{
              borderColor: pod.ready ? 'var(--sim-line)' : 'var(--sim-offline)',
              borderStyle: pod.ready ? 'solid' : 'dashed',
              background: 'var(--sim-surface)',
            }}
            data-pod={pod.name}
          >
            <span className="block truncate font-mono font-semibold text-slate-900 dark:text-white">
              {pod.name.replace('my-cluster-', '')}
            </span>
            <span className="block text-slate-600 dark:text-slate-400">
              {pod.ready ? '1/1' : '0/1'} {pod.status}
            </span>
          </li>
        ))}
      </ul>
      {roll ? (
        <div className="mt-3">
          <p className="text-xs font-semibold text-slate-600 dark:text-slate-400">
            KafkaRoller's order: controllers, active controller last, then brokers
          </p>
          <ol className="mt-1 flex flex-wrap gap-1.5 text-xs" aria-label="Roll order">
            {roll.nodes.map((n, i) => (
              <li key={n.id} className="flex items-center gap-1">
                <span className="text-slate-500 dark:text-slate-400">{i + 1}.</span>
                <Chip tone={STATE_TONE[n.state]}>
                  {n.pod.replace('my-cluster-', '')}: {STATE_TEXT[n.state]}
                </Chip>
              </li>
            ))}
          </ol>
          {roll.blocked && rolling ? (
            <p className="mt-2 text-xs text-amber-900 dark:text-amber-200" data-testid="roll-blocked">
              Waiting (attempt {roll.blocked.attempts}): {roll.blocked.reason}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="mt-3">
        <p className="text-xs font-semibold text-slate-600 dark:text-slate-400">
          Partitions with ISR at or below min.insync.replicas
        </p>
        {atRisk.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            None: any one in-sync broker may restart.
          </p>
        ) : (
          <ul className="mt-1 flex flex-wrap gap-1.5 text-xs">
            {atRisk.slice(0, 12).map(({ p, minIsr }) => (
              <li key={`${p.topic}-${p.partition}`}>
                <Chip tone={p.isr.length < minIsr ? 'bad' : 'warn'}>
                  {p.topic}-{p.partition} ISR {`{${p.isr.join(',')}}`} / min {minIsr}
                </Chip>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="mt-3 flex flex-wrap gap-2">
        <SimButton disabled={rolling} onClick={() => sim.run(rollCommand('broker'))}>
          Roll the brokers
        </SimButton>
        <SimButton disabled={rolling} onClick={() => sim.run(rollCommand('controller'))}>
          Roll the controllers
        </SimButton>
        <SimButton label="+5 s: advance the clock by 5 seconds" onClick={() => sim.run(clockCommand('5s'))}>
          +5 s
        </SimButton>
        <SimButton
          label="+30 s: advance the clock by 30 seconds"
          onClick={() => sim.run(clockCommand('30s'))}
        >
          +30 s
        </SimButton>
      </div>
    </Panel>
  );
}

function RollChip({ roll }: { roll: RollView }) {
  const done = roll.nodes.filter((n) => n.state === 'done').length;
  if (roll.status === 'completed') return <Chip tone="ok">roll completed</Chip>;
  if (roll.status === 'failed') return <Chip tone="bad">roll failed</Chip>;
  return (
    <Chip tone="info">
      rolling {done}/{roll.nodes.length}
    </Chip>
  );
}
