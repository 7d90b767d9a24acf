// The classic group coordinator as a pure state machine over ClassicGroup data (ClassicGroup,
// GroupMetadataManager). Time is the simulator's virtual clock: liveness is modelled lazily — a running
// client is taken to heartbeat every heartbeat.interval.ms, so only a member that stopped heartbeating
// carries a deadline (last heartbeat + session.timeout.ms). Fast-forwarding therefore costs nothing.
// Simplification: a live member rejoins at its next heartbeat after a rebalance starts (the heartbeat
// answer REBALANCE_IN_PROGRESS), i.e. its application thread is assumed to call poll() promptly.
import { completeJoin } from './groupRebalance';
import type { ClassicGroup, GroupHooks, GroupMember, GroupStateName, MemberRemovalCause } from './groupTypes';
import { GROUP_INITIAL_REBALANCE_DELAY_MS, VALID_PREVIOUS_STATES } from './groupTypes';
import type { AssignorName, RebalanceProtocol } from './types';

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
  };
}

/** Moves the group to `to`, enforcing ClassicGroupState's valid previous states. */
export function transitionTo(
  group: ClassicGroup,
  to: GroupStateName,
  reason: string,
  hooks: GroupHooks,
): void {
  if (!VALID_PREVIOUS_STATES[to].includes(group.state)) {
    throw new Error(`group ${group.groupId}: illegal transition ${group.state} -> ${to}`);
  }
  const from = group.state;
  group.state = to;
  hooks.emit({
    kind: 'group-state',
    groupId: group.groupId,
    from,
    to,
    generationId: group.generationId,
    reason,
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

function nextHeartbeatAfter(member: GroupMember, at: number): number {
  return lastHeartbeatBefore(member, at) + member.heartbeatIntervalMs;
}

export type JoinRequest = {
  memberId: string;
  label: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  topics: string[];
  strategies: AssignorName[];
  protocol: RebalanceProtocol;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
};

export type JoinResult =
  | { kind: 'joined'; memberId: string }
  /** Static member took over its old slot; `rebalance` false means the old assignment was handed back. */
  | { kind: 'static-rejoined'; memberId: string; replaced: string; rebalance: boolean };

export function joinGroup(group: ClassicGroup, req: JoinRequest, now: number, hooks: GroupHooks): JoinResult {
  if (group.state === 'Dead') {
    Object.assign(group, newGroup(group.groupId));
  }
  const existing =
    req.groupInstanceId === null
      ? undefined
      : group.members.find((m) => m.groupInstanceId === req.groupInstanceId);
  if (existing) return replaceStaticMember(group, existing, req, now, hooks);

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
  hooks.emit({
    kind: 'member-joined',
    groupId: group.groupId,
    memberId: member.memberId,
    label: req.label,
    reason: `group ${group.groupId}: ${why}`,
  });
  if (group.state === 'PreparingRebalance') {
    if (group.initialJoin) group.newMemberAdded = true;
  } else {
    prepareRebalance(group, now, why, hooks);
  }
  maybeCompleteJoin(group, now, hooks);
  return { kind: 'joined', memberId: member.memberId };
}

/**
 * KIP-345: a static member rejoining under a new member id takes over the old slot
 * (ClassicGroup#replaceStaticMember). If the old instance was still alive it is fenced
 * (FENCED_INSTANCE_ID). In a Stable group with an unchanged subscription no rebalance happens and the
 * old assignment is returned as is.
 */
function replaceStaticMember(
  group: ClassicGroup,
  old: GroupMember,
  req: JoinRequest,
  now: number,
  hooks: GroupHooks,
): JoinResult {
  const oldId = old.memberId;
  if (old.heartbeating) {
    hooks.onFenced(oldId);
    hooks.emit({
      kind: 'member-fenced',
      groupId: group.groupId,
      memberId: oldId,
      label: old.label,
      reason: `group ${group.groupId}: ${old.label} fenced: another instance joined with group.instance.id ${req.groupInstanceId} (FENCED_INSTANCE_ID)`,
    });
  }
  const duplicate = old.heartbeating;
  const sameSubscription =
    old.topics.length === req.topics.length && old.topics.every((t) => req.topics.includes(t));
  Object.assign(old, { ...req, since: now, heartbeating: true, lastHeartbeatAt: now, rejoinAt: null });
  if (group.leaderId === oldId) group.leaderId = req.memberId;
  hooks.emit({
    kind: 'static-member-replaced',
    groupId: group.groupId,
    oldMemberId: oldId,
    memberId: req.memberId,
    label: req.label,
    reason: duplicate
      ? `group ${group.groupId}: ${req.label} joined with group.instance.id ${req.groupInstanceId}, already in use; it takes over the slot`
      : `group ${group.groupId}: static member ${req.groupInstanceId} came back as ${req.label} before its session timed out and takes over its old slot`,
  });
  if (group.state === 'Stable' && sameSubscription) {
    old.joined = true;
    hooks.onAssign(old.memberId, [...old.assignment], group.generationId);
    return { kind: 'static-rejoined', memberId: req.memberId, replaced: oldId, rebalance: false };
  }
  // A new process owns nothing yet and has no sticky memory of its own
  old.joined = true;
  old.assignment = [];
  old.owned = [];
  old.ownedGeneration = null;
  if (group.state !== 'PreparingRebalance') {
    prepareRebalance(
      group,
      now,
      `static member ${req.groupInstanceId} rejoined with a changed subscription`,
      hooks,
    );
  }
  maybeCompleteJoin(group, now, hooks);
  return { kind: 'static-rejoined', memberId: req.memberId, replaced: oldId, rebalance: true };
}

/** Starts a join phase. Live members rejoin at their next heartbeat; eager ones revoke everything then. */
export function prepareRebalance(group: ClassicGroup, now: number, why: string, hooks: GroupHooks): void {
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
    : eager
      ? 'eager: every member revokes all its partitions when it rejoins'
      : 'cooperative: members keep their partitions while they rejoin';
  transitionTo(
    group,
    'PreparingRebalance',
    `group ${group.groupId}: ${why}; rebalance starts (${style})`,
    hooks,
  );
}

/** A member rejoins in the current join phase (JoinGroup). */
function rejoin(group: ClassicGroup, member: GroupMember, now: number, hooks: GroupHooks): void {
  const immediate = member.rejoinAt === group.joinStartedAt;
  member.joined = true;
  member.rejoinAt = null;
  member.lastHeartbeatAt = now;
  let detail = 'cooperative: it keeps its partitions';
  if (member.protocol === 'EAGER' && member.assignment.length > 0) {
    const revoked = member.assignment;
    member.assignment = [];
    hooks.onRevoke(member.memberId, revoked);
    hooks.emit({
      kind: 'partitions-revoked',
      groupId: group.groupId,
      memberId: member.memberId,
      label: member.label,
      partitions: revoked,
      reason: `group ${group.groupId}: ${member.label} revokes all ${revoked.length} of its partitions before rejoining (eager rebalance); processing of them pauses`,
    });
    detail = 'revoked everything';
  }
  hooks.emit({
    kind: 'member-rejoined',
    groupId: group.groupId,
    memberId: member.memberId,
    label: member.label,
    reason: immediate
      ? `group ${group.groupId}: ${member.label} rejoined right after revoking (${detail})`
      : `group ${group.groupId}: ${member.label} learned of the rebalance from its heartbeat and rejoined (${detail})`,
  });
  maybeCompleteJoin(group, now, hooks);
}

/** LeaveGroup from a dynamic member (close, or max.poll.interval.ms exceeded). */
export function leaveGroup(
  group: ClassicGroup,
  memberId: string,
  now: number,
  why: string,
  hooks: GroupHooks,
): void {
  removeMember(group, memberId, now, 'leave', why, hooks);
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
  group: ClassicGroup,
  memberId: string,
  now: number,
  cause: MemberRemovalCause,
  why: string,
  hooks: GroupHooks,
): void {
  const m = findMember(group, memberId);
  if (!m) return;
  group.members = group.members.filter((x) => x.memberId !== memberId);
  if (group.leaderId === memberId) group.leaderId = group.members[0]?.memberId ?? null;
  hooks.onRemoved(memberId, cause);
  hooks.emit({
    kind: 'member-removed',
    groupId: group.groupId,
    memberId,
    label: m.label,
    cause,
    reason: `group ${group.groupId}: ${why}`,
  });
  if (group.state === 'Stable' || group.state === 'CompletingRebalance') {
    prepareRebalance(group, now, why, hooks);
  }
  maybeCompleteJoin(group, now, hooks);
}

/** tryCompleteJoin: every remaining member has rejoined (and the initial delay, if any, has passed). */
function maybeCompleteJoin(group: ClassicGroup, now: number, hooks: GroupHooks): void {
  if (group.state !== 'PreparingRebalance') return;
  if (group.initialJoin) return; // InitialDelayedJoin completes only on its timer
  if (group.members.every((m) => m.joined)) completeJoin(group, now, hooks);
}

type Due = { at: number; rank: number; run: () => void };

/** Earliest pending coordinator deadline, or null when nothing will happen without outside input. */
export function nextGroupDeadline(group: ClassicGroup): number | null {
  const times = dueItems(group, null, null).map((d) => d.at);
  return times.length === 0 ? null : Math.min(...times);
}

function dueItems(group: ClassicGroup, hooks: GroupHooks | null, nowRef: { now: number } | null): Due[] {
  const items: Due[] = [];
  group.members.forEach((m, i) => {
    if (!m.heartbeating) {
      const at = m.lastHeartbeatAt + m.sessionTimeoutMs;
      items.push({
        at,
        rank: i,
        run: () =>
          hooks &&
          nowRef &&
          removeMember(
            group,
            m.memberId,
            at,
            'session-timeout',
            `no heartbeat from ${m.label} for session.timeout.ms=${m.sessionTimeoutMs} (last at ${m.lastHeartbeatAt} ms); it is removed`,
            hooks,
          ),
      });
    } else if (group.state === 'PreparingRebalance' && !m.joined && m.rejoinAt !== null) {
      const at = m.rejoinAt;
      items.push({ at, rank: 10_000 + i, run: () => hooks && rejoin(group, m, at, hooks) });
    }
  });
  if (group.state === 'PreparingRebalance' && group.joinDeadline !== null) {
    const at = group.joinDeadline;
    items.push({ at, rank: 20_000, run: () => hooks && onJoinDeadline(group, at, hooks) });
  }
  return items;
}

function onJoinDeadline(group: ClassicGroup, now: number, hooks: GroupHooks): void {
  if (group.initialJoin) {
    const cap = (group.joinStartedAt ?? now) + Math.max(0, ...group.members.map((m) => m.rebalanceTimeoutMs));
    if (group.newMemberAdded && now < cap) {
      group.newMemberAdded = false;
      group.joinDeadline = now + Math.min(GROUP_INITIAL_REBALANCE_DELAY_MS, cap - now);
      return;
    }
    group.initialJoin = false;
    completeJoin(group, now, hooks);
    return;
  }
  // rebalance timeout: members that did not rejoin are dropped
  for (const m of group.members.filter((x) => !x.joined)) {
    removeMember(
      group,
      m.memberId,
      now,
      'rebalance-timeout',
      `${m.label} did not rejoin within the rebalance timeout (max.poll.interval.ms=${m.rebalanceTimeoutMs}); it is removed`,
      hooks,
    );
  }
  if (group.state === 'PreparingRebalance') completeJoin(group, now, hooks);
}

/** Runs every coordinator deadline up to `now`, in time order. */
export function advanceGroup(group: ClassicGroup, now: number, hooks: GroupHooks): void {
  for (let guard = 0; guard < 100_000; guard++) {
    const due = dueItems(group, hooks, { now })
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
