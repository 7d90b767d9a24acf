// Time/size/log-start-offset retention for a replica's log (UnifiedLog#deleteOldSegments; retention.ms,
// retention.bytes, log.retention.check.interval.ms).
import { formatBytes, formatDuration, segmentFileName } from './format';
import { isDeleteRetention, type LogConfig } from './logConfig';
import { createSegment } from './segments';
import type { PartitionLog, Segment } from './types';
import { activeSegment, afterSegmentsDeleted, logSize } from './unifiedLog';

export type RetentionBreach = 'logStartOffset' | 'size' | 'time';

export type DeletedSegment = {
  baseOffset: number;
  /** One past the segment's last offset (the next segment's base, or the LEO). */
  endOffset: number;
  sizeBytes: number;
  recordCount: number;
  largestTimestamp: number;
  breach: RetentionBreach;
  reason: string;
};

export type RetentionResult = {
  deleted: DeletedSegment[];
  logStartOffsetBefore: number;
  logStartOffsetAfter: number;
  /** Base offset of the empty segment rolled because every segment (the active one too) expired. */
  rolledEmptyActiveAt: number | null;
};

/** A segment's largest timestamp, or its creation time when it holds no timestamp (LogSegment#largestTimestamp). */
const segmentTimestamp = (s: Segment): number => (s.largestTimestamp >= 0 ? s.largestTimestamp : s.createdAt);

type Predicate = (segment: Segment, upperBound: number) => string | null;

/**
 * UnifiedLog#deletableSegments: from the oldest segment forward, collect segments while the
 * predicate holds, stopping at the first that must stay. A segment is only eligible when all
 * of it is below the high watermark (next segment's base ≤ HW; for the last segment LEO ≤ HW),
 * and an empty last segment never is. If every segment goes, a new empty active segment is
 * rolled first so the log always has one.
 */
function deleteSegmentsWhile(
  log: PartitionLog,
  highWatermark: number,
  now: number,
  breach: RetentionBreach,
  predicate: Predicate,
  out: RetentionResult,
): void {
  const segs = log.segments;
  let count = 0;
  const reasons: string[] = [];
  const uppers: number[] = [];
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    const isLast = i === segs.length - 1;
    const upperBound = isLast ? log.logEndOffset : segs[i + 1].baseOffset;
    if (isLast && seg.records.length === 0 && seg.sizeBytes === 0) break;
    if (upperBound > highWatermark) break;
    const reason = predicate(seg, upperBound);
    if (reason === null) break;
    reasons.push(reason);
    uppers.push(upperBound);
    count++;
  }
  if (count === 0) return;
  if (count === segs.length) {
    log.segments.push(createSegment(log.logEndOffset, now));
    out.rolledEmptyActiveAt = log.logEndOffset;
  }
  const removed = log.segments.splice(0, count);
  removed.forEach((seg, i) => {
    out.deleted.push({
      baseOffset: seg.baseOffset,
      endOffset: uppers[i],
      sizeBytes: seg.sizeBytes,
      recordCount: seg.records.length,
      largestTimestamp: seg.largestTimestamp,
      breach,
      reason: reasons[i],
    });
  });
  afterSegmentsDeleted(log);
}

/**
 * One retention check (run every log.retention.check.interval.ms): log-start-offset breach,
 * then size breach, then time breach, each as its own oldest-first scan. Topics whose
 * cleanup.policy lacks `delete` only get the log-start-offset breach.
 */
export function deleteOldSegments(
  log: PartitionLog,
  config: LogConfig,
  highWatermark: number,
  now: number,
): RetentionResult {
  const out: RetentionResult = {
    deleted: [],
    logStartOffsetBefore: log.logStartOffset,
    logStartOffsetAfter: log.logStartOffset,
    rolledEmptyActiveAt: null,
  };
  // Segments wholly below the log start offset (moved by DeleteRecords or a follower's leader).
  const belowStart: Predicate = (seg, upper) =>
    upper <= log.logStartOffset
      ? `Segment ${segmentFileName(seg.baseOffset)} deleted: all of it lies below the log start offset ${log.logStartOffset}.`
      : null;
  deleteSegmentsWhile(log, highWatermark, now, 'logStartOffset', belowStart, out);

  if (isDeleteRetention(config)) {
    if (config.retentionBytes >= 0) {
      const size = logSize(log);
      if (size >= config.retentionBytes) {
        let diff = size - config.retentionBytes;
        deleteSegmentsWhile(
          log,
          highWatermark,
          now,
          'size',
          (seg) => {
            if (diff - seg.sizeBytes < 0) return null;
            diff -= seg.sizeBytes;
            return `Segment ${segmentFileName(seg.baseOffset)} (${formatBytes(seg.sizeBytes)}) deleted: the partition holds ${formatBytes(size)}, more than retention.bytes=${config.retentionBytes}, and without this segment it still holds at least that much.`;
          },
          out,
        );
      }
    }
    if (config.retentionMs >= 0) {
      deleteSegmentsWhile(
        log,
        highWatermark,
        now,
        'time',
        (seg) => {
          const age = now - segmentTimestamp(seg);
          return age > config.retentionMs
            ? `Segment ${segmentFileName(seg.baseOffset)} deleted: its newest record is ${formatDuration(age)} old, older than retention.ms=${config.retentionMs} (${formatDuration(config.retentionMs)}).`
            : null;
        },
        out,
      );
    }
  }
  out.logStartOffsetAfter = log.logStartOffset;
  return out;
}

/**
 * Why the oldest remaining segment is still kept (for the retention view and lessons): the
 * learner's "my record is older than retention.ms, why can I still read it?".
 */
export function whyOldestSegmentKept(
  log: PartitionLog,
  config: LogConfig,
  highWatermark: number,
  now: number,
): string {
  const seg = log.segments[0];
  const isActive = seg === activeSegment(log);
  if (!isDeleteRetention(config))
    return `cleanup.policy=${config.cleanupPolicy}: time and size retention do not apply.`;
  if (seg.records.length === 0) return 'The log is empty.';
  const upper = isActive ? log.logEndOffset : log.segments[1].baseOffset;
  if (upper > highWatermark) {
    return `Segment ${segmentFileName(seg.baseOffset)} holds records at or above the high watermark (${highWatermark}); retention never deletes unreplicated data.`;
  }
  if (config.retentionMs < 0) return 'retention.ms=-1: no time limit.';
  const age = now - segmentTimestamp(seg);
  if (age <= config.retentionMs) {
    const oldest = seg.records[0];
    const oldestAge = now - oldest.timestamp;
    const tail =
      oldestAge > config.retentionMs
        ? ` Its oldest record is ${formatDuration(oldestAge)} old, but retention deletes whole segments by their NEWEST record${isActive ? ', and this is the active segment, still being written to' : ''}.`
        : '';
    return `Segment ${segmentFileName(seg.baseOffset)} is kept: its newest record is ${formatDuration(age)} old, not older than retention.ms (${formatDuration(config.retentionMs)}).${tail}`;
  }
  return `Segment ${segmentFileName(seg.baseOffset)} has expired and goes at the next retention check (every log.retention.check.interval.ms).`;
}
