import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { API_BY_NAME, type ApiName } from './apis';
import type { Msg } from './codec';
import { decodeResponse, encodeRequest } from './frames';
import type { GroupCoordinatorPort } from './handlers/groupPort';
import { processFrame } from './requestProcessor';
import { testEnv } from './testEnv.testkit';

const api = (n: ApiName) => API_BY_NAME.get(n) as NonNullable<ReturnType<typeof API_BY_NAME.get>>;

/** A port that records calls and answers fixed values: it pins the version mapping, not group semantics. */
function recordingPort() {
  const calls: Array<[string, unknown]> = [];
  const port: GroupCoordinatorPort = {
    coordinatorFor: (key, keyType) => {
      calls.push(['coordinatorFor', { key, keyType }]);
      return { broker: 2 };
    },
    joinGroup: async (call) => {
      calls.push(['joinGroup', call]);
      return {
        error: null,
        generationId: 3,
        protocolType: 'consumer',
        protocolName: 'range',
        leader: 'm-1',
        memberId: 'm-1',
        members: [{ memberId: 'm-1', groupInstanceId: null, metadata: new Uint8Array([1]) }],
      };
    },
    syncGroup: async (call) => {
      calls.push(['syncGroup', call]);
      return {
        error: null,
        protocolType: 'consumer',
        protocolName: 'range',
        assignment: new Uint8Array([9]),
      };
    },
    heartbeat: (call) => {
      calls.push(['heartbeat', call]);
      return { error: 'REBALANCE_IN_PROGRESS' };
    },
    leaveGroup: (call) => {
      calls.push(['leaveGroup', call]);
      return {
        error: null,
        members: call.members.map((m) => ({
          memberId: m.memberId,
          groupInstanceId: m.groupInstanceId,
          error: null,
        })),
      };
    },
    commitOffsets: (call) => {
      calls.push(['commitOffsets', call]);
      return call.offsets.map((o) => ({ topic: o.topic, partition: o.partition, error: null }));
    },
    fetchOffsets: (call) => {
      calls.push(['fetchOffsets', call]);
      return {
        error: null,
        offsets: [{ topic: 't', partition: 0, offset: 42, leaderEpoch: -1, metadata: '', error: null }],
      };
    },
    describeGroups: (ids) =>
      ids.map((groupId) => ({
        groupId,
        error: null,
        state: 'Stable',
        protocolType: 'consumer',
        protocol: 'range',
        members: [],
      })),
    listGroups: () => [{ groupId: 'g', protocolType: 'consumer', state: 'Stable', type: 'classic' }],
  };
  return { port, calls };
}

async function call(name: ApiName, v: number, body: Msg, groups: GroupCoordinatorPort | null) {
  const env = { ...testEnv(new Simulation({ brokers: 3 })), groups };
  const out = await processFrame(
    env,
    { id: 1, broker: 1, label: 'c#1' },
    encodeRequest(api(name), v, 9, 'c', body).subarray(4),
  );
  if (out.kind !== 'reply') return out;
  return decodeResponse(api(name), v, out.bytes.subarray(4)).body;
}

describe('group APIs over GroupCoordinatorPort: every wire version maps to one call', () => {
  it('without a coordinator the group APIs are neither advertised nor served', async () => {
    const av = (await call('ApiVersions', 2, {}, null)) as Msg;
    expect(av.apiKeys.map((k: Msg) => k.apiKey)).not.toContain(11);
    expect(
      await call(
        'JoinGroup',
        5,
        { groupId: 'g', sessionTimeoutMs: 1, memberId: '', protocolType: 'consumer', protocols: [] },
        null,
      ),
    ).toMatchObject({
      kind: 'close',
    });
  });

  it('FindCoordinator v2 answers one node; v4 batches coordinator keys (KIP-699)', async () => {
    const { port } = recordingPort();
    expect(await call('FindCoordinator', 2, { key: 'g', keyType: 0 }, port)).toMatchObject({
      errorCode: 0,
      nodeId: 2,
      host: '127.0.0.1',
      port: 9093,
    });
    expect(await call('FindCoordinator', 4, { keyType: 0, coordinatorKeys: ['a', 'b'] }, port)).toMatchObject(
      {
        coordinators: [
          { key: 'a', nodeId: 2, port: 9093 },
          { key: 'b', nodeId: 2, port: 9093 },
        ],
      },
    );
  });

  it('JoinGroup v0 uses the session timeout as rebalance timeout; v4+ require a known member id (KIP-394)', async () => {
    const { port, calls } = recordingPort();
    const body = {
      groupId: 'g',
      sessionTimeoutMs: 10_000,
      rebalanceTimeoutMs: 30_000,
      memberId: '',
      protocolType: 'consumer',
      protocols: [{ name: 'range', metadata: new Uint8Array([1]) }],
    };
    await call('JoinGroup', 0, body, port);
    const r = (await call('JoinGroup', 9, body, port)) as Msg;
    expect(calls.map(([, c]) => [(c as Msg).rebalanceTimeoutMs, (c as Msg).requireKnownMemberId])).toEqual([
      [10_000, false],
      [30_000, true],
    ]);
    expect(r).toMatchObject({
      generationId: 3,
      leader: 'm-1',
      protocolName: 'range',
      protocolType: 'consumer',
    });
  });

  it('LeaveGroup v1 names one member, v3 a batch; Heartbeat passes REBALANCE_IN_PROGRESS (27) through', async () => {
    const { port, calls } = recordingPort();
    await call('LeaveGroup', 1, { groupId: 'g', memberId: 'm-1' }, port);
    await call(
      'LeaveGroup',
      3,
      {
        groupId: 'g',
        members: [
          { memberId: 'm-1', groupInstanceId: null },
          { memberId: 'm-2', groupInstanceId: 'i' },
        ],
      },
      port,
    );
    expect(calls.map(([, c]) => (c as Msg).members.map((m: Msg) => m.memberId))).toEqual([
      ['m-1'],
      ['m-1', 'm-2'],
    ]);
    expect(
      await call('Heartbeat', 3, { groupId: 'g', generationId: 3, memberId: 'm-1' }, port),
    ).toMatchObject({ errorCode: 27 });
  });

  it('OffsetCommit v5 and OffsetFetch v4 (one group) and v8 (batched groups)', async () => {
    const { port } = recordingPort();
    const commit = (await call(
      'OffsetCommit',
      5,
      {
        groupId: 'g',
        generationIdOrMemberEpoch: 3,
        memberId: 'm-1',
        topics: [
          { name: 't', partitions: [{ partitionIndex: 0, committedOffset: 42, committedMetadata: '' }] },
        ],
      },
      port,
    )) as Msg;
    expect(commit.topics).toEqual([{ name: 't', partitions: [{ partitionIndex: 0, errorCode: 0 }] }]);
    const v4 = (await call(
      'OffsetFetch',
      4,
      { groupId: 'g', topics: [{ name: 't', partitionIndexes: [0] }] },
      port,
    )) as Msg;
    expect(v4.topics[0].partitions[0]).toMatchObject({ partitionIndex: 0, committedOffset: 42 });
    const v8 = (await call(
      'OffsetFetch',
      8,
      { groups: [{ groupId: 'g', topics: null }], requireStable: true },
      port,
    )) as Msg;
    expect(v8.groups[0]).toMatchObject({
      groupId: 'g',
      errorCode: 0,
      topics: [{ name: 't', partitions: [{ committedOffset: 42 }] }],
    });
  });
});
