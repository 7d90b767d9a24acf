// Producer client state (KafkaProducer + RecordAccumulator + Sender), plain data.
import type { KafkaError } from '../engine/registry';

export type Acks = 0 | 1 | 'all';

export type ProducerConfig = {
  acks: Acks;
  enableIdempotence: boolean;
  retries: number;
  batchSize: number;
  lingerMs: number;
  deliveryTimeoutMs: number;
  requestTimeoutMs: number;
  maxInFlight: number;
  retryBackoffMs: number;
  retryBackoffMaxMs: number;
  transactionalId: string | null;
  partitionerIgnoreKeys: boolean;
  maxRequestSize: number;
};

export type PendingRecord = {
  recordId: number;
  key: string | null;
  value: string | null;
  headers: ReadonlyArray<readonly [string, string]>;
  timestamp: number;
  sizeBytes: number;
};

export type BatchState =
  /** Still accepting records (linger.ms running, not full). */
  | 'open'
  /** Ready to send (full, linger expired, flushed) or waiting for a leader / in-flight slot. */
  | 'ready'
  | 'inflight'
  /** Waiting retry.backoff.ms before a retry. */
  | 'backoff';

export type ProducerBatch = {
  batchId: number;
  topic: string;
  partition: number;
  records: PendingRecord[];
  sizeBytes: number;
  createdAt: number;
  state: BatchState;
  /** Idempotent producers: sequence of the first record, assigned on the first send; -1 otherwise. */
  baseSequence: number;
  attempts: number;
  retryAt: number;
  /** The request carrying the batch right now (stale responses are ignored). */
  requestId: number;
  broker: number;
  lastError: KafkaError | null;
};

export type DeliveryReport = {
  batchId: number;
  firstRecordId: number;
  count: number;
  /** Ids of the batch's records in offset order (ids skip when a send spread records over partitions). */
  recordIds: number[];
  topic: string;
  partition: number;
  /** Offset of the first record (-1 with acks=0, or on error). */
  baseOffset: number;
  error: KafkaError | null;
  attempts: number;
  time: number;
};

export type Producer = {
  /** The client.id (console NAME). */
  name: string;
  status: 'open' | 'closed';
  config: ProducerConfig;
  /** What the user set, with Kafka names (for describe). */
  userConfigs: Record<string, string>;
  /** -1 when idempotence is off. */
  producerId: number;
  producerEpoch: number;
  /** Built-in partitioner (KIP-794) sticky state per topic. */
  sticky: Record<string, { partition: number; producedBytes: number }>;
  /** Next sequence per "topic-partition". */
  sequences: Record<string, number>;
  /** Batches per "topic-partition", oldest first (accumulator deques + in-flight). */
  queues: Record<string, ProducerBatch[]>;
  /** In-flight requests per broker id (max.in.flight.requests.per.connection). */
  inFlight: Record<number, number>;
  nextRecordId: number;
  /** Next scheduled drain (Sender wake-up), to avoid scheduling duplicates. */
  drainAt: number | null;
  /** flush() in progress: every open batch is ready regardless of linger.ms. */
  flushing: boolean;
  /** Most recent delivery reports, newest last (bounded). */
  completed: DeliveryReport[];
  stats: { sent: number; acked: number; failed: number; retries: number };
};

declare module '../engine/state' {
  interface SimState {
    producers: Record<string, Producer>;
    /** Producer ids handed out so far (simplified: a counter, no ProducerIdsRecord blocks). */
    nextProducerId: number;
    nextBatchId: number;
    nextRequestId: number;
  }
}
