// Producer-side events: the flight of a record from send() to its acknowledgement (or failure).
import type { KafkaError } from '../engine/registry';
import type { Acks } from './types';

declare module '../engine/registry' {
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
