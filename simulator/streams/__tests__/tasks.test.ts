import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTasks, type StreamsClient } from '../tasks/assignment';
import { planPartitions, streamsClientNames } from '../tasks/partitions';
import { buildTopology } from '../topology/dslBuilder';
import type { Topology } from '../topology/types';

function topo(dsl: string): Topology {
  const r = buildTopology(dsl);
  if (!r.ok) throw new Error(r.error.message);
  return r.topology;
}

function plan(dsl: string, external: Record<string, number | undefined>) {
  return planPartitions(topo(dsl), external, 'app-1b2c-StreamThread-1-consumer');
}

describe('tasks (TaskId, StreamsPartitionAssignor)', () => {
  it('task ids are <subtopology>_<partition>; a sub-topology has as many tasks as its largest input topic has partitions', () => {
    const p = plan('a = stream small\nb = stream big\na | merge b | to out', { small: 2, big: 4 });
    expect(p.ok && p.tasks.map((t) => t.id)).toEqual(['0_0', '0_1', '0_2', '0_3']);
  });

  it('a repartition topic gets the largest partition count of the sub-topology writing it (RepartitionTopics)', () => {
    const p = plan(
      'a = stream small\nb = stream big\na | merge b | selectKey value | groupByKey | count as c',
      { small: 2, big: 4 },
    );
    expect(p.ok && p.partitions['c-repartition']).toBe(4);
    expect(p.ok && p.tasks.filter((t) => t.subtopology === 1).map((t) => t.id)).toEqual([
      '1_0',
      '1_1',
      '1_2',
      '1_3',
    ]);
    // one changelog partition per task of the store's sub-topology
    expect(p.ok && p.partitions['c-changelog']).toBe(4);
  });

  it("co-partitioning: joining topics with different partition counts fails with CopartitionedTopicsEnforcer's text", () => {
    const p = plan('a = stream orders\nb = stream payments\na | join b window 5m | to out', {
      orders: 3,
      payments: 2,
    });
    expect(p).toEqual({
      ok: false,
      exception: 'TopologyException',
      error:
        'Invalid topology: stream-thread [app-1b2c-StreamThread-1-consumer] Topics not co-partitioned: [{orders=3, payments=2}]',
    });
    const t = plan('t = table customers\nstream orders | join t | to out', { orders: 3, customers: 6 });
    expect(t.ok).toBe(false);
  });

  it('co-partitioning: a repartition topic in a join takes the partition count of the external topic', () => {
    const p = plan('a = stream orders | selectKey value\nt = table customers\na | join t | to out', {
      orders: 8,
      customers: 3,
    });
    expect(p.ok && p.partitions['KSTREAM-KEY-SELECT-0000000001-repartition']).toBe(3);
  });

  it('GlobalKTable joins need no co-partitioning', () => {
    const p = plan('g = globalTable customers\nstream orders | join g on value.c | to out', {
      orders: 3,
      customers: 1,
    });
    expect(p.ok).toBe(true);
  });

  it('a missing input topic stops the assignment (MissingSourceTopicException)', () => {
    expect(plan('stream orders | to out', {})).toEqual({
      ok: false,
      exception: 'MissingSourceTopicException',
      error: 'Missing source topics. [orders]',
    });
  });

  it('client, thread and transactional ids (KafkaStreams, StreamThread, ClientUtils, ActiveTaskCreator)', () => {
    const client = streamsClientNames.clientId('orders-app', '7f3a');
    const thread = streamsClientNames.threadName(client, 1);
    expect(thread).toBe('orders-app-7f3a-StreamThread-1');
    expect(streamsClientNames.consumer(thread)).toBe('orders-app-7f3a-StreamThread-1-consumer');
    expect(streamsClientNames.restoreConsumer(thread)).toBe(
      'orders-app-7f3a-StreamThread-1-restore-consumer',
    );
    expect(streamsClientNames.producer(thread)).toBe('orders-app-7f3a-StreamThread-1-producer');
    expect(streamsClientNames.transactionalId('orders-app', '7f3a', 1)).toBe('orders-app-7f3a-1');
  });
});

const tasksOf = (n: number, stateful = true) =>
  Array.from({ length: n }, (_, p) => ({
    id: `0_${p}`,
    subtopology: 0,
    partition: p,
    sourceTopics: ['in'],
    stateful,
  }));

describe('task assignment (simplified HighAvailabilityTaskAssignor)', () => {
  it('spreads tasks in proportion to stream threads', () => {
    const a = assignTasks(tasksOf(6), [
      { processId: 'a', threads: 1 },
      { processId: 'b', threads: 2 },
    ]);
    expect(a.map((c) => c.active.length)).toEqual([2, 4]);
    expect(a[1].threads.map((t) => t.length)).toEqual([2, 2]);
  });

  it('instances beyond the task count sit idle', () => {
    const a = assignTasks(
      tasksOf(2),
      [1, 2, 3].map((i) => ({ processId: `p${i}`, threads: 1 })),
    );
    expect(a.map((c) => c.active.length)).toEqual([1, 1, 0]);
  });

  it('sticky: a new instance takes over only as many tasks as balance needs; the others stay put', () => {
    const first = assignTasks(tasksOf(6), [
      { processId: 'a', threads: 1 },
      { processId: 'b', threads: 1 },
    ]);
    const clients: StreamsClient[] = [
      ...first.map((c) => ({ processId: c.processId, threads: 1, previous: c.threads })),
      { processId: 'c', threads: 1 },
    ];
    const second = assignTasks(tasksOf(6), clients);
    expect(second.map((c) => c.active.length)).toEqual([2, 2, 2]);
    for (const c of second.slice(0, 2)) {
      const before = first.find((f) => f.processId === c.processId)!.active;
      expect(c.active.every((t) => before.includes(t))).toBe(true);
    }
  });

  it('a stateful task prefers an instance that already holds its state (caught up)', () => {
    const a = assignTasks(tasksOf(2), [
      { processId: 'a', threads: 1 },
      { processId: 'b', threads: 1, caughtUp: ['0_0'] },
    ]);
    expect(a.find((c) => c.processId === 'b')!.active).toEqual(['0_0']);
  });

  it('property: every task is assigned exactly once and loads differ by at most one per thread', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
        (n, threads) => {
          const clients = threads.map((t, i) => ({ processId: `p${i}`, threads: t }));
          const a = assignTasks(tasksOf(n), clients);
          const all = a.flatMap((c) => c.threads.flat()).sort();
          expect(all).toEqual(
            tasksOf(n)
              .map((t) => t.id)
              .sort(),
          );
          const total = threads.reduce((s, t) => s + t, 0);
          for (const c of a) {
            const share = (n * clients.find((x) => x.processId === c.processId)!.threads) / total;
            expect(Math.abs(c.active.length - share)).toBeLessThan(1);
          }
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
