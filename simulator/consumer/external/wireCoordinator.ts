// The group coordinator's commands for real clients (kafka-sim --listen): JoinGroup, SyncGroup, Heartbeat,
// LeaveGroup and OffsetCommit as GroupMetadataManager / ClassicGroup validate them, each a command on the
// simulation's log so a client session replays. JoinGroup and SyncGroup may be answered later (when the join
// phase ends, when the leader syncs): their answers are events carrying the request's key. Deadlines (session
// timeouts, the join phase, the pending-sync timeout, KIP-394 pending member ids) run on the virtual clock.
import type { Ctx } from '../../engine/context';
import { type CommandHandler, defineArea, ok, type TaskHandler } from '../../engine/registry';
import { memberUuid } from '../client/consumerClient';
import { newGroup } from '../group/groupState';
import { coordinatorAvailable, coordinatorId, ensureOffsetsTopic } from '../group/offsetsTopic';
import { groupRecord, storeOffsets } from '../offsets/offsetStore';
import type { GroupRecord } from '../types';
import { subscribedTopics } from './consumerProtocol';
import {
  answerJoin,
  answerSync,
  completeSync,
  type JoinAnswer,
  joinAnswerFor,
  joinError,
  maybeCompleteJoin,
  memberRecord,
  type SyncAnswer,
  startRebalance,
  supportsProtocols,
  wireOf,
} from './wireJoin';
import type { WireProtocol } from './wireState';
import { advanceWireGroup, armWireTimer, removeWireMember } from './wireTimer';

/** group.min.session.timeout.ms / group.max.session.timeout.ms defaults (GroupCoordinatorConfig). */
export const GROUP_MIN_SESSION_TIMEOUT_MS = 6_000;
export const GROUP_MAX_SESSION_TIMEOUT_MS = 1_800_000;

type MemberRef = { groupId: string; generationId: number; memberId: string; groupInstanceId: string | null };

declare module '../../engine/registry' {
  interface CommandMap {
    /** FindCoordinator for a group: creates __consumer_offsets on first use (KafkaApis#getCoordinator). */
    externalFindCoordinator: { groupId: string };
    externalJoinGroup: {
      requestKey: number;
      groupId: string;
      memberId: string;
      groupInstanceId: string | null;
      clientId: string;
      clientHost: string;
      sessionTimeoutMs: number;
      rebalanceTimeoutMs: number;
      protocolType: string;
      protocols: WireProtocol[];
      requireKnownMemberId: boolean;
      reason: string | null;
    };
    externalSyncGroup: MemberRef & {
      requestKey: number;
      protocolType: string | null;
      protocolName: string | null;
      assignments: Array<{ memberId: string; assignment: string }>;
    };
    externalHeartbeat: MemberRef;
    externalLeaveGroup: {
      groupId: string;
      members: Array<{ memberId: string; groupInstanceId: string | null; reason: string | null }>;
    };
    externalOffsetCommit: MemberRef & {
      client: string;
      offsets: Array<{ topic: string; partition: number; offset: number }>;
    };
  }
  interface CommandResultMap {
    externalFindCoordinator: { broker: number | null };
    externalHeartbeat: { error: string | null };
    externalLeaveGroup: {
      error: string | null;
      members: Array<{ memberId: string; groupInstanceId: string | null; error: string | null }>;
    };
    externalOffsetCommit: { results: Array<{ topic: string; partition: number; error: string | null }> };
  }
  interface EventMap {
    externalJoinGroupAnswered: JoinAnswer;
    externalSyncGroupAnswered: SyncAnswer;
  }
  interface TaskMap {
    /** The next deadline of a group of real clients. */
    externalGroupTimer: { groupId: string };
  }
}

const findCoordinator: CommandHandler<'externalFindCoordinator'> = (ctx, cmd) => {
  ensureOffsetsTopic(ctx);
  const broker = coordinatorAvailable(ctx.state, cmd.groupId) ? coordinatorId(ctx.state, cmd.groupId) : -1;
  return ok({ broker: broker >= 0 ? broker : null });
};

/** A group the simulation's own consumers use cannot take real clients too (see README: Simplifications). */
function simulatedMembers(rec: GroupRecord | undefined): boolean {
  return !!rec && rec.group.members.some((m) => !rec.wire?.members[m.memberId]);
}

const joinGroup: CommandHandler<'externalJoinGroup'> = (ctx, cmd) => {
  const fail = (error: string, why: string, memberId = cmd.memberId) => {
    answerJoin(ctx, joinError(cmd.requestKey, cmd.groupId, memberId, error), why);
    return ok(undefined);
  };
  if (cmd.groupId === '')
    return fail('INVALID_GROUP_ID', 'JoinGroup with an empty group id (INVALID_GROUP_ID)');
  if (
    cmd.sessionTimeoutMs < GROUP_MIN_SESSION_TIMEOUT_MS ||
    cmd.sessionTimeoutMs > GROUP_MAX_SESSION_TIMEOUT_MS
  )
    return fail(
      'INVALID_SESSION_TIMEOUT',
      `group ${cmd.groupId}: session.timeout.ms=${cmd.sessionTimeoutMs} is outside group.min.session.timeout.ms..group.max.session.timeout.ms (${GROUP_MIN_SESSION_TIMEOUT_MS}..${GROUP_MAX_SESSION_TIMEOUT_MS})`,
    );
  if (!coordinatorAvailable(ctx.state, cmd.groupId))
    return fail('COORDINATOR_NOT_AVAILABLE', `group ${cmd.groupId}: its coordinator is not available`);
  const area = ctx.state.areas.consumers;
  if (simulatedMembers(area.groups[cmd.groupId]))
    return fail(
      'INCONSISTENT_GROUP_PROTOCOL',
      `group ${cmd.groupId} has simulated consumers; a real client cannot join it in this simulation`,
    );
  const rec = groupRecord(area, cmd.groupId);
  if (rec.group.state === 'Dead') {
    // Kafka removes a Dead group; a join names a new one into existence
    rec.group = newGroup(cmd.groupId);
    rec.wire = undefined;
  }
  const wire = wireOf(rec);
  const g = rec.group;
  const names = cmd.protocols.map((p) => p.name);
  const known = g.members.find((m) => m.memberId === cmd.memberId);
  if (!known && !supportsProtocols(g, wire, cmd.protocolType, names))
    return fail(
      'INCONSISTENT_GROUP_PROTOCOL',
      `group ${g.groupId}: ${cmd.clientId} offers ${cmd.protocolType} protocols ${names.join(', ') || 'none'}, none of which every member supports (INCONSISTENT_GROUP_PROTOCOL)`,
    );
  let memberId = cmd.memberId;
  if (memberId === '') {
    memberId = `${cmd.clientId}-${memberUuid(ctx)}`;
    if (cmd.requireKnownMemberId) {
      // KIP-394: the id is handed out first; the member becomes one only when it joins again with it
      wire.pendingMembers[memberId] = ctx.now + cmd.sessionTimeoutMs;
      armWireTimer(ctx, g.groupId);
      return fail(
        'MEMBER_ID_REQUIRED',
        `group ${g.groupId}: ${cmd.clientId} gets member id ${memberId} and must join again with it (MEMBER_ID_REQUIRED, KIP-394)`,
        memberId,
      );
    }
  } else if (!known && wire.pendingMembers[memberId] === undefined) {
    return fail(
      'UNKNOWN_MEMBER_ID',
      `group ${g.groupId}: member ${memberId} is not known (UNKNOWN_MEMBER_ID)`,
    );
  }
  if (known) {
    joinExisting(ctx, rec, cmd, memberId);
  } else {
    delete wire.pendingMembers[memberId];
    const member = memberRecord(memberId, cmd, ctx.now);
    g.members.push(member);
    wire.members[memberId] = {
      protocolType: cmd.protocolType,
      protocols: cmd.protocols,
      assignment: '',
      awaitingJoin: cmd.requestKey,
      awaitingSync: null,
    };
    if (g.members.length === 1) wire.protocolType = cmd.protocolType;
    if (g.leaderId === null) g.leaderId = memberId;
    const why = `member ${member.label} joined`;
    ctx.emit('groupMemberJoined', `group ${g.groupId}: ${why}`, {
      groupId: g.groupId,
      memberId,
      label: member.label,
    });
    if (g.state === 'PreparingRebalance') {
      if (g.initialJoin) g.newMemberAdded = true;
    } else {
      startRebalance(ctx, rec, why);
    }
    maybeCompleteJoin(ctx, rec);
  }
  armWireTimer(ctx, g.groupId);
  return ok(undefined);
};

/** GroupMetadataManager#classicGroupJoinExistingMember. */
function joinExisting(ctx: Ctx, rec: GroupRecord, cmd: CommandOfJoin, memberId: string): void {
  const g = rec.group;
  const wire = wireOf(rec);
  const m = g.members.find((x) => x.memberId === memberId)!;
  const w = wire.members[memberId];
  const same =
    JSON.stringify(w.protocols) === JSON.stringify(cmd.protocols) && w.protocolType === cmd.protocolType;
  Object.assign(m, { sessionTimeoutMs: cmd.sessionTimeoutMs, rebalanceTimeoutMs: cmd.rebalanceTimeoutMs });
  m.lastHeartbeatAt = ctx.now;
  m.topics = cmd.protocols.length > 0 ? subscribedTopics(cmd.protocols[0].metadata) : [];
  w.protocols = cmd.protocols;
  if (w.awaitingJoin !== null && w.awaitingJoin !== cmd.requestKey) {
    answerJoin(
      ctx,
      joinError(w.awaitingJoin, g.groupId, memberId, 'REBALANCE_IN_PROGRESS'),
      `group ${g.groupId}: ${m.label} sent a newer JoinGroup; the older one is answered REBALANCE_IN_PROGRESS`,
    );
  }
  const immediate =
    same && (g.state === 'CompletingRebalance' || (g.state === 'Stable' && memberId !== g.leaderId));
  if (immediate) {
    // Nothing changed: the member learns the current generation again without a rebalance
    w.awaitingJoin = null;
    answerJoin(
      ctx,
      joinAnswerFor(g, wire, memberId, cmd.requestKey),
      `group ${g.groupId}: ${m.label} rejoined unchanged; it gets generation ${g.generationId} again`,
    );
    return;
  }
  w.awaitingJoin = cmd.requestKey;
  m.joined = true;
  if (g.state === 'PreparingRebalance') {
    ctx.emit('groupMemberRejoined', `group ${g.groupId}: ${m.label} rejoined for the rebalance`, {
      groupId: g.groupId,
      memberId,
      label: m.label,
    });
    maybeCompleteJoin(ctx, rec);
    return;
  }
  startRebalance(
    ctx,
    rec,
    memberId === g.leaderId
      ? `the leader ${m.label} rejoined`
      : `${m.label} rejoined with a changed subscription`,
  );
  maybeCompleteJoin(ctx, rec);
}

type CommandOfJoin = Parameters<CommandHandler<'externalJoinGroup'>>[1];

/** ClassicGroup#validateMember and the generation check every member request makes. */
function memberProblem(rec: GroupRecord | undefined, ref: MemberRef): string | null {
  if (!rec?.wire) return 'UNKNOWN_MEMBER_ID';
  if (rec.group.state === 'Dead') return 'COORDINATOR_NOT_AVAILABLE';
  if (!rec.group.members.some((m) => m.memberId === ref.memberId)) return 'UNKNOWN_MEMBER_ID';
  if (ref.generationId !== rec.group.generationId) return 'ILLEGAL_GENERATION';
  return null;
}

const syncGroup: CommandHandler<'externalSyncGroup'> = (ctx, cmd) => {
  const rec = ctx.state.areas.consumers.groups[cmd.groupId];
  const g = rec?.group;
  const answer = (error: string | null, assignment: string, why: string) =>
    answerSync(
      ctx,
      {
        requestKey: cmd.requestKey,
        groupId: cmd.groupId,
        memberId: cmd.memberId,
        error,
        protocolType: error ? null : (rec?.wire?.protocolType ?? null),
        protocolName: error ? null : (g?.protocolName ?? null),
        assignment,
      },
      why,
    );
  let problem = memberProblem(rec, cmd);
  if (!problem && rec && g) {
    if (
      (cmd.protocolType !== null && cmd.protocolType !== rec.wire?.protocolType) ||
      (cmd.protocolName !== null && cmd.protocolName !== g.protocolName)
    )
      problem = 'INCONSISTENT_GROUP_PROTOCOL';
    else if (g.state === 'PreparingRebalance') problem = 'REBALANCE_IN_PROGRESS';
    else if (g.state === 'Empty') problem = 'UNKNOWN_MEMBER_ID';
  }
  if (problem || !rec || !g) {
    answer(problem, '', `group ${cmd.groupId}: SyncGroup from ${cmd.memberId} refused (${problem})`);
    return ok(undefined);
  }
  const wire = wireOf(rec);
  const m = g.members.find((x) => x.memberId === cmd.memberId)!;
  m.lastHeartbeatAt = ctx.now;
  if (g.state === 'Stable') {
    answer(
      null,
      wire.members[m.memberId].assignment,
      `group ${g.groupId}: ${m.label} gets its current assignment`,
    );
    return ok(undefined);
  }
  wire.members[m.memberId].awaitingSync = cmd.requestKey;
  if (m.memberId === g.leaderId)
    completeSync(ctx, rec, Object.fromEntries(cmd.assignments.map((a) => [a.memberId, a.assignment])));
  armWireTimer(ctx, g.groupId);
  return ok(undefined);
};

/** GroupMetadataManager#classicGroupHeartbeatToClassicGroup. A heartbeat only moves the member's session deadline. */
const heartbeat: CommandHandler<'externalHeartbeat'> = (ctx, cmd) => {
  const rec = ctx.state.areas.consumers.groups[cmd.groupId];
  const problem = memberProblem(rec, cmd);
  if (problem || !rec) return ok({ error: problem });
  if (rec.group.state === 'Empty') return ok({ error: 'UNKNOWN_MEMBER_ID' });
  const m = rec.group.members.find((x) => x.memberId === cmd.memberId)!;
  m.lastHeartbeatAt = ctx.now;
  armWireTimer(ctx, cmd.groupId);
  return ok({ error: rec.group.state === 'PreparingRebalance' ? 'REBALANCE_IN_PROGRESS' : null });
};

const leaveGroup: CommandHandler<'externalLeaveGroup'> = (ctx, cmd) => {
  const rec = ctx.state.areas.consumers.groups[cmd.groupId];
  const members = cmd.members.map((x) => {
    let error: string | null = null;
    if (!rec?.wire) error = 'UNKNOWN_MEMBER_ID';
    else if (rec.wire.pendingMembers[x.memberId] !== undefined) delete rec.wire.pendingMembers[x.memberId];
    else if (!rec.group.members.some((m) => m.memberId === x.memberId)) error = 'UNKNOWN_MEMBER_ID';
    else
      removeWireMember(
        ctx,
        rec,
        x.memberId,
        'leave',
        `${rec.group.members.find((m) => m.memberId === x.memberId)?.label} left the group (LeaveGroup${x.reason ? `: ${x.reason}` : ''})`,
      );
    return { memberId: x.memberId, groupInstanceId: x.groupInstanceId, error };
  });
  if (rec?.wire) {
    maybeCompleteJoin(ctx, rec);
    armWireTimer(ctx, cmd.groupId);
  }
  return ok({ error: null, members });
};

/** ClassicGroup#validateOffsetCommit, then the commit (KafkaApis refuses partitions it does not know). */
const offsetCommit: CommandHandler<'externalOffsetCommit'> = (ctx, cmd) => {
  const all = (error: string | null) =>
    ok({ results: cmd.offsets.map((o) => ({ topic: o.topic, partition: o.partition, error })) });
  if (!coordinatorAvailable(ctx.state, cmd.groupId)) return all('COORDINATOR_NOT_AVAILABLE');
  const rec = ctx.state.areas.consumers.groups[cmd.groupId];
  const g = rec?.group;
  const simple = cmd.generationId < 0 && cmd.memberId === '' && cmd.groupInstanceId === null;
  if (g?.state === 'Dead') return all('COORDINATOR_NOT_AVAILABLE');
  if (!(simple && (!g || g.state === 'Empty'))) {
    if (simple) return all('UNKNOWN_MEMBER_ID');
    if (!g) return all('ILLEGAL_GENERATION');
    if (!g.members.some((m) => m.memberId === cmd.memberId)) return all('UNKNOWN_MEMBER_ID');
    if (cmd.generationId !== g.generationId) return all('ILLEGAL_GENERATION');
    if (g.state === 'CompletingRebalance') return all('REBALANCE_IN_PROGRESS');
  }
  const known = cmd.offsets.filter((o) => ctx.state.topics[o.topic]?.partitions[o.partition]);
  storeOffsets(ctx, cmd.groupId, known, cmd.client, 'sync', 'OffsetCommit over the wire');
  const m = g?.members.find((x) => x.memberId === cmd.memberId);
  if (m) m.lastHeartbeatAt = ctx.now;
  return ok({
    results: cmd.offsets.map((o) => ({
      topic: o.topic,
      partition: o.partition,
      error: known.includes(o) ? null : 'UNKNOWN_TOPIC_OR_PARTITION',
    })),
  });
};

const groupTimer: TaskHandler<'externalGroupTimer'> = (ctx, t) => {
  const rec = ctx.state.areas.consumers.groups[t.groupId];
  if (!rec?.wire) return;
  if (rec.timerAt !== null && rec.timerAt <= ctx.now) rec.timerAt = null;
  advanceWireGroup(ctx, rec);
  armWireTimer(ctx, t.groupId);
};

export const externalGroupsArea = defineArea({
  name: 'externalGroups',
  commands: {
    externalFindCoordinator: findCoordinator,
    externalJoinGroup: joinGroup,
    externalSyncGroup: syncGroup,
    externalHeartbeat: heartbeat,
    externalLeaveGroup: leaveGroup,
    externalOffsetCommit: offsetCommit,
  },
  tasks: { externalGroupTimer: groupTimer },
});
