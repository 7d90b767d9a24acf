// The classic group's state machine (ClassicGroupState) and the steps both halves of the coordinator share:
// a new group, legal transitions, heartbeat arithmetic, and the start of a join phase (prepareRebalance).
// Time is the simulator's virtual clock: liveness is modelled lazily — a running client is taken to
// heartbeat every heartbeat.interval.ms, so only a member that stopped heartbeating carries a deadline.
import type { Ctx } from '../../engine/context';
import type { ClassicGroup, GroupMember, GroupStateName } from './types';
import { GROUP_INITIAL_REBALANCE_DELAY_MS, VALID_PREVIOUS_STATES } from './types';

export function newGroup(groupId: string): ClassicGroup {
  return {
    groupId,
    state: 'Empty',
    generationId: 0,
    protocolName: null,
    leaderId: null,
    members: [],
    joinDeadline: null,
    joinStartedAt: null,
    initialJoin: false,
    newMemberAdded: false,
    rebalanceReason: null,
    assignedPartitionCounts: null,
  };
}

/** Moves the group to `to`, enforcing ClassicGroupState's valid previous states. */
export function transitionTo(ctx: Ctx, group: ClassicGroup, to: GroupStateName, reason: string): void {
  if (!VALID_PREVIOUS_STATES[to].includes(group.state)) {
    throw new Error(`group ${group.groupId}: illegal transition ${group.state} -> ${to}`);
  }
  const from = group.state;
  group.state = to;
  ctx.emit('groupStateChanged', reason, {
    groupId: group.groupId,
    from,
    to,
    generationId: group.generationId,
  });
}

export function findMember(group: ClassicGroup, memberId: string): GroupMember | undefined {
  return group.members.find((m) => m.memberId === memberId);
}

/** Time of the member's last heartbeat at or before `at` (heartbeats tick every interval from `since`). */
export function lastHeartbeatBefore(member: GroupMember, at: number): number {
  const ticks = Math.floor((at - member.since) / member.heartbeatIntervalMs);
  return member.since + Math.max(0, ticks) * member.heartbeatIntervalMs;
}

export function nextHeartbeatAfter(member: GroupMember, at: number): number {
  return lastHeartbeatBefore(member, at) + member.heartbeatIntervalMs;
}

/**
 * Starts a join phase. Live members rejoin at their next heartbeat (its answer is REBALANCE_IN_PROGRESS);
 * eager ones revoke everything then. Simplification: a live member's application thread is assumed to
 * call poll() promptly, so it rejoins at that heartbeat.
 */
export function prepareRebalance(ctx: Ctx, group: ClassicGroup, now: number, why: string): void {
  const fromEmpty = group.state === 'Empty';
  group.joinStartedAt = now;
  group.initialJoin = fromEmpty;
  group.newMemberAdded = false;
  group.rebalanceReason = why;
  if (fromEmpty) {
    group.joinDeadline = now + GROUP_INITIAL_REBALANCE_DELAY_MS;
  } else {
    group.joinDeadline = now + Math.max(0, ...group.members.map((m) => m.rebalanceTimeoutMs));
    for (const m of group.members) {
      if (m.joined && m.rejoinAt === null && m.since === now) continue; // the member that just joined
      m.joined = false;
      m.rejoinAt = m.heartbeating ? nextHeartbeatAfter(m, now) : null;
    }
  }
  const eager = group.members.some((m) => m.protocol === 'EAGER');
  const style = fromEmpty
    ? `waiting group.initial.rebalance.delay.ms=${GROUP_INITIAL_REBALANCE_DELAY_MS} for more members`
    : group.members.length === 0
      ? 'no members are left, so it ends Empty'
      : eager
        ? 'eager: every member revokes all its partitions when it rejoins'
        : 'cooperative: members keep their partitions while they rejoin';
  transitionTo(
    ctx,
    group,
    'PreparingRebalance',
    `group ${group.groupId}: ${why}; rebalance starts (${style})`,
  );
}
