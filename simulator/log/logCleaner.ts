// One log cleaner pass over a compacted log (LogCleaner#doClean / Cleaner#cleanSegments).
// Offsets are never renumbered: removed records leave gaps (Kafka documentation, design.html “Log Compaction”).
import { formatBytes, formatDuration } from './format';
import { type CleanableRange, cleanerDecision } from './logCleanerManager';
import type { LogConfig } from './logConfig';
import { createSegment, RECORD_BATCH_OVERHEAD } from './segments';
import { buildMarkerIndex, markerFor } from './transactionIndex';
import type { LogRecord, PartitionLog, Segment } from './types';

export type RemovalCause =
  /** A later record with the same key exists in the cleaned range. */
  | 'superseded'
  /** A tombstone whose delete horizon (first cleaning + delete.retention.ms) has passed. */
  | 'tombstoneExpired'
  /** Data of an aborted transaction. */
  | 'abortedTransaction'
  /** A transaction marker with no data left, past its delete horizon. */
  | 'markerExpired'
  /** A record without a key (cannot be compacted; rejected on produce anyway). */
  | 'keyless';

export type SegmentSummary = {
  baseOffset: number;
  endOffset: number;
  recordCount: number;
  sizeBytes: number;
};

export type CleanerPassResult = {
  trigger: 'dirtyRatio' | 'maxCompactionLag';
  range: CleanableRange;
  /** The new cleaner checkpoint (first dirty offset for the next pass). */
  cleanedUpTo: number;
  /** Segments [0, cleanedUpTo) before and after the pass (groups merged), for animation. */
  before: SegmentSummary[];
  after: SegmentSummary[];
  removedCount: Record<RemovalCause, number>;
  /** Up to REMOVED_DETAIL_LIMIT removed records with their cause (complete for small logs). */
  removed: Array<{ offset: number; key: string | null; cause: RemovalCause }>;
  removedTruncated: boolean;
  /** Tombstones / markers stamped with a delete horizon on this pass. */
  horizonsSet: Array<{ offset: number; deleteHorizonMs: number }>;
  bytesBefore: number;
  bytesAfter: number;
  reason: string;
};

export const REMOVED_DETAIL_LIMIT = 200;

const summarize = (segs: readonly Segment[], endOf: (i: number) => number): SegmentSummary[] =>
  segs.map((s, i) => ({
    baseOffset: s.baseOffset,
    endOffset: endOf(i),
    recordCount: s.records.length,
    sizeBytes: s.sizeBytes,
  }));

/**
 * Cleaner#groupSegmentsBySize: consecutive segments are merged into one cleaned segment while
 * their current (pre-cleaning) sizes add up to at most segment.bytes.
 */
export function groupSegmentsBySize(segs: readonly Segment[], maxBytes: number): Segment[][] {
  const groups: Segment[][] = [];
  let i = 0;
  while (i < segs.length) {
    const group = [segs[i]];
    let size = segs[i].sizeBytes;
    i++;
    while (i < segs.length && size + segs[i].sizeBytes <= maxBytes) {
      size += segs[i].sizeBytes;
      group.push(segs[i]);
      i++;
    }
    groups.push(group);
  }
  return groups;
}

/**
 * Cleans the log once if the cleaner would pick it now (see cleanerDecision); returns null
 * otherwise. Steps, as in Kafka: build key -> latest offset over the dirty range [first dirty,
 * first uncleanable) (aborted transactional data and markers excluded); recopy every segment
 * below the first uncleanable offset, grouped by size, keeping a record only if it is the
 * latest for its key and either has a value or is a tombstone still inside its delete
 * horizon; stamp horizons (now + delete.retention.ms) on tombstones and emptied transaction
 * markers seen for the first time; move the cleaner checkpoint.
 */
export function maybeCleanLog(
  log: PartitionLog,
  config: LogConfig,
  stableOffset: number,
  now: number,
): CleanerPassResult | null {
  const decision = cleanerDecision(log, config, stableOffset, now);
  if (decision.kind !== 'clean') return null;
  return cleanLog(log, config, decision.range, decision.trigger, decision.reason, now);
}

export function cleanLog(
  log: PartitionLog,
  config: LogConfig,
  range: CleanableRange,
  trigger: CleanerPassResult['trigger'],
  why: string,
  now: number,
): CleanerPassResult {
  const endOffset = range.firstUncleanableOffset;
  const markers = buildMarkerIndex(log);
  const aborted = (r: LogRecord) => r.transactional && markerFor(markers, r)?.type === 'ABORT';

  // Offset map over the dirty range (Cleaner#buildOffsetMap); unbounded here (Kafka's is
  // limited by log.cleaner.dedupe.buffer.size and may need several passes).
  const latest = new Map<string, number>();
  const segs = log.segments;
  let nGroupSegs = 0;
  while (nGroupSegs < segs.length - 1 && segs[nGroupSegs].baseOffset < endOffset) nGroupSegs++;
  for (let i = 0; i < nGroupSegs; i++) {
    if (i + 1 < segs.length && segs[i + 1].baseOffset <= range.firstDirtyOffset) continue; // already clean
    for (const r of segs[i].records) {
      if (r.offset < range.firstDirtyOffset || r.offset >= endOffset) continue;
      if (r.control !== null || r.key === null || aborted(r)) continue;
      latest.set(r.key, r.offset);
    }
  }

  const toClean = segs.slice(0, nGroupSegs);
  const before = summarize(toClean, (i) => (i + 1 < segs.length ? segs[i + 1].baseOffset : log.logEndOffset));
  const bytesBefore = toClean.reduce((n, s) => n + s.sizeBytes, 0);
  const removedCount: Record<RemovalCause, number> = {
    superseded: 0,
    tombstoneExpired: 0,
    abortedTransaction: 0,
    markerExpired: 0,
    keyless: 0,
  };
  const removed: CleanerPassResult['removed'] = [];
  const horizonsSet: CleanerPassResult['horizonsSet'] = [];
  const horizons = log.deleteHorizons;
  const newHorizon = now + config.deleteRetentionMs;
  // Per-pass transaction bookkeeping (CleanedTransactionMetadata): a marker can go only once
  // no data of its transaction was met on this pass.
  const txnDataSeen = new Set<number>(); // marker offsets whose transaction still had data

  let superseded = 0; // the hot path: counted locally, merged into removedCount after the pass
  const drop = (r: LogRecord, cause: RemovalCause) => {
    if (cause === 'superseded') superseded++;
    else removedCount[cause]++;
    if (removed.length < REMOVED_DETAIL_LIMIT) removed.push({ offset: r.offset, key: r.key, cause });
    if ((r.value === null || r.control !== null) && horizons[r.offset] !== undefined)
      delete horizons[r.offset];
  };

  const cleaned: Segment[] = [];
  for (const group of groupSegmentsBySize(toClean, config.segmentBytes)) {
    const out = createSegment(group[0].baseOffset, now);
    out.createdAt = group[0].createdAt;
    let lastBatch = -1;
    for (const seg of group) {
      for (const r of seg.records) {
        let keep: boolean;
        if (r.control !== null) {
          const canDiscard = !txnDataSeen.has(r.offset);
          const h = horizons[r.offset];
          if (canDiscard && h !== undefined && h <= now) keep = false;
          else {
            keep = true;
            if (canDiscard && h === undefined) {
              horizons[r.offset] = newHorizon;
              horizonsSet.push({ offset: r.offset, deleteHorizonMs: newHorizon });
            }
          }
          if (!keep) drop(r, 'markerExpired');
        } else {
          if (r.transactional) {
            const m = markerFor(markers, r);
            if (m !== undefined) txnDataSeen.add(m.offset);
          }
          if (r.key === null) {
            keep = false;
            drop(r, 'keyless');
          } else if (aborted(r)) {
            keep = false;
            drop(r, 'abortedTransaction');
          } else {
            const l = latest.get(r.key);
            if (l !== undefined && r.offset < l) {
              keep = false;
              drop(r, 'superseded');
            } else if (r.value === null) {
              const h = horizons[r.offset];
              keep = h === undefined || now < h;
              if (!keep) drop(r, 'tombstoneExpired');
              else if (h === undefined) {
                horizons[r.offset] = newHorizon;
                horizonsSet.push({ offset: r.offset, deleteHorizonMs: newHorizon });
              }
            } else keep = true;
          }
        }
        if (!keep) continue;
        // The 61-byte batch header travels with the first surviving record of each batch.
        const carried = r.offset === r.batchId ? RECORD_BATCH_OVERHEAD : 0;
        const wanted = r.batchId !== lastBatch ? RECORD_BATCH_OVERHEAD : 0;
        lastBatch = r.batchId;
        const kept = carried === wanted ? r : { ...r, sizeBytes: r.sizeBytes - carried + wanted };
        out.records.push(kept);
        out.sizeBytes += kept.sizeBytes;
        if (kept.timestamp > out.largestTimestamp) out.largestTimestamp = kept.timestamp;
      }
    }
    if (out.records.length > 0) out.firstTimestamp = out.records[0].timestamp;
    else out.largestTimestamp = Math.max(...group.map((s) => s.largestTimestamp)); // header timestamps survive
    out.cleaned = true;
    cleaned.push(out);
  }

  removedCount.superseded = superseded;
  log.segments = cleaned.concat(segs.slice(nGroupSegs));
  log.cleanerCheckpoint = Math.max(log.cleanerCheckpoint, endOffset);
  const after = summarize(cleaned, (i) =>
    i + 1 < log.segments.length ? log.segments[i + 1].baseOffset : log.logEndOffset,
  );
  const bytesAfter = cleaned.reduce((n, s) => n + s.sizeBytes, 0);
  const total = Object.values(removedCount).reduce((a, b) => a + b, 0);
  const parts = [
    removedCount.superseded > 0
      ? `${removedCount.superseded} superseded by a newer record with the same key`
      : '',
    removedCount.tombstoneExpired > 0
      ? `${removedCount.tombstoneExpired} tombstone(s) past delete.retention.ms (${formatDuration(config.deleteRetentionMs)})`
      : '',
    removedCount.abortedTransaction > 0 ? `${removedCount.abortedTransaction} from aborted transactions` : '',
    removedCount.markerExpired > 0
      ? `${removedCount.markerExpired} transaction marker(s) no longer needed`
      : '',
    removedCount.keyless > 0 ? `${removedCount.keyless} without a key` : '',
  ].filter((p) => p.length > 0);
  const reason =
    `Log cleaner compacted offsets ${toClean[0]?.baseOffset ?? 0}–${endOffset - 1} (new data from offset ${range.firstDirtyOffset}): ${why} ` +
    `Removed ${total} record(s)${parts.length > 0 ? ` (${parts.join('; ')})` : ''}; the latest record of each key stays at its original offset. ` +
    `${before.length} segment(s) became ${after.length}, ${formatBytes(bytesBefore)} → ${formatBytes(bytesAfter)}. ` +
    `Offsets from ${endOffset} on were not touched (${range.boundBy === 'activeSegment' ? 'the active segment is never cleaned' : range.boundBy === 'minCompactionLag' ? 'younger than min.compaction.lag.ms' : 'at or past the last stable offset'}).`;
  return {
    trigger,
    range,
    cleanedUpTo: endOffset,
    before,
    after,
    removedCount,
    removed,
    removedTruncated: total > removed.length,
    horizonsSet,
    bytesBefore,
    bytesAfter,
    reason,
  };
}
