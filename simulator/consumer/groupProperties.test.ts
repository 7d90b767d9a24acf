// Property tests over random join/leave/crash/poll/process/commit/produce/clock sequences (fixed seeds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  closeConsumer,
  commitConsumer,
  crashConsumer,
  createConsumer,
  emptyConsumerArea,
  pollConsumer,
  processRecords,
} from './consumerClient';
import type { ConsumerEvent } from './consumerEvents';
import { advanceTo, config } from './consumerTestUtil';
import type { ConsumerArea } from './consumerTypes';
import { FakeCluster } from './fakeCluster';
import { groupLag } from './lag';
import type { AssignorName } from './types';
import { tpKey } from './types';

type Op =
  | { kind: 'create'; who: number; instance: boolean }
  | { kind: 'close'; who: number }
  | { kind: 'crash'; who: number }
  | { kind: 'cycle'; who: number } // poll, process everything, commitSync: the at-least-once loop
  | { kind: 'poll'; who: number }
  | { kind: 'produce'; partition: number; count: number }
  | { kind: 'advance'; ms: number };

const PARTITIONS = 6;
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('create' as const), who: fc.nat(4), instance: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), who: fc.nat(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), who: fc.nat(4) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cycle' as const), who: fc.nat(4) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('poll' as const), who: fc.nat(4) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('produce' as const),
      partition: fc.nat(PARTITIONS - 1),
      count: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('advance' as const),
      ms: fc.constantFrom(500, 3_000, 10_000, 50_000, 400_000),
    }),
  },
);

type Run = { area: ConsumerArea; io: FakeCluster; violations: string[] };

function run(
  ops: Op[],
  strategies: AssignorName[],
  check: (run: Run, e: ConsumerEvent, prev: Map<string, string[]>) => void,
): Run {
  const area = emptyConsumerArea();
  const io = new FakeCluster();
  io.createTopic('orders', PARTITIONS);
  const r: Run = { area, io, violations: [] };
  const prevOwners = new Map<string, string[]>();
  // check each event the moment it is emitted, against the state at that moment
  const emit = io.emit.bind(io);
  io.emit = (e: ConsumerEvent) => {
    emit(e);
    check(r, e, prevOwners);
  };
  const inspect = () => {
    // safety at every instant: no partition is owned by two running clients
    const owners = new Map<string, string>();
    for (const c of Object.values(area.consumers)) {
      if (c.status !== 'running') continue;
      for (const p of c.assignment) {
        const k = tpKey(p);
        if (owners.has(k)) r.violations.push(`${k} owned by ${owners.get(k)} and ${c.name} at ${io.now}`);
        owners.set(k, c.name);
      }
    }
    // committed offsets never pass the high watermark, so lag (HW - committed) is never negative
    for (const [k, c] of Object.entries(area.groups.g?.offsets ?? {})) {
      const hw = io.partition('orders', Number(k.slice(k.lastIndexOf('-') + 1)))!.highWatermark;
      if (c.offset > hw) r.violations.push(`committed ${k}=${c.offset} > HW ${hw}`);
    }
  };
  for (const op of ops) {
    const name = `c${'who' in op ? op.who : 0}`;
    const cfg = config('g', ['orders'], {
      strategies,
      enableAutoCommit: false,
      autoOffsetReset: 'earliest',
      groupInstanceId: op.kind === 'create' && op.instance ? `i${op.who}` : null,
      maxPollRecords: 4,
    });
    if (op.kind === 'create') createConsumer(area, io, name, cfg);
    else if (op.kind === 'close') closeConsumer(area, io, name);
    else if (op.kind === 'crash') crashConsumer(area, io, name);
    else if (op.kind === 'poll') pollConsumer(area, io, name);
    else if (op.kind === 'cycle') {
      if (pollConsumer(area, io, name).ok) {
        processRecords(area, io, name);
        commitConsumer(area, io, name);
      }
    } else if (op.kind === 'produce') io.produce('orders', op.partition, op.count);
    else advanceTo(area, io, io.now + op.ms);
    inspect();
  }
  advanceTo(area, io, io.now + 1_000_000);
  inspect();
  return r;
}

/** After every completed rebalance (nothing withheld) each partition has exactly one owner among the members. */
function checkCompleteAssignment(r: Run, e: ConsumerEvent): void {
  if (e.type !== 'groupEvent' || e.event.kind !== 'assignment') return;
  const group = r.area.groups.g.group;
  // RebalanceProtocol rule: no partition is handed to a member while another member still owns it
  // (eager: everyone revoked before rejoining; cooperative: moves are withheld for a second round)
  for (const [memberId, parts] of Object.entries(e.event.assignment)) {
    for (const p of parts) {
      const holder = group.members.find(
        (m) => m.memberId !== memberId && m.assignment.some((q) => tpKey(q) === tpKey(p)),
      );
      if (holder)
        r.violations.push(
          `gen ${e.event.generationId}: ${tpKey(p)} given to ${memberId} while ${holder.memberId} owns it`,
        );
    }
  }
  if (e.event.withheld.length > 0) return;
  const count = new Map<string, number>();
  for (const [memberId, parts] of Object.entries(e.event.assignment)) {
    if (!group.members.some((m) => m.memberId === memberId)) r.violations.push(`${memberId} is not a member`);
    for (const p of parts) count.set(tpKey(p), (count.get(tpKey(p)) ?? 0) + 1);
  }
  for (let p = 0; p < PARTITIONS; p++) {
    if (count.get(`orders-${p}`) !== 1)
      r.violations.push(
        `gen ${e.event.generationId}: orders-${p} owned ${count.get(`orders-${p}`) ?? 0} times`,
      );
  }
}

const SETTINGS = { seed: 42, numRuns: 60 };
const opsArb = fc.array(opArb, { minLength: 5, maxLength: 40 });

describe('consumer group properties (random join/leave/crash/poll/commit sequences)', () => {
  for (const strategies of [
    ['range', 'cooperative-sticky'],
    ['roundrobin'],
    ['sticky'],
    ['cooperative-sticky'],
  ] as AssignorName[][]) {
    it(`${strategies.join('+')}: after every completed rebalance each partition has exactly one owner; no two clients own one at once`, () => {
      fc.assert(
        fc.property(opsArb, (ops) => {
          const r = run(ops, strategies, checkCompleteAssignment);
          expect(r.violations).toEqual([]);
        }),
        SETTINGS,
      );
    });
  }

  it('cooperative-sticky moves no partition that did not have to (continuing members lose only their excess)', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const r = run(ops, ['cooperative-sticky'], (run, e, prev) => {
          if (e.type !== 'groupEvent' || e.event.kind !== 'assignment') return;
          const next = e.event.assignment;
          const members = Object.keys(next).length;
          const minQuota = Math.floor(PARTITIONS / members);
          for (const [m, parts] of Object.entries(next)) {
            const before = prev.get(m);
            if (!before) continue;
            const now = new Set(parts.map(tpKey));
            const lost = before.filter((k) => !now.has(k)).length;
            if (lost > Math.max(0, before.length - minQuota)) {
              run.violations.push(
                `gen ${e.event.generationId}: ${m} lost ${lost} of ${before.length} (min quota ${minQuota})`,
              );
            }
          }
          prev.clear();
          for (const [m, parts] of Object.entries(next)) prev.set(m, parts.map(tpKey));
        });
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it('a consumer that commits only after processing never skips a record (at-least-once)', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const r = run(ops, ['range', 'cooperative-sticky'], () => {});
        const rec = r.area.groups.g;
        if (!rec) return;
        for (const [k, c] of Object.entries(rec.offsets)) {
          const seen = new Set(rec.processed[k] ?? []);
          for (let o = 0; o < c.offset; o++) {
            if (!seen.has(o)) r.violations.push(`${k}@${o} committed past but never processed`);
          }
        }
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it('lag is never negative: committed offsets never pass the high watermark', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const r = run(ops, ['sticky'], () => {});
        // run() checks committed <= HW after every step; also check the lag the tool would show
        for (const l of groupLag(r.area, r.io, 'g')) {
          if (l.lag !== l.endOffset - l.committed)
            r.violations.push(`lag ${l.lag} for committed ${l.committed} HW ${l.endOffset}`);
        }
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
  });
});
