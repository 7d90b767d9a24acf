// Running Kafka in production, as readers see it: the Strimzi rolling restart in progress and the
// MirrorMaker 2 flows (replication lag, offset syncs, checkpoints, records a lost region took with it).

import { clusterState } from '../clusters/index';
import type { SimState } from '../engine/state';
import { highWatermark } from '../extend';
import type { Checkpoint } from '../mirror/types';
import { podName } from '../production/rollingRestart';

export type RollNodeState = 'done' | 'restarting' | 'starting' | 'waiting' | 'pending';

export type RollView = {
  id: number;
  trigger: string;
  status: 'rolling' | 'completed' | 'failed';
  nodes: Array<{ id: number; pod: string; role: 'controller' | 'broker'; state: RollNodeState }>;
  /** The node KafkaAvailability keeps waiting, with Strimzi's reason. */
  blocked: { node: number; reason: string; attempts: number } | null;
  startedAt: number;
  finishedAt: number | null;
};

export type MirrorPartitionView = {
  topic: string;
  partition: number;
  remoteTopic: string;
  /** The source partition's high watermark. */
  sourceEnd: number;
  /** Next upstream offset MirrorSourceTask reads. */
  mirroredUpTo: number;
  /** Committed records not copied yet (what a region failure would lose now). */
  lag: number;
  remoteEnd: number;
  /**
   * The downstream offset of the first mirrored record at or after upstream offset `upstream` (the remote
   * end when none is): where a group that committed `upstream` resumes without re-reading or skipping.
   */
  /** Per group with a committed offset on the source partition: exactResume of that offset. */
  resumeAt: Record<string, number>;
  /** The offset syncs the checkpoint task holds, newest first, distinct. */
  syncs: Array<{ upstream: number; downstream: number }>;
  /**
   * MirrorSourceMetrics of this partition (kafka.connect.mirror:type=MirrorSourceConnector,target=T,topic=R,
   * partition=P): record-count and record-age-ms / replication-latency-ms (last value, min, max, avg in ms);
   * null before the first copied record.
   */
  metrics: {
    recordCount: number;
    recordAgeMs: number;
    recordAgeMsMin: number;
    recordAgeMsMax: number;
    recordAgeMsAvg: number;
    replicationLatencyMs: number;
    replicationLatencyMsMin: number;
    replicationLatencyMsMax: number;
    replicationLatencyMsAvg: number;
  } | null;
};

export type MirrorFlowView = {
  name: string;
  source: string;
  target: string;
  status: 'running' | 'source-down' | 'target-down';
  /** The aliases are clusters of the simulation (false: one cluster plays both regions). */
  clusters: boolean;
  policy: 'default' | 'identity';
  syncGroupOffsets: boolean;
  /** Heartbeats written to the target's `heartbeats` topic (null: emit.heartbeats.enabled = false, or one cluster). */
  heartbeats: number | null;
  topics: string;
  offsetLagMax: number;
  offsetSyncsTopic: string;
  checkpointsTopic: string;
  partitions: MirrorPartitionView[];
  checkpoints: Checkpoint[];
};

/** A Strimzi pod of the simulated cluster my-cluster: <cluster>-<pool>-<node id>. */
export type PodView = {
  name: string;
  id: number;
  role: 'controller' | 'broker';
  /** Readiness: a broker is ready once RUNNING (registered, unfenced); a controller once its process runs. */
  ready: boolean;
  status: 'Running' | 'Terminating' | 'Error';
};

export type ProductionView = {
  pods: PodView[];
  roll: RollView | null;
  mirror: { flows: MirrorFlowView[]; downRegions: string[] };
};

function downstreamOf(
  runs: ReadonlyArray<{ upstream: number; downstream: number; count: number }>,
  upstream: number,
  remoteEnd: number,
): number {
  for (const r of runs)
    if (upstream < r.upstream + r.count) return r.downstream + Math.max(0, upstream - r.upstream);
  return remoteEnd;
}

export function productionOf(state: SimState): ProductionView {
  const roll = state.areas.production.roll;
  const isController = (id: number) => state.quorum.voters.some((v) => v.id === id);
  const terminating = (id: number) =>
    roll?.status === 'rolling' && roll.current?.node === id && roll.current.phase === 'terminating';
  const pods: PodView[] = [
    ...Object.values(state.brokers).map((b) => ({
      name: podName(state, b.id),
      id: b.id,
      role: 'broker' as const,
      ready: b.process === 'running' && b.network === 'connected' && b.registration === 'unfenced',
      status: terminating(b.id)
        ? ('Terminating' as const)
        : b.process === 'running'
          ? ('Running' as const)
          : ('Error' as const),
    })),
    ...state.quorum.voters.map((v) => ({
      name: podName(state, v.id),
      id: v.id,
      role: 'controller' as const,
      ready: v.process === 'running',
      status: terminating(v.id)
        ? ('Terminating' as const)
        : v.process === 'running'
          ? ('Running' as const)
          : ('Error' as const),
    })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return {
    pods,
    roll: roll && {
      id: roll.id,
      trigger: roll.trigger,
      status: roll.status,
      nodes: roll.order.map((id) => ({
        id,
        pod: podName(state, id),
        role: isController(id) ? 'controller' : 'broker',
        state: roll.done.includes(id)
          ? 'done'
          : roll.current?.node === id
            ? roll.current.phase === 'terminating'
              ? 'restarting'
              : 'starting'
            : roll.blocked?.node === id
              ? 'waiting'
              : 'pending',
      })),
      blocked: roll.blocked,
      startedAt: roll.startedAt,
      finishedAt: roll.finishedAt,
    },
    mirror: {
      downRegions: [...state.areas.mirror.downRegions],
      flows: Object.values(state.areas.mirror.flows).map((f) => {
        const source = (f.clusters && clusterState(state, f.source)) || state;
        const target = (f.clusters && clusterState(state, f.target)) || state;
        return {
          name: f.name,
          source: f.source,
          target: f.target,
          status: f.status,
          clusters: f.clusters ?? false,
          policy: f.policy ?? 'default',
          syncGroupOffsets: f.syncGroupOffsets ?? false,
          heartbeats: f.heartbeats ? (f.heartbeatCount ?? 0) : null,
          topics: f.topicsPattern,
          offsetLagMax: f.offsetLagMax,
          offsetSyncsTopic: f.offsetSyncsTopic,
          checkpointsTopic: f.checkpointsTopic,
          partitions: Object.values(f.partitions).map((p) => {
            const src = source.topics[p.topic]?.partitions[p.partition];
            const dst = target.topics[p.remoteTopic]?.partitions[p.partition];
            const sourceEnd = src ? highWatermark(src) : p.position;
            const seen = new Set<number>();
            const syncs = (p.store.syncs ?? []).filter((s) => !seen.has(s.id) && seen.add(s.id));
            const remoteEnd = dst ? highWatermark(dst) : 0;
            const resumeAt: Record<string, number> = {};
            for (const [group, rec] of Object.entries(source.areas.consumers.groups)) {
              const committed = rec.offsets[`${p.topic}-${p.partition}`];
              if (committed) resumeAt[group] = downstreamOf(p.runs, committed.offset, remoteEnd);
            }
            return {
              topic: p.topic,
              partition: p.partition,
              remoteTopic: p.remoteTopic,
              resumeAt,
              sourceEnd,
              mirroredUpTo: p.position,
              lag: Math.max(0, sourceEnd - p.position),
              remoteEnd,
              syncs: syncs.map((s) => ({ upstream: s.upstream, downstream: s.downstream })),
              metrics: p.latency
                ? {
                    recordCount: p.latency.count,
                    recordAgeMs: p.latency.recordAgeLast,
                    recordAgeMsMin: p.latency.recordAgeMin,
                    recordAgeMsMax: p.latency.recordAgeMax,
                    recordAgeMsAvg: p.latency.recordAgeSum / p.latency.count,
                    replicationLatencyMs: p.latency.latencyLast,
                    replicationLatencyMsMin: p.latency.latencyMin,
                    replicationLatencyMsMax: p.latency.latencyMax,
                    replicationLatencyMsAvg: p.latency.latencySum / p.latency.count,
                  }
                : null,
            };
          }),
          checkpoints: Object.values(f.checkpoints).flatMap((byTp) => Object.values(byTp)),
        };
      }),
    },
  };
}

/**
 * RemoteClusterUtils.translateOffsets(props, remoteClusterAlias, group, timeout): the group's latest
 * checkpoints from `<remoteClusterAlias>.checkpoints.internal`, as offsets on the remote topics. It reads
 * only the target cluster, so it still answers when the source region is gone.
 */
export function translateOffsetsOf(
  state: SimState,
  group: string,
  remoteClusterAlias: string,
): Array<{ topic: string; partition: number; offset: number; upstreamOffset: number }> {
  return Object.values(state.areas.mirror.flows)
    .filter((f) => f.source === remoteClusterAlias)
    .flatMap((f) => Object.values(f.checkpoints[group] ?? {}))
    .map((c) => ({
      topic: c.topic,
      partition: c.partition,
      offset: c.offset,
      upstreamOffset: c.upstreamOffset,
    }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}
