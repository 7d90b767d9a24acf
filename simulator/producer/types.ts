// The producer area's state (KafkaProducer + RecordAccumulator + Sender, plain data), its commands, tasks
// and events: the flight of a record from send() to its acknowledgement (or failure).
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
  /** metadata.max.age.ms: how old the client's view of a topic's partitions may get before a refresh. */
  metadataMaxAgeMs: number;
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
  /** The client's cached metadata per topic: how many partitions it believes the topic has, and since when. */
  metadata: Record<string, { partitions: number; fetchedAt: number }>;
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

export type SendRecord = {
  key?: string | null;
  /** null = tombstone. */
  value: string | null;
  partition?: number;
  headers?: Array<[string, string]>;
  /** CreateTime; default = now. */
  timestamp?: number;
};

declare module '../engine/registry' {
  interface CommandMap {
    /** configs use Kafka's names: { acks: '1', 'enable.idempotence': 'false', 'linger.ms': '0', ... }. */
    producerCreate: { name: string; configs?: Record<string, string> };
    /**
     * KafkaProducer#send: the record joins a batch (its fate: deliveryOf(producer, recordId)); `partition`
     * overrides the partitioner, `value: null` is a tombstone.
     */
    producerSend: { producer: string; topic: string } & SendRecord;
    /** Many records in one command (console producer lines, benchmarks). */
    producerSendMany: { producer: string; topic: string; records: SendRecord[] };
    /** KafkaProducer#flush: sends everything now and runs the clock until all sends completed or failed. */
    producerFlush: { producer: string };
    /** KafkaProducer#close: flush, then close. */
    producerClose: { producer: string };
  }
  interface CommandResultMap {
    producerCreate: { producerId: number; warnings: string[] };
    producerSend: { recordId: number; topic: string; partition: number };
    producerSendMany: { firstRecordId: number; count: number; partitions: number[] };
  }
  interface TaskMap {
    producerDrain: { producer: string };
    produceRequest: {
      producer: string;
      requestId: number;
      broker: number;
      topic: string;
      partition: number;
      batchId: number;
      acks: 0 | 1 | 'all';
      producerId: number;
      producerEpoch: number;
      baseSequence: number;
      records: PendingRecord[];
      timeoutMs: number;
      /** Batch attribute isTransactional: the producer has a transactional.id. */
      transactional?: boolean;
    };
    produceTimeout: {
      producer: string;
      requestId: number;
      topic: string;
      partition: number;
      batchId: number;
    };
  }
  interface EventMap {
    producerCreated: {
      producer: string;
      producerId: number;
      acks: Acks;
      idempotent: boolean;
      warnings: string[];
    };
    producerClosed: { producer: string };
    recordAccumulated: {
      producer: string;
      topic: string;
      partition: number;
      batchId: number;
      firstRecordId: number;
      count: number;
      /** How the partition was chosen. */
      partitioner: 'explicit' | 'key' | 'sticky';
    };
    stickyPartitionChanged: { producer: string; topic: string; from: number | null; to: number };
    /** The producer's metadata now knows a different partition count for the topic (metadata.max.age.ms). */
    producerMetadataRefreshed: { producer: string; topic: string; from: number; to: number };
    produceRequestSent: {
      producer: string;
      requestId: number;
      broker: number;
      topic: string;
      partition: number;
      batchId: number;
      records: number;
      attempt: number;
      baseSequence: number;
    };
    produceRequestLost: {
      producer: string;
      requestId: number;
      broker: number;
      topic: string;
      partition: number;
    };
    produceRequestTimedOut: {
      producer: string;
      requestId: number;
      broker: number;
      topic: string;
      partition: number;
    };
    batchRetrying: {
      producer: string;
      topic: string;
      partition: number;
      batchId: number;
      /** The request that failed (the Java client logs it as the correlation id). */
      requestId: number;
      attempt: number;
      backoffMs: number;
      error: KafkaError;
    };
    batchAcknowledged: {
      producer: string;
      topic: string;
      partition: number;
      batchId: number;
      baseOffset: number;
      count: number;
      firstRecordId: number;
      attempts: number;
      duplicate: boolean;
    };
    batchFailed: {
      producer: string;
      topic: string;
      partition: number;
      batchId: number;
      count: number;
      firstRecordId: number;
      error: KafkaError;
    };
  }
}
