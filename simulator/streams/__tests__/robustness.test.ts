import { describe, expect, it } from 'vitest';
import { createTask, processRecord } from '../runtime/task';
import { buildTopology } from '../topology/dslBuilder';
import type { Topology } from '../topology/types';
import { createDriver } from '../topologyTestDriver.testkit';

function topo(dsl: string): Topology {
  const r = buildTopology(dsl);
  if (!r.ok) throw new Error(r.error.message);
  return r.topology;
}

const opts = { applicationId: 'app' };

describe('bad input gets a clear error and changes nothing', () => {
  it('a processing error (a field of non-JSON text) returns the task unchanged, naming the processor', () => {
    const t = topo('stream orders | filter value.amount > 100 | groupByKey | count');
    const task = createTask(t, 0, 0);
    const r = processRecord(
      t,
      task,
      { topic: 'orders', partition: 0, key: 'a', value: 'not json', timestamp: 1 },
      opts,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.task).toBe(task);
    expect(r.error).toEqual({
      message: 'KSTREAM-FILTER-0000000001: value is not JSON, so it has no fields: "not json"',
      node: 'KSTREAM-FILTER-0000000001',
    });
  });

  it('a negative timestamp fails like FailOnInvalidTimestamp (default.timestamp.extractor)', () => {
    const t = topo('stream orders | to out');
    const r = processRecord(
      t,
      createTask(t, 0, 0),
      { topic: 'orders', partition: 0, offset: 4, key: 'k', value: 'v', timestamp: -1 },
      opts,
    );
    expect(r.ok === false && r.error.message).toMatch(
      /^Input record ConsumerRecord\(topic = orders, partition = 0, leaderEpoch = null, offset = 4, CreateTime = -1, .*\) has invalid \(negative\) timestamp\. Possibly because a pre-0\.10 producer client was used .* Use a different TimestampExtractor to process this data\.$/,
    );
  });

  it('a record from a topic the task does not read is refused', () => {
    const t = topo('stream orders | to out');
    const r = processRecord(
      t,
      createTask(t, 0, 0),
      { topic: 'payments', partition: 0, key: 'k', value: 'v', timestamp: 1 },
      opts,
    );
    expect(r.ok === false && r.error.message).toBe('task 0_0 does not read topic payments');
  });

  it('repartition topics are read under their broker name <application.id>-<name>', () => {
    const t = topo('stream orders | selectKey value | groupByKey | count as c');
    const task = createTask(t, 1, 0);
    const r = processRecord(
      t,
      task,
      { topic: 'app-c-repartition', partition: 0, key: 'x', value: 'x', timestamp: 1 },
      opts,
    );
    expect(r.ok && r.changelog.map((c) => [c.topic, c.key, c.value])).toEqual([
      ['app-c-changelog', 'x', '1'],
    ]);
  });
});

describe('plain data', () => {
  it('the topology and task state survive a JSON round trip (share links, replay)', () => {
    const dsl =
      'stream in | groupByKey | windowedBy tumbling 5s grace 1s | count | suppress untilWindowCloses | toStream | to out';
    const d = createDriver(dsl);
    for (const ts of [1000, 2000, 4000]) d.pipe('in', 'A', 'x', ts);
    const topology = JSON.parse(JSON.stringify(d.topology)) as Topology;
    const task = JSON.parse(JSON.stringify(d.tasks['0_0']));
    expect(task).toEqual(d.tasks['0_0']);
    const r = processRecord(
      topology,
      task,
      { topic: 'in', partition: 0, key: 'B', value: 'x', timestamp: 6000 },
      { applicationId: 'test-app' },
    );
    expect(r.ok && r.outputs.map((o) => `${o.key}=${o.value}`)).toEqual(['[A@0/5000]=3']);
  });

  it('the same program always builds the same topology (deterministic)', () => {
    const dsl =
      'a = stream x | selectKey value\nb = table y\na | leftJoin b | groupByKey | windowedBy session 1m | count | toStream | to out';
    expect(JSON.stringify(topo(dsl))).toBe(JSON.stringify(topo(dsl)));
  });
});
