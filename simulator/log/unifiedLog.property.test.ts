// Property tests pinning the single-pass leader append and the run-copying read to the record-by-record
// definitions they replaced (kept here as references): same records, segments, rolls, offsets and results.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignEpoch } from './leaderEpochCache';
import { maybeCleanLog } from './logCleaner';
import { type LogConfig, logConfigFrom, maxSegmentMs } from './logConfig';
import {
  ceilRecordIndex,
  createSegment,
  floorSegmentIndex,
  RECORD_BATCH_OVERHEAD,
  recordSize,
  shouldRoll,
} from './segments';
import type { LogRecord, PartitionLog } from './types';
import {
  type AppendBatchInput,
  type AppendResult,
  activeSegment,
  appendAsLeader,
  createLog,
  type ReadResult,
  readRecords,
} from './unifiedLog';

const NO_HEADERS: ReadonlyArray<readonly [string, string]> = [];

/** The leader append as it was: build every record, then roll check and copy into the active segment. */
function appendAsLeaderReference(
  log: PartitionLog,
  input: AppendBatchInput,
  config: LogConfig,
  now: number,
): AppendResult {
  const firstOffset = log.logEndOffset;
  const n = input.records.length;
  if (n === 0)
    return { firstOffset, lastOffset: firstOffset - 1, rolledSegmentBaseOffset: null, records: [] };
  const out: LogRecord[] = new Array(n);
  let bytes = 0;
  let maxTs = -1;
  for (let i = 0; i < n; i++) {
    const r = input.records[i];
    const headers = r.headers ?? NO_HEADERS;
    const size = (r.sizeBytes ?? recordSize(r.key, r.value, headers)) + (i === 0 ? RECORD_BATCH_OVERHEAD : 0);
    bytes += size;
    if (r.timestamp > maxTs) maxTs = r.timestamp;
    out[i] = {
      offset: firstOffset + i,
      timestamp: r.timestamp,
      key: r.key,
      value: r.value,
      headers,
      sizeBytes: size,
      leaderEpoch: input.leaderEpoch,
      batchId: firstOffset,
      producerId: input.producerId ?? -1,
      producerEpoch: input.producerEpoch ?? -1,
      sequence: (input.baseSequence ?? -1) < 0 ? -1 : (input.baseSequence ?? -1) + i,
      transactional: input.transactional ?? false,
      control: r.control ?? null,
    };
  }
  let rolled: number | null = null;
  if (shouldRoll(activeSegment(log), bytes, maxTs, now, config.segmentBytes, maxSegmentMs(config))) {
    const active = activeSegment(log);
    if (active.records.length === 0 && active.sizeBytes === 0) {
      active.baseOffset = firstOffset;
      active.createdAt = now;
    } else {
      log.segments.push(createSegment(firstOffset, now));
      rolled = firstOffset;
    }
  }
  const seg = activeSegment(log);
  if (seg.records.length === 0) seg.firstTimestamp = maxTs;
  for (const r of out) seg.records.push(r);
  seg.sizeBytes += bytes;
  if (maxTs > seg.largestTimestamp) seg.largestTimestamp = maxTs;
  assignEpoch(log, input.leaderEpoch, firstOffset);
  log.logEndOffset = firstOffset + n;
  return { firstOffset, lastOffset: firstOffset + n - 1, rolledSegmentBaseOffset: rolled, records: out };
}

/** The read as it was: record by record. */
function readRecordsReference(
  log: PartitionLog,
  fromOffset: number,
  upTo: number,
  maxRecords: number,
): ReadResult {
  if (fromOffset < log.logStartOffset || fromOffset > log.logEndOffset)
    return { kind: 'offsetOutOfRange', logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset };
  const bound = Math.min(upTo, log.logEndOffset);
  const out: LogRecord[] = [];
  if (fromOffset >= bound || maxRecords <= 0)
    return { kind: 'records', records: out, nextOffset: fromOffset };
  const segs = log.segments;
  let si = Math.max(0, floorSegmentIndex(segs, fromOffset));
  let ri = ceilRecordIndex(segs[si].records, fromOffset);
  for (; si < segs.length; si++, ri = 0) {
    const recs = segs[si].records;
    for (; ri < recs.length; ri++) {
      const r = recs[ri];
      if (r.offset >= bound) return { kind: 'records', records: out, nextOffset: bound };
      out.push(r);
      if (out.length >= maxRecords) return { kind: 'records', records: out, nextOffset: r.offset + 1 };
    }
  }
  return { kind: 'records', records: out, nextOffset: bound };
}

type Batch = {
  records: Array<{ key: number | null; value: number | null; dt: number; sized: boolean; header: boolean }>;
  epoch: number;
  producer: boolean;
  advance: number;
};

const batchArb: fc.Arbitrary<Batch> = fc.record({
  records: fc.array(
    fc.record({
      key: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
      value: fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null }),
      dt: fc.integer({ min: -50, max: 50 }),
      sized: fc.boolean(),
      header: fc.boolean(),
    }),
    { minLength: 0, maxLength: 12 },
  ),
  epoch: fc.integer({ min: 0, max: 3 }),
  producer: fc.boolean(),
  advance: fc.integer({ min: 0, max: 3000 }),
});

const configArb = fc.record({
  segmentBytes: fc.constantFrom('200', '500', '2000', '1073741824'),
  segmentMs: fc.constantFrom('1000', '604800000'),
  compact: fc.boolean(),
});

function inputOf(b: Batch, now: number, seq: number): AppendBatchInput {
  return {
    leaderEpoch: b.epoch,
    records: b.records.map((r) => {
      const key = r.key === null ? null : `k${r.key}`;
      const value = r.value === null ? null : `v${r.value}-é`;
      const headers: ReadonlyArray<readonly [string, string]> = r.header ? [['h', 'x']] : NO_HEADERS;
      return {
        timestamp: now + r.dt,
        key,
        value,
        headers,
        ...(r.sized ? { sizeBytes: recordSize(key, value, headers) } : {}),
      };
    }),
    ...(b.producer
      ? { producerId: 7, producerEpoch: 0, baseSequence: seq, transactional: seq % 2 === 0 }
      : {}),
  };
}

describe('leader append and fetch read (UnifiedLog#appendAsLeader, LocalLog#read)', () => {
  it('a single-pass leader append writes exactly what building the batch first and copying it did', () => {
    fc.assert(
      fc.property(configArb, fc.array(batchArb, { maxLength: 25 }), (c, batches) => {
        const config = logConfigFrom({
          'segment.bytes': c.segmentBytes,
          'segment.ms': c.segmentMs,
          ...(c.compact ? { 'cleanup.policy': 'compact' } : {}),
        });
        const a = createLog(0);
        const b = createLog(0);
        let now = 0;
        let seq = 0;
        for (const batch of batches) {
          now += batch.advance;
          const input = inputOf(batch, now, seq);
          seq += batch.records.length;
          const got = appendAsLeader(a, input, config, now);
          const want = appendAsLeaderReference(b, input, config, now);
          expect(got).toEqual(want);
          expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('reading runs of records returns exactly what reading record by record did, across segments and compaction gaps', () => {
    fc.assert(
      fc.property(
        fc.array(batchArb, { minLength: 1, maxLength: 25 }),
        fc.boolean(),
        fc.array(
          fc.record({
            from: fc.integer({ min: -2, max: 200 }),
            span: fc.integer({ min: -5, max: 200 }),
            max: fc.oneof(
              fc.integer({ min: -1, max: 40 }),
              fc.constantFrom(Number.MAX_SAFE_INTEGER, 2.5, Number.NaN),
            ),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        (batches, clean, reads) => {
          const config = logConfigFrom({ 'segment.bytes': '300', 'cleanup.policy': 'compact' });
          const log = createLog(0);
          let now = 0;
          for (const batch of batches) {
            now += batch.advance;
            const input = inputOf(batch, now, 0);
            // Compacted topics need keys: give keyless records one.
            appendAsLeader(
              log,
              { ...input, records: input.records.map((r) => ({ ...r, key: r.key ?? 'k' })) },
              config,
              now,
            );
          }
          if (clean) maybeCleanLog(log, config, log.logEndOffset, now + 86_400_000);
          for (const r of reads) {
            const from = log.logStartOffset + r.from;
            expect(readRecords(log, from, from + r.span, r.max)).toEqual(
              readRecordsReference(log, from, from + r.span, r.max),
            );
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
