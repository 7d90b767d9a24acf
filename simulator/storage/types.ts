// The storage area's state (per broker: when its retention check and log cleaner run next), its tasks and
// events.
import type { BrokerId } from '../cluster/types';
import type { CleanerPassResult } from '../log/logCleaner';
import type { RetentionBreach } from '../log/retention';

export type StorageBrokerState = {
  /** Virtual time of the pending retention check, or null if none is queued. */
  retentionCheckAt: number | null;
  /** Virtual time of the pending cleaner wake-up, or null if the cleaner is idle with nothing due. */
  cleanerCheckAt: number | null;
};

export type StorageAreaState = { brokers: Record<BrokerId, StorageBrokerState> };

type Tp = { topic: string; partition: number; broker: BrokerId };

declare module '../engine/registry' {
  interface AreaStates {
    storage: StorageAreaState;
  }
  interface TaskMap {
    logRetentionCheck: { brokerId: BrokerId; at: number };
    logCleanerCheck: { brokerId: BrokerId; at: number };
  }
  interface EventMap {
    segmentRolled: Tp & {
      baseOffset: number;
      previousBaseOffset: number;
      cause: 'segment.bytes' | 'segment.ms';
    };
    logSegmentDeleted: Tp & {
      baseOffset: number;
      endOffset: number;
      sizeBytes: number;
      recordCount: number;
      breach: RetentionBreach;
      logStartOffset: number;
    };
    logCleaned: Tp & Omit<CleanerPassResult, 'reason'>;
  }
}
