// Group APIs over a GroupCoordinatorPort: each wire version's fields mapped to one call shape and back
// (FindCoordinator v4+ batches keys; LeaveGroup v3+ batches members; OffsetFetch v8+ batches groups).
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import type { Handler, HandlerEnv } from './env';
import type { GroupCoordinatorPort } from './groupPort';

function port(env: HandlerEnv): GroupCoordinatorPort {
  if (!env.groups) throw new Error('no group coordinator');
  return env.groups;
}

export const handleFindCoordinator: Handler = async (env, _conn, header, body) => {
  const v = header.apiVersion;
  const keyType = body.keyType === 1 ? 'transaction' : 'group';
  const one = (key: string) => {
    const r = port(env).coordinatorFor(key, keyType);
    const l = 'broker' in r ? env.listenerOf(r.broker) : undefined;
    const error = 'error' in r ? r.error : l ? null : 'COORDINATOR_NOT_AVAILABLE';
    return {
      key,
      nodeId: error ? -1 : (r as { broker: number }).broker,
      host: error ? '' : (l?.host ?? ''),
      port: error ? -1 : (l?.port ?? -1),
      errorCode: errorCode(error),
      errorMessage: error ? null : null,
    };
  };
  if (v >= 4) return { throttleTimeMs: 0, coordinators: (body.coordinatorKeys as string[]).map(one) };
  const c = one(body.key);
  return {
    throttleTimeMs: 0,
    errorCode: c.errorCode,
    errorMessage: null,
    nodeId: c.nodeId,
    host: c.host,
    port: c.port,
    coordinators: [],
  };
};

export const handleJoinGroup: Handler = async (env, _conn, header, body) => {
  const v = header.apiVersion;
  const a = await port(env).joinGroup({
    groupId: body.groupId,
    memberId: body.memberId,
    groupInstanceId: body.groupInstanceId ?? null,
    clientId: header.clientId ?? '',
    sessionTimeoutMs: body.sessionTimeoutMs,
    // v0 has no rebalance timeout: it equals the session timeout (JoinGroupRequest.json)
    rebalanceTimeoutMs: v >= 1 ? body.rebalanceTimeoutMs : body.sessionTimeoutMs,
    protocolType: body.protocolType,
    protocols: (body.protocols as Msg[]).map((p) => ({ name: p.name, metadata: p.metadata })),
    requireKnownMemberId: v >= 4,
    reason: body.reason ?? null,
  });
  return {
    throttleTimeMs: 0,
    errorCode: errorCode(a.error),
    generationId: a.generationId,
    protocolType: a.protocolType,
    protocolName: v >= 7 ? a.protocolName : (a.protocolName ?? ''),
    leader: a.leader,
    skipAssignment: false,
    memberId: a.memberId,
    members: a.members,
  };
};

export const handleSyncGroup: Handler = async (env, _conn, _header, body) => {
  const a = await port(env).syncGroup({
    groupId: body.groupId,
    generationId: body.generationId,
    memberId: body.memberId,
    groupInstanceId: body.groupInstanceId ?? null,
    protocolType: body.protocolType ?? null,
    protocolName: body.protocolName ?? null,
    assignments: (body.assignments as Msg[]).map((x) => ({ memberId: x.memberId, assignment: x.assignment })),
  });
  return {
    throttleTimeMs: 0,
    errorCode: errorCode(a.error),
    protocolType: a.protocolType,
    protocolName: a.protocolName,
    assignment: a.assignment,
  };
};

export const handleHeartbeat: Handler = async (env, _conn, _header, body) => {
  const a = port(env).heartbeat({
    groupId: body.groupId,
    generationId: body.generationId,
    memberId: body.memberId,
    groupInstanceId: body.groupInstanceId ?? null,
  });
  return { throttleTimeMs: 0, errorCode: errorCode(a.error) };
};

export const handleLeaveGroup: Handler = async (env, _conn, header, body) => {
  const v = header.apiVersion;
  const members =
    v >= 3
      ? (body.members as Msg[]).map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId ?? null,
          reason: m.reason ?? null,
        }))
      : [{ memberId: body.memberId, groupInstanceId: null, reason: null }];
  const a = port(env).leaveGroup({ groupId: body.groupId, members });
  const memberError = v < 3 ? (a.members[0]?.error ?? null) : null;
  return {
    throttleTimeMs: 0,
    errorCode: errorCode(a.error ?? memberError),
    members: a.members.map((m) => ({
      memberId: m.memberId,
      groupInstanceId: m.groupInstanceId,
      errorCode: errorCode(m.error),
    })),
  };
};

export const handleOffsetCommit: Handler = async (env, _conn, _header, body) => {
  const offsets = (body.topics as Msg[]).flatMap((t) =>
    (t.partitions as Msg[]).map((p) => ({
      topic: t.name as string,
      partition: p.partitionIndex as number,
      offset: p.committedOffset as number,
      leaderEpoch: p.committedLeaderEpoch as number,
      metadata: (p.committedMetadata ?? null) as string | null,
    })),
  );
  const results = port(env).commitOffsets({
    groupId: body.groupId,
    generationId: body.generationIdOrMemberEpoch,
    memberId: body.memberId,
    groupInstanceId: body.groupInstanceId ?? null,
    offsets,
  });
  const topics = new Map<string, Msg[]>();
  for (const r of results) {
    const list = topics.get(r.topic) ?? [];
    topics.set(r.topic, list);
    list.push({ partitionIndex: r.partition, errorCode: errorCode(r.error) });
  }
  return { throttleTimeMs: 0, topics: [...topics].map(([name, partitions]) => ({ name, partitions })) };
};

function fetchGroup(env: HandlerEnv, groupId: string, topics: Msg[] | null, requireStable: boolean) {
  const partitions =
    topics === null
      ? null
      : topics.flatMap((t) =>
          (t.partitionIndexes as number[]).map((partition) => ({ topic: t.name as string, partition })),
        );
  const a = port(env).fetchOffsets({ groupId, partitions, requireStable });
  const byTopic = new Map<string, Msg[]>();
  for (const o of a.offsets) {
    const list = byTopic.get(o.topic) ?? [];
    byTopic.set(o.topic, list);
    list.push({
      partitionIndex: o.partition,
      committedOffset: o.offset,
      committedLeaderEpoch: o.leaderEpoch,
      metadata: o.metadata,
      errorCode: errorCode(o.error),
    });
  }
  return { error: a.error, topics: [...byTopic].map(([name, partitions]) => ({ name, partitions })) };
}

export const handleOffsetFetch: Handler = async (env, _conn, header, body) => {
  const v = header.apiVersion;
  if (v >= 8) {
    const groups = (body.groups as Msg[]).map((g) => {
      const r = fetchGroup(env, g.groupId, g.topics, body.requireStable);
      return { groupId: g.groupId, topics: r.topics, errorCode: errorCode(r.error) };
    });
    return { throttleTimeMs: 0, groups };
  }
  const r = fetchGroup(env, body.groupId, body.topics, body.requireStable ?? false);
  return { throttleTimeMs: 0, topics: r.topics, errorCode: errorCode(r.error) };
};

export const handleDescribeGroups: Handler = async (env, _conn, _header, body) => {
  const groups = port(env)
    .describeGroups(body.groups)
    .map((g) => ({
      errorCode: errorCode(g.error),
      groupId: g.groupId,
      groupState: g.state,
      protocolType: g.protocolType,
      protocolData: g.protocol,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        groupInstanceId: m.groupInstanceId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        memberMetadata: m.metadata,
        memberAssignment: m.assignment,
      })),
      authorizedOperations: -2147483648,
    }));
  return { throttleTimeMs: 0, groups };
};

export const handleListGroups: Handler = async (env, conn, _header, body) => {
  const groups = port(env)
    .listGroups({ broker: conn.broker, states: body.statesFilter ?? [], types: body.typesFilter ?? [] })
    .map((g) => ({
      groupId: g.groupId,
      protocolType: g.protocolType,
      groupState: g.state,
      groupType: g.type,
    }));
  return { throttleTimeMs: 0, errorCode: 0, groups };
};
