// Property tests over random join/leave/crash/poll/process/commit/produce/clock sequences (fixed seeds).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AREAS } from '../areas';
import { leaderReplica } from '../cluster/lookup';
import { parseTpKey, tpKeyOf } from '../cluster/topicPartition';
import { defineArea, type EventOf, installAreas, on } from '../engine/registry';
import type { Simulation } from '../index';
import type { AssignorName } from './assignors/types';
import { config, consumerCluster, produce } from './consumer.testkit';
import { consumerGroupLag } from './reads';

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
    arbitrary: fc.record({ kind: fc.constant('create' as const), who: fc.nat(2), instance: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), who: fc.nat(2) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crash' as const), who: fc.nat(2) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('cycle' as const), who: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('poll' as const), who: fc.nat(2) }) },
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

type Assignment = EventOf<'groupAssignment'>;
type Run = { sim: Simulation; violations: string[] };
type Check = (run: Run, e: Assignment, prev: Map<string, string[]>) => void;

// A test-only area whose hook checks each assignment the moment the coordinator hands it out.
let checking: { run: Run; check: Check; prev: Map<string, string[]> } | null = null;
const assignmentChecker = defineArea({
  name: 'test: assignment checker',
  hooks: [on('groupAssignment', (_ctx, e) => checking?.check(checking.run, e, checking.prev))],
});
beforeAll(() => installAreas([...AREAS, assignmentChecker]));
afterAll(() => installAreas(AREAS));

function run(ops: Op[], strategies: AssignorName[], check: Check): Run {
  const sim = consumerCluster({ topics: { orders: PARTITIONS } });
  const r: Run = { sim, violations: [] };
  checking = { run: r, check, prev: new Map() };
  const area = sim.state.areas.consumers;
  const inspect = () => {
    // safety at every instant: no partition is owned by two running clients
    const owners = new Map<string, string>();
    for (const c of Object.values(area.consumers)) {
      if (c.status !== 'running') continue;
      for (const p of c.assignment) {
        const k = tpKeyOf(p);
        if (owners.has(k))
          r.violations.push(`${k} owned by ${owners.get(k)} and ${c.name} at ${sim.state.now}`);
        owners.set(k, c.name);
      }
    }
    // committed offsets never pass the high watermark, so lag (HW - committed) is never negative
    for (const [k, c] of Object.entries(area.groups.g?.offsets ?? {})) {
      const { partition } = parseTpKey(k);
      const hw = leaderReplica(sim.state.topics.orders.partitions[partition])!.highWatermark;
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
    // Commands a real application could not issue (poll on a closed consumer, ...) fail and change nothing.
    if (op.kind === 'create') sim.dispatch({ type: 'consumerCreate', name, config: cfg });
    else if (op.kind === 'close') sim.dispatch({ type: 'consumerClose', name });
    else if (op.kind === 'crash') sim.dispatch({ type: 'consumerCrash', name });
    else if (op.kind === 'poll') sim.dispatch({ type: 'consumerPoll', name });
    else if (op.kind === 'cycle') {
      if (sim.dispatch({ type: 'consumerPoll', name }).ok) {
        sim.dispatch({ type: 'consumerProcess', name });
        sim.dispatch({ type: 'consumerCommit', name });
      }
    } else if (op.kind === 'produce') produce(sim, 'orders', op.partition, op.count);
    else sim.dispatch({ type: 'advanceClock', ms: op.ms });
    inspect();
  }
  sim.dispatch({ type: 'advanceClock', ms: 1_000_000 });
  inspect();
  checking = null;
  return r;
}

/** After every completed rebalance (nothing withheld) each partition has exactly one owner among the members. */
function checkCompleteAssignment(r: Run, e: Assignment): void {
  const group = r.sim.state.areas.consumers.groups.g.group;
  // RebalanceProtocol rule: no partition is handed to a member while another member still owns it
  // (eager: everyone revoked before rejoining; cooperative: moves are withheld for a second round)
  for (const [memberId, parts] of Object.entries(e.assignment)) {
    for (const p of parts) {
      const holder = group.members.find(
        (m) => m.memberId !== memberId && m.assignment.some((q) => tpKeyOf(q) === tpKeyOf(p)),
      );
      if (holder)
        r.violations.push(
          `gen ${e.generationId}: ${tpKeyOf(p)} given to ${memberId} while ${holder.memberId} owns it`,
        );
    }
  }
  if (e.withheld.length > 0) return;
  const count = new Map<string, number>();
  for (const [memberId, parts] of Object.entries(e.assignment)) {
    if (!group.members.some((m) => m.memberId === memberId)) r.violations.push(`${memberId} is not a member`);
    for (const p of parts) count.set(tpKeyOf(p), (count.get(tpKeyOf(p)) ?? 0) + 1);
  }
  for (let p = 0; p < PARTITIONS; p++) {
    if (count.get(`orders-${p}`) !== 1)
      r.violations.push(`gen ${e.generationId}: orders-${p} owned ${count.get(`orders-${p}`) ?? 0} times`);
  }
}

const SETTINGS = { seed: 42, numRuns: 60 };
/**
 * Runs that committed past a record, out of 60: 34 measured with seed 42 (before the prelude and with five
 * consumer names it was 5). Fewer would leave the at-least-once property nearly vacuous.
 */
const MIN_COMMITTED_RUNS = 25;
/**
 * Every run starts from a group that has formed over records (member c0 joined, records in every partition,
 * the initial rebalance delay passed), so the random steps after it exercise rebalances and commits.
 */
const PRELUDE: Op[] = [
  { kind: 'create', who: 0, instance: false },
  ...Array.from({ length: PARTITIONS }, (_, partition): Op => ({ kind: 'produce', partition, count: 3 })),
  { kind: 'advance', ms: 3_000 },
];
const opsArb = fc.array(opArb, { minLength: 5, maxLength: 40 }).map((ops) => [...PRELUDE, ...ops]);

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
          const next = e.assignment;
          const members = Object.keys(next).length;
          const minQuota = Math.floor(PARTITIONS / members);
          for (const [m, parts] of Object.entries(next)) {
            const before = prev.get(m);
            if (!before) continue;
            const now = new Set(parts.map(tpKeyOf));
            const lost = before.filter((k) => !now.has(k)).length;
            if (lost > Math.max(0, before.length - minQuota)) {
              run.violations.push(
                `gen ${e.generationId}: ${m} lost ${lost} of ${before.length} (min quota ${minQuota})`,
              );
            }
          }
          prev.clear();
          for (const [m, parts] of Object.entries(next)) prev.set(m, parts.map(tpKeyOf));
        });
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
  });

  it('a consumer that commits only after processing never skips a record (at-least-once)', () => {
    let committedRuns = 0;
    fc.assert(
      fc.property(opsArb, (ops) => {
        const r = run(ops, ['range', 'cooperative-sticky'], () => {});
        const rec = r.sim.state.areas.consumers.groups.g;
        const committed = Object.entries(rec?.offsets ?? {}).filter(([, c]) => c.offset > 0);
        if (committed.length > 0) committedRuns++;
        for (const [k, c] of committed) {
          const seen = new Set(rec.processed[k] ?? []);
          for (let o = 0; o < c.offset; o++) {
            if (!seen.has(o)) r.violations.push(`${k}@${o} committed past but never processed`);
          }
        }
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
    // The property says something only about runs that committed past a record: make sure there are many.
    expect(committedRuns).toBeGreaterThanOrEqual(MIN_COMMITTED_RUNS);
  });

  it('lag is never negative: committed offsets never pass the high watermark', () => {
    fc.assert(
      fc.property(opsArb, (ops) => {
        const r = run(ops, ['sticky'], () => {});
        // run() checks committed <= HW after every step; also check the lag the tool would show
        for (const l of consumerGroupLag(r.sim.state, 'g')) {
          if (l.lag !== l.endOffset - l.committed)
            r.violations.push(`lag ${l.lag} for committed ${l.committed} HW ${l.endOffset}`);
        }
        expect(r.violations).toEqual([]);
      }),
      SETTINGS,
    );
  });
});
