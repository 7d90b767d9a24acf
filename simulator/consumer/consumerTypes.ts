// Plain, serialisable state of the consumer area: groups (coordinator state + committed offsets + lag
// history) and the consumer clients the learner drives.
import type { ClassicGroup } from './groupTypes';
import type { IsolationLevel } from './isolation';
import type { AssignorName, RebalanceProtocol, TopicPartition } from './types';

export type OffsetResetStrategy = 'earliest' | 'latest' | 'none';

export type ConsumerConfig = {
  groupId: string;
  /** client.id; null = the default consumer-<group.id>-<group.instance.id or sequence>. */
  clientId: string | null;
  topics: string[];
  /** partition.assignment.strategy, in preference order. */
  strategies: AssignorName[];
  enableAutoCommit: boolean;
  autoCommitIntervalMs: number;
  isolationLevel: IsolationLevel;
  autoOffsetReset: OffsetResetStrategy;
  groupInstanceId: string | null;
  maxPollRecords: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxPollIntervalMs: number;
};

export type ConsumerStatus = 'running' | 'closed' | 'crashed' | 'fenced';

/** A record handed to the application by poll() and not yet processed. */
export type PolledRecord = {
  topic: string;
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
};

export type ConsumerClient = {
  name: string;
  config: ConsumerConfig;
  clientId: string;
  memberId: string | null;
  protocol: RebalanceProtocol;
  status: ConsumerStatus;
  createdAt: number;
  /** Partitions from the last SyncGroup (minus revoked ones) and the generation they belong to. */
  assignment: TopicPartition[];
  generationId: number;
  /** Next offset to fetch per assigned partition ("orders-0" -> 42). */
  positions: Record<string, number>;
  /** Returned by poll, waiting for the application to process them. */
  unprocessed: PolledRecord[];
  lastPollAt: number;
  /** Bumped on every poll; a max.poll.interval.ms task carrying an older value is stale. */
  pollEpoch: number;
  nextAutoCommitAt: number;
};

export type CommittedOffset = { offset: number; commitTimestamp: number; leaderEpoch: number | null };

export type LagSample = { time: number; lag: Record<string, number>; total: number };

export type GroupRecord = {
  group: ClassicGroup;
  /** Committed offsets, "orders-0" -> offset (the next record to read). Mirrors __consumer_offsets. */
  offsets: Record<string, CommittedOffset>;
  /** When the group last became Empty (offsets.retention.minutes counts from here). */
  emptySince: number | null;
  /** Processing log: partition -> offsets processed, in order (repeats are duplicates). */
  processed: Record<string, number[]>;
  lagHistory: LagSample[];
  /** Time the coordinator timer was last armed for (tasks are never cancelled). */
  timerAt: number | null;
};

export type ConsumerArea = {
  groups: Record<string, GroupRecord>;
  consumers: Record<string, ConsumerClient>;
  /** CONSUMER_CLIENT_ID_SEQUENCE, per simulation. */
  clientSequence: number;
};
