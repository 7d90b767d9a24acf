// Events of the data plane: appends, follower fetches, high watermark, truncation, idempotence.
import type { BrokerId } from '../cluster/types';

declare module '../engine/registry' {
  interface EventMap {
    recordsAppended: {
      topic: string;
      partition: number;
      broker: BrokerId;
      baseOffset: number;
      lastOffset: number;
      count: number;
      leaderEpoch: number;
      producer: string | null;
      requestId: number;
    };
    produceRejected: {
      topic: string;
      partition: number;
      broker: BrokerId;
      producer: string;
      requestId: number;
      error: string;
    };
    duplicateBatch: {
      topic: string;
      partition: number;
      broker: BrokerId;
      producer: string;
      producerId: number;
      baseSequence: number;
      baseOffset: number;
    };
    replicaFetched: {
      topic: string;
      partition: number;
      follower: BrokerId;
      leader: BrokerId;
      fromOffset: number;
      count: number;
      logEndOffset: number;
      highWatermark: number;
    };
    highWatermarkAdvanced: { topic: string; partition: number; broker: BrokerId; from: number; to: number };
    replicaTruncated: {
      topic: string;
      partition: number;
      broker: BrokerId;
      fromOffset: number;
      toOffset: number;
      /** Offsets removed from this replica (data the new leader does not have). */
      removed: number;
    };
  }
}
