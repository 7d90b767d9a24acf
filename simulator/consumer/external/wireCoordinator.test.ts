import { describe, expect, it } from 'vitest';
import { type SimEvent, Simulation } from '../../index';
import { toHex } from './consumerProtocol';
import type { JoinAnswer, SyncAnswer } from './wireJoin';

/** ConsumerProtocolSubscription v0 for `topics` (version, topics, empty user data). */
function subscription(topics: string[]): string {
  const parts: number[] = [0, 0, 0, 0, 0, topics.length];
  for (const t of topics) {
    const b = new TextEncoder().encode(t);
    parts.push(b.length >> 8, b.length & 255, ...b);
  }
  parts.push(255, 255, 255, 255);
  return toHex(new Uint8Array(parts));
}

/** ConsumerProtocolAssignment v0 giving partitions of one topic. */
function assignment(topic: string, partitions: number[]): string {
  const b = new TextEncoder().encode(topic);
  const out = [0, 0, 0, 0, 0, 1, b.length >> 8, b.length & 255, ...b, 0, 0, 0, partitions.length];
  for (const p of partitions) out.push(0, 0, 0, p);
  out.push(255, 255, 255, 255);
  return toHex(new Uint8Array(out));
}

function setup() {
  const sim = new Simulation({ seed: 7, brokers: 3 });
  sim.dispatch({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
  sim.dispatch({ type: 'externalFindCoordinator', groupId: 'g' });
  let key = 1;
  const answers: SimEvent[] = [];
  sim.subscribe((r) => {
    for (const e of r.events)
      if (e.type === 'externalJoinGroupAnswered' || e.type === 'externalSyncGroupAnswered') answers.push(e);
  });
  const answerOf = <T>(k: number) =>
    answers.find((e) => (e as unknown as { requestKey: number }).requestKey === k) as T | undefined;
  const join = (memberId: string, opts: { protocols?: string[]; sessionTimeoutMs?: number } = {}) => {
    const requestKey = key++;
    sim.dispatch({
      type: 'externalJoinGroup',
      requestKey,
      groupId: 'g',
      memberId,
      groupInstanceId: null,
      clientId: 'app',
      clientHost: '/127.0.0.1',
      sessionTimeoutMs: opts.sessionTimeoutMs ?? 10_000,
      rebalanceTimeoutMs: 20_000,
      protocolType: 'consumer',
      protocols: (opts.protocols ?? ['range']).map((name) => ({ name, metadata: subscription(['orders']) })),
      requireKnownMemberId: true,
      reason: null,
    });
    return () => answerOf<JoinAnswer>(requestKey);
  };
  const sync = (memberId: string, generationId: number, assignments: Record<string, string> = {}) => {
    const requestKey = key++;
    sim.dispatch({
      type: 'externalSyncGroup',
      requestKey,
      groupId: 'g',
      generationId,
      memberId,
      groupInstanceId: null,
      protocolType: 'consumer',
      protocolName: 'range',
      assignments: Object.entries(assignments).map(([m, a]) => ({ memberId: m, assignment: a })),
    });
    return () => answerOf<SyncAnswer>(requestKey);
  };
  const heartbeat = (memberId: string, generationId: number) => {
    const r = sim.dispatch({
      type: 'externalHeartbeat',
      groupId: 'g',
      generationId,
      memberId,
      groupInstanceId: null,
    });
    return r.ok ? r.data.error : 'failed';
  };
  const advance = (ms: number) => sim.dispatch({ type: 'advanceClock', ms });
  const group = () => sim.state.areas.consumers.groups.g.group;
  /** Two-step join (KIP-394) of a new member; returns its id and the pending answer. */
  const newMember = () => {
    const id = (join('')() as JoinAnswer).memberId;
    return { id, answer: join(id) };
  };
  return { sim, join, sync, heartbeat, advance, group, newMember };
}

describe('the classic group coordinator for real clients (GroupMetadataManager, classic protocol)', () => {
  it('KIP-394: a JoinGroup without a member id is answered MEMBER_ID_REQUIRED with a new id; the member exists only once it joins with it, and an unused id expires after its session timeout', () => {
    const t = setup();
    const first = t.join('')() as JoinAnswer;
    expect(first.error).toBe('MEMBER_ID_REQUIRED');
    expect(first.memberId).toMatch(
      /^app-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(t.group().members).toEqual([]);
    t.advance(10_001);
    expect(t.join(first.memberId)()?.error).toBe('UNKNOWN_MEMBER_ID');
  });

  it('group.initial.rebalance.delay.ms (InitialDelayedJoin): a second member arriving during the 3 s delay extends it once more, so the first generation forms at 6 s; the leader gets every member, followers none; SyncGroup hands out the leader-computed assignment and the group is Stable', () => {
    const t = setup();
    const a = t.newMember();
    const b = t.newMember();
    t.advance(3_000);
    expect(a.answer()).toBeUndefined();
    t.advance(2_999);
    expect(a.answer()).toBeUndefined();
    t.advance(1);
    const la = a.answer() as JoinAnswer;
    const lb = b.answer() as JoinAnswer;
    expect([la.generationId, la.leader, la.members.length, lb.members.length]).toEqual([1, a.id, 2, 0]);
    expect(t.group().state).toBe('CompletingRebalance');
    const follower = t.sync(b.id, 1);
    expect(follower()).toBeUndefined(); // waits for the leader
    const leader = t.sync(a.id, 1, { [a.id]: assignment('orders', [0]), [b.id]: assignment('orders', [1]) });
    expect(leader()?.assignment).toBe(assignment('orders', [0]));
    expect(follower()?.assignment).toBe(assignment('orders', [1]));
    expect(t.group().state).toBe('Stable');
    expect(t.group().members.map((m) => m.assignment)).toEqual([
      [{ topic: 'orders', partition: 0 }],
      [{ topic: 'orders', partition: 1 }],
    ]);
    expect(t.group().members[0].topics).toEqual(['orders']);
  });

  it('Heartbeat: NONE when Stable, ILLEGAL_GENERATION for another generation, UNKNOWN_MEMBER_ID for a stranger, REBALANCE_IN_PROGRESS while the group prepares a rebalance (classicGroupHeartbeatToClassicGroup)', () => {
    const t = setup();
    const a = t.newMember();
    t.advance(3_000);
    t.sync(a.id, 1, { [a.id]: assignment('orders', [0, 1]) });
    expect(t.heartbeat(a.id, 1)).toBeNull();
    expect(t.heartbeat(a.id, 0)).toBe('ILLEGAL_GENERATION');
    expect(t.heartbeat('nobody', 1)).toBe('UNKNOWN_MEMBER_ID');
    t.newMember();
    expect(t.group().state).toBe('PreparingRebalance');
    expect(t.heartbeat(a.id, 1)).toBe('REBALANCE_IN_PROGRESS');
  });

  it('session.timeout.ms: a member whose heartbeats stop is removed and the group rebalances; one that keeps heartbeating stays', () => {
    const t = setup();
    const a = t.newMember();
    const b = t.newMember();
    t.advance(6_000);
    t.sync(a.id, 1, { [a.id]: assignment('orders', [0]), [b.id]: assignment('orders', [1]) });
    t.sync(b.id, 1);
    for (let i = 0; i < 3; i++) {
      t.advance(3_000);
      expect(t.heartbeat(a.id, 1)).toBeNull();
    }
    expect(t.group().members).toHaveLength(2);
    t.advance(3_000);
    // b's last sign of life was its SyncGroup at 6 s: removed at 16 s; a learns of the rebalance from its heartbeat
    expect(t.heartbeat(a.id, 1)).toBe('REBALANCE_IN_PROGRESS');
    expect(t.group().members.map((m) => m.memberId)).toEqual([a.id]);
    expect(t.group().state).toBe('PreparingRebalance');
    expect(t.sim.events.some((e) => e.type === 'groupMemberRemoved' && e.cause === 'session-timeout')).toBe(
      true,
    );
    // a rejoins after REBALANCE_IN_PROGRESS: the next generation forms at once with a alone
    const again = t.join(a.id)() as JoinAnswer;
    expect([again.generationId, again.members.map((m) => m.memberId)]).toEqual([2, [a.id]]);
  });

  it('rebalance timeout: a member that does not rejoin within it is removed when the join phase ends', () => {
    const t = setup();
    const a = t.newMember();
    const b = t.newMember();
    t.advance(6_000);
    t.sync(a.id, 1, { [a.id]: assignment('orders', [0]), [b.id]: assignment('orders', [1]) });
    t.sync(b.id, 1);
    const c = t.newMember(); // a third member starts a rebalance
    const ra = t.join(a.id);
    for (let i = 0; i < 6; i++) {
      t.advance(3_000);
      t.heartbeat(b.id, 1); // alive but never rejoins
    }
    t.advance(2_000);
    expect(ra()?.generationId).toBe(2);
    expect(c.answer()?.generationId).toBe(2);
    expect(
      t
        .group()
        .members.map((m) => m.memberId)
        .sort(),
    ).toEqual([a.id, c.id].sort());
    expect(t.sim.events.some((e) => e.type === 'groupMemberRemoved' && e.cause === 'rebalance-timeout')).toBe(
      true,
    );
  });

  it('INCONSISTENT_GROUP_PROTOCOL: a member that shares no protocol with the group is refused (ClassicGroup#supportsProtocols)', () => {
    const t = setup();
    t.newMember();
    expect(t.join('', { protocols: ['roundrobin'] })()?.error).toBe('INCONSISTENT_GROUP_PROTOCOL');
  });

  it('OffsetCommit: REBALANCE_IN_PROGRESS while CompletingRebalance, accepted when Stable; a commit without member id and generation only for an empty group (ClassicGroup#validateOffsetCommit)', () => {
    const t = setup();
    const commit = (memberId: string, generationId: number) => {
      const r = t.sim.dispatch({
        type: 'externalOffsetCommit',
        client: 'app',
        groupId: 'g',
        generationId,
        memberId,
        groupInstanceId: null,
        offsets: [{ topic: 'orders', partition: 0, offset: 5 }],
      });
      return r.ok ? r.data.results[0].error : 'failed';
    };
    const a = t.newMember();
    t.advance(3_000);
    expect(commit(a.id, 1)).toBe('REBALANCE_IN_PROGRESS');
    expect(commit('', -1)).toBe('UNKNOWN_MEMBER_ID');
    t.sync(a.id, 1, { [a.id]: assignment('orders', [0, 1]) });
    expect(commit(a.id, 1)).toBeNull();
    expect(t.sim.state.areas.consumers.groups.g.offsets['orders-0'].offset).toBe(5);
  });
});
