// The shapes every reader of the simulation sees: console tools, challenge goals, classroom and the React views.
// One shape per thing ("a partition", "a group", "a record"), derived from SimState in simulator/read/*.ts.

import type { BrokerId } from '../cluster/types';
import type { GroupStateName } from '../consumer/index';
import type { DeliveryStatus } from '../producer/commands';
import type { CompatibilityLevel, RegistryMode, RegistryState } from '../schemaRegistry/types';

export type BrokerState = 'online' | 'stopped' | 'isolated';

export type BrokerView = {
  id: BrokerId;
  host: string;
  port: number;
  state: BrokerState;
  /** The broker metadata responses name as "controller": in KRaft clients cannot reach the controllers, so
   * (as Kafka does) a live broker stands in; the simulation names the lowest running, connected one. */
  controller: boolean;
};

/** A KRaft controller node (ids from 1000, separate from the brokers); one is the active controller. */
export type ControllerView = { id: number; running: boolean; active: boolean };

export type QuorumView = {
  leaderId: number | null;
  epoch: number;
  voters: ControllerView[];
  /** __cluster_metadata's high watermark (the simulation commits each record as it is appended). */
  highWatermark: number;
  /** DescribeQuorum's replica states: voters (controllers) then observers (brokers), KIP-595 / KIP-836. */
  replicas: MetadataReplicaView[];
};

export type MetadataReplicaView = {
  nodeId: number;
  role: 'voter' | 'observer';
  /** `CONTROLLER://host:port` of a voter (controller.quorum.bootstrap.servers); null for observers. */
  endpoint: string | null;
  logEndOffset: number;
  lastFetchTimestamp: number;
  lastCaughtUpTimestamp: number;
};

export type ReplicaView = {
  broker: BrokerId;
  leader: boolean;
  inIsr: boolean;
  /** The broker holding it is not serving (stopped or isolated). */
  brokerDown: boolean;
  logEndOffset: number;
  /** This replica's own high watermark: a follower learns the leader's from its fetch responses
   * (Partition#updateFollowerFetchState), so it can trail the leader's. */
  highWatermark: number;
  /** Being copied in, or about to be removed, by a reassignment (KIP-455). */
  adding: boolean;
  removing: boolean;
};

export type PartitionView = {
  topic: string;
  partition: number;
  leader: BrokerId | null;
  leaderEpoch: number;
  /** Replica set in order (replicas[0] is the preferred leader); during a reassignment target + removing. */
  replicas: BrokerId[];
  isr: BrokerId[];
  /** The same replicas with their ISR membership, broker state and log end offset. */
  replicaStates: ReplicaView[];
  /** Reassignment in progress (kafka-topics --describe "Adding Replicas" / "Removing Replicas"); else empty. */
  addingReplicas: BrokerId[];
  removingReplicas: BrokerId[];
  /** Eligible leader replicas (KIP-966): not modelled (off by default in 4.0), always empty. */
  elr: BrokerId[];
  lastKnownElr: BrokerId[];
  logStartOffset: number;
  /** The leader's high watermark; offline: the highest any ISR member knew. */
  highWatermark: number;
  logEndOffset: number;
  /** Last stable offset: the first offset of the earliest open transaction, or the HW (KIP-98). */
  lastStableOffset: number;
};

export type TopicView = {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: PartitionView[];
  /** Topic-level overrides only (kafka-configs --describe, source DYNAMIC_TOPIC_CONFIG). */
  overrides: Record<string, string>;
};

/** Where a config value comes from (ConfigEntry.ConfigSource names, as kafka-configs prints them). */
export type ConfigSource = 'DYNAMIC_TOPIC_CONFIG' | 'STATIC_BROKER_CONFIG' | 'DEFAULT_CONFIG';

export type ConfigSynonym = { name: string; value: string; source: ConfigSource };

export type TopicConfigEntry = {
  name: string;
  /** The effective value: topic override, else the broker's setting, else Kafka's default. */
  value: string;
  source: ConfigSource;
  /** Most specific first (DescribeConfigs synonyms): the override, the broker setting, the default. */
  synonyms: ConfigSynonym[];
};

export type RecordKind = 'data' | 'tombstone' | 'commit-marker' | 'abort-marker';

export type RecordView = {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: string | null;
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
  kind: RecordKind;
  transactional: boolean;
};

export type SegmentView = {
  baseOffset: number;
  /** Offset after its last record: the next segment's base offset, or the LEO for the active one. */
  endOffset: number;
  records: RecordView[];
  active: boolean;
  cleaned: boolean;
  sizeBytes: number;
  largestTimestamp: number;
};

export type PartitionLogView = {
  topic: string;
  partition: number;
  /** Broker whose replica this is: the leader's, else the first replica's. */
  broker: BrokerId | null;
  segments: SegmentView[];
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  lastStableOffset: number;
  /** First offset the cleaner has not cleaned yet (compacted topics). */
  cleanerCheckpoint: number;
};

export type Isolation = 'read_uncommitted' | 'read_committed';

export type TopicPartition = { topic: string; partition: number };

export type GroupMemberView = {
  memberId: string;
  clientId: string;
  host: string;
  groupInstanceId: string | null;
  /** The console name (`consumer create NAME`), else the coordinator's label for the member. */
  name: string;
  /** What DescribeGroups reports: the member's SyncGroup assignment while the group is Stable, else nothing. */
  assignment: TopicPartition[];
  /** What the client owns and processes now (its own view; the coordinator's when no client runs). */
  owned: TopicPartition[];
  /** Owned partitions it must give up in the rebalance in progress (cooperative); empty otherwise. */
  revoking: TopicPartition[];
  /** Next offset the client fetches, per "topic-partition". */
  positions: Record<string, number>;
};

export type GroupPartitionView = {
  topic: string;
  partition: number;
  /** Committed offset, or null when the group never committed one ("-" in CURRENT-OFFSET). */
  committed: number | null;
  /** The high watermark (ListOffsets latest, READ_UNCOMMITTED), or null when the partition is unavailable. */
  logEndOffset: number | null;
  /** LOG-END-OFFSET − CURRENT-OFFSET, or null ("-") without a committed offset or an end offset. */
  lag: number | null;
  /** Member that owns it now, or null. */
  owner: string | null;
};

export type GroupView = {
  groupId: string;
  state: GroupStateName;
  /** Only classic groups are modelled (kafka-consumer-groups --list --type prints Classic). */
  type: 'classic';
  /** The assignor chosen for this generation (protocolName), or '' before the first one. */
  assignmentStrategy: string;
  /** Eager or cooperative rebalancing (the running clients' protocol), or null with no client running. */
  rebalanceProtocol: 'eager' | 'cooperative' | null;
  generation: number;
  /** Leader of the group's __consumer_offsets partition (GroupCoordinatorService#partitionFor), -1 if none. */
  coordinator: number;
  members: GroupMemberView[];
  /** Committed offsets, by topic then partition. */
  offsets: Array<TopicPartition & { offset: number }>;
  /** Topics the members (and the group's running clients) subscribe to, sorted. */
  subscribedTopics: string[];
  /** Subscribed, assigned and committed partitions with their lag, by topic then partition. */
  partitions: GroupPartitionView[];
};

export type TransactionState = 'none' | 'ready' | 'open' | 'fenced';

export type PendingSend = { recordId: number; topic: string; partition: number };

/** One batch in the producer's RecordAccumulator (per partition), or on its way to the leader. */
export type ProducerBatchView = {
  batchId: number;
  topic: string;
  partition: number;
  records: number;
  /** Bytes so far, the record batch header included (DefaultRecordBatch.RECORD_BATCH_OVERHEAD). */
  sizeBytes: number;
  /** batch.size: a batch is sendable once it is full. */
  batchSize: number;
  createdAt: number;
  /** open: still filling (sendable when full or linger.ms after createdAt); ready: sendable; inflight: sent, no response yet; backoff: waiting retry.backoff.ms. */
  state: 'open' | 'ready' | 'inflight' | 'backoff';
  /** The broker the in-flight request went to, else null. */
  broker: number | null;
  attempts: number;
};

export type ProducerView = {
  name: string;
  status: 'open' | 'closed';
  /** Effective configs by their Kafka names (acks, enable.idempotence, linger.ms, ...). */
  configs: Record<string, string>;
  acks: string;
  idempotence: boolean;
  lingerMs: number;
  transactionalId: string | null;
  producerId: number;
  producerEpoch: number;
  /** Records sent and not yet acknowledged or failed, in send order. */
  pendingSends: PendingSend[];
  /** The accumulator's batches and those in flight, by partition then age. */
  batches: ProducerBatchView[];
  /** The transactional client's state (TransactionManager): 'open' between begin and commit/abort. */
  transaction: TransactionState;
};

export type ConsumerView = {
  name: string;
  clientId: string;
  groupId: string;
  status: 'running' | 'closed' | 'crashed' | 'fenced';
  memberId: string | null;
  topics: string[];
  isolationLevel: Isolation;
  assignment: TopicPartition[];
  /** Next offset to fetch, per "topic-partition". */
  positions: Record<string, number>;
};

export type NetworkView = {
  requestLossRate: number;
  responseLossRate: number;
  pendingDrops: Array<{ what: 'request' | 'response'; producer: string | null; remaining: number }>;
};

export type { DeliveryStatus };

/** One (subject, version) of the Schema Registry. */
export type SchemaVersionView = {
  version: number;
  /** The global schema id (shared by every subject that registered the same schema). */
  id: number;
  schemaType: 'AVRO' | 'PROTOBUF' | 'JSON';
  /** The canonical text the registry stores. */
  schema: string;
  /** Soft-deleted: hidden from reads, kept in `_schemas` until a hard delete. */
  deleted: boolean;
};

export type SchemaSubjectView = {
  subject: string;
  versions: SchemaVersionView[];
  /** Every version is soft-deleted. */
  deleted: boolean;
  /** The level new versions are checked at, and where it is set. */
  compatibility: CompatibilityLevel;
  compatibilitySource: 'subject' | 'global' | 'default';
  mode: RegistryMode;
};

export type SchemaLevelVerdictView = {
  level: CompatibilityLevel;
  compatible: boolean;
  /** The versions the level compares with, newest first (latest only, or all for _TRANSITIVE). */
  checkedVersions: number[];
  /** The registry's reasons when incompatible (what a 409 lists). */
  messages: string[];
  reason: string;
};

export type SchemaRegistryView = {
  /** False until the first request started it, and while it is stopped (`schema-registry stop`). */
  running: boolean;
  /** Stopped by the learner: port 8081 refuses connections, the in-memory store is empty until it starts again. */
  stopped: boolean;
  /** Records in `_schemas` (its log end offset): what a restarting registry reads back. */
  topicRecords: number;
  /** The last registration the registry refused (409 incompatible, 422 invalid…), from the recent events. */
  lastRefusal: {
    subject: string;
    errorCode: number;
    messages: string[];
    reason: string;
    time: number;
  } | null;
  /** Its store: `_schemas`. */
  topic: string;
  globalCompatibility: CompatibilityLevel;
  globalMode: RegistryMode;
  /** Every subject, soft-deleted ones included, by name. */
  subjects: SchemaSubjectView[];
  maxId: number;
  /** The registry's store as plain data (for deserializers, the byte breakdown and compatibility checks). */
  store: Readonly<RegistryState>;
};

/** One byte range of a Schema Registry-framed record value, as the byte view labels it. */
export type SchemaByteSpanView = {
  start: number;
  end: number;
  part: 'magic' | 'schemaId' | 'messageIndexes' | 'payload' | 'field';
  label: string;
  hex: string;
};

/** A record whose value is in Confluent's wire format (magic byte 0, 4-byte schema id, [indexes,] payload). */
export type SchemaRecordBytesView = {
  topic: string;
  partition: number;
  offset: number;
  schemaId: number;
  /** The writer schema's format, or null when the registry does not know the id. */
  schemaType: 'AVRO' | 'PROTOBUF' | 'JSON' | null;
  /** The subjects the id is registered under. */
  subjects: string[];
  /** Every byte of the value in hex. */
  hex: string;
  /** The labelled ranges, or null before the schema libraries are loaded. */
  spans: SchemaByteSpanView[] | null;
};

/** A transactional id at its coordinator (DescribeTransactions / ListTransactions). */
export type TransactionView = {
  transactionalId: string;
  /** The broker leading its __transaction_state partition, or null when there is none. */
  coordinator: number | null;
  producerId: number;
  producerEpoch: number;
  /** TransactionState: Empty, Ongoing, PrepareCommit, PrepareAbort, CompleteCommit, CompleteAbort, … */
  state: string;
  transactionTimeoutMs: number;
  /** When the current (or last) transaction started; null before the first one. */
  transactionStartTimeMs: number | null;
  /** "topic-partition" names in the transaction. */
  partitions: string[];
};

/** One producer's state on a partition replica (DescribeProducers). */
export type ProducerStateView = {
  producerId: number;
  producerEpoch: number;
  coordinatorEpoch: number;
  lastSequence: number;
  lastTimestamp: number;
  /** First offset of its open transaction on this partition, or null. */
  currentTransactionStartOffset: number | null;
};
