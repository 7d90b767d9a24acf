import { CompressionTypes, Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { highWatermark } from '../../simulator/cluster/lookup';
import { Simulation } from '../../simulator/index';
import { startCluster } from './clients.testkit';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

function leaderValues(sim: Simulation, topic: string): string[] {
  const out: string[] = [];
  for (const p of sim.state.topics[topic].partitions) {
    if (p.leader === null) continue;
    for (const seg of p.replicaLogs[p.leader].log.segments)
      for (const r of seg.records) if (r.offset < highWatermark(p) && r.value !== null) out.push(r.value);
  }
  return out.sort();
}

describe('KafkaJS 2.2.4 against kafka-sim --listen', () => {
  it('admin creates a topic; an idempotent producer with acks=all writes to every ISR replica', async () => {
    const c = await startCluster(3);
    const kafka = new Kafka({
      clientId: 'course',
      brokers: c.bootstrap,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3 },
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    stop = async () => {
      await producer.disconnect().catch(() => {});
      await admin.disconnect().catch(() => {});
      await c.listeners.close();
    };
    await admin.connect();
    expect(
      await admin.createTopics({
        topics: [
          {
            topic: 'orders',
            numPartitions: 3,
            replicationFactor: 3,
            configEntries: [{ name: 'min.insync.replicas', value: '2' }],
          },
        ],
      }),
    ).toBe(true);
    await producer.connect();
    const messages = Array.from({ length: 30 }, (_, i) => ({ key: `user-${i % 7}`, value: `order-${i}` }));
    const result = await producer.send({ topic: 'orders', acks: -1, messages });
    expect(result.every((r) => r.errorCode === 0)).toBe(true);

    const { sim } = c;
    const parts = sim.state.topics.orders.partitions;
    expect(parts.reduce((n, p) => n + highWatermark(p), 0)).toBe(30);
    for (const p of parts) {
      // acks=all: every ISR replica holds the batch before the answer (HW = LEO on all three)
      for (const id of p.isr) expect(p.replicaLogs[id].log.logEndOffset).toBe(highWatermark(p));
      const recs = p.replicaLogs[p.leader as number].log.segments.flatMap((s) => s.records);
      if (recs.length) expect(recs[0].producerId).toBeGreaterThanOrEqual(0); // idempotent: InitProducerId was used
    }
    expect(leaderValues(sim, 'orders')).toEqual(messages.map((m) => m.value).sort());
    expect(sim.state.topics.orders.configs['min.insync.replicas']).toBe('2');
    // the whole client session replays from the command log
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  });

  it('a controlled stop of a leader: KafkaJS follows the new leader and idempotence keeps one copy of each record', async () => {
    const c = await startCluster(3);
    const kafka = new Kafka({
      clientId: 'failover',
      brokers: c.bootstrap,
      logLevel: logLevel.NOTHING,
      retry: { retries: 8, initialRetryTime: 50 },
    });
    const admin = kafka.admin();
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    stop = async () => {
      await producer.disconnect().catch(() => {});
      await admin.disconnect().catch(() => {});
      await c.listeners.close();
    };
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'pay', numPartitions: 1, replicationFactor: 3 }] });
    await producer.connect();
    await producer.send({ topic: 'pay', acks: -1, messages: [{ value: 'a' }, { value: 'b' }] });
    const before = c.sim.state.topics.pay.partitions[0].leader as number;
    expect(c.dispatch({ type: 'brokerStop', id: before, mode: 'controlled' }).ok).toBe(true);
    await producer.send({ topic: 'pay', acks: -1, messages: [{ value: 'c' }] });
    const p = c.sim.state.topics.pay.partitions[0];
    expect(p.leader).not.toBe(before);
    expect(leaderValues(c.sim, 'pay')).toEqual(['a', 'b', 'c']);
  });

  it('gzip batches, ListOffsets and DescribeConfigs', async () => {
    const c = await startCluster(1);
    const kafka = new Kafka({ clientId: 'reader', brokers: c.bootstrap, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    stop = async () => {
      await admin.disconnect().catch(() => {});
      await c.listeners.close();
    };
    await admin.connect();
    c.dispatch({
      type: 'createTopic',
      topic: 'logs',
      partitions: 2,
      replicationFactor: 1,
      configs: { 'retention.ms': '1000' },
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: 'logs',
      messages: [
        { value: 'x', partition: 1 },
        { value: 'y', partition: 1 },
      ],
    });
    await producer.disconnect();
    // a gzip batch is decompressed through node:zlib and stored record by record
    const gz = kafka.producer();
    await gz.connect();
    await gz.send({
      topic: 'logs',
      compression: CompressionTypes.GZIP,
      messages: [
        { value: 'z1', partition: 0 },
        { value: 'z2', partition: 0 },
      ],
    });
    await gz.disconnect();
    expect(leaderValues(c.sim, 'logs')).toEqual(['x', 'y', 'z1', 'z2']);
    const offsets = await admin.fetchTopicOffsets('logs');
    expect(offsets.map((o) => [o.partition, o.low, o.high])).toEqual([
      [0, '0', '2'],
      [1, '0', '2'],
    ]);
    const configs = await admin.describeConfigs({
      resources: [{ type: 2, name: 'logs', configNames: ['retention.ms', 'cleanup.policy'] }],
      includeSynonyms: false,
    });
    const entries = configs.resources[0].configEntries.map((e) => [e.configName, e.configValue, e.isDefault]);
    expect(entries).toEqual([
      ['cleanup.policy', 'delete', true],
      ['retention.ms', '1000', false],
    ]);
  });
});
