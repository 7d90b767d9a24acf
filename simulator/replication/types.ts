// The replication area's tasks and events: the data plane of leaders and followers (appends, follower
// fetches, the high watermark, truncation, idempotence). Its state lives in each partition's replicas
// (cluster/types.ts).
import type { BrokerId } from '../cluster/types';

/** The broker's answer to a produce request. */
export type ProduceResult =
  | { kind: 'ok'; baseOffset: number; logAppendTime: number; duplicate?: boolean }
  | { kind: 'error'; code: string; message: string };

declare module '../engine/registry' {
  interface TaskMap {
    replicaFetchRequest: {
      topic: string;
      partition: number;
      follower: number;
      session: number;
      fetchOffset: number;
    };
    replicaFetchResponse: {
      topic: string;
      partition: number;
      follower: number;
      session: number;
      from: number;
      to: number;
      highWatermark: number;
    };
    isrExpiration: { brokerId: number; generation: number };
    produceResponse: {
      producer: string;
      requestId: number;
      batchId: number;
      topic: string;
      partition: number;
      broker: number;
      result: ProduceResult;
    };
  }
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
      /** The line the leader's server.log shows for this refusal, when Kafka logs one. */
      brokerLog: string | null;
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
    produceResponseLost: {
      producer: string;
      requestId: number;
      broker: number;
      topic: string;
      partition: number;
    };
  }
}
