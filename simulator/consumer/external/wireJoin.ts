// The classic group coordinator for real clients (kafka-sim --listen): JoinGroup and SyncGroup as Kafka's
// GroupMetadataManager handles them (classicGroupJoin*, classicGroupSync), over the same ClassicGroup record the
// simulated consumers use, so kafka-consumer-groups and the views show real clients like any other member. Unlike
// the simulated consumers, whose assignment the simulation computes, here the leader's client computes it and
// sends it in SyncGroup; the coordinator only relays the opaque bytes.
import type { Ctx } from '../../engine/context';
import { prepareRebalance, transitionTo } from '../group/groupState';
import type { ClassicGroup, GroupMember } from '../group/types';
import type { GroupRecord } from '../types';
import { assignedPartitions, subscribedTopics } from './consumerProtocol';
import type { WireGroupState, WireMember, WireProtocol } from './wireState';

export type JoinAnswer = {
  requestKey: number;
  groupId: string;
  memberId: string;
  error: string | null;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  members: Array<{ memberId: string; groupInstanceId: string | null; metadata: string }>;
};

export type SyncAnswer = {
  requestKey: number;
  groupId: string;
  memberId: string;
  error: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignment: string;
};

export function wireOf(rec: GroupRecord): WireGroupState {
  rec.wire ??= { protocolType: null, members: {}, pendingMembers: {}, syncDeadline: null };
  return rec.wire;
}

export function joinError(requestKey: number, groupId: string, memberId: string, error: string): JoinAnswer {
  return {
    requestKey,
    groupId,
    memberId,
    error,
    generationId: -1,
    protocolType: null,
    protocolName: null,
    leader: '',
    members: [],
  };
}

export function answerJoin(ctx: Ctx, a: JoinAnswer, why: string): void {
  ctx.emit('externalJoinGroupAnswered', why, a);
}

export function answerSync(ctx: Ctx, a: SyncAnswer, why: string): void {
  ctx.emit('externalSyncGroupAnswered', why, a);
}

const protocolNames = (m: WireMember) => m.protocols.map((p) => p.name);

/** ClassicGroup#supportsProtocols: an empty group takes any; otherwise the type must match and one name be shared. */
export function supportsProtocols(group: ClassicGroup, wire: WireGroupState, type: string, names: string[]) {
  const members = group.members.map((m) => wire.members[m.memberId]).filter(Boolean);
  if (members.length === 0) return type.length > 0 && names.length > 0;
  return wire.protocolType === type && names.some((n) => members.every((m) => protocolNames(m).includes(n)));
}

/**
 * ClassicGroup#selectProtocol: among the protocols every member supports, each member votes for the first it
 * lists; the most votes wins. Simplification: a tie goes to the one the leader prefers (Kafka's pick among ties
 * follows a hash map's order).
 */
export function selectProtocol(group: ClassicGroup, wire: WireGroupState): string {
  const members = group.members.map((m) => wire.members[m.memberId]);
  const candidates = protocolNames(members[0]).filter((n) =>
    members.every((m) => protocolNames(m).includes(n)),
  );
  const votes = new Map(candidates.map((c) => [c, 0]));
  for (const m of members) {
    const vote = protocolNames(m).find((n) => votes.has(n));
    if (vote) votes.set(vote, (votes.get(vote) ?? 0) + 1);
  }
  const leader = wire.members[group.leaderId ?? ''] ?? members[0];
  const order = protocolNames(leader).filter((n) => votes.has(n));
  return order.reduce((best, n) => ((votes.get(n) ?? 0) > (votes.get(best) ?? 0) ? n : best), order[0]);
}

/** The member's view for describe and the group views: its subscription read from its protocol metadata. */
export function memberRecord(
  memberId: string,
  call: {
    groupInstanceId: string | null;
    clientId: string;
    clientHost: string;
    sessionTimeoutMs: number;
    rebalanceTimeoutMs: number;
    protocols: WireProtocol[];
  },
  now: number,
): GroupMember {
  return {
    memberId,
    label: memberId,
    groupInstanceId: call.groupInstanceId,
    clientId: call.clientId,
    host: call.clientHost,
    topics: call.protocols.length > 0 ? subscribedTopics(call.protocols[0].metadata) : [],
    strategies: [],
    protocol: call.protocols.some((p) => p.name === 'cooperative-sticky') ? 'COOPERATIVE' : 'EAGER',
    sessionTimeoutMs: call.sessionTimeoutMs,
    rebalanceTimeoutMs: call.rebalanceTimeoutMs,
    // The member's liveness is its real heartbeats: it never heartbeats "by itself" as simulated clients do
    heartbeatIntervalMs: call.sessionTimeoutMs,
    since: now,
    heartbeating: false,
    lastHeartbeatAt: now,
    joined: true,
    rejoinAt: null,
    assignment: [],
    owned: [],
    ownedGeneration: null,
  };
}

/**
 * prepareRebalance for a group of real clients: SyncGroups still waiting are answered REBALANCE_IN_PROGRESS
 * (ClassicGroup#resetAndPropagateAssignmentWithError), and only members whose JoinGroup is parked count as joined.
 */
export function startRebalance(ctx: Ctx, rec: GroupRecord, why: string): void {
  const wire = wireOf(rec);
  const group = rec.group;
  if (group.state === 'CompletingRebalance') {
    for (const m of group.members) {
      const w = wire.members[m.memberId];
      if (w?.awaitingSync === null || !w) continue;
      answerSync(
        ctx,
        {
          requestKey: w.awaitingSync,
          groupId: group.groupId,
          memberId: m.memberId,
          error: 'REBALANCE_IN_PROGRESS',
          protocolType: null,
          protocolName: null,
          assignment: '',
        },
        `group ${group.groupId}: ${m.label}'s SyncGroup is answered REBALANCE_IN_PROGRESS: ${why}`,
      );
      w.awaitingSync = null;
    }
  }
  wire.syncDeadline = null;
  prepareRebalance(ctx, group, ctx.now, why);
  for (const m of group.members) m.joined = wire.members[m.memberId]?.awaitingJoin != null;
}

/** ClassicGroup#hasAllMembersJoined: every member's JoinGroup is parked and no KIP-394 member id is pending. */
export function maybeCompleteJoin(ctx: Ctx, rec: GroupRecord): void {
  const g = rec.group;
  if (g.state !== 'PreparingRebalance' || g.initialJoin) return;
  if (Object.keys(wireOf(rec).pendingMembers).length > 0) return;
  if (g.members.every((m) => m.joined)) completeJoin(ctx, rec);
}

/** The join phase ends (GroupMetadataManager#completeClassicGroupJoin): next generation, answers to every JoinGroup. */
export function completeJoin(ctx: Ctx, rec: GroupRecord): void {
  const g = rec.group;
  const wire = wireOf(rec);
  g.generationId += 1;
  g.joinDeadline = null;
  g.joinStartedAt = null;
  g.initialJoin = false;
  const why = g.rebalanceReason ?? 'rebalance';
  g.rebalanceReason = null;
  if (g.members.length === 0) {
    g.protocolName = null;
    g.leaderId = null;
    wire.protocolType = null;
    transitionTo(
      ctx,
      g,
      'Empty',
      `group ${g.groupId}: no members left after ${why}; generation ${g.generationId}, group is Empty`,
    );
    return;
  }
  if (g.leaderId === null || !g.members.some((m) => m.memberId === g.leaderId))
    g.leaderId = g.members[0].memberId;
  g.protocolName = selectProtocol(g, wire);
  const leader = g.members.find((m) => m.memberId === g.leaderId) as GroupMember;
  transitionTo(
    ctx,
    g,
    'CompletingRebalance',
    `group ${g.groupId}: all ${g.members.length} member(s) joined after ${why}; generation ${g.generationId} with protocol ${g.protocolName}; the leader ${leader.label} gets every member's subscription and computes the assignment in its own client`,
  );
  const all = g.members.map((m) => ({
    memberId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    metadata: wire.members[m.memberId].protocols.find((p) => p.name === g.protocolName)?.metadata ?? '',
  }));
  for (const m of g.members) {
    const w = wire.members[m.memberId];
    m.lastHeartbeatAt = ctx.now;
    if (w.awaitingJoin === null) continue;
    answerJoin(ctx, joinAnswerFor(g, wire, m.memberId, w.awaitingJoin, all), joinWhy(g, m));
    w.awaitingJoin = null;
  }
  wire.syncDeadline = ctx.now + Math.max(...g.members.map((m) => m.rebalanceTimeoutMs));
}

function joinWhy(g: ClassicGroup, m: GroupMember): string {
  return m.memberId === g.leaderId
    ? `group ${g.groupId}: ${m.label} is the leader of generation ${g.generationId}: its JoinGroup answer lists all ${g.members.length} member(s) to assign`
    : `group ${g.groupId}: ${m.label} joins generation ${g.generationId} as a follower and waits for its assignment in SyncGroup`;
}

export function joinAnswerFor(
  g: ClassicGroup,
  wire: WireGroupState,
  memberId: string,
  requestKey: number,
  all?: JoinAnswer['members'],
): JoinAnswer {
  const members =
    memberId === g.leaderId
      ? (all ??
        g.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          metadata: wire.members[m.memberId].protocols.find((p) => p.name === g.protocolName)?.metadata ?? '',
        })))
      : [];
  return {
    requestKey,
    groupId: g.groupId,
    memberId,
    error: null,
    generationId: g.generationId,
    protocolType: wire.protocolType,
    protocolName: g.protocolName,
    leader: g.leaderId ?? '',
    members,
  };
}

/** The leader's SyncGroup arrived: every member gets its part, the group is Stable. */
export function completeSync(ctx: Ctx, rec: GroupRecord, assignments: Record<string, string>): void {
  const g = rec.group;
  const wire = wireOf(rec);
  wire.syncDeadline = null;
  for (const m of g.members) {
    const w = wire.members[m.memberId];
    w.assignment = assignments[m.memberId] ?? '';
    m.assignment = assignedPartitions(w.assignment);
    m.owned = [...m.assignment];
    m.ownedGeneration = g.generationId;
  }
  const summary = g.members
    .map(
      (m) => `${m.label} -> ${m.assignment.map((p) => `${p.topic}-${p.partition}`).join(', ') || 'nothing'}`,
    )
    .join('; ');
  transitionTo(
    ctx,
    g,
    'Stable',
    `group ${g.groupId}: the leader's SyncGroup delivered generation ${g.generationId} (${summary})`,
  );
  const leader = g.members.find((m) => m.memberId === g.leaderId) as GroupMember;
  ctx.emit(
    'groupAssignment',
    `group ${g.groupId}: generation ${g.generationId} assigned by the leader's client with ${g.protocolName}: ${summary}`,
    {
      groupId: g.groupId,
      generationId: g.generationId,
      assignor: g.protocolName ?? '',
      protocol: leader.protocol,
      leaderId: leader.memberId,
      assignment: Object.fromEntries(g.members.map((m) => [m.memberId, m.assignment])),
      withheld: [],
    },
  );
  for (const m of g.members) {
    const w = wire.members[m.memberId];
    if (w.awaitingSync === null) continue;
    answerSync(
      ctx,
      {
        requestKey: w.awaitingSync,
        groupId: g.groupId,
        memberId: m.memberId,
        error: null,
        protocolType: wire.protocolType,
        protocolName: g.protocolName,
        assignment: w.assignment,
      },
      `group ${g.groupId}: ${m.label} receives its assignment for generation ${g.generationId}`,
    );
    w.awaitingSync = null;
  }
}
