import { describe, expect, it } from 'vitest';
import { endOffsetForEpoch } from './leaderEpochCache';
import { baseOffsets, cfg, dump, put } from './log.testkit';
import { RECORD_BATCH_OVERHEAD, recordSize, varintSize } from './segments';
import {
  appendAsFollower,
  appendAsLeader,
  createLog,
  incrementLogStartOffset,
  logSize,
  readRecords,
  truncateFullyAndStartAt,
  truncateTo,
} from './unifiedLog';

describe('record sizing (DefaultRecord v2 layout)', () => {
  it('sizes key, value and headers with zig-zag varint lengths; null is length -1 (1 byte)', () => {
    expect(varintSize(0)).toBe(1);
    expect(varintSize(-1)).toBe(1);
    expect(varintSize(63)).toBe(1);
    expect(varintSize(64)).toBe(2);
    // body: attributes 1 + ts delta 1 + offset delta 1 + key (1+1) + value (1+3) + header count 1 = 10, + length 1
    expect(recordSize('k', 'abc')).toBe(11);
    expect(recordSize('k', null)).toBe(8);
    expect(recordSize('k', 'abc', [['h', 'v']])).toBe(15);
    expect(recordSize('é', '')).toBe(recordSize('ab', ''));
  });

  it('charges the 61-byte batch header once per produced batch', () => {
    const log = createLog();
    const r = appendAsLeader(
      log,
      {
        leaderEpoch: 0,
        records: [
          { timestamp: 0, key: 'a', value: 'x' },
          { timestamp: 0, key: 'b', value: 'y' },
        ],
      },
      cfg(),
      0,
    );
    expect(r.records[0].sizeBytes).toBe(recordSize('a', 'x') + RECORD_BATCH_OVERHEAD);
    expect(r.records[1].sizeBytes).toBe(recordSize('b', 'y'));
    expect(logSize(log)).toBe(2 * recordSize('a', 'x') + RECORD_BATCH_OVERHEAD);
  });
});

describe('append (UnifiedLog#appendAsLeader)', () => {
  it('assigns offsets from the log end offset and records each new leader epoch start (leader-epoch-checkpoint)', () => {
    const log = createLog();
    const c = cfg();
    expect(put(log, c, 0, 'a', '1', 0)).toBe(0);
    expect(put(log, c, 0, 'a', '2', 0)).toBe(1);
    expect(put(log, c, 0, 'a', '3', 3)).toBe(2);
    expect(log.logEndOffset).toBe(3);
    expect(log.epochs).toEqual([
      [0, 0],
      [3, 2],
    ]);
  });

  it('rolls a new active segment when the batch would push the segment past segment.bytes (LogSegment#shouldRoll)', () => {
    const log = createLog();
    const one = recordSize('k', 'v') + RECORD_BATCH_OVERHEAD;
    const c = cfg({ 'segment.bytes': String(2 * one) });
    for (let i = 0; i < 5; i++) put(log, c, 0, 'k', 'v');
    expect(baseOffsets(log)).toEqual([0, 2, 4]);
    expect(log.segments[0].sizeBytes).toBe(2 * one);
  });

  it('rolls on segment.ms measured from the first batch timestamp to the incoming batch timestamp', () => {
    const log = createLog();
    const c = cfg({ 'segment.ms': '1000' });
    put(log, c, 0, 'k', 'v');
    put(log, c, 1000, 'k', 'v'); // waited 1000, not > 1000
    expect(baseOffsets(log)).toEqual([0]);
    put(log, c, 1001, 'k', 'v');
    expect(baseOffsets(log)).toEqual([0, 2]);
  });

  it('a quiet partition never rolls just because time passes: rolling is decided on append', () => {
    const log = createLog();
    const c = cfg({ 'segment.ms': '1000' });
    put(log, c, 0, 'k', 'v');
    // A week of virtual time with no append leaves the one segment active.
    expect(baseOffsets(log)).toEqual([0]);
    put(log, c, 7 * 86_400_000, 'k', 'v');
    expect(baseOffsets(log)).toEqual([0, 1]);
  });

  it('an empty active segment does not roll, even for a batch larger than segment.bytes', () => {
    const log = createLog();
    const c = cfg({ 'segment.bytes': '20' });
    put(log, c, 0, 'k', 'a much longer value than twenty bytes');
    expect(baseOffsets(log)).toEqual([0]);
    put(log, c, 0, 'k', 'v');
    expect(baseOffsets(log)).toEqual([0, 1]);
  });

  it('compacted logs roll no later than max.compaction.lag.ms (KIP-354 LogConfig#maxSegmentMs)', () => {
    const log = createLog();
    const c = cfg({ 'cleanup.policy': 'compact', 'max.compaction.lag.ms': '500' });
    put(log, c, 0, 'k', 'v');
    put(log, c, 501, 'k', 'v');
    expect(baseOffsets(log)).toEqual([0, 1]);
  });

  it('followers keep the leader offsets, gaps included, and roll per leader batch', () => {
    const leader = createLog();
    const c = cfg();
    for (let i = 0; i < 3; i++) put(leader, c, 0, 'k', String(i), 2);
    const records = readRecords(leader, 0, 3, 10);
    if (records.kind !== 'records') throw new Error();
    const follower = createLog();
    appendAsFollower(follower, [records.records[0], records.records[2]], c, 0);
    expect(dump(follower).map((r) => r[0])).toEqual([0, 2]);
    expect(follower.logEndOffset).toBe(3);
    expect(follower.epochs).toEqual([[2, 0]]);
  });
});

describe('read', () => {
  it('returns records below the bound (HW or LSO) and at most maxRecords', () => {
    const log = createLog();
    const c = cfg();
    for (let i = 0; i < 10; i++) put(log, c, 0, 'k', String(i));
    const r = readRecords(log, 2, 6, 100);
    expect(r.kind === 'records' && r.records.map((x) => x.offset)).toEqual([2, 3, 4, 5]);
    expect(r.kind === 'records' && r.nextOffset).toBe(6);
    const m = readRecords(log, 2, 10, 3);
    expect(m.kind === 'records' && m.nextOffset).toBe(5);
  });

  it('a compacted-away offset is a valid position: the read starts at the next present record (Kafka docs, design.html “Log Compaction”)', () => {
    const leader = createLog();
    const c = cfg();
    for (let i = 0; i < 40; i++) put(leader, c, 0, 'k', String(i));
    const all = readRecords(leader, 0, 40, 100);
    if (all.kind !== 'records') throw new Error();
    const log = createLog();
    appendAsFollower(
      log,
      all.records.filter((r) => r.offset < 36 || r.offset >= 38),
      c,
      0,
    );
    for (const from of [36, 37, 38]) {
      const r = readRecords(log, from, 40, 1);
      expect(r.kind === 'records' && r.records[0].offset).toBe(38);
    }
  });

  it('answers OFFSET_OUT_OF_RANGE below the log start offset or past the log end offset', () => {
    const log = createLog();
    const c = cfg();
    for (let i = 0; i < 5; i++) put(log, c, 0, 'k', String(i));
    incrementLogStartOffset(log, 2);
    expect(readRecords(log, 1, 5, 10).kind).toBe('offsetOutOfRange');
    expect(readRecords(log, 6, 5, 10).kind).toBe('offsetOutOfRange');
    const atEnd = readRecords(log, 5, 5, 10);
    expect(atEnd.kind === 'records' && atEnd.records.length).toBe(0);
  });
});

describe('truncation', () => {
  it('follower truncation drops records at or above the target, later segments and epochs (UnifiedLog#truncateTo)', () => {
    const log = createLog();
    const c = cfg({ 'segment.bytes': '100' });
    for (let i = 0; i < 6; i++) put(log, c, 0, 'k', String(i), i < 3 ? 1 : 2);
    expect(log.segments.length).toBeGreaterThan(1);
    truncateTo(log, 2, 50);
    expect(log.logEndOffset).toBe(2);
    expect(dump(log).map((r) => r[0])).toEqual([0, 1]);
    expect(log.epochs).toEqual([[1, 0]]);
    expect(log.segments[log.segments.length - 1].baseOffset).toBeLessThanOrEqual(2);
    expect(put(log, c, 60, 'k', 'x', 3)).toBe(2);
  });

  it('truncating fully restarts an empty log at the given offset', () => {
    const log = createLog();
    const c = cfg();
    for (let i = 0; i < 4; i++) put(log, c, 0, 'k', String(i), 1);
    truncateFullyAndStartAt(log, 10, 5);
    expect(log.logStartOffset).toBe(10);
    expect(log.logEndOffset).toBe(10);
    expect(baseOffsets(log)).toEqual([10]);
    expect(log.epochs).toEqual([]);
    expect(put(log, c, 6, 'k', 'x', 2)).toBe(10);
  });
});

describe('OffsetsForLeaderEpoch (LeaderEpochFileCache#endOffsetFor)', () => {
  it('latest epoch → LEO; older epoch → start of the next higher epoch; unknown newer epoch → undefined', () => {
    const log = createLog();
    const c = cfg();
    put(log, c, 0, 'k', 'a', 1);
    put(log, c, 0, 'k', 'b', 1);
    put(log, c, 0, 'k', 'c', 3);
    put(log, c, 0, 'k', 'd', 5);
    expect(endOffsetForEpoch(log, 5)).toEqual({ leaderEpoch: 5, endOffset: 4 });
    expect(endOffsetForEpoch(log, 1)).toEqual({ leaderEpoch: 1, endOffset: 2 });
    expect(endOffsetForEpoch(log, 2)).toEqual({ leaderEpoch: 1, endOffset: 2 });
    expect(endOffsetForEpoch(log, 0)).toEqual({ leaderEpoch: 0, endOffset: 0 });
    expect(endOffsetForEpoch(log, 7)).toEqual({ leaderEpoch: -1, endOffset: -1 });
  });
});
