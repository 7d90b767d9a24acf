// Conditions used by the Level 2-3 lesson challenges (consumers, topics-partitions, reliability, storage,
// scaling), checked against a hand-built view.
import { describe, expect, it } from 'vitest';
import type { GroupView, PartitionView, RecordView } from '../../read/index';
import { goalViewOf, groupView, memberView, partitionView, recordView, topicView } from '../goalView.testkit';
import { evaluateGoal, validateGoal } from '../index';
import type { GoalCondition, GoalView } from '../types';

const rec = (offset: number, key: string | null, value: string | null): RecordView =>
  recordView('prices', 0, offset, key, value);

// prices-0 after one cleaner pass: offsets 0-2 compacted away (gaps kept), offset 7 is a tombstone,
// offsets 8-9 belong to a transaction that was aborted (still in the log, hidden from read_committed).
const log: RecordView[] = [
  rec(3, 'product-3', '2.00'),
  rec(4, 'product-2', '4.75'),
  rec(5, 'product-1', '10.99'),
  rec(6, 'product-3', '2.10'),
  rec(7, 'product-2', null),
  rec(8, 'product-9', 'aborted-1'),
  rec(9, 'product-9', 'aborted-2'),
];

const partition = (topic: string, p: Partial<PartitionView>): PartitionView =>
  partitionView(topic, { partition: 0, logStartOffset: 3, highWatermark: 11, ...p });

const prices = topicView('prices', [partition('prices', {})]);
const orders = topicView('orders', [
  partition('orders', { partition: 0, replicas: [1, 2] }),
  partition('orders', { partition: 1, replicas: [2, 3] }),
  partition('orders', { partition: 2, replicas: [4, 2] }),
]);

const member = (clientId: string, partitions: number[]) =>
  memberView(
    clientId,
    partitions.map((p) => ({ topic: 'clicks', partition: p })),
  );
const groups: Record<string, GroupView> = {
  analytics: groupView(
    {
      groupId: 'analytics',
      state: 'Stable',
      members: [member('a1', [0]), member('a2', [1]), member('a3', []), member('a4', [])],
      offsets: [],
    },
    [],
  ),
  busy: groupView(
    { groupId: 'busy', state: 'Stable', members: [member('b1', [0]), member('b2', [1])], offsets: [] },
    [],
  ),
};

const view: GoalView = goalViewOf({
  topic: (n) => ({ prices, orders })[n] ?? null,
  group: (g) => groups[g] ?? null,
  records: (_t, _p, offset, max, isolation) =>
    log
      .filter((r) => r.offset >= offset)
      .filter((r) => isolation === 'read_uncommitted' || r.key !== 'product-9')
      .slice(0, max),
});

const check = (c: GoalCondition) => evaluateGoal(view, { description: 't', conditions: [c] }).met;

describe('lesson challenge conditions', () => {
  it('validate their parameters', () => {
    const goal = (c: GoalCondition) => validateGoal({ description: 't', conditions: [c] });
    expect(goal({ kind: 'keyRecordCount', topic: 'prices', key: 'k', equals: 1 })).toEqual([]);
    expect(goal({ kind: 'keyRecordCount', topic: 'prices', key: 'k' }).length).toBeGreaterThan(0);
    expect(
      goal({ kind: 'keyRecordCount', topic: 'prices', key: 'k', equals: 0, isolation: 'dirty' }).length,
    ).toBeGreaterThan(0);
    expect(goal({ kind: 'keyLatestValue', topic: 'prices', key: 'k', value: null })).toEqual([]);
    expect(goal({ kind: 'keyLatestValue', topic: 'prices', key: 'k', value: 3 }).length).toBeGreaterThan(0);
    expect(goal({ kind: 'brokerReplicaCount', broker: 3, topic: 'orders', equals: 0 })).toEqual([]);
    expect(goal({ kind: 'brokerReplicaCount', topic: 'orders', equals: 0 }).length).toBeGreaterThan(0);
    expect(goal({ kind: 'groupMembersAssigned', group: 'g' }).length).toBeGreaterThan(0);
  });

  it('keyRecordCount counts surviving records per key: compaction keeps the latest, a tombstone counts until removed', () => {
    expect(check({ kind: 'keyRecordCount', topic: 'prices', key: 'product-1', equals: 1 })).toBe(true);
    expect(check({ kind: 'keyRecordCount', topic: 'prices', key: 'product-3', equals: 2 })).toBe(true);
    // product-2: the 4.75 value plus the tombstone at offset 7
    expect(check({ kind: 'keyRecordCount', topic: 'prices', key: 'product-2', equals: 2 })).toBe(true);
    expect(check({ kind: 'keyRecordCount', topic: 'prices', key: 'product-42', equals: 0 })).toBe(true);
    expect(check({ kind: 'keyRecordCount', topic: 'nope', key: 'x', equals: 0 })).toBe(false);
  });

  it('keyRecordCount with read_committed drops aborted transactional records (isolation.level)', () => {
    expect(check({ kind: 'keyRecordCount', topic: 'prices', key: 'product-9', equals: 2 })).toBe(true);
    expect(
      check({
        kind: 'keyRecordCount',
        topic: 'prices',
        key: 'product-9',
        isolation: 'read_committed',
        equals: 0,
      }),
    ).toBe(true);
  });

  it('keyLatestValue is the value of the highest offset for the key; null means a tombstone', () => {
    expect(check({ kind: 'keyLatestValue', topic: 'prices', key: 'product-1', value: '10.99' })).toBe(true);
    expect(check({ kind: 'keyLatestValue', topic: 'prices', key: 'product-3', value: '2.10' })).toBe(true);
    expect(check({ kind: 'keyLatestValue', topic: 'prices', key: 'product-3', value: '2.00' })).toBe(false);
    expect(check({ kind: 'keyLatestValue', topic: 'prices', key: 'product-2', value: null })).toBe(true);
    expect(check({ kind: 'keyLatestValue', topic: 'prices', key: 'product-42', value: null })).toBe(false);
  });

  it('brokerReplicaCount counts partitions whose replica list names the broker', () => {
    expect(check({ kind: 'brokerReplicaCount', broker: 2, topic: 'orders', equals: 3 })).toBe(true);
    expect(check({ kind: 'brokerReplicaCount', broker: 3, topic: 'orders', equals: 0 })).toBe(false);
    expect(check({ kind: 'brokerReplicaCount', broker: 5, topic: 'orders', equals: 0 })).toBe(true);
  });

  it('groupMembersAssigned fails while members beyond the partition count sit idle (RangeAssignor)', () => {
    expect(check({ kind: 'groupMembersAssigned', group: 'analytics', minMembers: 4 })).toBe(false);
    expect(check({ kind: 'groupMembersAssigned', group: 'busy', minMembers: 2 })).toBe(true);
    // closing members to get rid of the idle ones does not count
    expect(check({ kind: 'groupMembersAssigned', group: 'busy', minMembers: 4 })).toBe(false);
    expect(check({ kind: 'groupMembersAssigned', group: 'nope', minMembers: 1 })).toBe(false);
  });
});
