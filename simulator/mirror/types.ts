// The mirror area's state: MirrorMaker 2 flows (source alias -> target alias) replicating topics, writing
// offset syncs and checkpoints, on the virtual clock.
//
// Simplified (lessons say so): the simulation runs ONE cluster, which plays both regions. A flow east->west
// copies topic `orders` into `east.orders` (DefaultReplicationPolicy) beside it in the same cluster; the
// offset-syncs and checkpoints topics land there too. "Region east down" stops the flow and refuses clients
// of east's topics; the cluster itself keeps running.
import type { PartitionSyncState, SyncStore } from './offsetSyncs';

export type MirrorPartition = {
  /** Topic and partition on the source. */
  topic: string;
  partition: number;
  /** The remote topic on the target (`<source>.<topic>`). */
  remoteTopic: string;
  /** Next upstream offset the source task reads. */
  position: number;
  /** OffsetSyncWriter's state for this partition. */
  syncState: PartitionSyncState;
  /** The checkpoint task's OffsetSyncStore for this partition. */
  store: SyncStore;
  /** Records copied so far. */
  replicated: number;
  /**
   * Where each copied record landed, as runs of consecutive offsets (upstream → downstream). MM2 keeps no such
   * map (only the sparse offset syncs); the simulation keeps it so a drill can tell re-reads from skips.
   */
  runs: Array<{ upstream: number; downstream: number; count: number }>;
};

/** One MM2 checkpoint (Checkpoint.java: group, topic, partition, upstreamOffset, offset). */
export type Checkpoint = {
  group: string;
  topic: string;
  partition: number;
  upstreamOffset: number;
  offset: number;
  time: number;
};

export type MirrorFlow = {
  /** `east->west` */
  name: string;
  source: string;
  target: string;
  /** The properties the flow runs with (topics, groups, offset.lag.max, …), as given, for the views. */
  topicsPattern: string;
  groups: string;
  groupsExclude: string;
  offsetLagMax: number;
  status: 'running' | 'source-down';
  startedAt: number;
  /** Keys "orders-0" (source topic-partition). */
  partitions: Record<string, MirrorPartition>;
  /** Latest checkpoint per group and remote topic-partition ("east.orders-0"). */
  checkpoints: Record<string, Record<string, Checkpoint>>;
  nextSyncId: number;
  /** A poll of the source task is scheduled (so one HW change schedules at most one). */
  pollScheduled: boolean;
  offsetSyncsTopic: string;
  checkpointsTopic: string;
};

export type MirrorState = { flows: Record<string, MirrorFlow>; downRegions: string[] };

/** What connect-mirror-maker.sh's properties ask for, for one enabled flow (see mm2Config.ts). */
export type MirrorFlowSpec = {
  source: string;
  target: string;
  topics: string;
  topicsExclude: string;
  groups: string;
  groupsExclude: string;
  offsetLagMax: number;
  replicationFactor: number;
  separator: string;
  policy: 'default' | 'identity';
};

declare module '../engine/registry' {
  interface AreaStates {
    mirror: MirrorState;
  }
  interface CommandMap {
    /** connect-mirror-maker.sh: start the source and checkpoint connectors of one flow. */
    mirrorStart: { spec: MirrorFlowSpec };
    /** A whole region (cluster alias) is lost: flows from it stop, its topics' clients are refused. */
    mirrorRegionDown: { alias: string };
  }
  interface CommandResultMap {
    mirrorStart: { flow: string; topics: Array<{ topic: string; remoteTopic: string }> };
    mirrorRegionDown: { unmirrored: number };
  }
  interface EventMap {
    mirrorFlowStarted: { flow: string; topics: string[] };
    mirrorRecordsReplicated: {
      flow: string;
      topic: string;
      partition: number;
      remoteTopic: string;
      fromOffset: number;
      toOffset: number;
      downstreamFrom: number;
    };
    mirrorOffsetSynced: {
      flow: string;
      topic: string;
      partition: number;
      upstream: number;
      downstream: number;
    };
    mirrorCheckpointed: {
      flow: string;
      group: string;
      topic: string;
      partition: number;
      upstreamOffset: number;
      offset: number;
    };
    mirrorRegionLost: { alias: string; unmirrored: number };
  }
  interface TaskMap {
    /** The source task's next poll of flow `flow`. */
    mirrorPoll: { flow: string };
    /** emit.checkpoints.interval.seconds tick of the checkpoint task. */
    mirrorCheckpoint: { flow: string };
  }
}
