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
import { advanceTo, config } from './consumerTestUtil';
import { FakeCluster } from './fakeCluster';
import { describeGroupMembers, describeGroupOffsets, describeGroupState } from './groupDescribe';
import { groupLag } from './lag';
import { adminCommitOffsets, planOffsetReset } from './offsetReset';

function setup(partitions = 2, records = 10) {
  const area = emptyConsumerArea();
  const io = new FakeCluster();
  io.createTopic('orders', partitions);
  for (let p = 0; p < partitions; p++) io.produce('orders', p, records);
  return { area, io };
}

const offsets = (rs: { ok: boolean; value?: unknown }) =>
  (rs as { value: { partition: number; offset: number }[] }).value.map((r) => `${r.partition}@${r.offset}`);

describe('consumer client', () => {
  it('auto.offset.reset=latest (the default) starts at the high watermark: older records are not read', () => {
    const { area, io } = setup(1, 5);
    createConsumer(area, io, 'c1', config('g', ['orders']));
    advanceTo(area, io, 3_000);
    expect(offsets(pollConsumer(area, io, 'c1'))).toEqual([]);
    io.produce('orders', 0, 2);
    expect(offsets(pollConsumer(area, io, 'c1'))).toEqual(['0@5', '0@6']);
  });

  it('auto.offset.reset=earliest reads from the log start; max.poll.records caps one poll', () => {
    const { area, io } = setup(1, 10);
    createConsumer(
      area,
      io,
      'c1',
      config('g', ['orders'], { autoOffsetReset: 'earliest', maxPollRecords: 4 }),
    );
    advanceTo(area, io, 3_000);
    expect(offsets(pollConsumer(area, io, 'c1'))).toEqual(['0@0', '0@1', '0@2', '0@3']);
    expect(offsets(pollConsumer(area, io, 'c1', 2))).toEqual(['0@4', '0@5']);
  });

  it('auto.offset.reset=none without a committed offset throws NoOffsetForPartitionException', () => {
    const { area, io } = setup(1, 3);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'none' }));
    advanceTo(area, io, 3_000);
    const r = pollConsumer(area, io, 'c1');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.exception).toBe('NoOffsetForPartitionException');
  });

  it('consumers read only below the high watermark (not up to the LEO)', () => {
    const { area, io } = setup(1, 10);
    io.setHighWatermark('orders', 0, 6);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 3_000);
    expect(offsets(pollConsumer(area, io, 'c1')).length).toBe(6);
  });

  it('committed offset = next record to read; a new member resumes there (commitSync javadoc)', () => {
    const { area, io } = setup(1, 10);
    createConsumer(
      area,
      io,
      'c1',
      config('g', ['orders'], { autoOffsetReset: 'earliest', enableAutoCommit: false, maxPollRecords: 3 }),
    );
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    processRecords(area, io, 'c1');
    commitConsumer(area, io, 'c1');
    expect(area.groups.g.offsets['orders-0'].offset).toBe(3);
    expect(io.offsetsTopic).toEqual([{ groupId: 'g', topic: 'orders', partition: 0, offset: 3 }]);
    closeConsumer(area, io, 'c1');
    createConsumer(
      area,
      io,
      'c2',
      config('g', ['orders'], { autoOffsetReset: 'earliest', maxPollRecords: 2 }),
    );
    advanceTo(area, io, 10_000);
    expect(offsets(pollConsumer(area, io, 'c2'))).toEqual(['0@3', '0@4']);
  });

  it('at-least-once: crash after processing but before committing => the records are processed twice', () => {
    const { area, io } = setup(1, 5);
    const cfg = config('g', ['orders'], { autoOffsetReset: 'earliest', enableAutoCommit: false });
    createConsumer(area, io, 'c1', cfg);
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    processRecords(area, io, 'c1');
    crashConsumer(area, io, 'c1');
    createConsumer(area, io, 'c2', cfg);
    advanceTo(area, io, 60_000); // c1's session (45 s) expires, c2 takes the partition
    pollConsumer(area, io, 'c2');
    const r = processRecords(area, io, 'c2');
    expect(r.ok).toBe(true);
    const last = io.events.filter((e) => e.type === 'consumerProcessed').at(-1);
    expect(last?.type === 'consumerProcessed' && last.duplicates.length).toBe(5);
  });

  it('at-most-once: commit before processing, then crash => those records are never processed', () => {
    const { area, io } = setup(1, 5);
    const cfg = config('g', ['orders'], { autoOffsetReset: 'earliest', enableAutoCommit: false });
    createConsumer(area, io, 'c1', cfg);
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    commitConsumer(area, io, 'c1');
    crashConsumer(area, io, 'c1');
    createConsumer(area, io, 'c2', cfg);
    advanceTo(area, io, 60_000);
    expect(offsets(pollConsumer(area, io, 'c2'))).toEqual([]);
    expect(area.groups.g.processed['orders-0']).toBeUndefined();
  });

  it('enable.auto.commit: poll() commits the previous positions once auto.commit.interval.ms (5 s) elapsed', () => {
    const { area, io } = setup(1, 5);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    expect(area.groups.g.offsets['orders-0']).toBeUndefined();
    advanceTo(area, io, 5_000);
    pollConsumer(area, io, 'c1');
    expect(area.groups.g.offsets['orders-0'].offset).toBe(5);
  });

  it('auto-commit runs before an eager rebalance revokes partitions (ConsumerCoordinator#onJoinPrepare)', () => {
    const { area, io } = setup(2, 5);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    createConsumer(area, io, 'c2', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 10_000);
    expect(area.groups.g.offsets['orders-0'].offset).toBe(5);
    expect(area.groups.g.offsets['orders-1'].offset).toBe(5);
    expect(area.consumers.c2.assignment).toEqual([{ topic: 'orders', partition: 1 }]);
  });

  it('a position below the log start offset is reset by auto.offset.reset (records deleted by retention)', () => {
    const { area, io } = setup(1, 10);
    createConsumer(
      area,
      io,
      'c1',
      config('g', ['orders'], { autoOffsetReset: 'earliest', maxPollRecords: 2, enableAutoCommit: false }),
    );
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    io.deleteBefore('orders', 0, 6);
    expect(offsets(pollConsumer(area, io, 'c1'))).toEqual(['0@6', '0@7']);
    const reset = io.events.find((e) => e.type === 'positionReset' && e.cause === 'out-of-range');
    expect(reset?.reason).toMatch(/below the log start offset 6/);
  });

  it('max.poll.interval.ms: a member that stops polling is removed; its commit then fails and its next poll rejoins', () => {
    const { area, io } = setup(2, 5);
    createConsumer(area, io, 'c1', config('g', ['orders'], { enableAutoCommit: false }));
    createConsumer(area, io, 'c2', config('g', ['orders'], { enableAutoCommit: false }));
    advanceTo(area, io, 6_000);
    for (let t = 10_000; t <= 400_000; t += 10_000) {
      advanceTo(area, io, t);
      pollConsumer(area, io, 'c2');
    }
    expect(area.groups.g.group.members.map((m) => m.label)).toEqual(['c2']);
    const commit = commitConsumer(area, io, 'c1');
    expect(!commit.ok && commit.error.exception).toBe('CommitFailedException');
    pollConsumer(area, io, 'c1');
    expect(area.groups.g.group.members.map((m) => m.label)).toEqual(['c2', 'c1']);
  });

  it('kafka-consumer-groups --describe rows: members by descending partition count, then unowned committed partitions', () => {
    const { area, io } = setup(3, 4);
    io.createTopic('audit', 1);
    io.produce('audit', 0, 2);
    adminCommitOffsets(area, io, 'g', [{ topic: 'audit', partition: 0, offset: 1 }]);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    createConsumer(area, io, 'c2', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 7_000);
    const rows = describeGroupOffsets(area, io, 'g');
    expect(
      rows.map((r) => [r.topic, r.partition, r.clientId, r.currentOffset, r.logEndOffset, r.lag]),
    ).toEqual([
      ['orders', 0, 'consumer-g-1', null, 4, null],
      ['orders', 1, 'consumer-g-1', null, 4, null],
      ['orders', 2, 'consumer-g-2', null, 4, null],
      ['audit', 0, null, 1, 2, 1],
    ]);
    expect(describeGroupState(area, io, 'g')).toEqual({
      group: 'g',
      coordinatorId: 1,
      assignmentStrategy: 'range',
      state: 'Stable',
      members: 2,
    });
    expect(describeGroupMembers(area, 'g').map((m) => m.partitions.length)).toEqual([2, 1]);
  });

  it('--reset-offsets --execute is refused while the group has active members; allowed once Empty', () => {
    const { area, io } = setup(1, 10);
    createConsumer(area, io, 'c1', config('g', ['orders']));
    advanceTo(area, io, 3_000);
    const plan = planOffsetReset(area, io, 'g', [{ topic: 'orders', partition: 0 }], {
      kind: 'to-offset',
      offset: 99,
    });
    expect(plan.ok && plan.value).toEqual([{ topic: 'orders', partition: 0, offset: 10 }]); // clamped to the HW
    const refused = adminCommitOffsets(area, io, 'g', [{ topic: 'orders', partition: 0, offset: 2 }]);
    expect(!refused.ok && refused.error.message).toMatch(/inactive, but the current state is Stable/);
    closeConsumer(area, io, 'c1');
    expect(area.groups.g.group.state).toBe('Empty');
    const shifted = planOffsetReset(area, io, 'g', [{ topic: 'orders', partition: 0 }], {
      kind: 'shift-by',
      delta: -3,
    });
    expect(shifted.ok && shifted.value[0].offset).toBe(7);
    expect(adminCommitOffsets(area, io, 'g', [{ topic: 'orders', partition: 0, offset: 2 }]).ok).toBe(true);
    expect(groupLag(area, io, 'g')).toEqual([
      { topic: 'orders', partition: 0, committed: 2, endOffset: 10, lag: 8 },
    ]);
  });

  it('static member closing sends no LeaveGroup: a quick restart keeps its partitions without a rebalance (KIP-345)', () => {
    const { area, io } = setup(2, 0);
    createConsumer(area, io, 'c1', config('g', ['orders'], { groupInstanceId: 'i1' }));
    createConsumer(area, io, 'c2', config('g', ['orders'], { groupInstanceId: 'i2' }));
    advanceTo(area, io, 7_000);
    const gen = area.groups.g.group.generationId;
    closeConsumer(area, io, 'c2');
    advanceTo(area, io, 20_000);
    createConsumer(area, io, 'c2', config('g', ['orders'], { groupInstanceId: 'i2' }));
    advanceTo(area, io, 120_000);
    expect(area.groups.g.group.generationId).toBe(gen);
    expect(area.consumers.c2.assignment).toEqual([{ topic: 'orders', partition: 1 }]);
    expect(area.consumers.c2.clientId).toBe('consumer-g-i2');
  });
});

describe('offset retention', () => {
  it('offsets.retention.minutes: an Empty group keeps its offsets 7 days, then they expire and the group is Dead', () => {
    const area = emptyConsumerArea();
    const io = new FakeCluster();
    io.createTopic('orders', 1);
    io.produce('orders', 0, 3);
    createConsumer(area, io, 'c1', config('g', ['orders'], { autoOffsetReset: 'earliest' }));
    advanceTo(area, io, 3_000);
    pollConsumer(area, io, 'c1');
    closeConsumer(area, io, 'c1'); // auto-commit on close
    expect(area.groups.g.offsets['orders-0'].offset).toBe(3);
    advanceTo(area, io, 3_000 + 7 * 86_400_000 - 1);
    expect(area.groups.g.group.state).toBe('Empty');
    advanceTo(area, io, 3_000 + 7 * 86_400_000);
    expect(area.groups.g.group.state).toBe('Dead');
    expect(area.groups.g.offsets).toEqual({});
  });
});

describe('read_committed hook', () => {
  it('read_committed consumers stop at the last stable offset, and their lag is measured to it (FetchIsolation)', () => {
    const area = emptyConsumerArea();
    const io = new FakeCluster();
    io.createTopic('orders', 1);
    io.produce('orders', 0, 10);
    io.markTransactional('orders', 0, 2);
    io.lastStableOffset = () => 6;
    io.isAborted = (_t, _p, r) => r.offset === 2;
    {
      createConsumer(
        area,
        io,
        'c1',
        config('g', ['orders'], { autoOffsetReset: 'earliest', isolationLevel: 'read_committed' }),
      );
      advanceTo(area, io, 3_000);
      const r = pollConsumer(area, io, 'c1');
      expect(r.ok && r.value.map((x) => x.offset)).toEqual([0, 1, 3, 4, 5]);
      commitConsumer(area, io, 'c1');
      expect(groupLag(area, io, 'g')).toEqual([
        { topic: 'orders', partition: 0, committed: 6, endOffset: 6, lag: 0 },
      ]);
    }
  });
});

describe('describe during a rebalance', () => {
  it('DescribeGroups gives no assignments while the group rebalances (describeNoMetadata)', () => {
    const area = emptyConsumerArea();
    const io = new FakeCluster();
    io.createTopic('orders', 2);
    createConsumer(area, io, 'c1', config('g', ['orders'], { strategies: ['cooperative-sticky'] }));
    advanceTo(area, io, 5_000);
    expect(describeGroupMembers(area, 'g')[0].partitions.length).toBe(2);
    createConsumer(area, io, 'c2', config('g', ['orders'], { strategies: ['cooperative-sticky'] }));
    expect(area.groups.g.group.state).toBe('PreparingRebalance');
    expect(area.consumers.c1.assignment.length).toBe(2); // cooperative: c1 keeps consuming meanwhile
    expect(describeGroupMembers(area, 'g').map((m) => m.partitions.length)).toEqual([0, 0]);
  });
});
