// The classic group coordinator (ClassicGroup, GroupMetadataManager): members join, rejoin, leave and time
// out; the join phase ends when everyone rejoined or at its deadline (rebalance.ts then hands out the next
// generation). Every deadline is data in the group, run by advanceGroup when the group's timer fires.
import type { Ctx } from '../../engine/context';
import {
  findMember,
  lastHeartbeatBefore,
  newGroup,
  nextHeartbeatAfter,
  prepareRebalance,
  transitionTo,
} from './groupState';
import { completeJoin } from './rebalance';
import type { ClassicGroup, GroupMember, JoinRequest, MemberClients, MemberRemovalCause } from './types';
import { GROUP_INITIAL_REBALANCE_DELAY_MS } from './types';

export { findMember, lastHeartbeatBefore, newGroup, prepareRebalance, transitionTo };

export type JoinResult =
  | { kind: 'joined'; memberId: string }
  /** Static member took over its old slot; `rebalance` false means the old assignment was handed back. */
  | { kind: 'static-rejoined'; memberId: string; replaced: string; rebalance: boolean };

export function joinGroup(
  ctx: Ctx,
  group: ClassicGroup,
  req: JoinRequest,
  now: number,
  clients: MemberClients,
): JoinResult {
  if (group.state === 'Dead') {
    Object.assign(group, newGroup(group.groupId));
  }
  const existing =
    req.groupInstanceId === null
      ? undefined
      : group.members.find((m) => m.groupInstanceId === req.groupInstanceId);
  if (existing) return replaceStaticMember(ctx, group, existing, req, now, clients);

  const member: GroupMember = {
    ...req,
    since: now,
    heartbeating: true,
    lastHeartbeatAt: now,
    joined: true,
    rejoinAt: null,
    assignment: [],
    owned: [],
    ownedGeneration: null,
  };
  group.members.push(member);
  if (group.leaderId === null) group.leaderId = member.memberId;
  const why = `member ${req.label} joined${req.groupInstanceId ? ` (group.instance.id ${req.groupInstanceId})` : ''}`;
  ctx.emit('groupMemberJoined', `group ${group.groupId}: ${why}`, {
    groupId: group.groupId,
    memberId: member.memberId,
    label: req.label,
  });
  if (group.state === 'PreparingRebalance') {
    if (group.initialJoin) group.newMemberAdded = true;
  } else {
    prepareRebalance(ctx, group, now, why);
  }
  maybeCompleteJoin(ctx, group, now, clients);
  return { kind: 'joined', memberId: member.memberId };
}

/**
 * KIP-345: a static member rejoining under a new member id takes over the old slot
 * (ClassicGroup#replaceStaticMember). If the old instance was still alive it is fenced
 * (FENCED_INSTANCE_ID). In a Stable group with an unchanged subscription no rebalance happens and the
 * old assignment is returned as is.
 */
function replaceStaticMember(
  ctx: Ctx,
  group: ClassicGroup,
  old: GroupMember,
  req: JoinRequest,
  now: number,
  clients: MemberClients,
): JoinResult {
  const oldId = old.memberId;
  if (old.heartbeating) {
    clients.fenced(ctx, group.groupId, oldId);
    ctx.emit(
      'groupMemberFenced',
      `group ${group.groupId}: ${old.label} fenced: another instance joined with group.instance.id ${req.groupInstanceId} (FENCED_INSTANCE_ID)`,
      { groupId: group.groupId, memberId: oldId, label: old.label },
    );
  }
  const duplicate = old.heartbeating;
  const sameSubscription =
    old.topics.length === req.topics.length && old.topics.every((t) => req.topics.includes(t));
  Object.assign(old, { ...req, since: now, heartbeating: true, lastHeartbeatAt: now, rejoinAt: null });
  if (group.leaderId === oldId) group.leaderId = req.memberId;
  ctx.emit(
    'groupStaticMemberReplaced',
    duplicate
      ? `group ${group.groupId}: ${req.label} joined with group.instance.id ${req.groupInstanceId}, already in use; it takes over the slot`
      : `group ${group.groupId}: static member ${req.groupInstanceId} came back as ${req.label} before its session timed out and takes over its old slot`,
    { groupId: group.groupId, oldMemberId: oldId, memberId: req.memberId, label: req.label },
  );
  if (group.state === 'Stable' && sameSubscription) {
    old.joined = true;
    clients.assign(ctx, group.groupId, old.memberId, [...old.assignment], group.generationId);
    return { kind: 'static-rejoined', memberId: req.memberId, replaced: oldId, rebalance: false };
  }
  // A new process owns nothing yet and has no sticky memory of its own
  old.joined = true;
  old.assignment = [];
  old.owned = [];
  old.ownedGeneration = null;
  if (group.state !== 'PreparingRebalance') {
    prepareRebalance(
      ctx,
      group,
      now,
      `static member ${req.groupInstanceId} rejoined with a changed subscription`,
    );
  }
  maybeCompleteJoin(ctx, group, now, clients);
  return { kind: 'static-rejoined', memberId: req.memberId, replaced: oldId, rebalance: true };
}

/** A member rejoins in the current join phase (JoinGroup). */
function rejoin(
  ctx: Ctx,
  group: ClassicGroup,
  member: GroupMember,
  now: number,
  clients: MemberClients,
): void {
  const immediate = member.rejoinAt === group.joinStartedAt;
  member.joined = true;
  member.rejoinAt = null;
  member.lastHeartbeatAt = now;
  let detail =
    member.protocol === 'EAGER'
      ? 'eager: it owned no partitions to revoke'
      : 'cooperative: it keeps its partitions';
  if (member.protocol === 'EAGER' && member.assignment.length > 0) {
    const revoked = member.assignment;
    member.assignment = [];
    clients.revoke(ctx, group.groupId, member.memberId, revoked);
    ctx.emit(
      'groupPartitionsRevoked',
      `group ${group.groupId}: ${member.label} revokes all ${revoked.length} of its partitions before rejoining (eager rebalance); processing of them pauses`,
      { groupId: group.groupId, memberId: member.memberId, label: member.label, partitions: revoked },
    );
    detail = 'revoked everything';
  }
  ctx.emit(
    'groupMemberRejoined',
    immediate
      ? `group ${group.groupId}: ${member.label} rejoined right after revoking (${detail})`
      : `group ${group.groupId}: ${member.label} learned of the rebalance from its heartbeat and rejoined (${detail})`,
    { groupId: group.groupId, memberId: member.memberId, label: member.label },
  );
  maybeCompleteJoin(ctx, group, now, clients);
}

/** LeaveGroup from a dynamic member (close, or max.poll.interval.ms exceeded). */
export function leaveGroup(
  ctx: Ctx,
  group: ClassicGroup,
  memberId: string,
  now: number,
  why: string,
  clients: MemberClients,
): void {
  removeMember(ctx, group, memberId, now, 'leave', why, clients);
}

/** The client stopped heartbeating at `at` (crash, or a static member closing / missing its poll deadline). */
export function stopHeartbeating(group: ClassicGroup, memberId: string, at: number): void {
  const m = findMember(group, memberId);
  if (!m?.heartbeating) return;
  m.heartbeating = false;
  m.lastHeartbeatAt = lastHeartbeatBefore(m, at);
  m.rejoinAt = null;
}

function removeMember(
  ctx: Ctx,
  group: ClassicGroup,
  memberId: string,
  now: number,
  cause: MemberRemovalCause,
  why: string,
  clients: MemberClients,
): void {
  const m = findMember(group, memberId);
  if (!m) return;
  group.members = group.members.filter((x) => x.memberId !== memberId);
  if (group.leaderId === memberId) group.leaderId = group.members[0]?.memberId ?? null;
  clients.removed(ctx, group.groupId, memberId, cause);
  ctx.emit('groupMemberRemoved', `group ${group.groupId}: ${why}`, {
    groupId: group.groupId,
    memberId,
    label: m.label,
    cause,
  });
  if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
    prepareRebalance(ctx, group, now, why);
  }
  maybeCompleteJoin(ctx, group, now, clients);
}

/** tryCompleteJoin: every remaining member has rejoined (and the initial delay, if any, has passed). */
function maybeCompleteJoin(ctx: Ctx, group: ClassicGroup, now: number, clients: MemberClients): void {
  if (group.state !== 'PreparingRebalance') return;
  if (group.initialJoin) return; // InitialDelayedJoin completes only on its timer
  if (group.members.every((m) => m.joined)) completeJoin(ctx, group, now, clients);
}

type Due = { at: number; rank: number; run: () => void };

/** Earliest pending coordinator deadline, or null when nothing will happen without outside input. */
export function nextGroupDeadline(group: ClassicGroup): number | null {
  const times = dueItems(null, group).map((d) => d.at);
  return times.length === 0 ? null : Math.min(...times);
}

/** Pending deadlines, ranked for ties; without `handles` only their times are of use. */
function dueItems(handles: { ctx: Ctx; clients: MemberClients } | null, group: ClassicGroup): Due[] {
  const items: Due[] = [];
  group.members.forEach((m, i) => {
    if (!m.heartbeating) {
      const at = m.lastHeartbeatAt + m.sessionTimeoutMs;
      items.push({
        at,
        rank: i,
        run: () =>
          handles &&
          removeMember(
            handles.ctx,
            group,
            m.memberId,
            at,
            'session-timeout',
            `no heartbeat from ${m.label} for session.timeout.ms=${m.sessionTimeoutMs} (last at ${m.lastHeartbeatAt} ms); it is removed`,
            handles.clients,
          ),
      });
    } else if (group.state === 'PreparingRebalance' && !m.joined && m.rejoinAt !== null) {
      const at = m.rejoinAt;
      items.push({
        at,
        rank: 10_000 + i,
        run: () => handles && rejoin(handles.ctx, group, m, at, handles.clients),
      });
    }
  });
  if (group.state === 'PreparingRebalance' && group.joinDeadline !== null) {
    const at = group.joinDeadline;
    items.push({
      at,
      rank: 20_000,
      run: () => handles && onJoinDeadline(handles.ctx, group, at, handles.clients),
    });
  }
  return items;
}

function onJoinDeadline(ctx: Ctx, group: ClassicGroup, now: number, clients: MemberClients): void {
  if (group.initialJoin) {
    const cap = (group.joinStartedAt ?? now) + Math.max(0, ...group.members.map((m) => m.rebalanceTimeoutMs));
    if (group.newMemberAdded && now < cap) {
      group.newMemberAdded = false;
      group.joinDeadline = now + Math.min(GROUP_INITIAL_REBALANCE_DELAY_MS, cap - now);
      return;
    }
    group.initialJoin = false;
    completeJoin(ctx, group, now, clients);
    return;
  }
  // rebalance timeout: members that did not rejoin are dropped
  for (const m of group.members.filter((x) => !x.joined)) {
    removeMember(
      ctx,
      group,
      m.memberId,
      now,
      'rebalance-timeout',
      `${m.label} did not rejoin within the rebalance timeout (max.poll.interval.ms=${m.rebalanceTimeoutMs}); it is removed`,
      clients,
    );
  }
  if (group.state === 'PreparingRebalance') completeJoin(ctx, group, now, clients);
}

/** Runs every coordinator deadline up to `now`, in time order. */
export function advanceGroup(ctx: Ctx, group: ClassicGroup, now: number, clients: MemberClients): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const due = dueItems({ ctx, clients }, group)
      .filter((d) => d.at <= now)
      .sort((a, b) => a.at - b.at || a.rank - b.rank);
    if (due.length === 0) return;
    due[0].run();
  }
  throw new Error(`group ${group.groupId}: coordinator did not settle`);
}

/** A client that had stopped heartbeating (static member past its poll deadline) polls again in time. */
export function resumeHeartbeating(group: ClassicGroup, memberId: string, now: number): void {
  const m = findMember(group, memberId);
  if (!m || m.heartbeating) return;
  m.heartbeating = true;
  m.since = now;
  m.lastHeartbeatAt = now;
  if (group.state === 'PreparingRebalance' && !m.joined) m.rejoinAt = nextHeartbeatAfter(m, now);
}
