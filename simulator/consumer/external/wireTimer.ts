// Deadlines of a group of real clients on the virtual clock (which follows wall time while clients are
// connected): a member's session (session.timeout.ms after its last heartbeat, JoinGroup or SyncGroup; not while
// its JoinGroup or SyncGroup is parked, ClassicGroupMember#hasSatisfiedHeartbeat), a KIP-394 member id that was
// never used, the end of the join phase (group.initial.rebalance.delay.ms for an empty group, else the rebalance
// timeout, after which members that did not rejoin are removed), and the pending-sync timeout.
import type { Ctx } from '../../engine/context';
import { GROUP_INITIAL_REBALANCE_DELAY_MS, type MemberRemovalCause } from '../group/types';
import type { GroupRecord } from '../types';
import {
  answerJoin,
  answerSync,
  completeJoin,
  joinError,
  maybeCompleteJoin,
  startRebalance,
  wireOf,
} from './wireJoin';

type Due = { at: number; run: () => void };

function dueItems(ctx: Ctx, rec: GroupRecord): Due[] {
  const g = rec.group;
  const wire = wireOf(rec);
  const items: Due[] = [];
  for (const [memberId, at] of Object.entries(wire.pendingMembers))
    items.push({
      at,
      run: () => {
        delete wire.pendingMembers[memberId];
        maybeCompleteJoin(ctx, rec);
      },
    });
  for (const m of g.members) {
    const w = wire.members[m.memberId];
    if (!w || w.awaitingJoin !== null || w.awaitingSync !== null) continue;
    const at = m.lastHeartbeatAt + m.sessionTimeoutMs;
    items.push({
      at,
      run: () =>
        removeWireMember(
          ctx,
          rec,
          m.memberId,
          'session-timeout',
          `no heartbeat from ${m.label} for session.timeout.ms=${m.sessionTimeoutMs} (last at ${m.lastHeartbeatAt} ms); it is removed`,
        ),
    });
  }
  if (g.state === 'PreparingRebalance' && g.joinDeadline !== null) {
    const at = g.joinDeadline;
    items.push({ at, run: () => onJoinDeadline(ctx, rec) });
  }
  if (g.state === 'CompletingRebalance' && wire.syncDeadline !== null) {
    items.push({ at: wire.syncDeadline, run: () => onSyncDeadline(ctx, rec) });
  }
  return items;
}

/** Earliest pending deadline of the group, or null. */
export function nextWireDeadline(ctx: Ctx, rec: GroupRecord): number | null {
  const times = dueItems(ctx, rec).map((d) => d.at);
  return times.length === 0 ? null : Math.min(...times);
}

export function armWireTimer(ctx: Ctx, groupId: string): void {
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (!rec?.wire) return;
  if (rec.group.state === 'Empty') rec.emptySince ??= ctx.now;
  else rec.emptySince = null;
  const next = nextWireDeadline(ctx, rec);
  if (next !== null && (rec.timerAt === null || rec.timerAt <= ctx.now || next < rec.timerAt)) {
    rec.timerAt = next;
    ctx.scheduleAt(next, { type: 'externalGroupTimer', groupId });
  }
}

/** Runs every deadline up to now, earliest first. */
export function advanceWireGroup(ctx: Ctx, rec: GroupRecord): void {
  for (let guard = 0; guard < 10_000; guard++) {
    const due = dueItems(ctx, rec)
      .filter((d) => d.at <= ctx.now)
      .sort((a, b) => a.at - b.at);
    if (due.length === 0) return;
    due[0].run();
  }
  throw new Error(`group ${rec.group.groupId}: coordinator did not settle`);
}

export function removeWireMember(
  ctx: Ctx,
  rec: GroupRecord,
  memberId: string,
  cause: MemberRemovalCause,
  why: string,
): void {
  const g = rec.group;
  const wire = wireOf(rec);
  const m = g.members.find((x) => x.memberId === memberId);
  if (!m) return;
  const w = wire.members[memberId];
  g.members = g.members.filter((x) => x.memberId !== memberId);
  delete wire.members[memberId];
  if (g.leaderId === memberId) g.leaderId = g.members[0]?.memberId ?? null;
  if (w?.awaitingJoin != null)
    answerJoin(
      ctx,
      joinError(w.awaitingJoin, g.groupId, memberId, 'UNKNOWN_MEMBER_ID'),
      `group ${g.groupId}: ${why}`,
    );
  if (w?.awaitingSync != null)
    answerSync(
      ctx,
      {
        requestKey: w.awaitingSync,
        groupId: g.groupId,
        memberId,
        error: 'UNKNOWN_MEMBER_ID',
        protocolType: null,
        protocolName: null,
        assignment: '',
      },
      `group ${g.groupId}: ${why}`,
    );
  ctx.emit('groupMemberRemoved', `group ${g.groupId}: ${why}`, {
    groupId: g.groupId,
    memberId,
    label: m.label,
    cause,
  });
  if (g.state === 'Stable' || g.state === 'CompletingRebalance') startRebalance(ctx, rec, why);
  else if (g.state === 'PreparingRebalance' && !g.initialJoin && g.members.every((x) => x.joined))
    completeJoin(ctx, rec);
}

function onJoinDeadline(ctx: Ctx, rec: GroupRecord): void {
  const g = rec.group;
  if (g.initialJoin) {
    // InitialDelayedJoin: each new member extends the delay, up to the rebalance timeout
    const cap = (g.joinStartedAt ?? ctx.now) + Math.max(0, ...g.members.map((m) => m.rebalanceTimeoutMs));
    if (g.newMemberAdded && ctx.now < cap) {
      g.newMemberAdded = false;
      g.joinDeadline = ctx.now + Math.min(GROUP_INITIAL_REBALANCE_DELAY_MS, cap - ctx.now);
      return;
    }
    g.initialJoin = false;
    completeJoin(ctx, rec);
    return;
  }
  g.joinDeadline = null;
  for (const m of g.members.filter((x) => !x.joined)) {
    g.members = g.members.filter((x) => x.memberId !== m.memberId);
    delete wireOf(rec).members[m.memberId];
    if (g.leaderId === m.memberId) g.leaderId = g.members[0]?.memberId ?? null;
    ctx.emit(
      'groupMemberRemoved',
      `group ${g.groupId}: ${m.label} did not rejoin within the rebalance timeout (${m.rebalanceTimeoutMs} ms); it is removed`,
      { groupId: g.groupId, memberId: m.memberId, label: m.label, cause: 'rebalance-timeout' },
    );
  }
  completeJoin(ctx, rec);
}

/** Members that did not send SyncGroup within the rebalance timeout are removed and the group rebalances. */
function onSyncDeadline(ctx: Ctx, rec: GroupRecord): void {
  const wire = wireOf(rec);
  wire.syncDeadline = null;
  const late = rec.group.members.filter((m) => wire.members[m.memberId]?.awaitingSync === null);
  for (const m of late) {
    rec.group.members = rec.group.members.filter((x) => x.memberId !== m.memberId);
    delete wire.members[m.memberId];
    if (rec.group.leaderId === m.memberId) rec.group.leaderId = rec.group.members[0]?.memberId ?? null;
    ctx.emit(
      'groupMemberRemoved',
      `group ${rec.group.groupId}: ${m.label} sent no SyncGroup within the rebalance timeout; it is removed`,
      { groupId: rec.group.groupId, memberId: m.memberId, label: m.label, cause: 'rebalance-timeout' },
    );
  }
  startRebalance(ctx, rec, `${late.length} member(s) missed the SyncGroup deadline`);
}
