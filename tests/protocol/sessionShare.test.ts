// A real client's session opened as a share link: KafkaJS drives kafka-sim --listen, the live view's command log
// goes into a version 2 share link, and a fresh controller (the playground on a page with no server) rebuilds the
// identical Simulation from it — same offsets, groups and committed offsets.
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { SimController } from '../../components/sim-runtime/SimController';
import { decodeAnyShare, encodeSessionShare, SESSION_PREFIX } from '../../lib/share/index';
import { readModel } from '../../simulator/read/index';
import { startCluster } from './clients.testkit';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function until(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('share link of a real client session (version 2: seed + command log, deflated)', () => {
  it('a KafkaJS idempotent producer and a committing consumer group replay from the link to the identical Simulation', async () => {
    const c = await startCluster(3);
    const kafka = new Kafka({ clientId: 'shop', brokers: c.bootstrap, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({ groupId: 'billing', heartbeatInterval: 500 });
    stop = async () => {
      await consumer.disconnect().catch(() => {});
      await producer.disconnect().catch(() => {});
      await c.listeners.close();
    };
    c.dispatch({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    await producer.connect();
    await producer.send({
      topic: 'orders',
      acks: -1,
      messages: [
        ...Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
        // bytes that are not UTF-8 travel through the log as lone surrogates: JSON keeps them exactly
        { key: 'bin', value: Buffer.from([0xff, 0x00, 0xc3]) },
      ],
    });
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    const committed = () =>
      (readModel(c.sim).group('billing')?.offsets ?? []).reduce((n, o) => n + o.offset, 0);
    await until('all 31 records consumed and committed', () => seen === 31 && committed() === 31);
    await stop();
    stop = null;

    const server = c.sim;
    const encoded = await encodeSessionShare({
      seed: 42,
      brokers: 3,
      preset: null,
      lines: [],
      commands: server.log,
    });
    expect(encoded.startsWith(SESSION_PREFIX)).toBe(true);
    const json = JSON.stringify(server.log).length;
    // deflate earns its place: the link is several times smaller than the log's JSON
    expect(encoded.length).toBeLessThan(json / 3);

    const decoded = await decodeAnyShare(encoded);
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.payload.v).toBe(2);
    const payload = decoded.payload as Extract<typeof decoded.payload, { v: 2 }>;
    const opened = new SimController({
      seed: payload.seed,
      brokers: payload.brokers,
      setup: [],
      lines: payload.lines,
      commands: payload.commands,
    });
    expect(opened.simulation.serialize()).toBe(server.serialize());
    const group = opened.read().group('billing');
    expect(group?.offsets.reduce((n, o) => n + o.offset, 0)).toBe(31);
    expect(group?.offsets).toEqual(readModel(server).group('billing')?.offsets);
    expect(
      opened
        .read()
        .topic('orders')
        ?.partitions.map((p) => p.highWatermark),
    ).toEqual(
      readModel(server)
        .topic('orders')
        ?.partitions.map((p) => p.highWatermark),
    );
    // the opened session shares again to the same link (its commands are the remote log)
    expect(opened.remoteCommands.length).toBe(server.log.length);
    // time travel in the opened page keeps the session: the commands replay after the (empty) setup
    opened.run('kafka-topics.sh --create --topic notes --partitions 1 --replication-factor 1');
    opened.seek(0);
    expect(opened.simulation.serialize()).toBe(server.serialize());
  }, 90_000);
});
