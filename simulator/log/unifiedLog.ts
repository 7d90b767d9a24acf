// A replica's log as plain data (UnifiedLog / LocalLog): append, read, truncate.
// Functions mutate the passed log in place (the core appends ~1M records/s); records are
// treated as immutable and may be shared between a leader's and its followers' logs.
import { assignEpoch, truncateEpochsFromEnd, truncateEpochsFromStart } from './leaderEpochCache';
import { type LogConfig, maxSegmentMs } from './logConfig';
import {
  ceilRecordIndex,
  createSegment,
  floorSegmentIndex,
  RECORD_BATCH_OVERHEAD,
  recomputeSegmentStats,
  recordSize,
  shouldRoll,
} from './segments';
import type { LogRecord, PartitionLog, Segment } from './types';

export function createLog(now = 0, startOffset = 0): PartitionLog {
  return {
    segments: [createSegment(startOffset, now)],
    logStartOffset: startOffset,
    logEndOffset: startOffset,
    epochs: [],
    cleanerCheckpoint: startOffset,
    deleteHorizons: {},
  };
}

export const activeSegment = (log: PartitionLog): Segment => log.segments[log.segments.length - 1];

/** Total bytes of all segments (UnifiedLog#size), what retention.bytes compares against. */
export function logSize(log: PartitionLog): number {
  let n = 0;
  for (const s of log.segments) n += s.sizeBytes;
  return n;
}

export function recordCount(log: PartitionLog): number {
  let n = 0;
  for (const s of log.segments) n += s.records.length;
  return n;
}

export type AppendRecordInput = {
  timestamp: number;
  key: string | null;
  value: string | null;
  headers?: ReadonlyArray<readonly [string, string]>;
  /** Transaction marker; written by the coordinator as its own control batch. */
  control?: LogRecord['control'];
  /** recordSize(key, value, headers) when the caller already computed it (the producer does), so it is not redone. */
  sizeBytes?: number;
};

export type AppendBatchInput = {
  leaderEpoch: number;
  records: readonly AppendRecordInput[];
  producerId?: number;
  producerEpoch?: number;
  /** Sequence of the first record; later records get baseSequence + i. */
  baseSequence?: number;
  transactional?: boolean;
};

export type AppendResult = {
  firstOffset: number;
  lastOffset: number;
  /** Base offset of the segment rolled for this batch, or null if it went into the existing active segment. */
  rolledSegmentBaseOffset: number | null;
  records: LogRecord[];
};

const NO_HEADERS: ReadonlyArray<readonly [string, string]> = [];

/**
 * Rolls a new active segment at `baseOffset` unless the active one is empty (Kafka
 * replaces an empty active segment at the same offset, which changes nothing observable).
 */
function roll(log: PartitionLog, baseOffset: number, now: number): boolean {
  const active = activeSegment(log);
  if (active.records.length === 0 && active.sizeBytes === 0) {
    active.baseOffset = baseOffset;
    active.createdAt = now;
    return false;
  }
  log.segments.push(createSegment(baseOffset, now));
  return true;
}

/**
 * LogSegment#shouldRoll before a batch of `batchBytes` starting at `baseOffset` is written; returns the base
 * offset of the segment rolled for it, or null. The caller then writes the batch into the active segment.
 */
function rollForBatch(
  log: PartitionLog,
  baseOffset: number,
  batchBytes: number,
  maxTimestamp: number,
  config: LogConfig,
  now: number,
): number | null {
  if (
    shouldRoll(
      activeSegment(log),
      batchBytes,
      maxTimestamp,
      now,
      config.segmentBytes,
      maxSegmentMs(config),
    ) &&
    roll(log, baseOffset, now)
  )
    return baseOffset;
  return null;
}

/** Roll check + append of one batch of already-offset records into the active segment. */
function appendBatchRecords(
  log: PartitionLog,
  batch: readonly LogRecord[],
  start: number,
  end: number,
  batchBytes: number,
  maxTimestamp: number,
  config: LogConfig,
  now: number,
): number | null {
  const first = batch[start];
  const rolled = rollForBatch(log, first.offset, batchBytes, maxTimestamp, config, now);
  const seg = activeSegment(log);
  if (seg.records.length === 0) seg.firstTimestamp = maxTimestamp;
  const recs = seg.records;
  for (let i = start; i < end; i++) recs.push(batch[i]);
  seg.sizeBytes += batchBytes;
  if (maxTimestamp > seg.largestTimestamp) seg.largestTimestamp = maxTimestamp;
  assignEpoch(log, first.leaderEpoch, first.offset);
  log.logEndOffset = batch[end - 1].offset + 1;
  return rolled;
}

/**
 * Leader append (UnifiedLog#appendAsLeader): assigns offsets from the LEO, sizes the batch
 * (records + one batch header), rolls first if LogSegment#shouldRoll says so, and records
 * the leader epoch's start offset. Validation (e.g. keyless records on compacted topics)
 * is the caller's job: see validateRecordsForAppend.
 */
export function appendAsLeader(
  log: PartitionLog,
  input: AppendBatchInput,
  config: LogConfig,
  now: number,
): AppendResult {
  const firstOffset = log.logEndOffset;
  const inputs = input.records;
  const n = inputs.length;
  if (n === 0)
    return { firstOffset, lastOffset: firstOffset - 1, rolledSegmentBaseOffset: null, records: [] };
  // The batch's size and max timestamp first (the roll is decided before the batch is written), so the
  // records can then be created straight into the active segment.
  let bytes = RECORD_BATCH_OVERHEAD;
  let maxTs = -1;
  for (let i = 0; i < n; i++) {
    const r = inputs[i];
    bytes += r.sizeBytes ?? recordSize(r.key, r.value, r.headers ?? NO_HEADERS);
    if (r.timestamp > maxTs) maxTs = r.timestamp;
  }
  const rolled = rollForBatch(log, firstOffset, bytes, maxTs, config, now);
  const seg = activeSegment(log);
  const recs = seg.records;
  const start = recs.length;
  if (start === 0) seg.firstTimestamp = maxTs;
  const leaderEpoch = input.leaderEpoch;
  const producerId = input.producerId ?? -1;
  const producerEpoch = input.producerEpoch ?? -1;
  const baseSequence = input.baseSequence ?? -1;
  const transactional = input.transactional ?? false;
  for (let i = 0; i < n; i++) {
    const r = inputs[i];
    const headers = r.headers ?? NO_HEADERS;
    const size = (r.sizeBytes ?? recordSize(r.key, r.value, headers)) + (i === 0 ? RECORD_BATCH_OVERHEAD : 0);
    recs.push({
      offset: firstOffset + i,
      timestamp: r.timestamp,
      key: r.key,
      value: r.value,
      headers,
      sizeBytes: size,
      leaderEpoch,
      batchId: firstOffset,
      producerId,
      producerEpoch,
      sequence: baseSequence < 0 ? -1 : baseSequence + i,
      transactional,
      control: r.control ?? null,
    });
  }
  seg.sizeBytes += bytes;
  if (maxTs > seg.largestTimestamp) seg.largestTimestamp = maxTs;
  assignEpoch(log, leaderEpoch, firstOffset);
  log.logEndOffset = firstOffset + n;
  return {
    firstOffset,
    lastOffset: firstOffset + n - 1,
    rolledSegmentBaseOffset: rolled,
    records: recs.slice(start),
  };
}

/**
 * Follower append (UnifiedLog#appendAsFollower): records keep the leader's offsets (which
 * may have gaps where the leader compacted). Rolls are decided per leader batch.
 * Records at or below the current LEO are ignored (already replicated).
 */
export function appendAsFollower(
  log: PartitionLog,
  records: readonly LogRecord[],
  config: LogConfig,
  now: number,
): number[] {
  const rolled: number[] = [];
  let i = 0;
  while (i < records.length && records[i].offset < log.logEndOffset) i++;
  while (i < records.length) {
    const start = i;
    const batchId = records[i].batchId;
    let bytes = 0;
    let maxTs = -1;
    while (i < records.length && records[i].batchId === batchId) {
      const r = records[i++];
      bytes += r.sizeBytes;
      if (r.timestamp > maxTs) maxTs = r.timestamp;
    }
    const r = appendBatchRecords(log, records, start, i, bytes, maxTs, config, now);
    if (r !== null) rolled.push(r);
  }
  return rolled;
}

export type ReadResult =
  | {
      kind: 'records';
      /** Data and control records in offset order (control records are for the consumer to skip). */
      records: LogRecord[];
      /** Position after this read: past the last record returned, or `upTo` once everything below it was read. */
      nextOffset: number;
    }
  | { kind: 'offsetOutOfRange'; logStartOffset: number; logEndOffset: number };

/**
 * Fetch-style read: records with offset in [fromOffset, upTo), at most maxRecords.
 * upTo is the HW (read_uncommitted / followers use the LEO) or the LSO (read_committed).
 * Offsets removed by compaction stay valid positions: a read from a missing offset starts
 * at the next present record (Kafka documentation, design.html “Log Compaction”). Offsets outside
 * [logStartOffset, logEndOffset] answer OFFSET_OUT_OF_RANGE, as the broker does.
 */
export function readRecords(
  log: PartitionLog,
  fromOffset: number,
  upTo: number,
  maxRecords: number,
): ReadResult {
  if (fromOffset < log.logStartOffset || fromOffset > log.logEndOffset) {
    return { kind: 'offsetOutOfRange', logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset };
  }
  const bound = Math.min(upTo, log.logEndOffset);
  let out: LogRecord[] = [];
  if (fromOffset >= bound || maxRecords <= 0)
    return { kind: 'records', records: out, nextOffset: fromOffset };
  const segs = log.segments;
  let si = Math.max(0, floorSegmentIndex(segs, fromOffset));
  let ri = ceilRecordIndex(segs[si].records, fromOffset);
  // Whole runs of each segment are copied at once (a follower fetch reads thousands of records). The count stops
  // at the first whole number ≥ maxRecords (no limit if it is NaN), as a record-by-record read would.
  const cap = Number.isNaN(maxRecords) ? Number.POSITIVE_INFINITY : Math.ceil(maxRecords);
  for (; si < segs.length; si++, ri = 0) {
    const recs = segs[si].records;
    const end = ceilRecordIndex(recs, bound); // first record at or past the bound
    const take = Math.min(end - ri, cap - out.length);
    if (out.length === 0) out = recs.slice(ri, ri + take);
    else for (let i = ri; i < ri + take; i++) out.push(recs[i]);
    if (out.length >= cap)
      return { kind: 'records', records: out, nextOffset: out[out.length - 1].offset + 1 };
    if (end < recs.length) return { kind: 'records', records: out, nextOffset: bound };
  }
  return { kind: 'records', records: out, nextOffset: bound };
}

/** The record stored at exactly `offset`, or undefined (never written, truncated, deleted or compacted away). */
export function recordAt(log: PartitionLog, offset: number): LogRecord | undefined {
  const si = floorSegmentIndex(log.segments, offset);
  if (si < 0) return undefined;
  const recs = log.segments[si].records;
  const r = recs[ceilRecordIndex(recs, offset)];
  return r !== undefined && r.offset === offset ? r : undefined;
}

function pruneHorizons(log: PartitionLog, keep: (offset: number) => boolean): void {
  for (const k of Object.keys(log.deleteHorizons)) {
    if (!keep(Number(k))) delete log.deleteHorizons[Number(k)];
  }
}

/**
 * Deletes everything and restarts the log empty at `newOffset` (UnifiedLog#truncateFullyAndStartAt):
 * used when a follower's fetch offset is below the leader's log start offset, and on unclean
 * leader election recovery paths. The epoch cache is cleared; the cleaner checkpoint restarts.
 */
export function truncateFullyAndStartAt(log: PartitionLog, newOffset: number, now: number): void {
  log.segments = [createSegment(newOffset, now)];
  log.logStartOffset = newOffset;
  log.logEndOffset = newOffset;
  log.epochs = [];
  log.cleanerCheckpoint = newOffset;
  log.deleteHorizons = {};
}

/**
 * Follower truncation (UnifiedLog#truncateTo): drops every record at or above targetOffset.
 * Segments starting above it are deleted; the epoch cache and cleaner checkpoint are cut
 * back (LogCleanerManager#maybeTruncateCheckpoint). Returns false if nothing was truncated.
 */
export function truncateTo(log: PartitionLog, targetOffset: number, now: number): boolean {
  if (targetOffset >= log.logEndOffset) return false;
  if (targetOffset < log.segments[0].baseOffset) {
    truncateFullyAndStartAt(log, targetOffset, now);
    return true;
  }
  while (log.segments.length > 1 && activeSegment(log).baseOffset > targetOffset) log.segments.pop();
  const seg = activeSegment(log);
  seg.records.length = ceilRecordIndex(seg.records, targetOffset);
  recomputeSegmentStats(seg);
  if (seg.records.length === 0) seg.createdAt = now; // LogSegment#truncateTo resets `created` when emptied
  log.logEndOffset = targetOffset;
  log.logStartOffset = Math.min(log.logStartOffset, targetOffset);
  log.cleanerCheckpoint = Math.min(log.cleanerCheckpoint, targetOffset);
  truncateEpochsFromEnd(log, targetOffset);
  pruneHorizons(log, (o) => o < targetOffset);
  return true;
}

/**
 * Advances the log start offset (DeleteRecords, or a follower adopting its leader's log start
 * offset). Segments wholly below it go at the next retention check (log start offset breach).
 * Returns false when the offset would not move forward or lies past the LEO.
 */
export function incrementLogStartOffset(log: PartitionLog, newStart: number): boolean {
  if (newStart <= log.logStartOffset || newStart > log.logEndOffset) return false;
  log.logStartOffset = newStart;
  truncateEpochsFromStart(log, newStart);
  pruneHorizons(log, (o) => o >= newStart);
  return true;
}

/** Internal: after segments were removed from the front, moves the start offsets up. */
export function afterSegmentsDeleted(log: PartitionLog): void {
  const first = log.segments[0].baseOffset;
  if (first > log.logStartOffset) {
    log.logStartOffset = first;
    truncateEpochsFromStart(log, first);
  }
  if (log.cleanerCheckpoint < log.logStartOffset) log.cleanerCheckpoint = log.logStartOffset;
  pruneHorizons(log, (o) => o >= log.logStartOffset);
}
