import { describe, expect, it } from 'vitest';
import { eventsOf } from '../../testing/sim.testkit';
import { rebalanceProtocolFor, selectGroupAssignor } from '../assignors/index';
import {
  advanceGroup,
  joinGroup,
  leaveGroup,
  newGroup,
  nextGroupDeadline,
  stopHeartbeating,
  transitionTo,
} from './coordinator';
import { joinReq, ownedKeys, recorder } from './group.testkit';

const coop = { strategies: ['cooperative-sticky' as const] };

function stableGroupOfTwo(opts = {}) {
  const r = recorder({ orders: 4 });
  const g = newGroup('orders-app');
  joinGroup(r.ctx, g, joinReq('c1', opts), 0, r);
  joinGroup(r.ctx, g, joinReq('c2', opts), 1_000, r);
  advanceGroup(r.ctx, g, 10_000, r);
  return { g, r };
}

describe('classic group coordinator', () => {
  it('default partition.assignment.strategy [range, cooperative-sticky] means EAGER + range (ConsumerCoordinator)', () => {
    expect(rebalanceProtocolFor(['range', 'cooperative-sticky'])).toBe('EAGER');
    expect(rebalanceProtocolFor(['cooperative-sticky'])).toBe('COOPERATIVE');
    expect(
      selectGroupAssignor([
        ['range', 'cooperative-sticky'],
        ['range', 'cooperative-sticky'],
      ]),
    ).toBe('range');
    expect(
      selectGroupAssignor([
        ['cooperative-sticky', 'range'],
        ['range', 'cooperative-sticky'],
        ['cooperative-sticky'],
      ]),
    ).toBe('cooperative-sticky');
  });

  it('group.initial.rebalance.delay.ms: an empty group waits 3 s, extended while new members keep arriving', () => {
    const r = recorder({ orders: 4 });
    const g = newGroup('orders-app');
    joinGroup(r.ctx, g, joinReq('c1'), 0, r);
    expect(g.state).toBe('PreparingRebalance');
    joinGroup(r.ctx, g, joinReq('c2'), 1_000, r);
    advanceGroup(r.ctx, g, 5_999, r);
    expect(g.state).toBe('PreparingRebalance');
    advanceGroup(r.ctx, g, 6_000, r);
    expect(g.state).toBe('Stable');
    expect(g.generationId).toBe(1);
    expect(g.leaderId).toBe('c1-id');
    expect(g.protocolName).toBe('range');
    expect(ownedKeys(r, 'c1-id')).toBe('orders-0,orders-1');
    expect(ownedKeys(r, 'c2-id')).toBe('orders-2,orders-3');
    const states = eventsOf(r, 'groupStateChanged').map((e) => e.to);
    expect(states).toEqual(['PreparingRebalance', 'CompletingRebalance', 'Stable']);
  });

  it('ClassicGroupState rejects invalid transitions (Stable only from CompletingRebalance)', () => {
    const g = newGroup('g');
    expect(() => transitionTo(recorder({}).ctx, g, 'Stable', 'x')).toThrow(
      /illegal transition Empty -> Stable/,
    );
  });

  it('eager rebalance: a new member makes every member revoke all partitions before rejoining', () => {
    const { g, r } = stableGroupOfTwo();
    r.revocations.length = 0;
    joinGroup(r.ctx, g, joinReq('c3'), 20_000, r);
    expect(g.state).toBe('PreparingRebalance');
    advanceGroup(r.ctx, g, 30_000, r);
    expect(g.state).toBe('Stable');
    expect(g.generationId).toBe(2);
    expect(r.revocations).toEqual([
      { memberId: 'c1-id', partitions: ['orders-0', 'orders-1'] },
      { memberId: 'c2-id', partitions: ['orders-2', 'orders-3'] },
    ]);
    expect(ownedKeys(r, 'c3-id')).toBe('orders-3');
  });

  it('cooperative-sticky: only the moved partition is revoked, and it moves in a follow-up rebalance (KIP-429)', () => {
    const { g, r } = stableGroupOfTwo(coop);
    expect(g.protocolName).toBe('cooperative-sticky');
    const before = { c1: ownedKeys(r, 'c1-id'), c2: ownedKeys(r, 'c2-id') };
    r.revocations.length = 0;
    joinGroup(r.ctx, g, joinReq('c3', coop), 20_000, r);
    advanceGroup(r.ctx, g, 40_000, r);
    expect(g.state).toBe('Stable');
    expect(g.generationId).toBe(3); // one round withholds, the follow-up assigns
    expect(r.revocations.length).toBe(1);
    const moved = r.revocations[0].partitions;
    expect(moved.length).toBe(1);
    expect(ownedKeys(r, 'c3-id')).toBe(moved[0]);
    const kept = [...before.c1.split(','), ...before.c2.split(',')].filter((p) => p !== moved[0]);
    expect([...ownedKeys(r, 'c1-id').split(','), ...ownedKeys(r, 'c2-id').split(',')].sort()).toEqual(
      kept.sort(),
    );
  });

  it('a crashed member is detected only after session.timeout.ms (45 s) from its last heartbeat', () => {
    const { g, r } = stableGroupOfTwo();
    stopHeartbeating(g, 'c2-id', 20_000); // c2 joined at 1 s: heartbeats at 1, 4, ..., 19 s
    expect(nextGroupDeadline(g)).toBe(19_000 + 45_000);
    advanceGroup(r.ctx, g, 63_999, r);
    expect(g.members.length).toBe(2);
    advanceGroup(r.ctx, g, 64_000, r);
    expect(r.removals).toEqual([{ memberId: 'c2-id', cause: 'session-timeout' }]);
    advanceGroup(r.ctx, g, 70_000, r);
    expect(g.state).toBe('Stable');
    expect(ownedKeys(r, 'c1-id')).toBe('orders-0,orders-1,orders-2,orders-3');
  });

  it('a rebalance waits for a crashed member until its session expires', () => {
    const { g, r } = stableGroupOfTwo();
    stopHeartbeating(g, 'c2-id', 20_000);
    joinGroup(r.ctx, g, joinReq('c3'), 21_000, r);
    advanceGroup(r.ctx, g, 40_000, r);
    expect(g.state).toBe('PreparingRebalance');
    advanceGroup(r.ctx, g, 64_000, r);
    expect(g.state).toBe('Stable');
    expect(g.members.map((m) => m.label)).toEqual(['c1', 'c3']);
  });

  it('LeaveGroup from a dynamic member rebalances at once; the last one leaving makes the group Empty', () => {
    const { g, r } = stableGroupOfTwo();
    leaveGroup(r.ctx, g, 'c1-id', 20_000, 'c1 closed', r);
    expect(g.leaderId).toBe('c2-id');
    advanceGroup(r.ctx, g, 30_000, r);
    expect(g.state).toBe('Stable');
    expect(g.generationId).toBe(2);
    leaveGroup(r.ctx, g, 'c2-id', 31_000, 'c2 closed', r);
    expect(g.state).toBe('Empty');
    expect(g.generationId).toBe(3);
  });

  it('static membership: a restart within the session timeout gets the old slot without a rebalance (KIP-345)', () => {
    const r = recorder({ orders: 4 });
    const g = newGroup('orders-app');
    joinGroup(r.ctx, g, joinReq('c1', { instanceId: 'i1' }), 0, r);
    joinGroup(r.ctx, g, joinReq('c2', { instanceId: 'i2' }), 0, r);
    advanceGroup(r.ctx, g, 8_000, r);
    expect(g.state).toBe('Stable');
    const gen = g.generationId;
    const c2Before = ownedKeys(r, 'c2-id');
    stopHeartbeating(g, 'c2-id', 10_000); // static close: no LeaveGroup
    const res = joinGroup(r.ctx, g, joinReq('c2', { instanceId: 'i2', memberId: 'c2-new' }), 30_000, r);
    expect(res).toEqual({ kind: 'static-rejoined', memberId: 'c2-new', replaced: 'c2-id', rebalance: false });
    advanceGroup(r.ctx, g, 200_000, r);
    expect(g.generationId).toBe(gen);
    expect(ownedKeys(r, 'c2-new')).toBe(c2Before);
    expect(r.removals).toEqual([]);
  });

  it('static membership: a duplicate group.instance.id fences the older instance (FENCED_INSTANCE_ID)', () => {
    const r = recorder({ orders: 4 });
    const g = newGroup('orders-app');
    joinGroup(r.ctx, g, joinReq('c1', { instanceId: 'i1' }), 0, r);
    advanceGroup(r.ctx, g, 5_000, r);
    joinGroup(r.ctx, g, joinReq('c1b', { instanceId: 'i1', memberId: 'c1b-id' }), 6_000, r);
    expect(r.fencings).toEqual(['c1-id']);
    expect(g.members.map((m) => m.memberId)).toEqual(['c1b-id']);
  });

  it('static member that stays away longer than session.timeout.ms is removed and triggers a rebalance', () => {
    const r = recorder({ orders: 4 });
    const g = newGroup('orders-app');
    joinGroup(r.ctx, g, joinReq('c1', { instanceId: 'i1' }), 0, r);
    joinGroup(r.ctx, g, joinReq('c2', { instanceId: 'i2' }), 0, r);
    advanceGroup(r.ctx, g, 5_000, r);
    stopHeartbeating(g, 'c2-id', 10_000);
    advanceGroup(r.ctx, g, 100_000, r);
    expect(r.removals).toEqual([{ memberId: 'c2-id', cause: 'session-timeout' }]);
    expect(ownedKeys(r, 'c1-id')).toBe('orders-0,orders-1,orders-2,orders-3');
  });
});
