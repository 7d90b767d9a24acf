// What a read_committed reader may see: up to the last stable offset, with aborted transactions' records and
// all control records left out (FetchIsolation.TXN_COMMITTED, KIP-98).
import {
  buildMarkerIndex,
  collectAbortedTransactions,
  firstUnstableOffset,
  isAborted,
} from '../log/transactionIndex';
import type { LogRecord, PartitionLog } from '../log/types';

/** LSO = the first offset of the earliest still-open transaction, or the HW when that is lower or none is open. */
export function lastStableOffset(log: PartitionLog, highWatermark: number): number {
  const unstable = firstUnstableOffset(log, log.logStartOffset, highWatermark);
  return unstable === null ? highWatermark : Math.min(unstable, highWatermark);
}

/** Records a read_committed consumer receives from [from, LSO), in offset order. */
export function readCommittedRecords(
  log: PartitionLog,
  highWatermark: number,
  from = log.logStartOffset,
): LogRecord[] {
  const lso = lastStableOffset(log, highWatermark);
  const markers = buildMarkerIndex(log);
  const out: LogRecord[] = [];
  for (const segment of log.segments) {
    for (const record of segment.records) {
      if (record.offset < from || record.offset >= lso) continue;
      if (record.control !== null || isAborted(markers, record)) continue;
      out.push(record);
    }
  }
  return out;
}

/** Records a read_uncommitted consumer receives: everything below the HW except control records. */
export function readUncommittedRecords(
  log: PartitionLog,
  highWatermark: number,
  from = log.logStartOffset,
): LogRecord[] {
  const out: LogRecord[] = [];
  for (const segment of log.segments) {
    for (const record of segment.records) {
      if (record.offset >= from && record.offset < highWatermark && record.control === null) out.push(record);
    }
  }
  return out;
}

export { collectAbortedTransactions };
