// The consumer area's state (state.areas.consumers: groups with their coordinator state, committed offsets and
// lag history, and the consumer clients the learner drives), its commands, tasks and events.
import type { AssignorName, RebalanceProtocol, TopicPartition } from './assignors/types';
import type { WireGroupState } from './external/wireState';
import type { ClassicGroup, GroupStateName, MemberRemovalCause } from './group/types';

/** isolation.level: read_committed stops at the last stable offset and skips aborted records (KIP-98). */
export type IsolationLevel = 'read_uncommitted' | 'read_committed';

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
  /** metadata.max.age.ms: how often the client refreshes its metadata when nothing else asks it to. */
  metadataMaxAgeMs: number;
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
  /** Present when the group's members are real clients over the wire protocol (kafka-sim --listen). */
  wire?: WireGroupState;
  /** The group of a Kafka Streams application: its StreamThreads are the members, the Streams area runs them. */
  streams?: true;
  /** The group of a sink connector (`connect-<name>`): its tasks' consumers are the members, the Connect area runs them. */
  connect?: true;
};

export type ConsumerArea = {
  groups: Record<string, GroupRecord>;
  consumers: Record<string, ConsumerClient>;
  /** CONSUMER_CLIENT_ID_SEQUENCE, per simulation. */
  clientSequence: number;
};

export type OffsetEntry = { topic: string; partition: number; offset: number };

/** kafka-consumer-groups --reset-offsets: where each partition's committed offset goes. */
export type ResetSpec =
  | { kind: 'to-earliest' }
  | { kind: 'to-latest' }
  | { kind: 'to-current' }
  | { kind: 'to-offset'; offset: number }
  | { kind: 'shift-by'; delta: number }
  | { kind: 'to-datetime'; timestamp: number }
  | { kind: 'by-duration'; durationMs: number };

export type ConsumerCreateConfig = Partial<ConsumerConfig> & { groupId: string; topics: string[] };

export type CommitMode = 'sync' | 'async' | 'auto' | 'admin';
export type ConsumerStopReason = 'closed' | 'crashed' | 'fenced' | 'poll-timeout' | 'removed';
export type PositionResetCause = 'committed' | 'no-committed-offset' | 'out-of-range' | 'seek';

/** Where a seek moves every assigned partition's position. */
export type SeekTarget =
  | { kind: 'beginning' }
  | { kind: 'end' }
  | { kind: 'offset'; offset: number }
  /** librdkafka's RD_KAFKA_OFFSET_TAIL(n): n records before the end. */
  | { kind: 'tail'; count: number };

declare module '../engine/registry' {
  interface AreaStates {
    consumers: ConsumerArea;
  }
  interface CommandMap {
    /** subscribe + join: `consumer create NAME --group G --topics T ...` */
    consumerCreate: { name: string; config: ConsumerCreateConfig };
    /** KafkaConsumer#poll: auto-commit when due, rejoin if removed, fetch below the HW (LSO for read_committed). */
    consumerPoll: { name: string; maxRecords?: number };
    /** The application processes polled records (all by default). */
    consumerProcess: { name: string; count?: number };
    /**
     * commitSync() / commitAsync() of the current positions, or of the given offsets
     * (KafkaConsumer#commitSync(Map<TopicPartition, OffsetAndMetadata>); librdkafka commits its offset store so).
     */
    consumerCommit: { name: string; mode?: 'sync' | 'async'; offsets?: OffsetEntry[] };
    /** KafkaConsumer#seek / seekToBeginning / seekToEnd (and librdkafka's RD_KAFKA_OFFSET_TAIL) on assigned partitions. */
    consumerSeek: { name: string; to: SeekTarget };
    /** close(): auto-commit, then LeaveGroup (a static member only stops heartbeating). */
    consumerClose: { name: string };
    /** The process dies: no commit, no LeaveGroup; the coordinator notices after session.timeout.ms. */
    consumerCrash: { name: string };
    /** Admin OffsetCommit (kafka-consumer-groups --reset-offsets --execute): only for inactive groups. */
    groupCommitOffsets: { groupId: string; offsets: OffsetEntry[] };
    /** Compute (and with execute, commit) a reset plan for the given partitions. */
    groupResetOffsets: { groupId: string; partitions: TopicPartition[]; spec: ResetSpec; execute?: boolean };
    /** kafka-consumer-groups --delete: only an inactive group, with its committed offsets. */
    groupDelete: { groupId: string };
    /** Admin OffsetDelete (kafka-consumer-groups --delete-offsets, KIP-496). */
    groupDeleteOffsets: { groupId: string; partitions: TopicPartition[] };
  }
  interface CommandResultMap {
    consumerCreate: { memberId: string; clientId: string };
    groupDeleteOffsets: {
      partitions: Array<
        TopicPartition & { error: 'GROUP_SUBSCRIBED_TO_TOPIC' | 'UNKNOWN_TOPIC_OR_PARTITION' | null }
      >;
    };
    consumerPoll: {
      records: Array<{
        topic: string;
        partition: number;
        offset: number;
        key: string | null;
        value: string | null;
      }>;
    };
    consumerProcess: { records: OffsetEntry[] };
    consumerCommit: { offsets: OffsetEntry[] };
    consumerSeek: { positions: OffsetEntry[] };
    groupResetOffsets: { offsets: OffsetEntry[] };
  }
  interface TaskMap {
    /** The group coordinator's next deadline (session timeouts, rejoins, the join phase's end, offset expiry). */
    consumerGroupTimer: { groupId: string };
    /** max.poll.interval.ms after the poll that bumped the client to `pollEpoch`. */
    consumerPollTimeout: { consumer: string; pollEpoch: number };
    /** The consumer's next background metadata refresh (metadata.max.age.ms), due because a subscribed topic changed. */
    consumerMetadataRefresh: { consumer: string; groupId: string };
  }
  interface EventMap {
    groupStateChanged: { groupId: string; from: GroupStateName; to: GroupStateName; generationId: number };
    groupMemberJoined: { groupId: string; memberId: string; label: string };
    groupMemberRejoined: { groupId: string; memberId: string; label: string };
    groupMemberRemoved: { groupId: string; memberId: string; label: string; cause: MemberRemovalCause };
    groupStaticMemberReplaced: { groupId: string; oldMemberId: string; memberId: string; label: string };
    groupMemberFenced: { groupId: string; memberId: string; label: string };
    groupAssignment: {
      groupId: string;
      generationId: number;
      /** The selected assignor; a group of real clients may name one the simulation does not implement. */
      assignor: AssignorName | string;
      protocol: RebalanceProtocol;
      leaderId: string;
      assignment: Record<string, TopicPartition[]>;
      /** Cooperative: partitions held back this round because their owner must revoke them first. */
      withheld: TopicPartition[];
    };
    groupPartitionsRevoked: {
      groupId: string;
      memberId: string;
      label: string;
      partitions: TopicPartition[];
    };
    groupDeleted: { groupId: string };
    groupOffsetsDeleted: { groupId: string; partitions: TopicPartition[] };
    consumerCreated: { consumer: string; groupId: string; memberId: string };
    consumerPolled: { consumer: string; records: OffsetEntry[] };
    consumerProcessed: { consumer: string; records: OffsetEntry[]; duplicates: OffsetEntry[] };
    offsetsCommitted: { groupId: string; consumer: string | null; mode: CommitMode; offsets: OffsetEntry[] };
    offsetCommitFailed: { groupId: string; consumer: string; error: string };
    positionReset: {
      consumer: string;
      topic: string;
      partition: number;
      from: number | null;
      to: number;
      cause: PositionResetCause;
    };
    partitionsAssigned: { consumer: string; generationId: number; partitions: TopicPartition[] };
    consumerStopped: { consumer: string; how: ConsumerStopReason };
    /** A subscribed topic gained partitions; the group's leader sees it only at its next metadata refresh. */
    consumerMetadataStale: { consumer: string; groupId: string; topic: string; refreshAt: number };
    /** The leader's metadata refresh found partition counts other than those it assigned with. */
    consumerMetadataChanged: {
      consumer: string;
      groupId: string;
      changes: Array<{ topic: string; from: number | null; to: number | null }>;
    };
  }
}
