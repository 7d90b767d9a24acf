// Transaction outcomes derived from the log's control records: the simulator's stand-in for
// the .txnindex (aborted transaction index) and the producer state the cleaner consults.
// Hooks for the transactions area: collectAbortedTransactions (read_committed fetches) and
// firstUnstableOffset (the LSO's input).
import { floorSegmentIndex } from './segments';
import type { LogRecord, PartitionLog } from './types';

export type Marker = { offset: number; type: 'COMMIT' | 'ABORT' };

/** producerId -> that producer's markers in offset order. */
export type MarkerIndex = Map<number, Marker[]>;

export function buildMarkerIndex(log: PartitionLog): MarkerIndex {
  const idx: MarkerIndex = new Map();
  for (const seg of log.segments) {
    for (const r of seg.records) {
      if (r.control === null) continue;
      let list = idx.get(r.producerId);
      if (list === undefined) {
        list = [];
        idx.set(r.producerId, list);
      }
      list.push({ offset: r.offset, type: r.control.type });
    }
  }
  return idx;
}

/** The marker that ends the transaction a transactional data record belongs to (undefined = still open). */
export function markerFor(idx: MarkerIndex, record: LogRecord): Marker | undefined {
  const list = idx.get(record.producerId);
  if (list === undefined) return undefined;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].offset < record.offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo];
}

export type AbortedTransaction = {
  producerId: number;
  /** First offset of the transaction's data in this log. */
  firstOffset: number;
  /** Offset of the ABORT marker. */
  lastOffset: number;
};

/**
 * Aborted transactions overlapping [fromOffset, toOffset) (UnifiedLog#collectAbortedTransactions):
 * what a read_committed fetch response carries so the consumer can drop aborted records.
 */
export function collectAbortedTransactions(
  log: PartitionLog,
  fromOffset: number,
  toOffset: number,
): AbortedTransaction[] {
  const firstDataOffset = new Map<number, number>();
  const out: AbortedTransaction[] = [];
  for (const seg of log.segments) {
    for (const r of seg.records) {
      if (r.control !== null) {
        const first = firstDataOffset.get(r.producerId);
        firstDataOffset.delete(r.producerId);
        if (r.control.type === 'ABORT' && first !== undefined && r.offset >= fromOffset && first < toOffset) {
          out.push({ producerId: r.producerId, firstOffset: first, lastOffset: r.offset });
        }
      } else if (r.transactional && !firstDataOffset.has(r.producerId)) {
        firstDataOffset.set(r.producerId, r.offset);
      }
    }
  }
  return out;
}

/**
 * First offset of the earliest transaction with data in the log but no marker yet
 * (ProducerStateManager#firstUnstableOffset), or null. LSO = min(this, HW).
 * `fromOffset` lets a caller skip a prefix known to hold only finished transactions (e.g. the
 * cleaner checkpoint, which never passes the LSO of its pass). Pass the replica's `highWatermark`
 * so a transaction whose marker is not yet replicated still counts as open.
 */
export function firstUnstableOffset(
  log: PartitionLog,
  fromOffset = log.logStartOffset,
  highWatermark = Number.MAX_SAFE_INTEGER,
): number | null {
  let min: number | null = null;
  for (const o of openTransactionStarts(log, fromOffset, highWatermark).values())
    if (min === null || o < min) min = o;
  return min;
}

/**
 * producerId -> first offset of its transaction that has data but no marker yet (ProducerStateEntry's
 * currentTxnFirstOffset, which DescribeProducers reports as CurrentTransactionStartOffset).
 */
export function openTransactionStarts(
  log: PartitionLog,
  fromOffset = log.logStartOffset,
  highWatermark = Number.MAX_SAFE_INTEGER,
): Map<number, number> {
  const open = new Map<number, number>();
  for (let si = Math.max(0, floorSegmentIndex(log.segments, fromOffset)); si < log.segments.length; si++) {
    for (const r of log.segments[si].records) {
      if (r.offset < fromOffset) continue;
      // A marker not yet below the HW does not complete its transaction for readers (not fully replicated).
      if (r.control !== null) {
        if (r.offset < highWatermark) open.delete(r.producerId);
      } else if (r.transactional && !open.has(r.producerId)) open.set(r.producerId, r.offset);
    }
  }
  return open;
}

/** True when a transactional data record belongs to a transaction that was aborted. */
export function isAborted(idx: MarkerIndex, record: LogRecord): boolean {
  return record.transactional && record.control === null && markerFor(idx, record)?.type === 'ABORT';
}
