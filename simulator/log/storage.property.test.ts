// Property tests over random produce / advance-clock / config / cleaner / retention sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maybeCleanLog } from './logCleaner';
import { type LogConfig, logConfigFrom } from './logConfig';
import { deleteOldSegments } from './retention';
import type { LogRecord, PartitionLog } from './types';
import { appendAsLeader, createLog, readRecords, recordAt } from './unifiedLog';

type Op =
  | { kind: 'produce'; key: number; tombstone: boolean; value: number; batch: number; advance: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'clean' }
  | { kind: 'retention'; hwLag: number }
  | { kind: 'config'; name: string; value: string };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('produce' as const),
      key: fc.integer({ min: 0, max: 7 }),
      tombstone: fc.boolean(),
      value: fc.integer({ min: 0, max: 999 }),
      batch: fc.integer({ min: 1, max: 3 }),
      advance: fc.integer({ min: 0, max: 2000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 200_000 }) }),
  },
  { weight: 2, arbitrary: fc.constant({ kind: 'clean' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('retention' as const), hwLag: fc.integer({ min: 0, max: 4 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      fc.record({
        kind: fc.constant('config' as const),
        name: fc.constant('min.cleanable.dirty.ratio'),
        value: fc.constantFrom('0.01', '0.5', '0.9'),
      }),
      fc.record({
        kind: fc.constant('config' as const),
        name: fc.constant('delete.retention.ms'),
        value: fc.constantFrom('0', '1000', '100000'),
      }),
      fc.record({
        kind: fc.constant('config' as const),
        name: fc.constant('min.compaction.lag.ms'),
        value: fc.constantFrom('0', '5000'),
      }),
      fc.record({
        kind: fc.constant('config' as const),
        name: fc.constant('segment.bytes'),
        value: fc.constantFrom('150', '300', '1000'),
      }),
      fc.record({
        kind: fc.constant('config' as const),
        name: fc.constant('retention.ms'),
        value: fc.constantFrom('10000', '100000'),
      }),
    ),
  },
);

type Run = {
  log: PartitionLog;
  now: number;
  /** Every record ever appended, in offset order (the uncompacted log). */
  history: LogRecord[];
  /** Tombstone offset → delete horizon the cleaner stamped. */
  horizons: Map<number, number>;
  /** Checks run after each op. */
  checks: Array<(r: Run, op: Op) => void>;
};

function run(policy: string, ops: Op[], checks: Run['checks']): void {
  const overrides: Record<string, string> = {
    'cleanup.policy': policy,
    'segment.bytes': '300',
    'retention.ms': '100000',
  };
  let config: LogConfig = logConfigFrom(overrides);
  const r: Run = { log: createLog(), now: 1, history: [], horizons: new Map(), checks };
  for (const op of ops) {
    switch (op.kind) {
      case 'produce': {
        r.now += op.advance;
        const records = Array.from({ length: op.batch }, (_, i) => ({
          timestamp: r.now,
          key: `k${(op.key + i) % 8}`,
          value: op.tombstone && i === op.batch - 1 ? null : `v${op.value}-${i}`,
        }));
        r.history.push(...appendAsLeader(r.log, { leaderEpoch: 0, records }, config, r.now).records);
        break;
      }
      case 'advance':
        r.now += op.ms;
        break;
      case 'clean': {
        const res = maybeCleanLog(r.log, config, r.log.logEndOffset, r.now);
        for (const h of res?.horizonsSet ?? []) r.horizons.set(h.offset, h.deleteHorizonMs);
        break;
      }
      case 'retention': {
        // The high watermark may trail the LEO (followers catching up).
        const hw = Math.max(r.log.logStartOffset, r.log.logEndOffset - op.hwLag);
        deleteOldSegments(r.log, config, hw, r.now);
        expect(r.log.logStartOffset).toBeLessThanOrEqual(hw);
        break;
      }
      case 'config':
        overrides[op.name] = op.value;
        config = logConfigFrom(overrides);
        break;
    }
    for (const check of checks) check(r, op);
  }
}

function offsetsIncreasing(r: Run): void {
  let prev = -1;
  r.log.segments.forEach((seg, i) => {
    const next = i + 1 < r.log.segments.length ? r.log.segments[i + 1].baseOffset : r.log.logEndOffset;
    expect(seg.baseOffset).toBeLessThanOrEqual(next);
    for (const rec of seg.records) {
      expect(rec.offset).toBeGreaterThan(prev);
      expect(rec.offset).toBeGreaterThanOrEqual(seg.baseOffset);
      expect(rec.offset).toBeLessThan(next);
      prev = rec.offset;
    }
  });
}

/** What a consumer ends with after reading from the start: key → value, tombstones delete. */
function consume(records: readonly LogRecord[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const rec of records) {
    if (rec.key === null) continue;
    if (rec.value === null) m.delete(rec.key);
    else m.set(rec.key, rec.value);
  }
  return m;
}

function readAll(log: PartitionLog): LogRecord[] {
  const out: LogRecord[] = [];
  let pos = log.logStartOffset;
  for (;;) {
    const res = readRecords(log, pos, log.logEndOffset, 7);
    if (res.kind !== 'records') throw new Error('out of range');
    out.push(...res.records);
    if (res.nextOffset >= log.logEndOffset) return out;
    pos = res.nextOffset;
  }
}

const ops = fc.array(opArb, { minLength: 1, maxLength: 80 });

describe('compaction properties (cleanup.policy=compact)', () => {
  it('after every cleaner pass the latest record of each key is readable at its original offset; a latest tombstone only disappears after its delete horizon', () => {
    fc.assert(
      fc.property(ops, (seq) =>
        run('compact', seq, [
          (r, op) => {
            if (op.kind !== 'clean') return;
            const latest = new Map<string, LogRecord>();
            for (const rec of r.history) if (rec.key !== null) latest.set(rec.key, rec);
            for (const rec of latest.values()) {
              const stored = recordAt(r.log, rec.offset);
              if (rec.value !== null) expect(stored?.value).toBe(rec.value);
              else if (stored === undefined) {
                const h = r.horizons.get(rec.offset);
                expect(h).toBeDefined();
                expect(r.now).toBeGreaterThanOrEqual(h ?? Number.POSITIVE_INFINITY);
              }
            }
          },
        ]),
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('offsets stay strictly increasing and inside their segment', () => {
    fc.assert(
      fc.property(ops, (seq) => run('compact', seq, [offsetsIncreasing])),
      { seed: 42, numRuns: 200 },
    );
  });

  it('a consumer reading the compacted log from the start ends with the same key → value map as one reading the uncompacted log', () => {
    fc.assert(
      fc.property(ops, (seq) =>
        run('compact', seq, [(r) => expect(consume(readAll(r.log))).toEqual(consume(r.history))]),
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe('retention properties', () => {
  for (const policy of ['delete', 'compact,delete']) {
    it(`no record newer than the retention bound (now − retention.ms) is deleted, and the log start never passes the high watermark (cleanup.policy=${policy})`, () => {
      fc.assert(
        fc.property(ops, (seq) =>
          run(policy, seq, [
            offsetsIncreasing,
            (r, op) => {
              if (op.kind !== 'retention') return;
              const retentionMs = currentRetention(seq, op);
              for (const rec of r.history) {
                if (r.now - rec.timestamp > retentionMs) continue;
                // Retention may not have removed it; only compaction may (and only if superseded).
                if (rec.offset < r.log.logStartOffset)
                  throw new Error(`record ${rec.offset} newer than retention bound deleted`);
              }
            },
          ]),
        ),
        { seed: 42, numRuns: 200 },
      );
    });
  }
});

/** retention.ms in effect at `at` (the last config op before it, default 100000). */
function currentRetention(seq: Op[], at: Op): number {
  let v = 100_000;
  for (const op of seq) {
    if (op === at) break;
    if (op.kind === 'config' && op.name === 'retention.ms') v = Number(op.value);
  }
  return v;
}
