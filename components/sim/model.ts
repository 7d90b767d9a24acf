// The views' reading of simulator state: plain data derived from one Simulation snapshot by
// snapshot.ts. Views draw only this (and animate simulator events); they never keep state of their own
// about the cluster, so what is on screen is always what the simulator holds.

export type BrokerState = 'online' | 'stopped' | 'isolated';

export type BrokerVM = { id: number; state: BrokerState; controller: boolean };

export type ReplicaVM = {
  broker: number;
  leader: boolean;
  inIsr: boolean;
  /** The broker holding it is not serving (stopped or isolated). */
  brokerDown: boolean;
  logEndOffset: number;
};

export type PartitionVM = {
  topic: string;
  partition: number;
  leader: number | null;
  leaderEpoch: number;
  replicas: ReplicaVM[];
  isr: number[];
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  lastStableOffset: number;
};

export type TopicVM = { name: string; partitions: PartitionVM[]; config: Record<string, string> };

export type RecordKind = 'data' | 'tombstone' | 'commit-marker' | 'abort-marker';

export type RecordVM = {
  offset: number;
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
  kind: RecordKind;
  transactional: boolean;
};

export type SegmentVM = {
  baseOffset: number;
  /** Offset after the last record in it (next segment's base, or LEO for the active one). */
  endOffset: number;
  records: RecordVM[];
  active: boolean;
  cleaned: boolean;
  sizeBytes: number;
  largestTimestamp: number;
};

export type PartitionLogVM = {
  topic: string;
  partition: number;
  /** Broker whose replica this is (the leader's when there is one). */
  broker: number | null;
  segments: SegmentVM[];
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  lastStableOffset: number;
  /** First offset the cleaner has not yet cleaned (compacted topics). */
  cleanerCheckpoint: number;
};

export type TopicPartitionVM = { topic: string; partition: number };

export type MemberVM = {
  memberId: string;
  /** The name the learner gave the consumer in the console (`consumer create NAME`). */
  name: string;
  assigned: TopicPartitionVM[];
  /** Partitions it still owns but must give up in this rebalance (cooperative) — empty otherwise. */
  revoking: TopicPartitionVM[];
  /** Next offset it will fetch, per "topic-partition". */
  positions: Record<string, number>;
};

export type GroupVM = {
  groupId: string;
  state: string;
  protocolType: 'eager' | 'cooperative' | 'unknown';
  assignor: string;
  generation: number;
  members: MemberVM[];
  /** Committed offsets per "topic-partition". */
  committed: Record<string, number>;
  /** Lag per "topic-partition" (HW − committed, or HW − log start when nothing is committed). */
  lag: Record<string, number>;
  subscribedTopics: string[];
};

export type ProducerVM = {
  name: string;
  acks: string;
  idempotence: boolean;
  transactionalId: string | null;
  lingerMs: number;
  /** Records buffered and not yet sent / acknowledged. */
  pending: number;
  inTransaction: boolean;
};

/** A KRaft controller node (ids from 1000, separate from brokers); one is the active controller. */
export type ControllerVM = { id: number; running: boolean; active: boolean };

export type SimSnapshotVM = {
  now: number;
  controllers: ControllerVM[];
  brokers: BrokerVM[];
  topics: TopicVM[];
  groups: GroupVM[];
  producers: ProducerVM[];
};

/** What the views need of one simulator event. */
export type SimEventVM = {
  seq: number;
  time: number;
  type: string;
  reason: string;
  data: Record<string, unknown>;
};

export function tpKey(topic: string, partition: number): string {
  return `${topic}-${partition}`;
}
