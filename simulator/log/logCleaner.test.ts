import { describe, expect, it } from 'vitest';
import { baseOffsets, cfg, dump, put } from './log.testkit';
import { groupSegmentsBySize, maybeCleanLog } from './logCleaner';
import { cleanerDecision } from './logCleanerManager';
import { deleteOldSegments } from './retention';
import { RECORD_BATCH_OVERHEAD, recordSize } from './segments';
import { appendAsLeader, createLog, readRecords, recordAt } from './unifiedLog';
import { validateRecordsForAppend } from './validateRecords';

const one = recordSize('k', 'v') + RECORD_BATCH_OVERHEAD;
/** One single-record batch per segment, compacted topic. */
const compacted = (extra: Record<string, string> = {}) =>
  cfg({ 'cleanup.policy': 'compact', 'segment.bytes': String(one), ...extra });

describe('why a compacted topic still shows duplicates', () => {
  it('the active segment is never cleaned (LogCleanerManager#cleanableOffsets)', () => {
    const c = cfg({ 'cleanup.policy': 'compact' });
    const log = createLog();
    for (let i = 0; i < 5; i++) put(log, c, i, 'k', String(i));
    const d = cleanerDecision(log, c, log.logEndOffset, 1000);
    expect(d.kind).toBe('skip');
    expect(d.reason).toMatch(/active segment/);
    expect(maybeCleanLog(log, c, log.logEndOffset, 1000)).toBeNull();
    expect(dump(log)).toHaveLength(5);
  });

  it('a dirty ratio not above min.cleanable.dirty.ratio leaves the log alone', () => {
    const c = compacted({ 'min.cleanable.dirty.ratio': '0.9' });
    const log = createLog();
    for (let i = 0; i < 4; i++) put(log, c, i, 'k', String(i));
    // Dirty: 3 closed segments; the active one is excluded from both sides → ratio 3/3 = 1 > 0.9: cleans.
    expect(cleanerDecision(log, c, log.logEndOffset, 10).kind).toBe('clean');
    maybeCleanLog(log, c, log.logEndOffset, 10);
    // Now 1 clean segment; add one more closed dirty segment: ratio = one / (one + one) = 0.5 ≤ 0.9.
    put(log, c, 20, 'k', 'x');
    const d = cleanerDecision(log, c, log.logEndOffset, 30);
    expect(d.kind).toBe('skip');
    expect(d.range?.dirtyRatio).toBeCloseTo(0.5);
    expect(d.reason).toMatch(/not above min\.cleanable\.dirty\.ratio/);
  });

  it('records younger than min.compaction.lag.ms are not cleanable yet', () => {
    const c = compacted({ 'min.compaction.lag.ms': '1000' });
    const log = createLog();
    for (let i = 0; i < 4; i++) put(log, c, i * 100, 'k', String(i));
    expect(maybeCleanLog(log, c, log.logEndOffset, 500)).toBeNull();
    expect(dump(log)).toHaveLength(4);
    // At 1150 the segments written at 0 and 100 are older than the lag; 200 is not.
    const r = maybeCleanLog(log, c, log.logEndOffset, 1150);
    expect(r?.range.boundBy).toBe('minCompactionLag');
    expect(r?.cleanedUpTo).toBe(2);
    expect(dump(log).map((x) => x[0])).toEqual([1, 2, 3]);
  });
});

describe('compaction (LogCleaner)', () => {
  it('keeps the latest record per key at its original offset: offsets are never renumbered', () => {
    const c = compacted();
    const log = createLog();
    const writes: Array<[string, string]> = [
      ['a', '1'],
      ['b', '1'],
      ['a', '2'],
      ['c', '1'],
      ['b', '2'],
      ['z', '0'],
    ];
    for (const [k, v] of writes) put(log, c, 0, k, v);
    const r = maybeCleanLog(log, c, log.logEndOffset, 0);
    expect(r?.trigger).toBe('dirtyRatio');
    expect(dump(log)).toEqual([
      [2, 'a', '2'],
      [3, 'c', '1'],
      [4, 'b', '2'],
      [5, 'z', '0'],
    ]);
    expect(r?.removedCount.superseded).toBe(2);
    expect(log.cleanerCheckpoint).toBe(5);
    // Offsets 0 and 1 are valid positions: a consumer starting there gets offset 2 first.
    const read = readRecords(log, 0, 6, 1);
    expect(read.kind === 'records' && read.records[0].offset).toBe(2);
  });

  it('never cleans past the last stable offset (open transaction) or the high watermark', () => {
    const c = compacted();
    const log = createLog();
    for (let i = 0; i < 6; i++) put(log, c, 0, 'k', String(i));
    const r = maybeCleanLog(log, c, 3, 0);
    expect(r?.cleanedUpTo).toBe(3);
    expect(r?.range.boundBy).toBe('lastStableOffset');
    expect(dump(log).map((x) => x[0])).toEqual([2, 3, 4, 5]);
  });

  it('max.compaction.lag.ms forces cleaning even when the dirty ratio is low (KIP-354)', () => {
    const c = compacted({ 'min.cleanable.dirty.ratio': '0.99', 'max.compaction.lag.ms': '1000' });
    const log = createLog();
    // Kafka ignores first-batch timestamps ≤ 0 for this check, so start at 1.
    for (let i = 0; i < 4; i++) put(log, c, 1, 'k', String(i));
    maybeCleanLog(log, c, log.logEndOffset, 1);
    put(log, c, 10, 'k', 'x');
    expect(cleanerDecision(log, c, log.logEndOffset, 500).kind).toBe('skip');
    const r = maybeCleanLog(log, c, log.logEndOffset, 2000);
    expect(r?.trigger).toBe('maxCompactionLag');
    expect(dump(log).map((x) => x[0])).toEqual([3, 4]);
  });

  it('merges small cleaned segments while their total size stays within segment.bytes (groupSegmentsBySize)', () => {
    const c = cfg({ 'cleanup.policy': 'compact', 'segment.bytes': String(3 * one) });
    const log = createLog();
    for (let i = 0; i < 12; i++) put(log, c, 0, 'abcd'[i % 4], String(i % 10));
    expect(log.segments.length).toBe(4);
    maybeCleanLog(log, c, log.logEndOffset, 0);
    // 3 closed segments of 3·one each cannot merge (3·one + 3·one > segment.bytes)...
    expect(baseOffsets(log)).toEqual([0, 3, 6, 9]);
    expect(log.segments.map((s) => s.records.length)).toEqual([0, 1, 3, 3]);
    for (const k of 'abcd') put(log, c, 0, k, 'y');
    // ...but once cleaned they are small: 0 + one ≤ segment.bytes, so segments 0 and 3 merge into one.
    maybeCleanLog(log, c, log.logEndOffset, 0);
    expect(baseOffsets(log)).toEqual([0, 6, 9, 12, 15]);
    expect(groupSegmentsBySize(log.segments.slice(0, 4), 100 * one).length).toBe(1);
  });
});

describe('cleanup.policy=compact,delete', () => {
  it('retention deletes expired segments and the cleaner compacts what remains', () => {
    const c = compacted({ 'cleanup.policy': 'compact,delete', 'retention.ms': '1000' });
    const log = createLog();
    put(log, c, 0, 'a', '1');
    put(log, c, 0, 'b', '1');
    for (const [k, v] of [
      ['a', '2'],
      ['a', '3'],
      ['b', '2'],
      ['z', '0'],
    ])
      put(log, c, 5000, k, v);
    const r = deleteOldSegments(log, c, log.logEndOffset, 5500);
    expect(r.deleted.map((d) => d.breach)).toEqual(['time', 'time']);
    maybeCleanLog(log, c, log.logEndOffset, 5500);
    expect(dump(log)).toEqual([
      [3, 'a', '3'],
      [4, 'b', '2'],
      [5, 'z', '0'],
    ]);
  });
});

describe('tombstones (delete.retention.ms, KIP-534 delete horizon)', () => {
  it('a tombstone removes earlier values at once, stays until delete.retention.ms after the cleaner first saw it, then goes on a later pass', () => {
    const c = compacted({ 'delete.retention.ms': '1000', 'min.cleanable.dirty.ratio': '0.01' });
    const log = createLog();
    put(log, c, 0, 'a', '1');
    put(log, c, 0, 'b', '1');
    put(log, c, 0, 'a', null);
    put(log, c, 0, 'z', '1');
    const first = maybeCleanLog(log, c, log.logEndOffset, 100);
    expect(dump(log)).toEqual([
      [1, 'b', '1'],
      [2, 'a', null],
      [3, 'z', '1'],
    ]);
    expect(first?.horizonsSet).toEqual([{ offset: 2, deleteHorizonMs: 1100 }]);
    // More dirty data → a pass before the horizon keeps the tombstone.
    put(log, c, 500, 'b', '2');
    put(log, c, 500, 'y', '1');
    maybeCleanLog(log, c, log.logEndOffset, 1099);
    expect(recordAt(log, 2)?.value).toBeNull();
    // A pass after the horizon removes it.
    put(log, c, 1200, 'z', '2');
    put(log, c, 1200, 'x', '1');
    const late = maybeCleanLog(log, c, log.logEndOffset, 1200);
    expect(recordAt(log, 2)).toBeUndefined();
    expect(late?.removedCount.tombstoneExpired).toBe(1);
    expect(log.deleteHorizons[2]).toBeUndefined();
  });

  it('a tombstone in the active segment neither removes the older value nor starts its delete.retention.ms clock', () => {
    const c = compacted({ 'delete.retention.ms': '0' });
    const log = createLog();
    put(log, c, 0, 'a', '1');
    put(log, c, 0, 'a', null);
    maybeCleanLog(log, c, log.logEndOffset, 10_000);
    expect(dump(log)).toEqual([
      [0, 'a', '1'],
      [1, 'a', null],
    ]);
    expect(log.deleteHorizons).toEqual({});
  });
});

describe('transactions and the cleaner', () => {
  const txn = (
    log: ReturnType<typeof createLog>,
    c: ReturnType<typeof compacted>,
    pid: number,
    key: string,
  ) =>
    appendAsLeader(
      log,
      {
        leaderEpoch: 0,
        producerId: pid,
        producerEpoch: 0,
        baseSequence: 0,
        transactional: true,
        records: [{ timestamp: 0, key, value: 'v' }],
      },
      c,
      0,
    );
  const marker = (
    log: ReturnType<typeof createLog>,
    c: ReturnType<typeof compacted>,
    pid: number,
    type: 'COMMIT' | 'ABORT',
  ) =>
    appendAsLeader(
      log,
      {
        leaderEpoch: 0,
        producerId: pid,
        producerEpoch: 0,
        transactional: true,
        records: [{ timestamp: 0, key: null, value: null, control: { type } }],
      },
      c,
      0,
    );

  it('removes aborted transactional data; the ABORT marker outlives its data by delete.retention.ms', () => {
    const c = compacted({ 'delete.retention.ms': '100' });
    const log = createLog();
    put(log, c, 0, 'a', '1');
    txn(log, c, 7, 'a'); // offset 1, aborted: must not shadow offset 0
    marker(log, c, 7, 'ABORT'); // offset 2
    put(log, c, 0, 'q', '1');
    put(log, c, 0, 'r', '1');
    const p1 = maybeCleanLog(log, c, log.logEndOffset, 0);
    expect(p1?.removedCount.abortedTransaction).toBe(1);
    expect(dump(log).map((x) => x[0])).toEqual([0, 2, 3, 4]); // marker kept: its data was seen this pass
    expect(log.deleteHorizons[2]).toBeUndefined();
    put(log, c, 0, 'q', '2');
    put(log, c, 0, 'r', '2');
    put(log, c, 0, 's', '1');
    maybeCleanLog(log, c, log.logEndOffset, 50); // no data left → marker gets a horizon (150)
    expect(log.deleteHorizons[2]).toBe(150);
    for (const k of ['q', 'r', 's', 't']) put(log, c, 0, k, '3');
    maybeCleanLog(log, c, log.logEndOffset, 200);
    expect(recordAt(log, 2)).toBeUndefined();
    expect(recordAt(log, 0)?.value).toBe('1');
  });

  it('rejects keyless records on a compacted topic with INVALID_RECORD (LogValidator#validateKey)', () => {
    const err = validateRecordsForAppend(compacted(), 'orders-0', [{ key: 'a' }, { key: null }]);
    expect(err).toEqual({
      kind: 'INVALID_RECORD',
      code: 87,
      message: 'Compacted topic cannot accept message without key in topic partition orders-0.',
      batchIndex: 1,
    });
    expect(validateRecordsForAppend(cfg(), 'orders-0', [{ key: null }])).toBeNull();
    expect(
      validateRecordsForAppend(cfg({ 'cleanup.policy': 'delete,compact' }), 't-1', [{ key: null }])?.code,
    ).toBe(87);
  });
});
