import { describe, expect, it } from 'vitest';
import { tpKeyOf } from '../../cluster/topicPartition';
import { offsetsPartitionFor } from '../group/offsetsTopic';
import { stickyAssign } from './abstractSticky';
import { nextRound, show, showSorted, subs, topicsOf } from './assignors.testkit';
import { cooperativeStickyAssign } from './cooperativeStickyAssignor';
import { javaHashMapKeyOrder, javaStringHashCode, kafkaUtilsAbs } from './javaCompat';
import type { GroupAssignment, Subscription } from './types';

const t12 = ['topic1', 'topic2'];

describe('AbstractStickyAssignor (AbstractStickyAssignorTest vectors)', () => {
  it('testMultipleConsumersMixedTopicSubscriptions (general path, differs from round-robin)', () => {
    const r = stickyAssign(
      topicsOf({ topic1: 3, topic2: 2 }),
      subs({
        consumer1: { topics: ['topic1'] },
        consumer2: { topics: t12 },
        consumer3: { topics: ['topic1'] },
      }),
    );
    expect(show(r.assignment)).toEqual({
      consumer1: 'topic1-0,topic1-2',
      consumer2: 'topic2-0,topic2-1',
      consumer3: 'topic1-1',
    });
    expect(r.transferring).toBeNull();
  });
  it('testTwoConsumersTwoTopicsSixPartitions: a fresh group is dealt round-robin over member ids', () => {
    const r = stickyAssign(
      topicsOf({ topic1: 3, topic2: 3 }),
      subs({ consumer1: { topics: t12 }, consumer2: { topics: t12 } }),
    );
    expect(show(r.assignment)).toEqual({
      consumer1: 'topic1-0,topic1-2,topic2-1',
      consumer2: 'topic1-1,topic2-0,topic2-2',
    });
  });
  it('testConsumerOwningMinQuotaExpectedMaxQuota: owners keep theirs, nothing transfers', () => {
    const r = stickyAssign(
      topicsOf({ topic1: 2, topic2: 3 }),
      subs({
        consumer1: { topics: t12, owned: ['topic1-0', 'topic2-1'] },
        consumer2: { topics: t12, owned: ['topic1-1', 'topic2-2'] },
      }),
    );
    expect(show(r.assignment)).toEqual({
      consumer1: 'topic1-0,topic2-1,topic2-0',
      consumer2: 'topic1-1,topic2-2',
    });
    expect(r.transferring?.size).toBe(0);
  });
  it('testMaxQuotaConsumerMoreThanNumExpectedMaxCapacityMembers: HashMap order decides who keeps maxQuota', () => {
    const r = stickyAssign(
      topicsOf({ topic1: 2, topic2: 2 }),
      subs({
        consumer1: { topics: t12, owned: ['topic1-0', 'topic2-0'] },
        consumer2: { topics: t12, owned: ['topic1-1', 'topic2-1'] },
        consumer3: { topics: t12, owned: [] },
      }),
    );
    expect(show(r.assignment)).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1,topic2-1',
      consumer3: 'topic2-0',
    });
    expect([...(r.transferring ?? [])]).toEqual([['topic2-0', 'consumer3']]);
  });
  it('testAllConsumersAreUnderMinQuota', () => {
    const r = stickyAssign(
      topicsOf({ topic1: 2, topic2: 3 }),
      subs({
        consumer1: { topics: t12, owned: ['topic1-0'] },
        consumer2: { topics: t12, owned: ['topic1-1'] },
        consumer3: { topics: t12, owned: [] },
      }),
    );
    expect(show(r.assignment)).toEqual({
      consumer1: 'topic1-0,topic2-1',
      consumer2: 'topic1-1,topic2-2',
      consumer3: 'topic2-0',
    });
    expect(r.transferring?.size).toBe(0);
  });
  it('testAddRemoveConsumerOneTopic', () => {
    const counts = topicsOf({ topic: 3 });
    const s1 = subs({ consumer1: { topics: ['topic'] } });
    const a1 = stickyAssign(counts, s1).assignment;
    expect(show(a1)).toEqual({ consumer1: 'topic-0,topic-1,topic-2' });
    const s2 = subs({
      consumer1: { topics: ['topic'], owned: a1.get('consumer1')!.map(tpKeyOf), generation: 1 },
      consumer2: { topics: ['topic'], owned: [], generation: 1 },
    });
    const r2 = stickyAssign(counts, s2);
    expect(show(r2.assignment)).toEqual({ consumer1: 'topic-0,topic-1', consumer2: 'topic-2' });
    expect([...(r2.transferring ?? [])]).toEqual([['topic-2', 'consumer2']]);
    const r3 = stickyAssign(
      counts,
      subs({ consumer2: { topics: ['topic'], owned: ['topic-2'], generation: 2 } }),
    );
    expect(showSorted(r3.assignment)).toEqual({ consumer2: 'topic-0,topic-1,topic-2' });
  });
  it('testAddRemoveTwoConsumersTwoTopics: three steps with stickiness', () => {
    const counts = topicsOf({ topic1: 3, topic2: 4 });
    const r1 = stickyAssign(counts, subs({ consumer1: { topics: t12 }, consumer2: { topics: t12 } }));
    expect(show(r1.assignment)).toEqual({
      consumer1: 'topic1-0,topic1-2,topic2-1,topic2-3',
      consumer2: 'topic1-1,topic2-0,topic2-2',
    });
    const s2 = subs({
      consumer1: { topics: t12, owned: r1.assignment.get('consumer1')!.map(tpKeyOf), generation: 1 },
      consumer2: { topics: t12, owned: r1.assignment.get('consumer2')!.map(tpKeyOf), generation: 1 },
      consumer3: { topics: t12, owned: [], generation: 1 },
      consumer4: { topics: t12, owned: [], generation: 1 },
    });
    const r2 = stickyAssign(counts, s2);
    expect(show(r2.assignment)).toEqual({
      consumer1: 'topic1-0,topic2-1',
      consumer2: 'topic2-0,topic1-1',
      consumer3: 'topic1-2,topic2-3',
      consumer4: 'topic2-2',
    });
    expect(Object.fromEntries(r2.transferring ?? [])).toEqual({
      'topic1-2': 'consumer3',
      'topic2-3': 'consumer3',
      'topic2-2': 'consumer4',
    });
    const r3 = stickyAssign(
      counts,
      subs({
        consumer3: { topics: t12, owned: ['topic1-2', 'topic2-3'], generation: 2 },
        consumer4: { topics: t12, owned: ['topic2-2'], generation: 2 },
      }),
    );
    expect(show(r3.assignment)).toEqual({
      consumer3: 'topic1-2,topic2-3,topic1-0,topic2-1',
      consumer4: 'topic2-2,topic1-1,topic2-0',
    });
  });
  it('testTopicBalanceAfterReassignment: 1 -> 2 -> 4 -> 2 members keep each topic evenly split', () => {
    const counts = topicsOf({ topic1: 12, topic2: 12 });
    let prev: GroupAssignment = new Map();
    let gen = 0;
    for (const n of [1, 2, 4, 2]) {
      const members = Array.from({ length: n }, (_, i) => `consumer${i + 1}`);
      const s = new Map<string, Subscription>(
        members.map((m) => [
          m,
          { topics: t12, ownedPartitions: prev.get(m) ?? [], generation: gen, groupInstanceId: null },
        ]),
      );
      prev = stickyAssign(counts, s).assignment;
      gen++;
      for (const m of members) {
        const list = prev.get(m)!;
        expect(list.filter((p) => p.topic === 'topic1').length).toBe(12 / n);
        expect(list.filter((p) => p.topic === 'topic2').length).toBe(12 / n);
      }
    }
  });
  it('StickyAssignor javadoc example 1: after C1 leaves, C0 and C2 keep everything they had and stay balanced', () => {
    const counts = topicsOf({ t0: 2, t1: 2, t2: 2, t3: 2 });
    const all = ['t0', 't1', 't2', 't3'];
    const r1 = stickyAssign(counts, subs({ C0: { topics: all }, C1: { topics: all }, C2: { topics: all } }));
    expect(showSorted(r1.assignment)).toEqual({
      C0: 't0-0,t1-1,t3-0',
      C1: 't0-1,t2-0,t3-1',
      C2: 't1-0,t2-1',
    });
    const r2 = stickyAssign(
      counts,
      subs({
        C0: { topics: all, owned: r1.assignment.get('C0')!.map(tpKeyOf) },
        C2: { topics: all, owned: r1.assignment.get('C2')!.map(tpKeyOf) },
      }),
    );
    // The javadoc's layout predates the constrained builder; what matters (and what Kafka 4.0 computes) is
    // that both keep all they had and C1's three partitions are dealt over them in topic order.
    expect(showSorted(r2.assignment)).toEqual({ C0: 't0-0,t0-1,t1-1,t3-0', C2: 't1-0,t2-0,t2-1,t3-1' });
  });
  it('StickyAssignor javadoc example 2 (general path): after C0 leaves only t0-0 moves', () => {
    const counts = topicsOf({ t0: 1, t1: 2, t2: 3 });
    const r1 = stickyAssign(
      counts,
      subs({ C0: { topics: ['t0'] }, C1: { topics: ['t0', 't1'] }, C2: { topics: ['t0', 't1', 't2'] } }),
    );
    expect(showSorted(r1.assignment)).toEqual({ C0: 't0-0', C1: 't1-0,t1-1', C2: 't2-0,t2-1,t2-2' });
    const r2 = stickyAssign(
      counts,
      subs({
        C1: { topics: ['t0', 't1'], owned: ['t1-0', 't1-1'] },
        C2: { topics: ['t0', 't1', 't2'], owned: ['t2-0', 't2-1', 't2-2'] },
      }),
    );
    expect(showSorted(r2.assignment)).toEqual({ C1: 't0-0,t1-0,t1-1', C2: 't2-0,t2-1,t2-2' });
  });
  it('higher generation wins a doubly claimed partition (allSubscriptionsEqual)', () => {
    const r = stickyAssign(
      topicsOf({ topic: 2 }),
      subs({
        consumer1: { topics: ['topic'], owned: ['topic-0', 'topic-1'], generation: 1 },
        consumer2: { topics: ['topic'], owned: ['topic-0'], generation: 2 },
      }),
    );
    expect(show(r.assignment)).toEqual({ consumer1: 'topic-1', consumer2: 'topic-0' });
  });
});

describe('CooperativeStickyAssignor (CooperativeStickyAssignorTest)', () => {
  it('a partition changing owner is withheld in the first round and assigned in the follow-up (KIP-429)', () => {
    const counts = topicsOf({ topic1: 2, topic2: 2 });
    const s = subs({
      consumer1: { topics: t12, owned: ['topic1-0', 'topic2-0'] },
      consumer2: { topics: t12, owned: ['topic1-1', 'topic2-1'] },
      consumer3: { topics: t12, owned: [] },
    });
    const r1 = cooperativeStickyAssign(counts, s);
    expect(show(r1.assignment)).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1,topic2-1',
      consumer3: '',
    });
    const r2 = cooperativeStickyAssign(counts, nextRound(s, r1.assignment, 2));
    expect(show(r2.assignment)).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1,topic2-1',
      consumer3: 'topic2-0',
    });
    expect(r2.withheld.size).toBe(0);
  });
  it('two members claiming topic-0 in the same generation: it is withheld from everyone', () => {
    const owned = (c1: string[], c2: string[]) =>
      subs({
        c1: { topics: ['topic'], owned: c1, generation: 1 },
        c2: { topics: ['topic'], owned: c2, generation: 1 },
        c3: { topics: ['topic'], owned: [], generation: 1 },
      });
    expect(
      show(
        cooperativeStickyAssign(topicsOf({ topic: 3 }), owned(['topic-0', 'topic-1'], ['topic-0', 'topic-2']))
          .assignment,
      ),
    ).toEqual({ c1: 'topic-1', c2: 'topic-2', c3: '' });
    const four = cooperativeStickyAssign(
      topicsOf({ topic: 4 }),
      owned(['topic-0', 'topic-1', 'topic-3'], ['topic-0', 'topic-2']),
    ).assignment;
    expect(showSorted(four)).toEqual({ c1: 'topic-1,topic-3', c2: 'topic-2', c3: '' });
  });
  it('general path: transfers computed from owned vs assigned are withheld', () => {
    const counts = topicsOf({ t0: 1, t1: 2, t2: 3 });
    const s = subs({
      C1: { topics: ['t0', 't1'], owned: ['t1-0', 't1-1'] },
      C2: { topics: ['t0', 't1', 't2'], owned: ['t2-0', 't2-1', 't2-2', 't0-0'] },
      C3: { topics: ['t2'], owned: [] },
    });
    const r = cooperativeStickyAssign(counts, s);
    for (const [key, member] of r.withheld) {
      expect(r.assignment.get(member)!.map(tpKeyOf)).not.toContain(key);
      const previousOwner = [...s].find(([, sub]) => sub.ownedPartitions.some((p) => tpKeyOf(p) === key));
      expect(previousOwner?.[0]).not.toBe(member);
    }
  });
});

describe('Java compatibility used by assignors and the coordinator', () => {
  it('String.hashCode and __consumer_offsets partitionFor = Utils.abs(hash) % 50 (GroupCoordinatorService)', () => {
    expect(javaStringHashCode('my-group')).toBe(-1906497762);
    expect(offsetsPartitionFor('my-group')).toBe(12);
    expect(offsetsPartitionFor('test-consumer-group')).toBe(31);
    expect(offsetsPartitionFor('group1')).toBe(40);
    expect(offsetsPartitionFor('connect-cluster')).toBe(13);
  });
  it('Utils.abs(Integer.MIN_VALUE) is 0, not negative', () => {
    expect(kafkaUtilsAbs(-2147483648)).toBe(0);
    expect(kafkaUtilsAbs(-5)).toBe(5);
  });
  it('HashMap iteration order: consumer2 bucket precedes consumer1 (16-slot table)', () => {
    expect(javaHashMapKeyOrder(['consumer1', 'consumer2', 'consumer3'])).toEqual([
      'consumer3',
      'consumer2',
      'consumer1',
    ]);
  });
});
