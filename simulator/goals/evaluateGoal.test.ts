import { describe, expect, it } from 'vitest';
import type { BrokerView, RecordView } from '../read/index';
import {
  goalViewOf,
  groupView,
  partitionView,
  producerView,
  recordView,
  topicView,
} from './goalView.testkit';
import { conditionKinds, evaluateGoal, validateGoal } from './index';
import type { GoalCondition, GoalView } from './types';

// A hand-built view: 3 brokers (2 stopped), topic orders with 3 partitions, group audit.
const brokers: BrokerView[] = [1, 2, 3].map((id) => ({
  id,
  host: 'localhost',
  port: 9091 + id,
  state: id === 2 ? 'stopped' : 'online',
  controller: false,
}));

const rec = (
  partition: number,
  offset: number,
  key: string | null,
  value: string | null,
  headers: Array<[string, string]> = [],
): RecordView => recordView('orders', partition, offset, key, value, headers);

// Keys placed where murmur2 puts them on 3 partitions (Kafka UtilsTest vectors: "foobar" -> 0, derived "key" -> 1).
const logs: Record<number, RecordView[]> = {
  0: [rec(0, 0, 'foobar', 'a'), rec(0, 1, 'alice', 'b', [['source', 'mobile']])],
  1: [rec(1, 0, 'key', 'c'), rec(1, 1, 'key', 'd'), rec(1, 2, 'key', 'uncommitted')],
  2: [],
};

const orders = topicView(
  'orders',
  [
    partitionView(
      'orders',
      { partition: 0, leader: 1, replicas: [1, 2, 3], isr: [1, 3], highWatermark: 2 },
      [2],
    ),
    partitionView(
      'orders',
      { partition: 1, leader: 3, replicas: [2, 3, 1], isr: [3, 1], highWatermark: 2, logEndOffset: 3 },
      [2],
    ),
    partitionView(
      'orders',
      { partition: 2, leader: 2, replicas: [3, 1, 2], isr: [2], highWatermark: 0 },
      [2],
    ),
  ],
  { 'min.insync.replicas': '2' },
);

const audit = groupView(
  {
    groupId: 'audit',
    state: 'Empty',
    members: [],
    offsets: [
      { topic: 'orders', partition: 0, offset: 2 },
      { topic: 'orders', partition: 1, offset: 1 },
      { topic: 'orders', partition: 2, offset: 0 },
    ],
  },
  [orders],
);

const view: GoalView = goalViewOf({
  brokers: () => brokers,
  topic: (n) => (n === 'orders' ? orders : null),
  group: (g) => (g === 'audit' ? audit : null),
  records: (_t, p, offset, max) => (logs[p] ?? []).filter((r) => r.offset >= offset).slice(0, max),
  producer: (n) =>
    n === 'safe' ? producerView('safe', { acks: 'all', 'enable.idempotence': 'true' }) : null,
  deliveredToGroup: (g, t) => (g === 'audit' && t === 'orders' ? 4 : 0),
});

const check = (c: GoalCondition) => evaluateGoal(view, { description: 't', conditions: [c] }).met;

describe('goal conditions', () => {
  it('brokerState compares the broker process state', () => {
    expect(check({ kind: 'brokerState', broker: 2, state: 'stopped' })).toBe(true);
    expect(check({ kind: 'brokerState', broker: 1, state: 'stopped' })).toBe(false);
    expect(check({ kind: 'brokerState', broker: 9, state: 'online' })).toBe(false);
  });

  it('topic shape: partition count, replication factor, topic-level config overrides', () => {
    expect(check({ kind: 'topicPartitionCount', topic: 'orders', equals: 3 })).toBe(true);
    expect(check({ kind: 'topicPartitionCount', topic: 'nope', atLeast: 1 })).toBe(false);
    expect(check({ kind: 'topicReplicationFactor', topic: 'orders', atLeast: 3 })).toBe(true);
    expect(check({ kind: 'topicReplicationFactor', topic: 'orders', atLeast: 4 })).toBe(false);
    expect(check({ kind: 'topicConfig', topic: 'orders', name: 'min.insync.replicas', equals: '2' })).toBe(
      true,
    );
    expect(check({ kind: 'topicConfig', topic: 'orders', name: 'retention.ms', equals: '604800000' })).toBe(
      false,
    );
  });

  it('partitionsOnline is not met while a leader sits on a stopped broker (Leader must be live)', () => {
    expect(check({ kind: 'partitionsOnline', topic: 'orders' })).toBe(false);
  });

  it('isrSize applies to every partition; preferredLeaders requires leader == replicas[0]', () => {
    expect(check({ kind: 'isrSize', topic: 'orders', atLeast: 1 })).toBe(true);
    expect(check({ kind: 'isrSize', topic: 'orders', atLeast: 2 })).toBe(false);
    expect(check({ kind: 'preferredLeaders', topic: 'orders' })).toBe(false);
  });

  it('groupLag = high watermark - committed offset per partition (LAG column of kafka-consumer-groups)', () => {
    // orders-0: 2-2=0, orders-1: 2-1=1, orders-2: 0-0=0
    expect(check({ kind: 'groupLag', group: 'audit', topic: 'orders', equals: 1 })).toBe(true);
    expect(check({ kind: 'groupLag', group: 'audit', equals: 0 })).toBe(false);
    expect(check({ kind: 'groupLag', group: 'missing', equals: 0 })).toBe(false);
  });

  it('groupLag is not met for a partition the group never committed: it has no lag ("-" in ConsumerGroupCommand)', () => {
    const fresh = groupView(
      {
        groupId: 'fresh',
        state: 'Empty',
        members: [],
        offsets: [{ topic: 'orders', partition: 0, offset: 2 }],
      },
      [orders],
    );
    const r = evaluateGoal(
      { ...view, group: (g) => (g === 'fresh' ? fresh : null) },
      { description: 't', conditions: [{ kind: 'groupLag', group: 'fresh', topic: 'orders', atMost: 10 }] },
    );
    expect(r.met).toBe(false);
    expect(r.details[0].detail).toBe('group fresh has no committed offset for orders-1');
  });

  it('groupOffset reads one committed offset (the next offset to consume)', () => {
    expect(check({ kind: 'groupOffset', group: 'audit', topic: 'orders', partition: 1, equals: 1 })).toBe(
      true,
    );
    expect(check({ kind: 'groupOffset', group: 'audit', topic: 'orders', partition: 1, equals: 2 })).toBe(
      false,
    );
  });

  it('record conditions only count records below the high watermark', () => {
    expect(check({ kind: 'partitionRecordCount', topic: 'orders', partition: 1, equals: 2 })).toBe(true);
    expect(check({ kind: 'recordExists', topic: 'orders', value: 'uncommitted' })).toBe(false);
    expect(check({ kind: 'distinctKeys', topic: 'orders', equals: 3 })).toBe(true);
    expect(check({ kind: 'distinctKeys', topic: 'orders', partition: 1, equals: 1 })).toBe(true);
  });

  it('recordExists matches key, value and headers together', () => {
    expect(
      check({ kind: 'recordExists', topic: 'orders', key: 'alice', headers: { source: 'mobile' } }),
    ).toBe(true);
    expect(check({ kind: 'recordExists', topic: 'orders', key: 'alice', headers: { source: 'web' } })).toBe(
      false,
    );
    expect(check({ kind: 'recordExists', topic: 'orders', key: 'foobar', value: 'b' })).toBe(false);
  });

  it('keysRoutedByHash: a key in a partition other than murmur2(key) % n breaks it ("alice" hashes to 0 of 3)', () => {
    expect(check({ kind: 'keysRoutedByHash', topic: 'orders' })).toBe(true);
    logs[2] = [{ ...rec(2, 0, 'foobar', 'forced'), partition: 2 }];
    const moved = {
      ...orders,
      partitions: orders.partitions.map((p) => (p.partition === 2 ? { ...p, highWatermark: 1 } : p)),
    };
    const v2: GoalView = { ...view, topic: (n) => (n === 'orders' ? moved : null) };
    expect(
      evaluateGoal(v2, { description: 't', conditions: [{ kind: 'keysRoutedByHash', topic: 'orders' }] }).met,
    ).toBe(false);
    logs[2] = [];
  });

  it('groupRecordsReceived counts delivered records, which lag alone cannot tell (auto.offset.reset=latest)', () => {
    expect(check({ kind: 'groupRecordsReceived', group: 'audit', topic: 'orders', atLeast: 4 })).toBe(true);
    expect(check({ kind: 'groupRecordsReceived', group: 'audit', topic: 'orders', atLeast: 5 })).toBe(false);
    expect(check({ kind: 'groupRecordsReceived', group: 'other', topic: 'orders', atLeast: 1 })).toBe(false);
  });

  it('producerConfig uses Kafka config names', () => {
    expect(check({ kind: 'producerConfig', producer: 'safe', name: 'acks', equals: 'all' })).toBe(true);
    expect(check({ kind: 'producerConfig', producer: 'fast', name: 'acks', equals: 'all' })).toBe(false);
  });
});

describe('evaluateGoal and validateGoal', () => {
  it('a goal is met only when every condition is, with one detail per condition', () => {
    const r = evaluateGoal(view, {
      description: 'two',
      conditions: [
        { kind: 'brokerState', broker: 2, state: 'stopped' },
        { kind: 'isrSize', topic: 'orders', atLeast: 3 },
      ],
    });
    expect(r.met).toBe(false);
    expect(r.details.map((d) => d.met)).toEqual([true, false]);
    expect(r.details[1].detail).toContain('ISRs');
  });

  it('an empty goal is never met', () => {
    expect(evaluateGoal(view, { description: 'empty', conditions: [] }).met).toBe(false);
  });

  it('unknown kinds and malformed parameters are reported, and evaluate as not met', () => {
    const goal = {
      description: 'bad',
      conditions: [
        { kind: 'nope' },
        { kind: 'groupLag', group: 'g' },
        { kind: 'brokerState', broker: 'x', state: 'up' },
      ],
    };
    expect(validateGoal(goal)).toHaveLength(3);
    expect(evaluateGoal(view, goal).details.every((d) => !d.met)).toBe(true);
  });

  it('lists every registered kind once', () => {
    const kinds = conditionKinds();
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toContain('groupLag');
  });
});
