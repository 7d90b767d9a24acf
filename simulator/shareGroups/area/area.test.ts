// The share-groups area on a real Simulation: KIP-932's rules on the virtual clock, recorded as events.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../../index';
import { advance, eventsOf, must } from '../../testing/sim.testkit';
import { ack, join, poll, sharePartition, shareSim, states } from './area.testkit';

const jobs = (n: number) => Array.from({ length: n }, (_, i) => `job-${i}`);

describe('the share-groups area (KIP-932)', () => {
  it('more consumers than partitions: three members of one share group all receive records of a single partition (SimpleAssignor, SharePartition#acquire)', () => {
    const sim = shareSim(jobs(6));
    for (const m of ['a', 'b', 'c']) join(sim, m);
    expect(poll(sim, 'a', 2)).toEqual(['0@0#1', '0@1#1']);
    expect(poll(sim, 'b', 2)).toEqual(['0@2#1', '0@3#1']);
    expect(poll(sim, 'c', 2)).toEqual(['0@4#1', '0@5#1']);
    const members = readModel(sim).shareGroups().groups[0].members;
    expect(members.map((m) => m.assignment)).toEqual([
      [{ topic: 'jobs', partition: 0 }],
      [{ topic: 'jobs', partition: 0 }],
      [{ topic: 'jobs', partition: 0 }],
    ]);
  });

  it('a record acquired by one member is not handed to another while its acquisition lock holds (SharePartition#acquire)', () => {
    const sim = shareSim(jobs(2));
    join(sim, 'a');
    join(sim, 'b');
    expect(poll(sim, 'a')).toEqual(['0@0#1', '0@1#1']);
    expect(poll(sim, 'b')).toEqual([]);
    expect(states(sim)).toEqual(['0:ACQUIRED/a', '1:ACQUIRED/a']);
  });

  it('ACCEPT acknowledges and the share-partition start offset moves past it (SharePartition#maybeUpdateCachedStateAndOffsets)', () => {
    const sim = shareSim(jobs(3));
    join(sim, 'a');
    poll(sim, 'a');
    expect(ack(sim, 'a', [0, 1], 'ACCEPT').ok).toBe(true);
    const sp = sharePartition(sim);
    expect(sp.startOffset).toBe(2);
    expect(states(sim)).toEqual(['0:ACKNOWLEDGED', '1:ACKNOWLEDGED', '2:ACQUIRED/a']);
    expect(eventsOf(sim, 'shareStartOffsetAdvanced').map((e) => [e.from, e.to])).toEqual([[0, 2]]);
  });

  it('RELEASE makes a record available to any member again, with the delivery count raised on its next acquisition', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    join(sim, 'b');
    poll(sim, 'a');
    expect(ack(sim, 'a', [0, 0], 'RELEASE').ok).toBe(true);
    expect(poll(sim, 'b')).toEqual(['0@0#2']);
  });

  it('REJECT archives a record: it is never delivered again', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    poll(sim, 'a');
    must(sim, {
      type: 'shareGroupAcknowledge',
      groupId: 'workers',
      memberId: 'a',
      topic: 'jobs',
      partition: 0,
      batches: [{ firstOffset: 0, lastOffset: 0, type: 'REJECT' }],
    });
    expect(poll(sim, 'a')).toEqual([]);
    expect(states(sim)).toEqual(['0:ARCHIVED']);
  });

  it('group.share.record.lock.duration.ms=30000: an unacknowledged record goes back to AVAILABLE when its lock expires (SharePartition#releaseAcquisitionLockOnTimeout)', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    join(sim, 'b');
    poll(sim, 'a');
    advance(sim, 29_999);
    expect(states(sim)).toEqual(['0:ACQUIRED/a']);
    advance(sim, 1);
    expect(states(sim)).toEqual(['0:AVAILABLE']);
    expect(eventsOf(sim, 'shareAcquisitionLockExpired')).toHaveLength(1);
    expect(poll(sim, 'b')).toEqual(['0@0#2']);
  });

  it('group.share.delivery.count.limit=5: after five deliveries without acknowledgement the record is archived (SharePartition, KIP-932 "poison messages")', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      seen.push(...poll(sim, 'a'));
      advance(sim, 30_000);
    }
    expect(seen).toEqual(['0@0#1', '0@0#2', '0@0#3', '0@0#4', '0@0#5']);
    expect(states(sim)).toEqual(['0:ARCHIVED']);
    expect(sharePartition(sim).records[0].deliveryCount).toBe(5);
    expect(eventsOf(sim, 'shareRecordArchived')).toHaveLength(1);
  });

  it('a member cannot acknowledge a record another member holds: INVALID_RECORD_STATE, nothing changes (SharePartition#acknowledge)', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    join(sim, 'b');
    poll(sim, 'a');
    const r = ack(sim, 'b', [0, 0], 'ACCEPT');
    expect(r.ok ? null : r.error.code).toBe('INVALID_RECORD_STATE');
    expect(states(sim)).toEqual(['0:ACQUIRED/a']);
  });

  it('a leaving member releases its acquired records at once, without waiting for the lock (SharePartition#releaseAcquiredRecords)', () => {
    const sim = shareSim(jobs(2));
    join(sim, 'a');
    join(sim, 'b');
    poll(sim, 'a');
    must(sim, { type: 'shareGroupLeave', groupId: 'workers', memberId: 'a' });
    expect(poll(sim, 'b')).toEqual(['0@0#2', '0@1#2']);
    expect(
      readModel(sim)
        .shareGroups()
        .groups[0].members.map((m) => m.memberId),
    ).toEqual(['b']);
  });

  it('share.auto.offset.reset=latest (the default): a new group only receives records produced after it first fetches', () => {
    const sim = shareSim(jobs(3));
    must(sim, { type: 'shareGroupJoin', groupId: 'late', memberId: 'x', clientId: 'c', topics: ['jobs'] });
    expect(poll(sim, 'x', 500, 'late')).toEqual([]);
    expect(sharePartition(sim, 0, 'late').startOffset).toBe(3);
    must(sim, { type: 'producerSend', producer: 'p', topic: 'jobs', value: 'new' });
    must(sim, { type: 'producerFlush', producer: 'p' });
    expect(poll(sim, 'x', 500, 'late')).toEqual(['0@3#1']);
  });

  it('two share groups read the same partition independently, each with its own share-partition state', () => {
    const sim = shareSim(jobs(2));
    join(sim, 'a');
    must(sim, { type: 'shareGroupSetAutoOffsetReset', groupId: 'audit', autoOffsetReset: 'earliest' });
    must(sim, { type: 'shareGroupJoin', groupId: 'audit', memberId: 'z', clientId: 'c', topics: ['jobs'] });
    expect(poll(sim, 'a')).toEqual(['0@0#1', '0@1#1']);
    expect(poll(sim, 'z', 500, 'audit')).toEqual(['0@0#1', '0@1#1']);
  });

  it('broker configs are range-checked like ShareGroupConfig (group.share.delivery.count.limit in 2..10)', () => {
    const sim = shareSim([]);
    const r = sim.dispatch({ type: 'shareGroupSetBrokerConfig', config: { deliveryCountLimit: 1 } });
    expect(r.ok ? null : r.error.message).toBe(
      'Invalid value 1 for configuration group.share.delivery.count.limit: Value must be at least 2',
    );
    must(sim, {
      type: 'shareGroupSetBrokerConfig',
      config: { deliveryCountLimit: 2, recordLockDurationMs: 1_000 },
    });
    join(sim, 'a');
    must(sim, { type: 'producerSend', producer: 'p', topic: 'jobs', value: 'x' });
    must(sim, { type: 'producerFlush', producer: 'p' });
    poll(sim, 'a');
    advance(sim, 1_000);
    poll(sim, 'a');
    advance(sim, 1_000);
    expect(states(sim)).toEqual(['0:ARCHIVED']);
  });

  it('poll by a member that never joined fails with UNKNOWN_MEMBER_ID', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    const r = sim.dispatch({ type: 'shareGroupPoll', groupId: 'workers', memberId: 'ghost', maxRecords: 1 });
    expect(r.ok ? null : r.error.code).toBe('UNKNOWN_MEMBER_ID');
  });

  it('replay rebuilds the same share-group state from the command log (determinism)', () => {
    const sim = shareSim(jobs(4), 2);
    join(sim, 'a');
    join(sim, 'b');
    poll(sim, 'a', 3);
    ack(sim, 'a', [0, 0], 'ACCEPT', 0);
    advance(sim, 40_000);
    poll(sim, 'b');
    const again = Simulation.replay(sim.init, sim.log);
    expect(again.state.areas.shareGroups).toEqual(sim.state.areas.shareGroups);
  });

  it('deleting the topic removes the group’s share-partitions', () => {
    const sim = shareSim(jobs(1));
    join(sim, 'a');
    poll(sim, 'a');
    must(sim, { type: 'deleteTopic', topic: 'jobs' });
    expect(readModel(sim).shareGroups().groups[0].partitions).toEqual([]);
  });
});
