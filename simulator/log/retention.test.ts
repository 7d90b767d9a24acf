import { describe, expect, it } from 'vitest';
import { baseOffsets, cfg, dump, put } from './log.testkit';
import { deleteOldSegments, whyOldestSegmentKept } from './retention';
import { RECORD_BATCH_OVERHEAD, recordSize } from './segments';
import { createLog, incrementLogStartOffset, logSize, readRecords } from './unifiedLog';

const DAY = 86_400_000;
const one = recordSize('k', 'v') + RECORD_BATCH_OVERHEAD;

/** Log with one record per segment, record i written at time i * step. */
function oneRecordPerSegment(n: number, step: number, extra: Record<string, string> = {}) {
  const c = cfg({ 'segment.bytes': String(one), ...extra });
  const log = createLog();
  for (let i = 0; i < n; i++) put(log, c, i * step, 'k', 'v');
  return { log, c };
}

describe('time retention (UnifiedLog#deleteRetentionMsBreachedSegments)', () => {
  it('deletes whole segments whose largest timestamp is strictly older than retention.ms, oldest first', () => {
    const { log, c } = oneRecordPerSegment(4, 1000, { 'retention.ms': '2500' });
    // now = 4500: ages 4500, 3500, 2500, 1500 → only the first two are strictly older.
    const r = deleteOldSegments(log, c, log.logEndOffset, 4500);
    expect(r.deleted.map((d) => [d.baseOffset, d.breach])).toEqual([
      [0, 'time'],
      [1, 'time'],
    ]);
    expect(log.logStartOffset).toBe(2);
    expect(r.logStartOffsetAfter).toBe(2);
    expect(r.deleted[0].reason).toMatch(/older than retention\.ms/);
  });

  it('stops at the first segment that must stay: a recent record keeps every later segment (no skipping)', () => {
    const c = cfg({ 'segment.bytes': String(one), 'retention.ms': '1000' });
    const log = createLog();
    put(log, c, 0, 'k', 'v');
    put(log, c, 9000, 'k', 'v', 0); // future-ish record in segment 1
    put(log, c, 0, 'k', 'v'); // old record in segment 2 (timestamps come from producers)
    put(log, c, 0, 'k', 'v');
    deleteOldSegments(log, c, log.logEndOffset, 5000);
    expect(baseOffsets(log)).toEqual([1, 2, 3]);
  });

  it('a record older than retention.ms stays readable while a newer record shares its segment (largest timestamp rule)', () => {
    const c = cfg({ 'retention.ms': String(7 * DAY) });
    const log = createLog();
    put(log, c, 0, 'k', 'old');
    put(log, c, 6 * DAY, 'k', 'new');
    deleteOldSegments(log, c, log.logEndOffset, 8 * DAY);
    expect(dump(log)).toEqual([
      [0, 'k', 'old'],
      [1, 'k', 'new'],
    ]);
    expect(whyOldestSegmentKept(log, c, log.logEndOffset, 8 * DAY)).toMatch(/NEWEST record/);
  });

  it('a record older than retention.ms stays readable while its segment is the active one and a newer record shares it', () => {
    const c = cfg({ 'retention.ms': String(7 * DAY) });
    const log = createLog();
    put(log, c, 0, 'k', 'old');
    put(log, c, 2 * DAY, 'k', 'new');
    expect(deleteOldSegments(log, c, log.logEndOffset, 8 * DAY).deleted).toEqual([]);
    expect(whyOldestSegmentKept(log, c, log.logEndOffset, 8 * DAY)).toMatch(
      /active segment, still being written to/,
    );
  });

  it('the active segment is deleted once all of it expired; a new empty segment is rolled first and the log start moves to the LEO', () => {
    const c = cfg({ 'retention.ms': '1000' });
    const log = createLog();
    put(log, c, 0, 'k', 'a');
    put(log, c, 10, 'k', 'b');
    const r = deleteOldSegments(log, c, log.logEndOffset, 2000);
    expect(r.rolledEmptyActiveAt).toBe(2);
    expect(baseOffsets(log)).toEqual([2]);
    expect(log.logStartOffset).toBe(2);
    expect(log.logEndOffset).toBe(2);
    expect(put(log, c, 2000, 'k', 'c')).toBe(2);
  });

  it('never deletes past the high watermark: a segment goes only if HW ≥ the next segment base (last: HW ≥ LEO)', () => {
    const { log, c } = oneRecordPerSegment(4, 0, { 'retention.ms': '10' });
    deleteOldSegments(log, c, 2, 1000);
    expect(baseOffsets(log)).toEqual([2, 3]);
    expect(log.logStartOffset).toBe(2);
    deleteOldSegments(log, c, 3, 1000); // last segment [3, 4): needs HW ≥ 4
    expect(baseOffsets(log)).toEqual([3]);
  });

  it('retention.ms=-1 disables time retention', () => {
    const { log, c } = oneRecordPerSegment(3, 0, { 'retention.ms': '-1' });
    expect(deleteOldSegments(log, c, log.logEndOffset, 100 * DAY).deleted).toEqual([]);
  });

  it('cleanup.policy=compact ignores time and size retention', () => {
    const { log, c } = oneRecordPerSegment(3, 0, { 'retention.ms': '10', 'cleanup.policy': 'compact' });
    expect(deleteOldSegments(log, c, log.logEndOffset, 100 * DAY).deleted).toEqual([]);
  });
});

describe('size retention (UnifiedLog#deleteRetentionSizeBreachedSegments)', () => {
  it('deletes oldest segments only while the partition stays at or above retention.bytes', () => {
    const { log, c } = oneRecordPerSegment(5, 0, { 'retention.bytes': String(2 * one + 1) });
    // size 5·one; diff = 3·one − 1: delete while diff − one ≥ 0 → two segments.
    const r = deleteOldSegments(log, c, log.logEndOffset, 0);
    expect(r.deleted.map((d) => d.breach)).toEqual(['size', 'size']);
    expect(logSize(log)).toBe(3 * one);
  });

  it('does nothing while the partition is smaller than retention.bytes', () => {
    const { log, c } = oneRecordPerSegment(3, 0, { 'retention.bytes': String(10 * one) });
    expect(deleteOldSegments(log, c, log.logEndOffset, 0).deleted).toEqual([]);
  });

  it('retention.bytes is per partition and exact at the boundary: size == retention.bytes deletes nothing extra', () => {
    const { log, c } = oneRecordPerSegment(3, 0, { 'retention.bytes': String(3 * one) });
    expect(deleteOldSegments(log, c, log.logEndOffset, 0).deleted).toEqual([]);
  });
});

describe('log start offset breach', () => {
  it('segments wholly below the log start offset (DeleteRecords) are deleted even for compact-only topics', () => {
    const { log, c } = oneRecordPerSegment(4, 0, { 'cleanup.policy': 'compact' });
    incrementLogStartOffset(log, 2);
    const r = deleteOldSegments(log, c, log.logEndOffset, 0);
    expect(r.deleted.map((d) => [d.baseOffset, d.breach])).toEqual([
      [0, 'logStartOffset'],
      [1, 'logStartOffset'],
    ]);
    const read = readRecords(log, 2, 4, 10);
    expect(read.kind === 'records' && read.records[0].offset).toBe(2);
  });
});
