// Which part of a compacted log the cleaner may clean, and whether it should now
// (LogCleanerManager#cleanableOffsets, #maxCompactionDelay, #grabFilthiestCompactedLog).
import { isCompacted, type LogConfig } from './logConfig';
import { floorSegmentIndex } from './segments';
import type { PartitionLog } from './types';

export type UncleanableBound = 'lastStableOffset' | 'activeSegment' | 'minCompactionLag';

export type CleanableRange = {
  /** Cleaner checkpoint (or log start offset when the checkpoint is out of range). */
  firstDirtyOffset: number;
  /** Base offset of the first segment the cleaner may not touch (rounded down to a segment boundary). */
  firstUncleanableOffset: number;
  /** Which rule set the bound: the LSO/HW, the active segment, or min.compaction.lag.ms. */
  boundBy: UncleanableBound;
  cleanBytes: number;
  cleanableBytes: number;
  /** cleanableBytes / (cleanBytes + cleanableBytes); 0 for an empty log. */
  dirtyRatio: number;
  /** How far past max.compaction.lag.ms the oldest dirty segment is (0 = not forced). */
  maxCompactionDelayMs: number;
};

/** Index of the first segment whose range includes `offset`, clamped to 0. */
const fromIndex = (log: PartitionLog, offset: number): number =>
  Math.max(0, floorSegmentIndex(log.segments, offset));

/**
 * LogCleanerManager#cleanableOffsets + LogToClean sizes. `stableOffset` is the LSO (= HW when
 * no transaction is open): the cleaner never cleans past it.
 */
export function cleanableRange(
  log: PartitionLog,
  config: LogConfig,
  stableOffset: number,
  now: number,
): CleanableRange {
  const segs = log.segments;
  const activeIdx = segs.length - 1;
  const cp = log.cleanerCheckpoint;
  const firstDirtyOffset = cp < log.logStartOffset || cp > log.logEndOffset ? log.logStartOffset : cp;

  let uncleanable = stableOffset;
  let boundBy: UncleanableBound = 'lastStableOffset';
  if (segs[activeIdx].baseOffset < uncleanable) {
    uncleanable = segs[activeIdx].baseOffset;
    boundBy = 'activeSegment';
  }
  const minLag = Math.max(0, config.minCompactionLagMs);
  const dirtyFrom = fromIndex(log, firstDirtyOffset);
  if (minLag > 0) {
    for (let i = dirtyFrom; i < activeIdx; i++) {
      if (segs[i].largestTimestamp > now - minLag) {
        if (segs[i].baseOffset < uncleanable) {
          uncleanable = segs[i].baseOffset;
          boundBy = 'minCompactionLag';
        }
        break;
      }
    }
  }
  // Round down to a segment boundary: the first non-active segment holding it, else the active one.
  const ui = floorSegmentIndex(segs, uncleanable);
  const firstUncleanableOffset = ui >= 0 && ui < activeIdx ? segs[ui].baseOffset : segs[activeIdx].baseOffset;

  let cleanBytes = 0;
  for (let i = 0; i < segs.length && segs[i].baseOffset < firstDirtyOffset; i++)
    cleanBytes += segs[i].sizeBytes;
  let cleanableBytes = 0;
  const lo = fromIndex(log, Math.min(firstDirtyOffset, firstUncleanableOffset));
  for (let i = lo; i < segs.length && segs[i].baseOffset < firstUncleanableOffset; i++) {
    cleanableBytes += segs[i].sizeBytes;
  }
  const total = cleanBytes + cleanableBytes;

  // max.compaction.lag.ms (KIP-354): earliest first-batch timestamp among dirty non-active segments.
  let earliest = Number.MAX_SAFE_INTEGER;
  if (firstDirtyOffset <= segs[activeIdx].baseOffset) {
    for (let i = dirtyFrom; i < activeIdx; i++) {
      const t = segs[i].firstTimestamp;
      if (t > 0 && t < earliest) earliest = t;
    }
  }
  const cleanUntil = now - Math.max(0, config.maxCompactionLagMs);
  const maxCompactionDelayMs = earliest < cleanUntil ? cleanUntil - earliest : 0;

  return {
    firstDirtyOffset,
    firstUncleanableOffset,
    boundBy,
    cleanBytes,
    cleanableBytes,
    dirtyRatio: total > 0 ? cleanableBytes / total : 0,
    maxCompactionDelayMs,
  };
}

export type CleanerDecision =
  | { kind: 'clean'; trigger: 'dirtyRatio' | 'maxCompactionLag'; range: CleanableRange; reason: string }
  | { kind: 'skip'; range: CleanableRange | null; reason: string };

const pct = (r: number): string => `${Math.round(r * 100)}%`;

/**
 * Whether the cleaner would pick this log now (grabFilthiestCompactedLog's filter): it must be
 * compacted and non-empty, and either its dirty ratio exceeds min.cleanable.dirty.ratio or
 * max.compaction.lag.ms forces it while it has cleanable bytes. The reason explains the
 * learner's "why does my compacted topic still show duplicates?".
 */
export function cleanerDecision(
  log: PartitionLog,
  config: LogConfig,
  stableOffset: number,
  now: number,
): CleanerDecision {
  if (!isCompacted(config)) {
    return {
      kind: 'skip',
      range: null,
      reason: `cleanup.policy=${config.cleanupPolicy}: the log cleaner ignores it.`,
    };
  }
  const range = cleanableRange(log, config, stableOffset, now);
  if (range.cleanBytes + range.cleanableBytes === 0) {
    const why =
      range.boundBy === 'activeSegment'
        ? 'everything is in the active segment, which is never compacted (it rolls on segment.bytes or segment.ms, and only when a record is appended).'
        : range.boundBy === 'minCompactionLag'
          ? `the dirty records are younger than min.compaction.lag.ms (${config.minCompactionLagMs} ms).`
          : 'nothing below the last stable offset / high watermark is outside the active segment.';
    return { kind: 'skip', range, reason: `Nothing to clean: ${why}` };
  }
  if (range.maxCompactionDelayMs > 0 && range.cleanableBytes > 0) {
    return {
      kind: 'clean',
      trigger: 'maxCompactionLag',
      range,
      reason: `A dirty segment is older than max.compaction.lag.ms (${config.maxCompactionLagMs} ms), so the cleaner must compact it regardless of the dirty ratio (${pct(range.dirtyRatio)}).`,
    };
  }
  if (range.dirtyRatio > config.minCleanableDirtyRatio) {
    return {
      kind: 'clean',
      trigger: 'dirtyRatio',
      range,
      reason: `Dirty ratio ${pct(range.dirtyRatio)} is above min.cleanable.dirty.ratio (${config.minCleanableDirtyRatio}).`,
    };
  }
  const bound =
    range.boundBy === 'activeSegment'
      ? 'the active segment is never compacted'
      : range.boundBy === 'minCompactionLag'
        ? `records younger than min.compaction.lag.ms (${config.minCompactionLagMs} ms) are not cleanable yet`
        : 'the cleaner stops at the last stable offset';
  return {
    kind: 'skip',
    range,
    reason: `Dirty ratio ${pct(range.dirtyRatio)} is not above min.cleanable.dirty.ratio (${config.minCleanableDirtyRatio}); also ${bound}.`,
  };
}

/** The cleaner picks the eligible log with the highest dirty ratio ("filthiest"); ties keep input order. */
export function grabFilthiest<T extends { decision: CleanerDecision }>(candidates: readonly T[]): T | null {
  let best: T | null = null;
  for (const c of candidates) {
    if (c.decision.kind !== 'clean') continue;
    const r = c.decision.range.dirtyRatio;
    if (best === null || r > (best.decision as { range: CleanableRange }).range.dirtyRatio) best = c;
  }
  return best;
}
