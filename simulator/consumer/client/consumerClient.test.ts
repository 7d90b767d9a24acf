import { describe, expect, it } from 'vitest';
import { leaderReplica } from '../../cluster/lookup';
import type { Simulation } from '../../index';
import { advance, eventsOf, must } from '../../testing/sim.testkit';
import { advanceTo, config, consumerCluster, leaderOffsets, polled, produce } from '../consumer.testkit';
import { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from '../group/offsetsTopic';
import {
  consumerGroupLag,
  describeConsumerGroupMembers,
  describeConsumerGroupOffsets,
  describeConsumerGroupState,
} from '../index';
import type { ConsumerConfig } from '../types';

/** One topic `orders` with `partitions` partitions holding `records` records each. */
function setup(partitions = 2, records = 10, spec: Parameters<typeof consumerCluster>[0] = { topics: {} }) {
  const sim = consumerCluster({ ...spec, topics: { orders: partitions, ...spec.topics } });
  for (let p = 0; p < partitions; p++) produce(sim, 'orders', p, records);
  return sim;
}

function create(sim: Simulation, name: string, over: Partial<ConsumerConfig> = {}, topics = ['orders']) {
  return must(sim, { type: 'consumerCreate', name, config: config('g', topics, over) });
}

const area = (sim: Simulation) => sim.state.areas.consumers;
/** Past group.initial.rebalance.delay.ms (3 s): the first generation is assigned. */
const settle = (sim: Simulation) => advance(sim, 3_100);

describe('consumer client', () => {
  it('auto.offset.reset=latest (the default) starts at the high watermark: older records are not read', () => {
    const sim = setup(1, 5);
    create(sim, 'c1');
    settle(sim);
    expect(polled(sim, 'c1')).toEqual([]);
    produce(sim, 'orders', 0, 2);
    expect(polled(sim, 'c1')).toEqual(['0@5', '0@6']);
  });

  it('auto.offset.reset=earliest reads from the log start; max.poll.records caps one poll', () => {
    const sim = setup(1, 10);
    create(sim, 'c1', { autoOffsetReset: 'earliest', maxPollRecords: 4 });
    settle(sim);
    expect(polled(sim, 'c1')).toEqual(['0@0', '0@1', '0@2', '0@3']);
    expect(polled(sim, 'c1', 2)).toEqual(['0@4', '0@5']);
  });

  it('a poll that fills max.poll.records on one partition still positions the others (KafkaConsumer#updateFetchPositions)', () => {
    const sim = setup(2, 5);
    create(sim, 'c1', { autoOffsetReset: 'earliest', enableAutoCommit: false });
    settle(sim);
    expect(polled(sim, 'c1', 3)).toHaveLength(3);
    const c = area(sim).consumers.c1;
    expect(Object.keys(c.positions).sort()).toEqual(['orders-0', 'orders-1']);
  });

  it('__consumer_offsets is not created below offsets.topic.replication.factor alive brokers: commits fail with CoordinatorNotAvailableException until then (KafkaApis#getCoordinator)', () => {
    const sim = setup(1, 3, { topics: {}, brokers: 3 });
    const other = [1, 2, 3].find((id) => id !== sim.state.topics.orders.partitions[0].leader) as number;
    must(sim, { type: 'brokerStop', id: other });
    advance(sim, 10_000);
    create(sim, 'c1', { autoOffsetReset: 'earliest', enableAutoCommit: false });
    settle(sim);
    polled(sim, 'c1');
    const r = sim.dispatch({ type: 'consumerCommit', name: 'c1' });
    expect(!r.ok && r.error.code).toBe('CoordinatorNotAvailableException');
    expect(sim.state.topics[CONSUMER_OFFSETS_TOPIC]).toBeUndefined();
    must(sim, { type: 'brokerStart', id: other });
    advance(sim, 10_000);
    must(sim, { type: 'consumerCommit', name: 'c1' });
    expect(sim.state.topics[CONSUMER_OFFSETS_TOPIC].partitions[0].replicas).toHaveLength(3);
  });

  it('auto.offset.reset=none without a committed offset throws NoOffsetForPartitionException', () => {
    const sim = setup(1, 3);
    create(sim, 'c1', { autoOffsetReset: 'none' });
    settle(sim);
    const r = sim.dispatch({ type: 'consumerPoll', name: 'c1' });
    expect(!r.ok && r.error.code).toBe('NoOffsetForPartitionException');
  });

  it('consumers read only below the high watermark (not up to the LEO)', () => {
    const sim = setup(1, 6, { topics: {}, brokers: 2, replicationFactor: 2 });
    advance(sim, 100); // the follower fetches: HW 6
    const part = sim.state.topics.orders.partitions[0];
    const follower = part.replicas.find((id) => id !== part.leader)!;
    must(sim, { type: 'brokerIsolate', id: follower });
    produce(sim, 'orders', 0, 4); // acks=1: the leader answers, the HW waits for the isolated ISR member
    const leader = leaderReplica(part)!;
    expect([leader.highWatermark, leader.log.logEndOffset]).toEqual([6, 10]);
    create(sim, 'c1', { autoOffsetReset: 'earliest' });
    settle(sim);
    expect(polled(sim, 'c1')).toEqual(['0@0', '0@1', '0@2', '0@3', '0@4', '0@5']);
  });

  it('committed offset = next record to read; a new member resumes there (commitSync javadoc)', () => {
    const sim = setup(1, 10);
    create(sim, 'c1', { autoOffsetReset: 'earliest', enableAutoCommit: false, maxPollRecords: 3 });
    settle(sim);
    polled(sim, 'c1');
    must(sim, { type: 'consumerProcess', name: 'c1' });
    must(sim, { type: 'consumerCommit', name: 'c1' });
    expect(area(sim).groups.g.offsets['orders-0'].offset).toBe(3);
    // persisted as an OffsetCommit record of the group's __consumer_offsets partition
    const p = sim.state.topics[CONSUMER_OFFSETS_TOPIC].partitions[offsetsPartitionFor('g')];
    const records = leaderReplica(p)!.log.segments.flatMap((s) => s.records);
    expect(records.map((r) => [r.key, r.value])).toEqual([['offset:g:orders:0', '3']]);
    must(sim, { type: 'consumerClose', name: 'c1' });
    create(sim, 'c2', { autoOffsetReset: 'earliest', maxPollRecords: 2 });
    advance(sim, 7_000);
    expect(polled(sim, 'c2')).toEqual(['0@3', '0@4']);
  });

  it('at-least-once: crash after processing but before committing => the records are processed twice', () => {
    const sim = setup(1, 5);
    const over = { autoOffsetReset: 'earliest', enableAutoCommit: false } as const;
    create(sim, 'c1', over);
    settle(sim);
    polled(sim, 'c1');
    must(sim, { type: 'consumerProcess', name: 'c1' });
    must(sim, { type: 'consumerCrash', name: 'c1' });
    create(sim, 'c2', over);
    advance(sim, 60_000); // c1's session (45 s) expires, c2 takes the partition
    polled(sim, 'c2');
    must(sim, { type: 'consumerProcess', name: 'c2' });
    expect(eventsOf(sim, 'consumerProcessed').at(-1)?.duplicates.length).toBe(5);
  });

  it('at-most-once: commit before processing, then crash => those records are never processed', () => {
    const sim = setup(1, 5);
    const over = { autoOffsetReset: 'earliest', enableAutoCommit: false } as const;
    create(sim, 'c1', over);
    settle(sim);
    expect(polled(sim, 'c1')).toHaveLength(5);
    must(sim, { type: 'consumerCommit', name: 'c1' });
    must(sim, { type: 'consumerCrash', name: 'c1' });
    create(sim, 'c2', over);
    advance(sim, 60_000);
    expect(polled(sim, 'c2')).toEqual([]);
    expect(area(sim).groups.g.processed['orders-0']).toBeUndefined();
  });

  it('enable.auto.commit: poll() commits the previous positions once auto.commit.interval.ms (5 s) elapsed', () => {
    const sim = setup(1, 5);
    const createdAt = sim.state.now;
    create(sim, 'c1', { autoOffsetReset: 'earliest' });
    settle(sim);
    polled(sim, 'c1');
    expect(area(sim).groups.g.offsets['orders-0']).toBeUndefined();
    advanceTo(sim, createdAt + 5_000);
    polled(sim, 'c1');
    expect(area(sim).groups.g.offsets['orders-0'].offset).toBe(5);
  });

  it('auto-commit runs before an eager rebalance revokes partitions (ConsumerCoordinator#onJoinPrepare)', () => {
    const sim = setup(2, 5);
    create(sim, 'c1', { autoOffsetReset: 'earliest' });
    settle(sim);
    expect(polled(sim, 'c1')).toHaveLength(10);
    create(sim, 'c2', { autoOffsetReset: 'earliest' });
    advance(sim, 7_000);
    expect(area(sim).groups.g.offsets['orders-0'].offset).toBe(5);
    expect(area(sim).groups.g.offsets['orders-1'].offset).toBe(5);
    expect(area(sim).consumers.c2.assignment).toEqual([{ topic: 'orders', partition: 1 }]);
  });

  it('a position below the log start offset is reset by auto.offset.reset (records deleted by retention)', () => {
    // segment.bytes=100: every produced batch gets a segment of its own, so retention can delete old ones
    const sim = consumerCluster({
      topics: { orders: 1 },
      topicConfigs: { 'segment.bytes': '100', 'retention.ms': '60000' },
    });
    for (let i = 0; i < 10; i++) produce(sim, 'orders', 0, 1);
    create(sim, 'c1', {
      autoOffsetReset: 'earliest',
      maxPollRecords: 2,
      enableAutoCommit: false,
      maxPollIntervalMs: 900_000,
    });
    settle(sim);
    expect(polled(sim, 'c1')).toEqual(['0@0', '0@1']);
    advance(sim, 400_000); // past retention.ms and the next log.retention.check.interval.ms tick
    const { logStartOffset } = leaderOffsets(sim.state, 'orders', 0);
    expect(logStartOffset).toBeGreaterThan(2);
    produce(sim, 'orders', 0, 1);
    expect(polled(sim, 'c1')).toEqual([`0@${logStartOffset}`]);
    const reset = eventsOf(sim, 'positionReset').find((e) => e.cause === 'out-of-range');
    expect(reset?.reason).toContain(`below the log start offset ${logStartOffset}`);
  });

  it('max.poll.interval.ms: a member that stops polling is removed; its commit then fails and its next poll rejoins', () => {
    const sim = setup(2, 5);
    const t0 = sim.state.now;
    create(sim, 'c1', { enableAutoCommit: false });
    create(sim, 'c2', { enableAutoCommit: false });
    advanceTo(sim, t0 + 6_000);
    for (let t = 10_000; t <= 400_000; t += 10_000) {
      advanceTo(sim, t0 + t);
      polled(sim, 'c2');
    }
    expect(area(sim).groups.g.group.members.map((m) => m.label)).toEqual(['c2']);
    const commit = sim.dispatch({ type: 'consumerCommit', name: 'c1' });
    expect(!commit.ok && commit.error.code).toBe('CommitFailedException');
    polled(sim, 'c1');
    expect(area(sim).groups.g.group.members.map((m) => m.label)).toEqual(['c2', 'c1']);
  });

  it('kafka-consumer-groups --describe rows: members by descending partition count, then unowned committed partitions', () => {
    const sim = setup(3, 4, { topics: { audit: 1 } });
    produce(sim, 'audit', 0, 2);
    must(sim, {
      type: 'groupCommitOffsets',
      groupId: 'g',
      offsets: [{ topic: 'audit', partition: 0, offset: 1 }],
    });
    create(sim, 'c1', { autoOffsetReset: 'earliest' });
    create(sim, 'c2', { autoOffsetReset: 'earliest' });
    advance(sim, 7_000);
    const rows = describeConsumerGroupOffsets(sim.state, 'g');
    expect(
      rows.map((r) => [r.topic, r.partition, r.clientId, r.currentOffset, r.logEndOffset, r.lag]),
    ).toEqual([
      ['orders', 0, 'consumer-g-1', null, 4, null],
      ['orders', 1, 'consumer-g-1', null, 4, null],
      ['orders', 2, 'consumer-g-2', null, 4, null],
      ['audit', 0, null, 1, 2, 1],
    ]);
    expect(describeConsumerGroupState(sim.state, 'g')).toEqual({
      group: 'g',
      coordinatorId: 1,
      assignmentStrategy: 'range',
      state: 'Stable',
      members: 2,
    });
    expect(describeConsumerGroupMembers(sim.state, 'g').map((m) => m.partitions.length)).toEqual([2, 1]);
  });

  it('--reset-offsets --execute is refused while the group has active members; allowed once Empty', () => {
    const sim = setup(1, 10);
    const reset = (spec: { kind: 'to-offset'; offset: number } | { kind: 'shift-by'; delta: number }) => {
      const r = must(sim, {
        type: 'groupResetOffsets',
        groupId: 'g',
        partitions: [{ topic: 'orders', partition: 0 }],
        spec,
      });
      return r.ok ? r.data.offsets : [];
    };
    create(sim, 'c1');
    settle(sim);
    expect(reset({ kind: 'to-offset', offset: 99 })).toEqual([
      { topic: 'orders', partition: 0, offset: 10 }, // clamped to the HW
    ]);
    const refused = sim.dispatch({
      type: 'groupCommitOffsets',
      groupId: 'g',
      offsets: [{ topic: 'orders', partition: 0, offset: 2 }],
    });
    expect(!refused.ok && refused.error.message).toMatch(/inactive, but the current state is Stable/);
    must(sim, { type: 'consumerClose', name: 'c1' });
    expect(area(sim).groups.g.group.state).toBe('Empty');
    expect(reset({ kind: 'shift-by', delta: -3 })[0].offset).toBe(7);
    must(sim, {
      type: 'groupCommitOffsets',
      groupId: 'g',
      offsets: [{ topic: 'orders', partition: 0, offset: 2 }],
    });
    expect(consumerGroupLag(sim.state, 'g')).toEqual([
      { topic: 'orders', partition: 0, committed: 2, endOffset: 10, lag: 8 },
    ]);
  });

  it('static member closing sends no LeaveGroup: a quick restart keeps its partitions without a rebalance (KIP-345)', () => {
    const sim = setup(2, 0);
    const t0 = sim.state.now;
    create(sim, 'c1', { groupInstanceId: 'i1' });
    create(sim, 'c2', { groupInstanceId: 'i2' });
    advanceTo(sim, t0 + 7_000);
    const gen = area(sim).groups.g.group.generationId;
    must(sim, { type: 'consumerClose', name: 'c2' });
    advanceTo(sim, t0 + 20_000);
    create(sim, 'c2', { groupInstanceId: 'i2' });
    advanceTo(sim, t0 + 120_000);
    expect(area(sim).groups.g.group.generationId).toBe(gen);
    expect(area(sim).consumers.c2.assignment).toEqual([{ topic: 'orders', partition: 1 }]);
    expect(area(sim).consumers.c2.clientId).toBe('consumer-g-i2');
  });
});

describe('offset retention', () => {
  it('offsets.retention.minutes: an Empty group keeps its offsets 7 days, then they expire and the group is Dead', () => {
    const sim = setup(1, 3);
    create(sim, 'c1', { autoOffsetReset: 'earliest' });
    settle(sim);
    polled(sim, 'c1');
    must(sim, { type: 'consumerClose', name: 'c1' }); // auto-commit on close
    const closedAt = sim.state.now;
    expect(area(sim).groups.g.offsets['orders-0'].offset).toBe(3);
    advanceTo(sim, closedAt + 7 * 86_400_000 - 1);
    expect(area(sim).groups.g.group.state).toBe('Empty');
    advanceTo(sim, closedAt + 7 * 86_400_000);
    expect(area(sim).groups.g.group.state).toBe('Dead');
    expect(area(sim).groups.g.offsets).toEqual({});
  });
});

describe('isolation.level=read_committed', () => {
  it('read_committed consumers skip aborted records, stop at the last stable offset, and their lag is measured to it (FetchIsolation)', () => {
    const sim = setup(1, 2); // offsets 0, 1
    must(sim, { type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 't1' } });
    must(sim, { type: 'producerBeginTransaction', producer: 'tx' });
    must(sim, { type: 'producerSend', producer: 'tx', topic: 'orders', partition: 0, value: 'aborted' }); // 2
    must(sim, { type: 'producerAbortTransaction', producer: 'tx' }); // ABORT marker at 3
    produce(sim, 'orders', 0, 2); // 4, 5
    must(sim, { type: 'producerBeginTransaction', producer: 'tx' });
    must(sim, { type: 'producerSend', producer: 'tx', topic: 'orders', partition: 0, value: 'open' }); // 6
    must(sim, { type: 'producerFlush', producer: 'tx' });
    produce(sim, 'orders', 0, 2); // 7, 8: above the LSO while the transaction at 6 is open
    expect(leaderOffsets(sim.state, 'orders', 0).highWatermark).toBe(9);
    create(sim, 'c1', { autoOffsetReset: 'earliest', isolationLevel: 'read_committed' });
    settle(sim);
    expect(polled(sim, 'c1')).toEqual(['0@0', '0@1', '0@4', '0@5']);
    must(sim, { type: 'consumerCommit', name: 'c1' });
    expect(consumerGroupLag(sim.state, 'g')).toEqual([
      { topic: 'orders', partition: 0, committed: 6, endOffset: 6, lag: 0 },
    ]);
  });
});

describe('describe during a rebalance', () => {
  it('DescribeGroups gives no assignments while the group rebalances (describeNoMetadata)', () => {
    const sim = setup(2, 0);
    create(sim, 'c1', { strategies: ['cooperative-sticky'] });
    advance(sim, 5_000);
    expect(describeConsumerGroupMembers(sim.state, 'g')[0].partitions.length).toBe(2);
    create(sim, 'c2', { strategies: ['cooperative-sticky'] });
    expect(area(sim).groups.g.group.state).toBe('PreparingRebalance');
    expect(area(sim).consumers.c1.assignment.length).toBe(2); // cooperative: c1 keeps consuming meanwhile
    expect(describeConsumerGroupMembers(sim.state, 'g').map((m) => m.partitions.length)).toEqual([0, 0]);
  });
});
