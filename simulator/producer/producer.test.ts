import { describe, expect, it } from 'vitest';
import { advance, eventsOf, leaderRecords, must, part, sim } from '../testing/sim.testkit';
import { deliveryOf } from './commands';
import { parseProducerConfig } from './producerConfig';

type Sim = ReturnType<typeof sim>;

function setup(partitions = 1, rf = 3): Sim {
  const s = sim();
  must(s, { type: 'createTopic', topic: 't', partitions, replicationFactor: rf });
  advance(s, 10);
  return s;
}

describe('producer configs (ProducerConfig, Kafka 4.0 defaults)', () => {
  it('defaults: acks=all, enable.idempotence=true, linger.ms=5, batch.size=16384, retries=MAX_INT, delivery.timeout.ms=120000, max.in.flight=5', () => {
    const r = parseProducerConfig({});
    if (!r.ok) throw new Error(r.message);
    expect(r.config).toMatchObject({
      acks: 'all',
      enableIdempotence: true,
      lingerMs: 5,
      batchSize: 16384,
      retries: 2147483647,
      deliveryTimeoutMs: 120000,
      requestTimeoutMs: 30000,
      maxInFlight: 5,
    });
  });

  it('explicit enable.idempotence=true with acks=1 is a ConfigException; defaulted idempotence is silently disabled', () => {
    const bad = parseProducerConfig({ 'enable.idempotence': 'true', acks: '1' });
    expect(bad.ok ? '' : bad.message).toBe(
      'Must set acks to all in order to use the idempotent producer. Otherwise we cannot guarantee idempotence.',
    );
    const ok = parseProducerConfig({ acks: '1' });
    expect(ok.ok && ok.config.enableIdempotence).toBe(false);
  });

  it('max.in.flight.requests.per.connection > 5 fails with idempotence even when defaulted (4.0)', () => {
    const r = parseProducerConfig({ 'max.in.flight.requests.per.connection': '6' });
    expect(r.ok ? '' : r.message).toContain('at most 5');
  });

  it('delivery.timeout.ms set below linger.ms + request.timeout.ms is rejected; unset it is raised', () => {
    const bad = parseProducerConfig({ 'delivery.timeout.ms': '1000' });
    expect(bad.ok ? '' : bad.message).toBe(
      'delivery.timeout.ms should be equal to or larger than linger.ms + request.timeout.ms',
    );
    const raised = parseProducerConfig({ 'request.timeout.ms': '200000' });
    expect(raised.ok && raised.config.deliveryTimeoutMs).toBe(200005);
  });

  it('bad values use Kafka wording', () => {
    const r = parseProducerConfig({ acks: '2' });
    expect(r.ok ? '' : r.message).toBe(
      'Invalid value 2 for configuration acks: String must be one of: all, -1, 0, 1',
    );
  });
});

describe('partitioning (KafkaProducer#partition, BuiltInPartitioner)', () => {
  it('keyed records go to toPositive(murmur2(key)) % partitions', () => {
    const s = setup(3);
    must(s, { type: 'producerCreate', name: 'p' });
    const r = must(s, { type: 'producerSend', producer: 'p', topic: 't', key: 'alice', value: 'v' });
    expect(r.ok && r.data.partition).toBe(0); // "alice" → 1951417749 % 3 = 0
    const r2 = must(s, { type: 'producerSend', producer: 'p', topic: 't', key: 'key1', value: 'v' });
    expect(r2.ok && r2.data.partition).toBe(2);
  });

  it('an explicit partition wins; an out-of-range one is rejected', () => {
    const s = setup(3);
    must(s, { type: 'producerCreate', name: 'p' });
    const r = must(s, {
      type: 'producerSend',
      producer: 'p',
      topic: 't',
      key: 'alice',
      value: 'v',
      partition: 2,
    });
    expect(r.ok && r.data.partition).toBe(2);
    const bad = s.dispatch({ type: 'producerSend', producer: 'p', topic: 't', value: 'v', partition: 3 });
    expect(bad.ok ? '' : bad.error.message).toBe(
      'Invalid partition given with record: 3 is not in the range [0...3).',
    );
  });

  it('keyless records stick to one partition until batch.size bytes were produced (KIP-794), then switch', () => {
    const s = setup(6);
    must(s, { type: 'producerCreate', name: 'p', configs: { 'batch.size': '1000' } });
    const parts: number[] = [];
    for (let i = 0; i < 60; i++) {
      const r = must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'x'.repeat(90) });
      if (r.ok) parts.push(r.data.partition);
    }
    // ~100 bytes per record: the first 10 records share a partition.
    expect(new Set(parts.slice(0, 9)).size).toBe(1);
    expect(new Set(parts).size).toBeGreaterThan(1);
    expect(eventsOf(s, 'stickyPartitionChanged').length).toBeGreaterThan(1);
  });
});

describe('batching (RecordAccumulator)', () => {
  it('records wait linger.ms (default 5) and go in one batch', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p' });
    for (const v of ['a', 'b', 'c'])
      must(s, { type: 'producerSend', producer: 'p', topic: 't', value: v, partition: 0 });
    advance(s, 4);
    expect(eventsOf(s, 'produceRequestSent')).toHaveLength(0);
    advance(s, 1);
    const sent = eventsOf(s, 'produceRequestSent');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ records: 3 });
  });

  it('a full batch (batch.size) is sent without waiting for linger.ms', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p', configs: { 'batch.size': '300', 'linger.ms': '10000' } });
    for (let i = 0; i < 5; i++)
      must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'y'.repeat(100), partition: 0 });
    advance(s, 1);
    expect(eventsOf(s, 'produceRequestSent').length).toBeGreaterThanOrEqual(2);
  });

  it('sending to a missing topic auto-creates it (auto.create.topics.enable=true, num.partitions=1)', () => {
    const s = sim();
    must(s, { type: 'producerCreate', name: 'p' });
    must(s, { type: 'producerSend', producer: 'p', topic: 'fresh', value: 'v' });
    expect(s.state.topics.fresh.partitions).toHaveLength(1);
    expect(eventsOf(s, 'topicCreated')[0]).toMatchObject({ autoCreated: true });
  });
});

describe('retries, duplicates and idempotence', () => {
  it('without idempotence a lost acknowledgement makes the retry write a duplicate', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p', configs: { 'enable.idempotence': 'false' } });
    must(s, { type: 'dropNext', what: 'response' });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'once', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(leaderRecords(part(s, 't')).map((r) => r.value)).toEqual(['once', 'once']);
  });

  it('the idempotent producer retries with the same sequence and the broker returns the original offset (duplicate dropped)', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p' });
    must(s, { type: 'dropNext', what: 'response' });
    const r = must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'once', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(leaderRecords(part(s, 't')).map((x) => x.value)).toEqual(['once']);
    expect(eventsOf(s, 'duplicateBatch')).toHaveLength(1);
    expect(r.ok && deliveryOf(s.state.producers.p, r.data.recordId)).toMatchObject({
      status: 'acked',
      offset: 0,
    });
    const rec = leaderRecords(part(s, 't'))[0];
    expect(rec).toMatchObject({ producerId: s.state.producers.p.producerId, producerEpoch: 0, sequence: 0 });
  });

  it('with idempotence off, retries and max.in.flight > 1, a retried batch lands after a later one (reordering)', () => {
    const s = setup();
    must(s, {
      type: 'producerCreate',
      name: 'p',
      configs: { 'enable.idempotence': 'false', 'linger.ms': '0', 'batch.size': '1' },
    });
    must(s, { type: 'dropNext', what: 'request' });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'first', partition: 0 });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'second', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(leaderRecords(part(s, 't')).map((r) => r.value)).toEqual(['second', 'first']);
  });

  it('the idempotent producer keeps order: the later batch is rejected OUT_OF_ORDER_SEQUENCE_NUMBER and retried after the first', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p', configs: { 'linger.ms': '0', 'batch.size': '1' } });
    must(s, { type: 'dropNext', what: 'request' });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'first', partition: 0 });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'second', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(leaderRecords(part(s, 't')).map((r) => r.value)).toEqual(['first', 'second']);
    expect(
      eventsOf(s, 'produceRejected').some(
        (e) => e.type === 'produceRejected' && e.error === 'OUT_OF_ORDER_SEQUENCE_NUMBER',
      ),
    ).toBe(true);
  });

  it('max.in.flight.requests.per.connection=1 without idempotence keeps order too', () => {
    const s = setup();
    must(s, {
      type: 'producerCreate',
      name: 'p',
      configs: {
        'enable.idempotence': 'false',
        'linger.ms': '0',
        'batch.size': '1',
        'max.in.flight.requests.per.connection': '1',
      },
    });
    must(s, { type: 'dropNext', what: 'request' });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'first', partition: 0 });
    must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'second', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(leaderRecords(part(s, 't')).map((r) => r.value)).toEqual(['first', 'second']);
  });

  it('retries=0 fails the batch on the first retriable error', () => {
    const s = setup();
    must(s, {
      type: 'producerCreate',
      name: 'p',
      configs: { acks: '1', retries: '0', 'request.timeout.ms': '1000' },
    });
    must(s, { type: 'dropNext', what: 'request' });
    const r = must(s, { type: 'producerSend', producer: 'p', topic: 't', value: 'v', partition: 0 });
    must(s, { type: 'producerFlush', producer: 'p' });
    expect(r.ok && deliveryOf(s.state.producers.p, r.data.recordId)).toMatchObject({
      status: 'failed',
      error: { code: 'NETWORK_EXCEPTION' },
    });
  });

  it('producerSendMany validates every record first: one bad partition sends nothing', () => {
    const s = setup(2);
    must(s, { type: 'producerCreate', name: 'p' });
    const before = s.serialize();
    const r = s.dispatch({
      type: 'producerSendMany',
      producer: 'p',
      topic: 't',
      records: [{ value: 'a' }, { value: 'b', partition: 5 }],
    });
    expect(r.ok).toBe(false);
    expect(s.serialize()).toBe(before);
  });

  it('a closed producer refuses sends', () => {
    const s = setup();
    must(s, { type: 'producerCreate', name: 'p' });
    must(s, { type: 'producerClose', producer: 'p' });
    const r = s.dispatch({ type: 'producerSend', producer: 'p', topic: 't', value: 'v' });
    expect(r.ok ? '' : r.error.message).toBe('Cannot perform operation after producer has been closed');
  });
});
