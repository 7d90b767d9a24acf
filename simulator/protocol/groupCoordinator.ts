// GroupCoordinatorPort over the simulation's own group coordinator (simulator/consumer/external/): membership and
// commits are commands (externalJoinGroup, externalSyncGroup, externalHeartbeat, externalLeaveGroup,
// externalOffsetCommit, externalFindCoordinator), so real clients' groups replay from the command log and appear in
// kafka-consumer-groups and the views; OffsetFetch, DescribeGroups and ListGroups only read.

import { fromHex, toHex } from '../consumer/external/consumerProtocol';
import type { JoinAnswer, SyncAnswer } from '../consumer/external/wireJoin';
import type { SimEvent } from '../index';
import { groupCoordinatorBroker, groupRecordOf, groupRecords, hasOffsetsTopic } from './bridge';
import type { HandlerEnv } from './handlers/env';
import type {
  DescribedGroup,
  GroupCoordinatorPort,
  JoinGroupAnswer,
  SyncGroupAnswer,
} from './handlers/groupPort';

type Env = Omit<HandlerEnv, 'groups'>;

/** Client-side deadline on top of the coordinator's own (it always answers within the rebalance timeout). */
const ANSWER_SLACK_MS = 5_000;

/** The host's address as DescribeGroups shows it (KafkaApis: "/" + the client's address). */
const CLIENT_HOST = '/127.0.0.1';

export function simulationGroupCoordinator(env: Env): GroupCoordinatorPort {
  let nextRequestKey = 1;
  const answerOf = <T>(type: SimEvent['type'], key: number, timeoutMs: number) =>
    env.waitForEvent(
      (e) => e.type === type && (e as unknown as { requestKey: number }).requestKey === key,
      timeoutMs,
    ) as Promise<T | undefined>;

  return {
    coordinatorFor(key, keyType) {
      if (keyType === 'transaction') return { error: 'COORDINATOR_NOT_AVAILABLE' };
      if (!hasOffsetsTopic(env.sim)) env.dispatch({ type: 'externalFindCoordinator', groupId: key });
      const broker = groupCoordinatorBroker(env.sim, key);
      return broker === null ? { error: 'COORDINATOR_NOT_AVAILABLE' } : { broker };
    },

    async joinGroup(call): Promise<JoinGroupAnswer> {
      const requestKey = nextRequestKey++;
      const answer = answerOf<JoinAnswer>(
        'externalJoinGroupAnswered',
        requestKey,
        Math.max(call.rebalanceTimeoutMs, call.sessionTimeoutMs) + ANSWER_SLACK_MS,
      );
      env.dispatch({
        type: 'externalJoinGroup',
        requestKey,
        groupId: call.groupId,
        memberId: call.memberId,
        groupInstanceId: call.groupInstanceId,
        clientId: call.clientId,
        clientHost: CLIENT_HOST,
        sessionTimeoutMs: call.sessionTimeoutMs,
        rebalanceTimeoutMs: call.rebalanceTimeoutMs,
        protocolType: call.protocolType,
        protocols: call.protocols.map((p) => ({ name: p.name, metadata: toHex(p.metadata) })),
        requireKnownMemberId: call.requireKnownMemberId,
        reason: call.reason,
      });
      const a = await answer;
      if (!a)
        return {
          error: 'REBALANCE_IN_PROGRESS',
          generationId: -1,
          protocolType: null,
          protocolName: null,
          leader: '',
          memberId: call.memberId,
          members: [],
        };
      return {
        error: a.error,
        generationId: a.generationId,
        protocolType: a.protocolType,
        protocolName: a.protocolName,
        leader: a.leader,
        memberId: a.memberId,
        members: a.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          metadata: fromHex(m.metadata),
        })),
      };
    },

    async syncGroup(call): Promise<SyncGroupAnswer> {
      const requestKey = nextRequestKey++;
      const rec = groupRecordOf(env.sim, call.groupId);
      const timeout =
        Math.max(0, ...(rec?.group.members ?? []).map((m) => m.rebalanceTimeoutMs)) + ANSWER_SLACK_MS;
      const answer = answerOf<SyncAnswer>('externalSyncGroupAnswered', requestKey, timeout);
      env.dispatch({
        type: 'externalSyncGroup',
        requestKey,
        groupId: call.groupId,
        generationId: call.generationId,
        memberId: call.memberId,
        groupInstanceId: call.groupInstanceId,
        protocolType: call.protocolType,
        protocolName: call.protocolName,
        assignments: call.assignments.map((a) => ({ memberId: a.memberId, assignment: toHex(a.assignment) })),
      });
      const a = await answer;
      if (!a)
        return {
          error: 'REBALANCE_IN_PROGRESS',
          protocolType: null,
          protocolName: null,
          assignment: new Uint8Array(),
        };
      return {
        error: a.error,
        protocolType: a.protocolType,
        protocolName: a.protocolName,
        assignment: fromHex(a.assignment),
      };
    },

    heartbeat(call) {
      const r = env.dispatch({ type: 'externalHeartbeat', ...call });
      return { error: r.ok ? (r.data as { error: string | null }).error : 'UNKNOWN_SERVER_ERROR' };
    },

    leaveGroup(call) {
      const r = env.dispatch({ type: 'externalLeaveGroup', groupId: call.groupId, members: call.members });
      if (!r.ok) return { error: 'UNKNOWN_SERVER_ERROR', members: [] };
      return r.data as ReturnType<GroupCoordinatorPort['leaveGroup']>;
    },

    commitOffsets(call) {
      const r = env.dispatch({
        type: 'externalOffsetCommit',
        client: call.memberId === '' ? 'admin' : call.memberId,
        groupId: call.groupId,
        generationId: call.generationId,
        memberId: call.memberId,
        groupInstanceId: call.groupInstanceId,
        offsets: call.offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: o.offset })),
      });
      if (!r.ok)
        return call.offsets.map((o) => ({
          topic: o.topic,
          partition: o.partition,
          error: 'UNKNOWN_SERVER_ERROR',
        }));
      return (r.data as { results: ReturnType<GroupCoordinatorPort['commitOffsets']> }).results;
    },

    fetchOffsets(call) {
      const rec = groupRecordOf(env.sim, call.groupId);
      const committed = rec?.offsets ?? {};
      const wanted =
        call.partitions ??
        Object.keys(committed).map((k) => {
          const dash = k.lastIndexOf('-');
          return { topic: k.slice(0, dash), partition: Number(k.slice(dash + 1)) };
        });
      return {
        error: null,
        offsets: wanted.map((p) => ({
          topic: p.topic,
          partition: p.partition,
          offset: committed[`${p.topic}-${p.partition}`]?.offset ?? -1,
          leaderEpoch: -1,
          metadata: '',
          error: null,
        })),
      };
    },

    describeGroups(groupIds) {
      return groupIds.map((groupId): DescribedGroup => {
        const rec = groupRecordOf(env.sim, groupId);
        if (!rec) return { groupId, error: null, state: 'Dead', protocolType: '', protocol: '', members: [] };
        const g = rec.group;
        const stable = g.state === 'Stable';
        return {
          groupId,
          error: null,
          state: g.state,
          protocolType: rec.wire?.protocolType ?? (g.members.length > 0 ? 'consumer' : ''),
          protocol: g.protocolName ?? '',
          // DescribeGroups carries metadata and assignments only for a Stable group (describeNoMetadata otherwise)
          members: g.members.map((m) => {
            const w = rec.wire?.members[m.memberId];
            return {
              memberId: m.memberId,
              groupInstanceId: m.groupInstanceId,
              clientId: m.clientId,
              clientHost: m.host,
              metadata:
                stable && w
                  ? fromHex(w.protocols.find((p) => p.name === g.protocolName)?.metadata ?? '')
                  : new Uint8Array(),
              assignment: stable && w ? fromHex(w.assignment) : new Uint8Array(),
            };
          }),
        };
      });
    },

    listGroups(filter) {
      return (
        groupRecords(env.sim)
          .filter((rec) => rec.group.state !== 'Dead')
          // KafkaApis#handleListGroupsRequest: a broker lists the groups of the __consumer_offsets partitions it leads
          .filter((rec) => groupCoordinatorBroker(env.sim, rec.group.groupId) === filter.broker)
          .map((rec) => ({
            groupId: rec.group.groupId,
            protocolType: rec.wire?.protocolType ?? (rec.group.members.length > 0 ? 'consumer' : ''),
            state: rec.group.state,
            type: 'classic',
          }))
          .filter(
            (g) =>
              (filter.states.length === 0 ||
                filter.states.some((s) => s.toLowerCase() === g.state.toLowerCase())) &&
              (filter.types.length === 0 || filter.types.some((t) => t.toLowerCase() === g.type)),
          )
      );
    },
  };
}
