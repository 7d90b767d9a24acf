// isolation.level support. read_uncommitted consumers read below the high watermark; read_committed ones
// below the last stable offset and skip aborted transactional records (FetchIsolation, KIP-98). Both facts
// come from the partition leader's log through the cluster view (ClusterAccess), which knows transactions.
import type { LogRecord } from '../log/types';

export type IsolationLevel = 'read_uncommitted' | 'read_committed';

/** What read_committed needs of the cluster; a view without it treats LSO = HW and nothing as aborted. */
export type ReadCommittedView = {
  /** Last stable offset of the partition (≤ the high watermark). */
  lastStableOffset?(topic: string, partition: number, highWatermark: number): number;
  /** True for a transactional data record whose transaction was aborted. */
  isAborted?(topic: string, partition: number, record: LogRecord): boolean;
};

/** Exclusive upper bound of what a consumer with this isolation level may read. */
export function fetchLimit(
  view: ReadCommittedView,
  topic: string,
  partition: number,
  highWatermark: number,
  isolation: IsolationLevel,
): number {
  if (isolation === 'read_uncommitted' || !view.lastStableOffset) return highWatermark;
  return Math.min(highWatermark, view.lastStableOffset(topic, partition, highWatermark));
}

export function isAbortedRecord(
  view: ReadCommittedView,
  topic: string,
  partition: number,
  record: LogRecord,
): boolean {
  return (
    record.transactional && record.control === null && (view.isAborted?.(topic, partition, record) ?? false)
  );
}
