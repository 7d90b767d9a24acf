// What the console needs from the simulated cluster, in the console's own terms. The adapter in
// simAdapter.ts implements it over the Simulation; keeping the tools behind this narrow port means
// a change in the core touches one file. Commands that change the cluster go through the
// Simulation's command log inside the adapter, so replay reproduces what the console did.

/** A Kafka error as the Admin/Producer/Consumer APIs would raise it. */
export type KafkaError = {
  /** Java exception simple name, e.g. TopicExistsException. */
  exception: string;
  message: string;
};

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: KafkaError };

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const fail = <T>(exception: string, message: string): Outcome<T> => ({
  ok: false,
  error: { exception, message },
});

export type BrokerView = {
  id: number;
  host: string;
  port: number;
  state: 'online' | 'stopped' | 'isolated';
  controller: boolean;
};

export type PartitionView = {
  partition: number;
  leader: number | null;
  replicas: number[];
  isr: number[];
  elr: number[] | null;
  lastKnownElr: number[] | null;
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  lastStableOffset: number;
  /** Reassignment in progress: replicas being added / removed. */
  adding: number[] | null;
  removing: number[] | null;
};

export type TopicView = {
  name: string;
  topicId: string;
  internal: boolean;
  partitions: PartitionView[];
  /** Topic-level overrides (source DYNAMIC_TOPIC_CONFIG). */
  overrides: Record<string, string>;
};

export type RecordView = {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CreateTime' | 'LogAppendTime';
  key: string | null;
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
};

export type NewTopic = {
  name: string;
  partitions: number | null;
  replicationFactor: number | null;
  configs: Record<string, string>;
  /** Manual replica assignment, partition index -> broker ids. */
  assignment: number[][] | null;
};

export type GroupMemberView = {
  memberId: string;
  clientId: string;
  host: string;
  groupInstanceId: string | null;
  assignment: Array<{ topic: string; partition: number }>;
};

export type GroupView = {
  groupId: string;
  state: string;
  protocol: string;
  assignmentStrategy: string;
  coordinator: number;
  members: GroupMemberView[];
  /** Committed offsets. */
  offsets: Array<{ topic: string; partition: number; offset: number }>;
};

/** Producer configs by their Kafka names (only those set explicitly; the client fills defaults). */
export type ProducerSettings = Record<string, string>;

export type ConsumerSettings = {
  groupId: string;
  topics: string[];
  assignor: 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';
  autoCommit: boolean;
  isolationLevel: 'read_uncommitted' | 'read_committed';
  offsetReset: 'earliest' | 'latest' | 'none';
  instanceId: string | null;
};

/** Where a sent record ended up, or why it did not. */
export type SendResult =
  | { kind: 'acked'; topic: string; partition: number; offset: number }
  | { kind: 'pending'; topic: string; partition: number }
  | { kind: 'failed'; error: KafkaError };

export type SendRequest = {
  topic: string;
  key: string | null;
  value: string | null;
  partition: number | null;
  headers: Array<[string, string]>;
};

export interface ClusterPort {
  // ---- queries (never change state) ----
  brokers(): BrokerView[];
  topics(): TopicView[];
  topic(name: string): TopicView | null;
  /** Records readable by a client from `offset` (capped at HW, or LSO for read_committed). */
  read(
    topic: string,
    partition: number,
    offset: number,
    max: number,
    isolation: 'read_uncommitted' | 'read_committed',
  ): RecordView[];
  /** Offset for a timestamp spec: -1 latest (HW), -2 earliest, -3 max timestamp, else first offset with ts >= t. */
  offsetForTime(topic: string, partition: number, time: number): number | null;
  groups(): GroupView[];
  group(groupId: string): GroupView | null;
  /** Current virtual time in ms. */
  now(): number;
  statusLines(): string[];

  // ---- admin commands (go through the command log) ----
  createTopic(t: NewTopic): Outcome<void>;
  deleteTopic(name: string): Outcome<void>;
  createPartitions(name: string, total: number): Outcome<void>;
  alterTopicConfig(name: string, set: Record<string, string>, remove: string[]): Outcome<void>;
  electLeaders(
    type: 'preferred' | 'unclean',
    partitions: Array<{ topic: string; partition: number }>,
  ): Array<{ topic: string; partition: number; result: 'elected' | 'noop' | KafkaError }>;
  /** Start reassignments; `replicas: null` cancels that partition's reassignment (KIP-455). */
  reassign(plan: Array<{ topic: string; partition: number; replicas: number[] | null }>): Outcome<void>;
  /** Commit group offsets on behalf of an admin (reset-offsets --execute, console consumer --group). */
  commitGroupOffsets(
    groupId: string,
    offsets: Array<{ topic: string; partition: number; offset: number }>,
  ): Outcome<void>;
  deleteGroup(groupId: string): Outcome<void>;

  // ---- cluster operations (simulation commands) ----
  stopBroker(id: number): Outcome<void>;
  startBroker(id: number): Outcome<void>;
  isolateBroker(id: number): Outcome<void>;
  healBroker(id: number): Outcome<void>;
  addBroker(): Outcome<number>;
  advanceClock(ms: number): Outcome<void>;
  /** Lose the next `count` produce requests or responses (optionally of one producer). */
  dropNext(what: 'request' | 'response', producer: string | null, count: number): Outcome<void>;
  /** Seeded random loss rates (0..1); undefined leaves a rate unchanged. */
  setNetworkLoss(requestRate: number | undefined, responseRate: number | undefined): Outcome<void>;
  networkStatus(): NetworkView;
  reset(brokers: number, seed: number): Outcome<void>;

  // ---- clients ----
  /** Is a producer or consumer with this client name open in this console session? */
  clientNameTaken(name: string): boolean;
  /** Names of the producers / consumers open in this console session (for completion). */
  clientNames(kind: 'producer' | 'consumer'): string[];
  /** Creates the producer; the value lists the client's config warnings (WARN lines). */
  createProducer(name: string, settings: ProducerSettings): Outcome<string[]>;
  send(name: string, req: SendRequest): Outcome<SendResult>;
  /** Flush (runs the clock until every pending send completed); results of the sends that were pending, in send order. */
  flush(name: string): Outcome<SendResult[]>;
  /** Delivery reports (callbacks) of sends that completed since the last call, for any producer. */
  takeDeliveries(): Array<{ producer: string; result: SendResult }>;
  beginTransaction(name: string): Outcome<void>;
  /** KafkaProducer#sendOffsetsToTransaction with a consumer's current positions and group; returns them. */
  sendOffsetsToTransaction(
    producer: string,
    consumer: string,
  ): Outcome<{ groupId: string; offsets: Array<{ topic: string; partition: number; offset: number }> }>;
  commitTransaction(name: string): Outcome<void>;
  abortTransaction(name: string): Outcome<void>;
  closeProducer(name: string): Outcome<void>;
  /** The application dies: nothing flushed, committed or aborted. */
  crashProducer(name: string): Outcome<void>;
  createConsumer(name: string, settings: ConsumerSettings): Outcome<void>;
  poll(name: string, max: number): Outcome<RecordView[]>;
  /** The application processes polled records (the first `count`, or all); the value lists them. */
  processConsumer(
    name: string,
    count: number | null,
  ): Outcome<Array<{ topic: string; partition: number; offset: number }>>;
  /** commitSync(): commits the consumer's positions (next offset to read per partition); the value lists them. */
  commitConsumer(name: string): Outcome<Array<{ topic: string; partition: number; offset: number }>>;
  closeConsumer(name: string): Outcome<void>;
  crashConsumer(name: string): Outcome<void>;
}

export type NetworkView = {
  requestLossRate: number;
  responseLossRate: number;
  pendingDrops: Array<{ what: 'request' | 'response'; producer: string | null; remaining: number }>;
};
