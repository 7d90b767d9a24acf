import { describe, expect, it } from 'vitest';
import { tpKeyOf } from '../cluster/topicPartition';
import { Simulation } from '../index';
import {
  consumerGroupLag,
  consumerGroupLagHistory,
  describeConsumerGroupOffsets,
  describeConsumerGroupState,
  listConsumerGroups,
  pausedPartitions,
} from './index';

function eventsOfType(sim: Simulation, type: string) {
  return sim.events.filter((e) => e.type === type);
}

function cluster() {
  const sim = new Simulation({ seed: 42, brokers: 3 });
  expect(sim.dispatch({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 }).ok).toBe(
    true,
  );
  sim.dispatch({ type: 'producerCreate', name: 'p1' });
  for (let i = 0; i < 9; i++)
    sim.dispatch({ type: 'producerSend', producer: 'p1', topic: 'orders', key: `k${i}`, value: `v${i}` });
  sim.dispatch({ type: 'producerFlush', producer: 'p1' });
  return sim;
}

describe('consumer area inside the Simulation', () => {
  it('default consumers: eager range, read below the HW, commits land in __consumer_offsets partition abs(hash) % 50', () => {
    const sim = cluster();
    const c1 = sim.dispatch({
      type: 'consumerCreate',
      name: 'c1',
      config: { groupId: 'my-group', topics: ['orders'], autoOffsetReset: 'earliest' },
    });
    expect(c1.ok).toBe(true);
    sim.dispatch({
      type: 'consumerCreate',
      name: 'c2',
      config: { groupId: 'my-group', topics: ['orders'], autoOffsetReset: 'earliest' },
    });
    sim.dispatch({ type: 'advanceClock', ms: 10_000 });
    const st = describeConsumerGroupState(sim.state, 'my-group');
    expect(st?.state).toBe('Stable');
    expect(st?.assignmentStrategy).toBe('range');
    const polled = sim.dispatch({ type: 'consumerPoll', name: 'c1' });
    expect(polled.ok && polled.data.records.length).toBeGreaterThan(0);
    sim.dispatch({ type: 'consumerProcess', name: 'c1' });
    const committed = sim.dispatch({ type: 'consumerCommit', name: 'c1' });
    expect(committed.ok).toBe(true);
    const offsetsTopic = sim.state.topics.__consumer_offsets;
    expect(offsetsTopic.partitions.length).toBe(50);
    expect(offsetsTopic.internal).toBe(true);
    const p12 = offsetsTopic.partitions[12]; // Utils.abs("my-group".hashCode()) % 50 = 12 (GroupCoordinatorService#partitionFor)
    const leaderLog = p12.replicaLogs[p12.leader as number].log;
    expect(leaderLog.logEndOffset).toBeGreaterThan(0);
    const rows = describeConsumerGroupOffsets(sim.state, 'my-group');
    expect(rows.map((r) => r.partition)).toEqual([0, 1, 2]);
    for (const l of consumerGroupLag(sim.state, 'my-group')) expect(l.lag).toBeGreaterThanOrEqual(0);
    expect(listConsumerGroups(sim.state)).toEqual(['my-group']);
    expect(consumerGroupLagHistory(sim.state, 'my-group').length).toBeGreaterThan(0);
  });

  it('a crashed member is noticed after session.timeout.ms on the virtual clock, and replay is deterministic', () => {
    const sim = cluster();
    sim.dispatch({ type: 'consumerCreate', name: 'c1', config: { groupId: 'g', topics: ['orders'] } });
    sim.dispatch({ type: 'consumerCreate', name: 'c2', config: { groupId: 'g', topics: ['orders'] } });
    sim.dispatch({ type: 'advanceClock', ms: 10_000 });
    sim.dispatch({ type: 'consumerPoll', name: 'c1' });
    sim.dispatch({ type: 'consumerPoll', name: 'c2' });
    sim.dispatch({ type: 'consumerCrash', name: 'c2' });
    const early = sim.dispatch({ type: 'advanceClock', ms: 30_000 });
    expect(early.events.some((e) => e.type === 'groupMemberRemoved')).toBe(false);
    const late = sim.dispatch({ type: 'advanceClock', ms: 30_000 });
    const removed = late.events.find((e) => e.type === 'groupMemberRemoved');
    expect(removed?.reason).toMatch(/session.timeout.ms=45000/);
    expect(late.events.some((e) => e.type === 'groupAssignment')).toBe(true);
    const again = Simulation.replay(sim.init, sim.log);
    expect(again.serialize()).toBe(sim.serialize());
  });

  it('fast-forwarding a week costs no heartbeat tasks: a quiet stable group schedules nothing', () => {
    const sim = cluster();
    sim.dispatch({ type: 'consumerCreate', name: 'c1', config: { groupId: 'g', topics: ['orders'] } });
    sim.dispatch({ type: 'advanceClock', ms: 10_000 });
    const before = sim.state.nextTaskSeq;
    sim.dispatch({ type: 'advanceClock', ms: 7 * 86_400_000 });
    // only the single max.poll.interval.ms check fires (c1 never polls again and is removed)
    expect(sim.state.nextTaskSeq - before).toBeLessThan(20);
    expect(sim.state.areas.consumers.groups.g.group.state).toBe('Empty');
  });
});

describe('metadata changes', () => {
  const owned = (sim: Simulation) =>
    sim.state.areas.consumers.groups.g.group.members.map((m) => m.assignment.length);
  /** Advance in 10 s steps, both members polling (so max.poll.interval.ms never expires). */
  const run = (sim: Simulation, ms: number) => {
    for (let t = 0; t < ms; t += 10_000) {
      sim.dispatch({ type: 'advanceClock', ms: Math.min(10_000, ms - t) });
      for (const name of ['c1', 'c2']) sim.dispatch({ type: 'consumerPoll', name });
    }
  };

  it('metadata.max.age.ms: a group learns of added partitions only at its leader\'s next metadata refresh, then rebalances (ConsumerCoordinator#rejoinNeededOrPending: "cached metadata has changed")', () => {
    const sim = cluster();
    const created = sim.state.now;
    sim.dispatch({ type: 'consumerCreate', name: 'c1', config: { groupId: 'g', topics: ['orders'] } });
    sim.dispatch({ type: 'consumerCreate', name: 'c2', config: { groupId: 'g', topics: ['orders'] } });
    run(sim, 10_000);
    expect(owned(sim)).toEqual([2, 1]);
    const r = sim.dispatch({ type: 'createPartitions', topic: 'orders', totalCount: 6 });
    expect(r.ok).toBe(true);
    const stale = r.events.find((e) => e.type === 'consumerMetadataStale');
    // the first background refresh after the change: 300000 ms (the default) after the leader was created
    expect(stale?.type === 'consumerMetadataStale' && stale.refreshAt).toBe(created + 300_000);
    run(sim, created + 290_000 - sim.state.now);
    expect(owned(sim)).toEqual([2, 1]); // partitions 3-5 belong to no member for almost five minutes
    run(sim, 20_000);
    expect(owned(sim)).toEqual([3, 3]);
    const changed = eventsOfType(sim, 'consumerMetadataChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].reason).toContain('finds orders 3 -> 6 partitions; cached metadata has changed');
  });

  it("metadata.max.age.ms=60000: the leader's refresh, and so the rebalance, comes within a minute", () => {
    const sim = cluster();
    for (const name of ['c1', 'c2'])
      sim.dispatch({
        type: 'consumerCreate',
        name,
        config: { groupId: 'g', topics: ['orders'], metadataMaxAgeMs: 60_000 },
      });
    run(sim, 10_000);
    sim.dispatch({ type: 'createPartitions', topic: 'orders', totalCount: 6 });
    run(sim, 40_000);
    expect(owned(sim)).toEqual([2, 1]);
    run(sim, 20_000);
    expect(owned(sim)).toEqual([3, 3]);
  });

  it('subscribing to a missing topic auto-creates it (allow.auto.create.topics + auto.create.topics.enable)', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    sim.dispatch({ type: 'consumerCreate', name: 'c1', config: { groupId: 'g', topics: ['fresh'] } });
    expect(sim.state.topics.fresh?.partitions.length).toBe(1);
  });
});

describe('paused processing during a rebalance', () => {
  function rebalanceWithNewMember(strategies: Array<'range' | 'cooperative-sticky'>) {
    const sim = new Simulation({ seed: 3, brokers: 3 });
    sim.dispatch({ type: 'createTopic', topic: 'orders', partitions: 6, replicationFactor: 3 });
    const create = (name: string) =>
      sim.dispatch({
        type: 'consumerCreate',
        name,
        config: { groupId: 'g', topics: ['orders'], strategies },
      });
    create('c1');
    sim.dispatch({ type: 'advanceClock', ms: 1_000 });
    create('c2');
    sim.dispatch({ type: 'advanceClock', ms: 10_000 });
    expect(pausedPartitions(sim.state, 'g')).toEqual([]);
    const revoked: string[] = [];
    const paused = new Set<string>();
    create('c3');
    for (let t = 0; t < 20; t++) {
      const r = sim.dispatch({ type: 'advanceClock', ms: 500 });
      for (const e of r.events) {
        if (e.type === 'groupPartitionsRevoked') revoked.push(...e.partitions.map(tpKeyOf));
      }
      for (const p of pausedPartitions(sim.state, 'g')) paused.add(tpKeyOf(p));
    }
    expect(pausedPartitions(sim.state, 'g')).toEqual([]);
    expect(sim.state.areas.consumers.groups.g.group.state).toBe('Stable');
    return { revoked, paused };
  }

  it('eager (the default) revokes every partition; cooperative-sticky revokes and pauses only the ones that move (KIP-429)', () => {
    const eager = rebalanceWithNewMember(['range', 'cooperative-sticky']);
    expect(eager.revoked.sort()).toEqual([
      'orders-0',
      'orders-1',
      'orders-2',
      'orders-3',
      'orders-4',
      'orders-5',
    ]);
    const coop = rebalanceWithNewMember(['cooperative-sticky']);
    expect(coop.revoked.length).toBe(2);
    expect([...coop.paused].sort()).toEqual([...coop.revoked].sort());
  });
});
