// AbstractStickyAssignorTest cases that check validity and balance rather than exact lists
// (verifyValidityAndBalance): every partition exactly once, only to subscribers, and no member holds a
// partition a member with at least two fewer partitions could take.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tpKeyOf } from '../../cluster/topicPartition';
import { stickyAssign } from './abstractSticky';
import { cooperativeStickyAssign } from './cooperativeStickyAssignor';
import type { GroupAssignment, Subscription } from './types';

function verifyValidityAndBalance(
  subs: Map<string, Subscription>,
  counts: Map<string, number>,
  a: GroupAssignment,
): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const [m, parts] of a) {
    for (const p of parts) {
      if (!subs.get(m)?.topics.includes(p.topic)) problems.push(`${m} got ${tpKeyOf(p)} without subscribing`);
      if (seen.has(tpKeyOf(p))) problems.push(`${tpKeyOf(p)} given to ${seen.get(tpKeyOf(p))} and ${m}`);
      seen.set(tpKeyOf(p), m);
    }
  }
  for (const [t, n] of counts) {
    const subscribed = [...subs.values()].some((s) => s.topics.includes(t));
    for (let p = 0; p < n; p++)
      if (subscribed && !seen.has(`${t}-${p}`)) problems.push(`${t}-${p} unassigned`);
  }
  const members = [...a.keys()];
  for (const x of members) {
    for (const y of members) {
      const ax = a.get(x)!;
      const ay = a.get(y)!;
      if (ax.length + 1 >= ay.length) continue;
      const movable = ay.filter((p) => subs.get(x)!.topics.includes(p.topic));
      if (movable.length > 0)
        problems.push(`${y} (${ay.length}) holds ${tpKeyOf(movable[0])} that ${x} (${ax.length}) could take`);
    }
  }
  return problems;
}

const name = (prefix: string, i: number) => `${prefix}${String(i).padStart(2, '0')}`;
const fresh = (topics: string[]): Subscription => ({
  topics,
  ownedPartitions: [],
  generation: null,
  groupInstanceId: null,
});

describe('AbstractStickyAssignorTest validity cases', () => {
  it('testPoorRoundRobinAssignmentScenario: general path still balances', () => {
    const counts = new Map([1, 2, 3, 4, 5].map((i) => [`topic${i}`, (i % 2) + 1]));
    const all = ['topic1', 'topic2', 'topic3', 'topic4', 'topic5'];
    const odd = ['topic1', 'topic3', 'topic5'];
    const subs = new Map([
      ['consumer1', fresh(all)],
      ['consumer2', fresh(odd)],
      ['consumer3', fresh(odd)],
      ['consumer4', fresh(all)],
    ]);
    const a = stickyAssign(counts, subs).assignment;
    expect(verifyValidityAndBalance(subs, counts, a)).toEqual([]);
    expect([...a.values()].map((l) => l.length)).toEqual([2, 2, 2, 2]);
  });

  it('testReassignmentAfterOneConsumerLeaves: 19 nested subscriptions, then consumer10 leaves', () => {
    const counts = new Map(Array.from({ length: 19 }, (_, i) => [name('topic', i + 1), i + 1]));
    const subs = new Map(
      Array.from({ length: 19 }, (_, i) => [
        name('consumer', i + 1),
        fresh(Array.from({ length: i + 1 }, (_, j) => name('topic', j + 1))),
      ]),
    );
    const a1 = stickyAssign(counts, subs).assignment;
    expect(verifyValidityAndBalance(subs, counts, a1)).toEqual([]);
    const next = new Map(
      [...subs].map(
        ([m, s]) => [m, { ...s, ownedPartitions: a1.get(m) ?? [], generation: 1 }] as [string, Subscription],
      ),
    );
    next.delete('consumer10');
    const a2 = stickyAssign(counts, next).assignment;
    expect(verifyValidityAndBalance(next, counts, a2)).toEqual([]);
    // stickiness: members keep most of what they had; only consumer10's partitions must move
    let kept = 0;
    let before = 0;
    for (const [m, parts] of a2) {
      const old = new Set((a1.get(m) ?? []).map(tpKeyOf));
      before += old.size;
      kept += parts.filter((p) => old.has(tpKeyOf(p))).length;
    }
    expect(kept / before).toBeGreaterThan(0.8);
  });

  it('testSameSubscriptions: uniform subscriptions over 14 topics, one member leaves, nothing transfers', () => {
    const counts = new Map(Array.from({ length: 14 }, (_, i) => [name('topic', i + 1), i + 1]));
    const topics = [...counts.keys()];
    const subs = new Map(Array.from({ length: 8 }, (_, i) => [name('consumer', i + 1), fresh(topics)]));
    const r1 = stickyAssign(counts, subs);
    expect(r1.transferring?.size).toBe(0);
    expect(verifyValidityAndBalance(subs, counts, r1.assignment)).toEqual([]);
    const next = new Map(
      [...subs].map(
        ([m, s]) =>
          [m, { ...s, ownedPartitions: r1.assignment.get(m) ?? [], generation: 1 }] as [string, Subscription],
      ),
    );
    next.delete('consumer05');
    const r2 = stickyAssign(counts, next);
    expect(r2.transferring?.size).toBe(0);
    expect(verifyValidityAndBalance(next, counts, r2.assignment)).toEqual([]);
  });

  it('cooperative: repeating the assignment until nothing is withheld settles within 4 rebalances (verifyValidityAndBalance)', () => {
    const counts = new Map([
      ['topic1', 7],
      ['topic2', 5],
    ]);
    let subs = new Map<string, Subscription>([
      [
        'consumer1',
        { topics: ['topic1', 'topic2'], ownedPartitions: [], generation: null, groupInstanceId: null },
      ],
      ['consumer2', { topics: ['topic1'], ownedPartitions: [], generation: null, groupInstanceId: null }],
    ]);
    let a = cooperativeStickyAssign(counts, subs).assignment;
    subs = new Map([...subs].map(([m, s]) => [m, { ...s, ownedPartitions: a.get(m) ?? [], generation: 1 }]));
    subs.set('consumer3', {
      topics: ['topic1', 'topic2'],
      ownedPartitions: [],
      generation: 1,
      groupInstanceId: null,
    });
    let rounds = 0;
    for (;;) {
      const r = cooperativeStickyAssign(counts, subs);
      a = r.assignment;
      rounds++;
      subs = new Map(
        [...subs].map(([m, s]) => [m, { ...s, ownedPartitions: a.get(m) ?? [], generation: 1 + rounds }]),
      );
      if (r.withheld.size === 0) break;
      expect(rounds).toBeLessThan(4);
    }
    expect(verifyValidityAndBalance(subs, counts, a)).toEqual([]);
  });

  it('testReassignmentWithRandomSubscriptionsAndChanges: random subscriptions, then random changes, stay valid and balanced', () => {
    const scenario = fc.record({
      counts: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }),
      members: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
        minLength: 1,
        maxLength: 6,
      }),
      changed: fc.array(fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), {
        minLength: 1,
        maxLength: 6,
      }),
    });
    fc.assert(
      fc.property(scenario, ({ counts, members, changed }) => {
        const topicCounts = new Map(counts.map((n, i) => [`topic${i}`, n]));
        const topicsOf = (mask: boolean[]) => {
          const ts = [...topicCounts.keys()].filter((_, i) => mask[i]);
          return ts.length > 0 ? ts : ['topic0'];
        };
        const s1 = new Map(members.map((mask, i) => [name('consumer', i), fresh(topicsOf(mask))]));
        const a1 = stickyAssign(topicCounts, s1).assignment;
        expect(verifyValidityAndBalance(s1, topicCounts, a1)).toEqual([]);
        const s2 = new Map(
          changed.map((mask, i) => [
            name('consumer', i),
            {
              topics: topicsOf(mask),
              ownedPartitions: a1.get(name('consumer', i)) ?? [],
              generation: 1,
              groupInstanceId: null,
            },
          ]),
        );
        const a2 = stickyAssign(topicCounts, s2).assignment;
        expect(verifyValidityAndBalance(s2, topicCounts, a2)).toEqual([]);
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});
