// Events of the consumer area. Every one carries a plain-language reason; views animate them.
import type { GroupEvent } from './groupTypes';
import type { TopicPartition } from './types';

export type OffsetEntry = { topic: string; partition: number; offset: number };

export type ConsumerEvent =
  | { type: 'groupEvent'; reason: string; groupId: string; event: GroupEvent }
  | { type: 'consumerCreated'; reason: string; consumer: string; groupId: string; memberId: string }
  | { type: 'consumerPolled'; reason: string; consumer: string; records: OffsetEntry[] }
  | {
      type: 'consumerProcessed';
      reason: string;
      consumer: string;
      records: OffsetEntry[];
      duplicates: OffsetEntry[];
    }
  | {
      type: 'offsetsCommitted';
      reason: string;
      groupId: string;
      consumer: string | null;
      mode: 'sync' | 'async' | 'auto' | 'admin';
      offsets: OffsetEntry[];
    }
  | { type: 'offsetCommitFailed'; reason: string; groupId: string; consumer: string; error: string }
  | {
      type: 'positionReset';
      reason: string;
      consumer: string;
      topic: string;
      partition: number;
      from: number | null;
      to: number;
      cause: 'committed' | 'no-committed-offset' | 'out-of-range';
    }
  | {
      type: 'partitionsAssigned';
      reason: string;
      consumer: string;
      generationId: number;
      partitions: TopicPartition[];
    }
  | {
      type: 'consumerStopped';
      reason: string;
      consumer: string;
      how: 'closed' | 'crashed' | 'fenced' | 'poll-timeout' | 'removed';
    };
