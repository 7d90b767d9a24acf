'use client';
// MirrorMaker 2 between two regions: the source topics on the left, their remote copies on the right, the
// flow between them with its replication lag (what a region failure would lose now), the offset syncs the
// checkpoint task holds, and each group's checkpoint: its committed upstream offset beside the translated one.
// The regions are two clusters of the simulation (east:9092, west:9092), or, in the earlier single-cluster
// presets, one cluster that plays both (the caption says so).
import type { MirrorFlowView } from '@/simulator';
import { clockCommand, regionDownCommand, regionUpCommand } from '../sim-runtime/commands';
import { useRead, useSim } from '../sim-runtime/useSimulation';
import { Chip, Panel, SimButton } from './ui';

export function MirrorView() {
  const sim = useSim();
  const read = useRead(sim);
  if (!read) return null;
  const { flows, downRegions } = read.production().mirror;
  const flow = flows[0];
  return (
    <Panel
      id="sim-mirror"
      title="MirrorMaker 2"
      actions={
        flow ? (
          <Chip tone={flow.status === 'running' ? 'ok' : 'bad'}>
            {flow.name}{' '}
            {flow.status === 'running'
              ? 'running'
              : `stopped: ${flow.status === 'source-down' ? flow.source : flow.target} down`}
          </Chip>
        ) : (
          <Chip tone="muted">no flow</Chip>
        )
      }
    >
      {flow ? (
        <Flow flow={flow} down={downRegions} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No MirrorMaker 2 flow runs. Start one in the console: write mm2.properties with cat and run
          connect-mirror-maker.sh mm2.properties.
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {flow ? (
          <SimButton
            variant="danger"
            disabled={downRegions.includes(flow.source)}
            onClick={() => sim.run(regionDownCommand(flow.source))}
          >
            Fail region {flow.source}
          </SimButton>
        ) : null}
        {flow?.clusters && downRegions.includes(flow.source) ? (
          <SimButton onClick={() => sim.run(regionUpCommand(flow.source))}>
            Bring region {flow.source} back
          </SimButton>
        ) : null}
        <SimButton label="+1 s: advance the clock by 1 second" onClick={() => sim.run(clockCommand('1s'))}>
          +1 s
        </SimButton>
        <SimButton
          label="+60 s: advance the clock by 60 seconds (one checkpoint interval)"
          onClick={() => sim.run(clockCommand('60s'))}
        >
          +60 s
        </SimButton>
      </div>
    </Panel>
  );
}

function Flow({ flow, down }: { flow: MirrorFlowView; down: readonly string[] }) {
  const sourceDown = down.includes(flow.source);
  const totalLag = flow.partitions.reduce((n, p) => n + p.lag, 0);
  // MirrorSourceMetrics' replication-latency-ms, the latest copy's (the highest over the flow's partitions).
  const latencies = flow.partitions.flatMap((p) => (p.metrics ? [p.metrics.replicationLatencyMs] : []));
  const latency = latencies.length > 0 ? Math.max(...latencies) : null;
  return (
    <>
      <div className="grid grid-cols-[1fr_auto_1fr] items-stretch gap-1.5 text-xs">
        <Region name={flow.source} down={sourceDown} cluster={flow.clusters} />
        <span aria-hidden="true" className="self-center text-slate-500 dark:text-slate-400">
          →
        </span>
        <Region name={flow.target} down={down.includes(flow.target)} cluster={flow.clusters} />
        {flow.partitions.map((p) => (
          <PartitionRow key={`${p.topic}-${p.partition}`} p={p} />
        ))}
      </div>
      <p className="mt-2 flex flex-wrap gap-1.5 text-xs">
        <Chip tone={totalLag === 0 ? 'ok' : 'warn'}>
          replication lag {totalLag} record{totalLag === 1 ? '' : 's'}
        </Chip>
        {latency === null ? null : <Chip tone="info">replication-latency-ms {latency}</Chip>}
        <Chip tone="muted">offset.lag.max={flow.offsetLagMax}</Chip>
        {flow.heartbeats === null ? null : (
          <Chip tone="muted">
            {flow.heartbeats} heartbeat{flow.heartbeats === 1 ? '' : 's'} in {flow.target}
          </Chip>
        )}
        {flow.syncGroupOffsets ? <Chip tone="muted">sync.group.offsets.enabled</Chip> : null}
      </p>
      <ul
        className="mt-2 text-xs text-slate-700 dark:text-slate-300"
        aria-label="Offset syncs (upstream ↔ downstream)"
      >
        {flow.partitions.map((p) => (
          <li key={`${p.topic}-${p.partition}`}>
            <span className="font-mono">
              {p.topic}-{p.partition}
            </span>{' '}
            offset syncs:{' '}
            {p.syncs.length === 0
              ? 'none yet'
              : p.syncs
                  .slice(0, 4)
                  .map((x) => `${x.upstream}↔${x.downstream}`)
                  .join(', ')}
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <p className="text-xs font-semibold text-slate-600 dark:text-slate-400">
          Checkpoints in {flow.checkpointsTopic}
        </p>
        {flow.checkpoints.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            None yet: every 60 s the checkpoint task translates each group's committed offsets.
          </p>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <div className="overflow-x-auto" tabIndex={0}>
            <table className="mt-1 w-full text-left text-xs">
              <thead className="text-slate-600 dark:text-slate-400">
                <tr>
                  <th className="pr-2 font-semibold">group</th>
                  <th className="pr-2 font-semibold">remote partition</th>
                  <th className="pr-2 font-semibold">committed upstream</th>
                  <th className="font-semibold">translated</th>
                </tr>
              </thead>
              <tbody className="text-slate-800 dark:text-slate-200">
                {flow.checkpoints.map((c) => (
                  <tr key={`${c.group}-${c.topic}-${c.partition}`}>
                    <td className="pr-2 font-mono">{c.group}</td>
                    <td className="pr-2 font-mono">
                      {c.topic}-{c.partition}
                    </td>
                    <td className="pr-2">{c.upstreamOffset}</td>
                    <td>{c.offset}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}

function Region({ name, down, cluster }: { name: string; down: boolean; cluster: boolean }) {
  return (
    <p
      className="rounded-md border px-1.5 py-1 text-center font-semibold text-slate-900 dark:text-white"
      style={{
        borderColor: down ? 'var(--sim-offline)' : 'var(--sim-line)',
        borderStyle: down ? 'dashed' : 'solid',
      }}
    >
      {name} {down ? '(down)' : ''}
      {cluster ? (
        <span className="block font-mono font-normal text-slate-600 dark:text-slate-400">{name}:9092</span>
      ) : null}
    </p>
  );
}

function PartitionRow({ p }: { p: MirrorFlowView['partitions'][number] }) {
  const sync = p.syncs[0];
  return (
    <>
      <span
        className="min-w-0 truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800"
        title={`${p.topic}-${p.partition}: high watermark ${p.sourceEnd}`}
      >
        {p.topic}-{p.partition} · {p.sourceEnd}
      </span>
      <span
        className="self-center text-center"
        style={{ color: p.lag > 0 ? 'var(--sim-out-of-sync)' : 'var(--sim-muted)' }}
      >
        {p.lag > 0 ? `−${p.lag}` : '✓'}
        <span className="sr-only">{p.lag > 0 ? ' records not mirrored yet' : ' all mirrored'}</span>
      </span>
      <span
        className="min-w-0 truncate rounded bg-slate-100 px-1.5 py-0.5 font-mono dark:bg-slate-800"
        title={
          sync
            ? `latest offset sync: upstream ${sync.upstream} = downstream ${sync.downstream}`
            : 'no offset sync yet'
        }
      >
        {p.remoteTopic}-{p.partition} · {p.remoteEnd}
      </span>
    </>
  );
}
