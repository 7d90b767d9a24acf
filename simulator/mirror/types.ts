// The mirror area's state: MirrorMaker 2 flows (source alias -> target alias) replicating topics, writing
// offset syncs and checkpoints, on the virtual clock.
//
// Two ways to run (MirrorFlow.clusters):
// - between two clusters of the simulation (clusterCreate: `east` and `west`), as MM2 runs: the source task
//   reads east's logs and writes `east.orders` into west; the offset syncs are on the source
//   (offset-syncs.topic.location = source), the checkpoints and heartbeats on the target; "region east down"
//   refuses every client of east.
// - in a single-cluster simulation (the earlier lessons' presets), ONE cluster plays both regions: `orders`
//   is copied into `east.orders` beside it, the internal topics land there too, "region east down" refuses
//   the clients of east's topics and the cluster itself keeps running. No heartbeats, no group offset sync,
//   no IdentityReplicationPolicy there.
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
   * MirrorSourceMetrics of this partition (kafka.connect.mirror:type=MirrorSourceConnector,target=…,topic=…,
   * partition=…): record-age-ms (poll time minus the record's timestamp) and replication-latency-ms (the
   * target's acknowledgement time minus the record's timestamp), as their last value, min, max and sum over
   * `count` records (Kafka's Min/Max/Avg stats are windowed, 2 samples of 30 s; these are since the start).
   * Absent until the first record is copied.
   */
  latency?: {
    count: number;
    recordAgeLast: number;
    recordAgeMin: number;
    recordAgeMax: number;
    recordAgeSum: number;
    latencyLast: number;
    latencyMin: number;
    latencyMax: number;
    latencySum: number;
  };
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
  status: 'running' | 'source-down' | 'target-down';
  startedAt: number;
  /** The aliases name clusters of the simulation (false: one cluster plays both regions). */
  clusters?: boolean;
  /** replication.policy.class (absent: DefaultReplicationPolicy). */
  policy?: 'default' | 'identity';
  separator?: string;
  /** sync.group.offsets.enabled: translated offsets are committed for groups that are empty on the target. */
  syncGroupOffsets?: boolean;
  /** emit.heartbeats.enabled: MirrorHeartbeatConnector writes to the target's `heartbeats` topic. */
  heartbeats?: boolean;
  /** Heartbeats written so far. */
  heartbeatCount?: number;
  /** topics.exclude and replication.factor, for topics the refresh finds later (absent: MM2's defaults). */
  topicsExclude?: string;
  replicationFactor?: number;
  /** refresh.topics.interval.seconds in ms (null: refresh.topics.enabled = false). */
  refreshTopicsMs?: number | null;
  /** sync.topic.configs.interval.seconds in ms (null: sync.topic.configs.enabled = false). */
  syncTopicConfigsMs?: number | null;
  /** Counts the times the flow resumed (a region came back): older checkpoint and heartbeat ticks stop. */
  epoch?: number;
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
  /** sync.group.offsets.enabled (default false). */
  syncGroupOffsets?: boolean;
  /** emit.heartbeats.enabled (default true). */
  emitHeartbeats?: boolean;
  /** refresh.topics.interval.seconds in ms, null with refresh.topics.enabled = false (default 600 s). */
  refreshTopicsMs?: number | null;
  /** sync.topic.configs.interval.seconds in ms, null with sync.topic.configs.enabled = false (default 600 s). */
  syncTopicConfigsMs?: number | null;
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
    /** The region is back: flows from and to it resume where they stopped (failback starts from here). */
    mirrorRegionUp: { alias: string };
  }
  interface CommandResultMap {
    mirrorStart: { flow: string; topics: Array<{ topic: string; remoteTopic: string }> };
    mirrorRegionDown: { unmirrored: number };
    mirrorRegionUp: { flows: string[] };
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
    mirrorRegionRestored: { alias: string; flows: string[] };
    mirrorGroupOffsetsSynced: {
      flow: string;
      group: string;
      offsets: Array<{ topic: string; partition: number; offset: number }>;
    };
    mirrorHeartbeat: { flow: string; topic: string };
    mirrorTopicsRefreshed: { flow: string; topics: string[] };
    mirrorTopicConfigsSynced: { flow: string; topic: string; configs: string[] };
  }
  interface TaskMap {
    /** The source task's next poll of flow `flow`. */
    mirrorPoll: { flow: string };
    /** emit.checkpoints.interval.seconds tick of the checkpoint task. */
    mirrorCheckpoint: { flow: string; epoch?: number };
    /** MirrorHeartbeatTask's next heartbeat (see HEARTBEAT_INTERVAL_MS). */
    mirrorHeartbeat: { flow: string; epoch?: number };
    /** MirrorSourceConnector's refreshTopicPartitions tick (refresh.topics.interval.seconds). */
    mirrorRefreshTopics: { flow: string; epoch?: number };
    /** MirrorSourceConnector's syncTopicConfigs tick (sync.topic.configs.interval.seconds). */
    mirrorSyncTopicConfigs: { flow: string; epoch?: number };
  }
}
