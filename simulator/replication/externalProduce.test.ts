import { describe, expect, it } from 'vitest';
import { highWatermark } from '../cluster/lookup';
import { type CommandOf, Simulation } from '../index';

type Cmd = CommandOf<'externalProduce'>;

function setup(minIsr?: string) {
  const sim = new Simulation({ seed: 1, brokers: 3 });
  sim.dispatch({
    type: 'createTopic',
    topic: 'orders',
    partitions: 1,
    replicationFactor: 3,
    ...(minIsr ? { configs: { 'min.insync.replicas': minIsr } } : {}),
  });
  return sim;
}

function produce(
  sim: Simulation,
  over: Partial<Cmd> = {},
  seq = { producerId: -1, producerEpoch: -1, baseSequence: -1 },
) {
  const cmd: Cmd = {
    type: 'externalProduce',
    client: 'kafkajs#1',
    connection: 1,
    correlationId: 10,
    broker: 1,
    acks: -1,
    timeoutMs: 30_000,
    partitions: [
      {
        topic: 'orders',
        partition: 0,
        batch: {
          ...seq,
          transactional: false,
          records: [
            { timestamp: 5, key: 'k', value: 'v1', headers: [] },
            { timestamp: 5, key: 'k', value: 'v2', headers: [['h', 'x']] },
          ],
        },
      },
    ],
    ...over,
  };
  return sim.dispatch(cmd);
}

const answers = (sim: Simulation) => sim.events.filter((e) => e.type === 'externalProduceAnswered');

describe('externalProduce: a real client batch through the leader path (Partition#appendRecordsToLeader)', () => {
  it('acks=all is answered only once every ISR replica has the batch (DelayedProduce, HW passes it)', () => {
    const sim = setup();
    const r = produce(sim);
    expect(r.ok && r.data.answered).toBe(false);
    expect(answers(sim)).toHaveLength(0);
    sim.dispatch({ type: 'advanceClock', ms: 10 });
    const [a] = answers(sim);
    expect(a).toMatchObject({ connection: 1, correlationId: 10, results: [{ error: null, baseOffset: 0 }] });
    const p = sim.state.topics.orders.partitions[0];
    expect(highWatermark(p)).toBe(2);
    expect(p.replicaLogs[1].log.segments[0].records.map((x) => x.value)).toEqual(['v1', 'v2']);
  });

  it('acks=1 is answered at once by the leader', () => {
    const sim = setup();
    const r = produce(sim, { acks: 1 });
    expect(r.ok && r.data.answered).toBe(true);
    expect(answers(sim)[0]).toMatchObject({ results: [{ error: null, baseOffset: 0 }] });
  });

  it('acks=0 never gets an answer', () => {
    const sim = setup();
    produce(sim, { acks: 0 });
    sim.dispatch({ type: 'advanceClock', ms: 100 });
    expect(answers(sim)).toHaveLength(0);
    expect(sim.state.topics.orders.partitions[0].replicaLogs[1].log.logEndOffset).toBe(2);
  });

  it('a broker that does not lead the partition answers NOT_LEADER_OR_FOLLOWER', () => {
    const sim = setup();
    produce(sim, { broker: 2, acks: 1 });
    expect(answers(sim)[0]).toMatchObject({ results: [{ error: 'NOT_LEADER_OR_FOLLOWER', baseOffset: -1 }] });
  });

  it('acks=all below min.insync.replicas is refused with NOT_ENOUGH_REPLICAS', () => {
    const sim = setup('3');
    sim.dispatch({ type: 'brokerStop', id: 3 });
    sim.dispatch({ type: 'advanceClock', ms: 60_000 });
    produce(sim);
    expect(answers(sim).at(-1)).toMatchObject({ results: [{ error: 'NOT_ENOUGH_REPLICAS' }] });
  });

  it('idempotence: a retried batch is a duplicate with the original offsets; a gap is OUT_OF_ORDER_SEQUENCE_NUMBER', () => {
    const sim = setup();
    const seq = { producerId: 7, producerEpoch: 0, baseSequence: 0 };
    produce(sim, { acks: 1 }, seq);
    produce(sim, { acks: 1, correlationId: 11 }, seq);
    produce(sim, { acks: 1, correlationId: 12 }, { ...seq, baseSequence: 5 });
    const [first, retry, gap] = answers(sim);
    expect(first).toMatchObject({ results: [{ error: null, baseOffset: 0 }] });
    expect(retry).toMatchObject({ correlationId: 11, results: [{ error: null, baseOffset: 0 }] });
    expect(gap).toMatchObject({ correlationId: 12, results: [{ error: 'OUT_OF_ORDER_SEQUENCE_NUMBER' }] });
    expect(sim.state.topics.orders.partitions[0].replicaLogs[1].log.logEndOffset).toBe(2);
  });

  it('acks=all that cannot complete answers REQUEST_TIMED_OUT after timeout_ms (DelayedProduce#onExpire)', () => {
    const sim = setup();
    sim.dispatch({ type: 'brokerIsolate', id: 2 });
    sim.dispatch({ type: 'brokerIsolate', id: 3 });
    produce(sim, { timeoutMs: 1000 });
    sim.dispatch({ type: 'advanceClock', ms: 999 });
    expect(answers(sim)).toHaveLength(0);
    sim.dispatch({ type: 'advanceClock', ms: 1 });
    expect(answers(sim)[0]).toMatchObject({ results: [{ error: 'REQUEST_TIMED_OUT' }] });
  });

  it('replays to the same state from the command log', () => {
    const sim = setup();
    produce(sim);
    sim.dispatch({ type: 'advanceClock', ms: 10 });
    produce(sim, { acks: 1, correlationId: 11 });
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  });
});

describe('externalInitProducerId', () => {
  it('gives an idempotent producer a new id at epoch 0 from the shared counter', () => {
    const sim = setup();
    const a = sim.dispatch({ type: 'externalInitProducerId', client: 'c#1', transactionalId: null });
    const b = sim.dispatch({ type: 'externalInitProducerId', client: 'c#2', transactionalId: null });
    expect(a.ok && b.ok && [a.data, b.data]).toEqual([
      { producerId: 0, producerEpoch: 0 },
      { producerId: 1, producerEpoch: 0 },
    ]);
  });

  it('refuses transactional ids (no transaction APIs over the wire yet)', () => {
    const sim = setup();
    const r = sim.dispatch({ type: 'externalInitProducerId', client: 'c#1', transactionalId: 'tx' });
    expect(r.ok).toBe(false);
  });
});
