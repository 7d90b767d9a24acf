import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { API_BY_NAME } from './apis';
import { decodeResponse, encodeRequest } from './frames';
import { decodeBatches } from './recordBatch';
import { processFrame } from './requestProcessor';
import { testEnv } from './testEnv.testkit';

const Fetch = API_BY_NAME.get('Fetch') as NonNullable<ReturnType<typeof API_BY_NAME.get>>;
const ListOffsets = API_BY_NAME.get('ListOffsets') as NonNullable<ReturnType<typeof API_BY_NAME.get>>;

function txnCluster() {
  const sim = new Simulation({ seed: 3, brokers: 1 });
  sim.dispatch({ type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 1 });
  sim.dispatch({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'tx-1' } });
  sim.dispatch({ type: 'producerInitTransactions', producer: 'tx' });
  sim.dispatch({ type: 'producerBeginTransaction', producer: 'tx' });
  sim.dispatch({
    type: 'producerSend',
    producer: 'tx',
    topic: 't',
    partition: 0,
    key: 'a',
    value: 'aborted',
  });
  sim.dispatch({ type: 'producerFlush', producer: 'tx' });
  sim.dispatch({ type: 'producerAbortTransaction', producer: 'tx' });
  sim.dispatch({ type: 'producerBeginTransaction', producer: 'tx' });
  sim.dispatch({
    type: 'producerSend',
    producer: 'tx',
    topic: 't',
    partition: 0,
    key: 'c',
    value: 'committed',
  });
  sim.dispatch({ type: 'producerFlush', producer: 'tx' });
  sim.dispatch({ type: 'producerCommitTransaction', producer: 'tx' });
  sim.dispatch({ type: 'advanceClock', ms: 100 });
  return sim;
}

async function fetch(
  sim: Simulation,
  v: number,
  isolationLevel: number,
  extra: Record<string, unknown> = {},
) {
  const topicId = sim.state.topics.t.topicId;
  const frame = encodeRequest(Fetch, v, 5, 'test', {
    replicaId: -1,
    maxWaitMs: 0,
    minBytes: 1,
    maxBytes: 1 << 20,
    isolationLevel,
    sessionId: 0,
    sessionEpoch: -1,
    topics: [
      {
        topic: 't',
        topicId,
        partitions: [
          {
            partition: 0,
            currentLeaderEpoch: -1,
            fetchOffset: 0,
            lastFetchedEpoch: -1,
            logStartOffset: -1,
            partitionMaxBytes: 1 << 20,
            ...extra,
          },
        ],
      },
    ],
    forgottenTopicsData: [],
    rackId: '',
  });
  const out = await processFrame(testEnv(sim), { id: 1, broker: 1, label: 't#1' }, frame.subarray(4));
  if (out.kind !== 'reply') throw new Error(out.kind === 'close' ? out.reason : 'no reply');
  return decodeResponse(Fetch, v, out.bytes.subarray(4)).body.responses[0].partitions[0];
}

describe('Fetch from the simulated log (ReplicaManager#fetchMessages)', () => {
  it('read_committed stops at the LSO and lists the aborted transaction; control batches carry the markers (KIP-98)', async () => {
    const sim = txnCluster();
    for (const v of [4, 11, 13, 17]) {
      const p = await fetch(sim, v, 1);
      expect(p.errorCode).toBe(0);
      expect(p.abortedTransactions).toHaveLength(1);
      expect(p.abortedTransactions[0].firstOffset).toBe(0);
      const batches = decodeBatches(p.records);
      expect(batches.map((b) => [b.baseOffset, b.control, b.transactional])).toEqual([
        [0, false, true],
        [1, true, true],
        [2, false, true],
        [3, true, true],
      ]);
      expect(p.lastStableOffset).toBe(4);
    }
  });

  it('read_uncommitted has no aborted transaction list (null)', async () => {
    const p = await fetch(txnCluster(), 11, 0);
    expect(p.abortedTransactions).toBeNull();
    expect(p.highWatermark).toBe(4);
  });

  it('an old leader epoch is FENCED_LEADER_EPOCH, a future one UNKNOWN_LEADER_EPOCH (KIP-320)', async () => {
    const sim = txnCluster();
    const epoch = sim.state.topics.t.partitions[0].leaderEpoch;
    expect((await fetch(sim, 11, 0, { currentLeaderEpoch: epoch + 1 })).errorCode).toBe(75);
    expect((await fetch(sim, 11, 0, { currentLeaderEpoch: epoch })).errorCode).toBe(0);
    const three = new Simulation({ seed: 3, brokers: 3 });
    three.dispatch({ type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 3 });
    const { leader: oldLeader, leaderEpoch: oldEpoch } = three.state.topics.t.partitions[0];
    three.dispatch({ type: 'brokerStop', id: oldLeader as number, mode: 'controlled' });
    const now = three.state.topics.t.partitions[0];
    expect(now.leaderEpoch).toBeGreaterThan(oldEpoch);
    const frame = encodeRequest(Fetch, 11, 5, 'test', {
      replicaId: -1,
      maxWaitMs: 0,
      minBytes: 1,
      maxBytes: 1000,
      isolationLevel: 0,
      sessionId: 0,
      sessionEpoch: -1,
      topics: [
        {
          topic: 't',
          partitions: [
            {
              partition: 0,
              currentLeaderEpoch: now.leaderEpoch - 1,
              fetchOffset: 0,
              logStartOffset: -1,
              partitionMaxBytes: 1000,
            },
          ],
        },
      ],
      forgottenTopicsData: [],
      rackId: '',
    });
    const out = await processFrame(
      testEnv(three),
      { id: 1, broker: now.leader as number, label: 't#1' },
      frame.subarray(4),
    );
    if (out.kind !== 'reply') throw new Error('no reply');
    expect(decodeResponse(Fetch, 11, out.bytes.subarray(4)).body.responses[0].partitions[0].errorCode).toBe(
      74,
    );
  });

  it('a fetch offset past the log end is OFFSET_OUT_OF_RANGE', async () => {
    expect((await fetch(txnCluster(), 11, 0, { fetchOffset: 99 })).errorCode).toBe(1);
  });
});

describe('ListOffsets (UnifiedLog#fetchOffsetByTimestamp)', () => {
  it('earliest, latest (HW) and latest for read_committed (LSO)', async () => {
    const sim = txnCluster();
    const ask = async (ts: number, isolationLevel: number, v = 5) => {
      const frame = encodeRequest(ListOffsets, v, 1, 'test', {
        replicaId: -1,
        isolationLevel,
        topics: [
          {
            name: 't',
            partitions: [{ partitionIndex: 0, currentLeaderEpoch: -1, timestamp: ts, maxNumOffsets: 1 }],
          },
        ],
        timeoutMs: 0,
      });
      const out = await processFrame(testEnv(sim), { id: 1, broker: 1, label: 't#1' }, frame.subarray(4));
      if (out.kind !== 'reply') throw new Error('no reply');
      return decodeResponse(ListOffsets, v, out.bytes.subarray(4)).body.topics[0].partitions[0];
    };
    expect((await ask(-2, 0)).offset).toBe(0);
    expect((await ask(-1, 0)).offset).toBe(4);
    expect((await ask(-1, 1)).offset).toBe(4);
    expect((await ask(-1, 0, 0)).oldStyleOffsets).toEqual([4]);
  });
});
