import { describe, expect, it } from 'vitest';
import { advance, eventsOf, hw, must, part, replicaValues, sim } from '../testing/sim.testkit';

function cluster(configs: Record<string, string> = {}, rf = 3) {
  const s = sim();
  must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: rf, configs });
  advance(s, 10);
  return s;
}

function produce(
  s: ReturnType<typeof sim>,
  values: string[],
  configs: Record<string, string> = {},
  name = 'p',
) {
  if (!s.state.producers[name]) must(s, { type: 'producerCreate', name, configs });
  for (const v of values)
    must(s, { type: 'producerSend', producer: name, topic: 'orders', value: v, partition: 0 });
  must(s, { type: 'producerFlush', producer: name });
}

describe('KRaft broker sessions and fencing', () => {
  it('a crashed broker is fenced only after broker.session.timeout.ms=9000', () => {
    const s = cluster();
    const leader = part(s, 'orders').leader!;
    must(s, { type: 'brokerStop', id: leader });
    advance(s, 8999);
    expect(s.state.brokers[leader].registration).toBe('unfenced');
    expect(part(s, 'orders').leader).toBe(leader);
    advance(s, 1);
    expect(s.state.brokers[leader].registration).toBe('fenced');
    expect(part(s, 'orders').leader).not.toBe(leader);
  });

  it('controlled shutdown moves leadership at once', () => {
    const s = cluster();
    const leader = part(s, 'orders').leader!;
    must(s, { type: 'brokerStop', id: leader, mode: 'controlled' });
    expect(part(s, 'orders').leader).not.toBe(leader);
  });

  it('a restarted broker re-registers with a new broker epoch (the offset of its RegisterBrokerRecord) and is unfenced after catching up', () => {
    const s = cluster();
    const before = s.state.brokers[2].brokerEpoch;
    must(s, { type: 'brokerStop', id: 2 });
    advance(s, 10_000);
    must(s, { type: 'brokerStart', id: 2 });
    advance(s, 5);
    const b = s.state.brokers[2];
    expect(b.brokerEpoch).toBeGreaterThan(before);
    expect(s.state.quorum.log[b.brokerEpoch]).toMatchObject({ type: 'RegisterBrokerRecord', brokerId: 2 });
    expect(b.registration).toBe('fenced');
    advance(s, 3000);
    expect(b.registration).toBe('unfenced');
  });

  it('an isolated broker is fenced after the session timeout, and rejoins the ISR after healing', () => {
    const s = cluster();
    const follower = part(s, 'orders').replicas.find((id) => id !== part(s, 'orders').leader)!;
    must(s, { type: 'brokerIsolate', id: follower });
    advance(s, 9000);
    expect(part(s, 'orders').isr).not.toContain(follower);
    must(s, { type: 'brokerHeal', id: follower });
    advance(s, 3000);
    expect(part(s, 'orders').isr).toContain(follower);
  });

  it('the session timer counts from the last heartbeat even if the stopped broker is also isolated meanwhile', () => {
    const s = cluster();
    must(s, { type: 'brokerStop', id: 2 });
    advance(s, 3000);
    must(s, { type: 'brokerIsolate', id: 2 });
    advance(s, 6000);
    expect(s.state.brokers[2].registration).toBe('fenced');
  });

  it('a quiet cluster schedules nothing: advancing 7 days runs no tasks', () => {
    const s = cluster();
    const seq = s.state.nextTaskSeq;
    advance(s, 7 * 86_400_000);
    expect(s.state.nextTaskSeq).toBe(seq);
    expect(s.state.tasks).toHaveLength(0);
  });
});

describe('leader election (PartitionChangeBuilder)', () => {
  it('clean election picks the first replica in replica order that is in the ISR, and bumps the leader epoch', () => {
    const s = cluster();
    const p = part(s, 'orders');
    const [first, second] = p.replicas;
    must(s, { type: 'brokerStop', id: first });
    advance(s, 9000);
    expect(p.leader).toBe(second);
    expect(p.leaderEpoch).toBe(1);
    const ev = eventsOf(s, 'leaderChanged').at(-1)!;
    expect(ev.reason).toContain(`leader ${first}`);
    expect(ev.reason).toContain('leader epoch 0 → 1');
  });

  it('with no live ISR member and unclean election disabled the partition goes offline (Leader: none) and keeps its last ISR member', () => {
    const s = cluster({}, 2);
    const p = part(s, 'orders');
    const [a, b] = p.replicas;
    must(s, { type: 'brokerStop', id: b });
    advance(s, 9000);
    expect(p.isr).toEqual([a]);
    must(s, { type: 'brokerStop', id: a });
    advance(s, 9000);
    expect(p.leader).toBeNull();
    expect(p.isr).toEqual([a]);
    must(s, { type: 'brokerStart', id: b });
    advance(s, 5000);
    expect(p.leader).toBeNull(); // b is not in the ISR: no clean election possible
    must(s, { type: 'brokerStart', id: a });
    advance(s, 5000);
    expect(p.leader).toBe(a);
  });

  it('unclean.leader.election.enable=true elects an out-of-sync replica and the acknowledged records it lacked are lost', () => {
    const s = cluster({ 'unclean.leader.election.enable': 'true' }, 2);
    const p = part(s, 'orders');
    const [a, b] = p.replicas;
    must(s, { type: 'brokerStop', id: b });
    advance(s, 9000);
    produce(s, ['x', 'y'], { acks: 'all' });
    expect(hw(p)).toBe(2); // ISR [a] alone: acknowledged and committed
    must(s, { type: 'brokerStop', id: a });
    must(s, { type: 'brokerStart', id: b });
    advance(s, 12_000);
    expect(p.leader).toBe(b);
    expect(eventsOf(s, 'leaderChanged').at(-1)).toMatchObject({ election: 'unclean' });
    must(s, { type: 'brokerStart', id: a });
    advance(s, 5000);
    expect(replicaValues(p, a)).toEqual([]);
    expect(
      eventsOf(s, 'replicaTruncated').some((e) => e.type === 'replicaTruncated' && e.removed === 2),
    ).toBe(true);
  });

  it('preferred leader election returns leadership to replicas[0]; ELECTION_NOT_NEEDED when it already leads', () => {
    const s = cluster();
    const p = part(s, 'orders');
    const pref = p.replicas[0];
    must(s, { type: 'brokerStop', id: pref, mode: 'controlled' });
    must(s, { type: 'brokerStart', id: pref });
    advance(s, 5000);
    expect(p.leader).not.toBe(pref);
    const r = must(s, {
      type: 'electLeaders',
      electionType: 'preferred',
      partitions: [{ topic: 'orders', partition: 0 }],
    });
    expect(r.ok && r.data.results[0].error).toBeNull();
    expect(p.leader).toBe(pref);
    const again = must(s, { type: 'electLeaders', electionType: 'preferred' });
    expect(again.ok && again.data.results[0].error?.code).toBe('ELECTION_NOT_NEEDED');
  });

  it('auto.leader.rebalance.enable moves leadership back to the preferred replica at the next 300 s check', () => {
    const s = cluster();
    const p = part(s, 'orders');
    const pref = p.replicas[0];
    must(s, { type: 'brokerStop', id: pref, mode: 'controlled' });
    must(s, { type: 'brokerStart', id: pref });
    advance(s, 5000);
    expect(p.leader).not.toBe(pref);
    advance(s, 300_000);
    expect(p.leader).toBe(pref);
  });
});

describe('KRaft controller quorum', () => {
  it('losing the active controller elects another after the election timeout, with a higher epoch', () => {
    const s = cluster();
    const active = s.state.quorum.leaderId!;
    const epoch = s.state.quorum.epoch;
    must(s, { type: 'controllerStop', id: active });
    expect(s.state.quorum.leaderId).toBeNull();
    advance(s, 2000);
    expect(s.state.quorum.leaderId).not.toBeNull();
    expect(s.state.quorum.leaderId).not.toBe(active);
    expect(s.state.quorum.epoch).toBe(epoch + 1);
  });

  it('without a quorum majority no broker is fenced and no leader is elected, until the quorum is back', () => {
    const s = cluster();
    for (const v of s.state.quorum.voters.slice(0, 2)) must(s, { type: 'controllerStop', id: v.id });
    const leader = part(s, 'orders').leader!;
    must(s, { type: 'brokerStop', id: leader });
    advance(s, 20_000);
    expect(part(s, 'orders').leader).toBe(leader);
    must(s, { type: 'controllerStart', id: s.state.quorum.voters[0].id });
    advance(s, 2000 + 9000);
    expect(part(s, 'orders').leader).not.toBe(leader);
  });
});
