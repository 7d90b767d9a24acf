import { describe, expect, it } from 'vitest';
import { deliveryOf } from '../producer/commands';
import { advance, eventsOf, hw, must, part, replicaValues, sim } from '../testing/sim.testkit';

type Sim = ReturnType<typeof sim>;

function setup(configs: Record<string, string> = {}, rf = 3, brokerConfig: Record<string, string> = {}): Sim {
  const s = sim({ brokerConfig });
  must(s, { type: 'createTopic', topic: 't', partitions: 1, replicationFactor: rf, configs });
  advance(s, 10);
  return s;
}

function send(s: Sim, value: string, configs: Record<string, string> = {}, name = 'p'): number {
  if (!s.state.producers[name]) must(s, { type: 'producerCreate', name, configs });
  const r = must(s, { type: 'producerSend', producer: name, topic: 't', value, partition: 0 });
  return r.ok ? r.data.recordId : -1;
}

const followers = (s: Sim) => part(s, 't').replicas.filter((id) => id !== part(s, 't').leader);

describe('high watermark (Partition#maybeIncrementLeaderHW)', () => {
  it('HW is the minimum LEO over the ISR: it advances only after every ISR follower fetched', () => {
    const s = setup();
    send(s, 'a', { 'linger.ms': '0' });
    advance(s, 2); // request reached the leader: appended, not yet replicated
    const p = part(s, 't');
    expect(p.replicaLogs[p.leader!].log.logEndOffset).toBe(1);
    expect(hw(p)).toBe(0);
    advance(s, 10);
    expect(hw(p)).toBe(1);
  });

  it('a follower that stopped fetching but is still in the ISR holds the HW back (acks=all waits)', () => {
    const s = setup();
    must(s, { type: 'brokerIsolate', id: followers(s)[0] });
    const id = send(s, 'a');
    advance(s, 1000);
    expect(hw(part(s, 't'))).toBe(0);
    expect(deliveryOf(s.state.producers.p, id).status).toBe('pending');
    advance(s, 9000); // fenced → removed from the ISR → HW moves and the produce completes
    expect(hw(part(s, 't'))).toBe(1);
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({ status: 'acked', offset: 0 });
  });

  it('HW does not advance while ISR < min.insync.replicas, even for acks=1 writes (KAFKA-15583, 3.7+)', () => {
    const s = setup({ 'min.insync.replicas': '2' });
    for (const f of followers(s)) must(s, { type: 'brokerStop', id: f });
    advance(s, 9000);
    expect(part(s, 't').isr).toHaveLength(1);
    const id = send(s, 'a', { acks: '1' });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({ status: 'acked', offset: 0 });
    const p = part(s, 't');
    expect(p.replicaLogs[p.leader!].log.logEndOffset).toBe(1);
    expect(hw(p)).toBe(0);
  });

  it('effective min ISR is min(min.insync.replicas, replication factor): RF=1 with min.insync.replicas=2 accepts acks=all', () => {
    const s = setup({ 'min.insync.replicas': '2' }, 1);
    const id = send(s, 'a');
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({ status: 'acked', offset: 0 });
  });
});

describe('acks and min.insync.replicas (Partition#appendRecordsToLeader)', () => {
  it('acks=all with ISR < min.insync.replicas is rejected with NOT_ENOUGH_REPLICAS and nothing is written', () => {
    const s = setup({ 'min.insync.replicas': '2' });
    for (const f of followers(s)) must(s, { type: 'brokerStop', id: f });
    advance(s, 9000);
    const id = send(s, 'a', { 'delivery.timeout.ms': '1000', 'request.timeout.ms': '500', 'linger.ms': '0' });
    must(s, { type: 'producerFlush', producer: 'p' });
    const p = part(s, 't');
    expect(p.replicaLogs[p.leader!].log.logEndOffset).toBe(0);
    expect(
      eventsOf(s, 'produceRejected').every(
        (e) => e.type === 'produceRejected' && e.error === 'NOT_ENOUGH_REPLICAS',
      ),
    ).toBe(true);
    expect(eventsOf(s, 'batchRetrying').length).toBeGreaterThan(0); // NotEnoughReplicasException is retriable
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({
      status: 'failed',
      error: { code: 'TIMEOUT_EXCEPTION' },
    });
  });

  it("a refused append's detailed text is in the leader's log, and the client gets the Errors enum's default message (ReplicaManager: LogAppendResult#errorMessage is set only for RecordValidationException)", () => {
    const s = setup({ 'min.insync.replicas': '2' });
    for (const f of followers(s)) must(s, { type: 'brokerStop', id: f });
    advance(s, 9000);
    send(s, 'a', { 'delivery.timeout.ms': '1000', 'request.timeout.ms': '500', 'linger.ms': '0' });
    must(s, { type: 'producerFlush', producer: 'p' });
    const leader = part(s, 't').leader;
    const rejected = eventsOf(s, 'produceRejected')[0];
    expect(rejected.type === 'produceRejected' && rejected.brokerLog).toBe(
      `ERROR [ReplicaManager broker=${leader}] Error processing append operation on partition t-0 org.apache.kafka.common.errors.NotEnoughReplicasException: The size of the current ISR [${leader}] is insufficient to satisfy the min.isr requirement of 2 for partition t-0`,
    );
    const retry = eventsOf(s, 'batchRetrying')[0];
    expect(retry.type === 'batchRetrying' && retry.error.message).toBe(
      'Messages are rejected since there are fewer in-sync replicas than required.',
    );
  });

  it("a keyless record on a compacted topic: the client gets the broker's own text (RecordValidationException carries a custom error message)", () => {
    const s = setup({ 'cleanup.policy': 'compact' });
    const id = send(s, 'a', { 'linger.ms': '0' });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({
      status: 'failed',
      error: {
        code: 'INVALID_RECORD',
        message: 'Compacted topic cannot accept message without key in topic partition t-0.',
      },
    });
  });

  it('acks=0 completes without an offset (-1) and never retries', () => {
    const s = setup();
    const id = send(s, 'a', { acks: '0' });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({ status: 'acked', offset: -1 });
  });

  it('acks=1 is acknowledged by the leader alone; a clean election of a lagging ISR follower then loses the record', () => {
    const s = setup();
    const p = part(s, 't');
    const leader = p.leader!;
    const fs = followers(s);
    for (const f of fs) must(s, { type: 'brokerIsolate', id: f });
    const id = send(s, 'lost', { acks: '1' });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(deliveryOf(s.state.producers.p, id)).toMatchObject({ status: 'acked', offset: 0 });
    must(s, { type: 'brokerStop', id: leader });
    for (const f of fs) must(s, { type: 'brokerHeal', id: f });
    advance(s, 9000); // the old leader is fenced; an ISR follower (still in the ISR) is elected cleanly
    expect(p.leader).not.toBe(leader);
    expect(p.leader).not.toBeNull();
    must(s, { type: 'brokerStart', id: leader });
    advance(s, 5000);
    expect(replicaValues(p, leader)).toEqual([]); // truncated by leader epoch
    expect(
      eventsOf(s, 'replicaTruncated').some(
        (e) => e.type === 'replicaTruncated' && e.broker === leader && e.removed === 1,
      ),
    ).toBe(true);
  });
});

describe('ISR maintenance (replica.lag.time.max.ms=30000, isr-expiration every 15 s)', () => {
  it('a follower that has not caught up for replica.lag.time.max.ms is removed by the leader, then rejoins once caught up', () => {
    // A long session timeout keeps the controller from fencing it first, so the leader's ISR shrink is what acts.
    const s = setup({}, 3, { 'broker.session.timeout.ms': '600000' });
    const f = followers(s)[0];
    must(s, { type: 'brokerIsolate', id: f });
    send(s, 'a', { acks: '1' });
    must(s, { type: 'producerFlush', producer: 'p' });
    advance(s, 29_000);
    expect(part(s, 't').isr).toContain(f);
    advance(s, 16_000);
    expect(part(s, 't').isr).not.toContain(f);
    const shrink = eventsOf(s, 'isrChanged').find((e) => e.type === 'isrChanged' && e.cause === 'shrink');
    expect(shrink?.reason).toContain('replica.lag.time.max.ms=30000');
    must(s, { type: 'brokerHeal', id: f });
    advance(s, 100);
    expect(part(s, 't').isr).toContain(f);
  });
});

describe('record timestamps (message.timestamp.type)', () => {
  it('CreateTime keeps the producer timestamp; LogAppendTime stamps the leader append time', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'c', partitions: 1, replicationFactor: 1 });
    must(s, {
      type: 'createTopic',
      topic: 'l',
      partitions: 1,
      replicationFactor: 1,
      configs: { 'message.timestamp.type': 'LogAppendTime' },
    });
    advance(s, 1000);
    must(s, { type: 'producerCreate', name: 'p' });
    must(s, { type: 'producerSend', producer: 'p', topic: 'c', value: 'v', timestamp: 42 });
    must(s, { type: 'producerSend', producer: 'p', topic: 'l', value: 'v', timestamp: 42 });
    must(s, { type: 'producerFlush', producer: 'p' });
    const ts = (t: string) => part(s, t).replicaLogs[part(s, t).leader!].log.segments[0].records[0].timestamp;
    expect(ts('c')).toBe(42);
    expect(ts('l')).toBeGreaterThan(1000);
  });
});
