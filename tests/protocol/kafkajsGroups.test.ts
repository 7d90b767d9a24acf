import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { runConsoleLines } from '../../kafka-cli/index';
import { Simulation } from '../../simulator/index';
import { readModel } from '../../simulator/read/index';
import { startCluster } from './clients.testkit';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

const committedTotal = (sim: Simulation, group: string) =>
  (readModel(sim).group(group)?.offsets ?? []).reduce((n, o) => n + o.offset, 0);

/** kafka-consumer-groups.sh in the simulation's console: what a learner sees of the real clients. */
function consoleOut(sim: Simulation, line: string): string {
  return runConsoleLines(sim, [line])[0].stdout;
}

async function until(what: string, probe: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('KafkaJS 2.2.4 consumer groups against kafka-sim --listen', () => {
  it('two members share a topic, rebalance when one leaves (LeaveGroup), commit, and a new member resumes at the committed offsets (GroupMetadataManager classic protocol)', async () => {
    const c = await startCluster(3);
    const kafka = new Kafka({ clientId: 'shop', brokers: c.bootstrap, logLevel: logLevel.NOTHING });
    const consumers: Consumer[] = [];
    const producer = kafka.producer();
    stop = async () => {
      for (const x of consumers) await x.disconnect().catch(() => {});
      await producer.disconnect().catch(() => {});
      await c.listeners.close();
    };
    c.dispatch({ type: 'createTopic', topic: 'orders', partitions: 4, replicationFactor: 3 });
    await producer.connect();

    const seen: Record<string, string[]> = { a: [], b: [], c: [] };
    const start = async (name: string) => {
      const consumer = kafka.consumer({ groupId: 'billing', heartbeatInterval: 500 });
      consumers.push(consumer);
      await consumer.connect();
      await consumer.subscribe({ topic: 'orders', fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          seen[name].push(String(message.value));
        },
      });
      return consumer;
    };
    const group = () => readModel(c.sim).group('billing');
    await start('a');
    const b = await start('b');
    await until(
      'both members in a Stable group',
      () => group()?.state === 'Stable' && group()?.members.length === 2,
    );
    const two = group()!;
    // every partition is owned by exactly one of the two members (the leader's client assigned them)
    expect(two.members.flatMap((m) => m.assignment.map((p) => p.partition)).sort()).toEqual([0, 1, 2, 3]);
    expect(two.members.every((m) => m.assignment.length === 2)).toBe(true);
    expect(two.members.every((m) => m.clientId === 'shop')).toBe(true);
    const members = consoleOut(c.sim, 'kafka-consumer-groups.sh --describe --group billing --members')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(/\s+/));
    expect(members.map((r) => [r[3], r[4]])).toEqual([
      ['shop', '2'],
      ['shop', '2'],
    ]);
    await producer.send({
      topic: 'orders',
      messages: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    });
    await until('all 40 records consumed and committed', () => committedTotal(c.sim, 'billing') === 40);
    // the admin client sees the same group: DescribeGroups, ListGroups and OffsetFetch over the wire
    const admin = kafka.admin();
    await admin.connect();
    const described = (await admin.describeGroups(['billing'])).groups[0];
    expect([described.state, described.protocolType, described.protocol, described.members.length]).toEqual([
      'Stable',
      'consumer',
      'RoundRobinAssigner',
      2,
    ]);
    expect((await admin.listGroups()).groups).toEqual([{ groupId: 'billing', protocolType: 'consumer' }]);
    const fetched = await admin.fetchOffsets({ groupId: 'billing', topics: ['orders'] });
    expect(fetched[0].partitions.reduce((n, p) => n + Number(p.offset), 0)).toBe(40);
    await admin.disconnect();
    // the console shows no lag: every committed offset is the partition's log end
    const rows = consoleOut(c.sim, 'kafka-consumer-groups.sh --describe --group billing')
      .trim()
      .split('\n')
      .slice(1);
    expect(rows.map((l) => l.split(/\s+/)[5])).toEqual(['0', '0', '0', '0']);
    expect([...seen.a, ...seen.b].sort()).toEqual(Array.from({ length: 40 }, (_, i) => `v${i}`).sort());
    expect(seen.a.length).toBeGreaterThan(0);
    expect(seen.b.length).toBeGreaterThan(0);

    // b leaves: the group rebalances to one member that owns everything, in a later generation
    await b.disconnect();
    await until('a alone owns all four partitions', () => {
      const g = group();
      return g?.state === 'Stable' && g.members.length === 1 && g.members[0].assignment.length === 4;
    });
    expect(group()!.generation).toBeGreaterThan(two.generation);
    expect(c.sim.events.some((e) => e.type === 'groupMemberRemoved' && e.cause === 'leave')).toBe(true);
    await producer.send({ topic: 'orders', messages: [{ key: 'k40', value: 'v40' }] });
    await until('a consumes the new record and commits it', () => committedTotal(c.sim, 'billing') === 41);
    expect(seen.a).toContain('v40');

    // everyone leaves; a new member starts at the committed offsets, not from the beginning
    await consumers[0].disconnect();
    await until('the group is Empty', () => group()?.state === 'Empty');
    expect(readModel(c.sim).group('billing')?.members).toEqual([]);
    await start('c');
    await until(
      'c owns all four partitions',
      () => group()?.state === 'Stable' && group()?.members.length === 1,
    );
    await producer.send({ topic: 'orders', messages: [{ key: 'k41', value: 'v41' }] });
    await until('c consumes the new record', () => seen.c.includes('v41'));
    expect(seen.c).toEqual(['v41']);

    // the whole session, groups included, replays from the command log
    expect(Simulation.replay(c.sim.init, c.sim.log).serialize()).toBe(c.sim.serialize());
  }, 90_000);
});
