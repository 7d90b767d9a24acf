import { describe, expect, it } from 'vitest';
import { toJava } from '../java/toJava';
import { mapEntries } from '../persistentMap';
import { createTask, processRecord } from '../runtime/task';
import type { InputRecord, OutputRecord, TaskState } from '../runtime/types';
import { planPartitions } from '../tasks/partitions';
import { describeTopology } from '../topology/describe';
import { buildTopology } from '../topology/dslBuilder';
import { createDriver } from '../topologyTestDriver.testkit';
import { KI_FK_JOIN_FROM_KSTREAM } from './kafkaVectors';

const JOINER = 'with concat("(", left, ",", right, ")")';

function built(text: string) {
  const r = buildTopology(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.topology;
}

const ORDERS = (kind: 'join' | 'leftJoin') =>
  `orders = table orders\ncustomers = table customers\norders | ${kind} customers on value.customer with concat(left, "/", right) | toStream | to out`;

const order = (customer: string | null, item = 'book') => JSON.stringify({ customer, item });

describe('foreign-key table-table join: topology (KIP-213, KTableImpl#doJoinOnForeignKey)', () => {
  it('describe() matches KStreamImplTest#shouldSupportForeignKeyTableTableJoinWithKTableFromKStream', () => {
    const t = built(
      `l = stream input1 | toTable\nr = stream input2 | toTable\nl | join r on split(value, "\\\\|")[1] ${JOINER} | toStream | to output`,
    );
    expect(describeTopology(t)).toBe(KI_FK_JOIN_FROM_KSTREAM);
  });

  it('the two internal topics are repartition topics; the subscription store is logged (SubscriptionStoreFactory)', () => {
    const t = built(ORDERS('join'));
    const names = Object.keys(t.internalTopics).sort();
    expect(names).toEqual([
      'KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic',
      'KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic',
      'KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010-changelog',
      'customers-STATE-STORE-0000000003-changelog',
      'orders-STATE-STORE-0000000000-changelog',
    ]);
    expect(t.internalTopics['KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic'].kind).toBe(
      'repartition',
    );
    expect(t.internalTopics['KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic'].kind).toBe(
      'repartition',
    );
  });

  it('TableJoined.as names every processor, topic and the store with its suffix (NamedInternal#suffixWithOrElseGet)', () => {
    const t = built(
      'orders = table orders\ncustomers = table customers\norders | join customers on value.customer as enrich | toStream | to out',
    );
    for (const n of [
      'enrich-subscription-registration-processor',
      'enrich-subscription-registration-sink',
      'enrich-subscription-registration-source',
      'enrich-subscription-receive',
      'enrich-subscription-join-foreign',
      'enrich-foreign-join-subscription',
      'enrich-subscription-response-sink',
      'enrich-subscription-response-source',
      'enrich-subscription-response-resolver',
      'enrich-result',
    ])
      expect(t.nodes[n], n).toBeDefined();
    expect(t.internalTopics['enrich-subscription-registration-topic']).toBeDefined();
    expect(t.internalTopics['enrich-subscription-response-topic']).toBeDefined();
    expect(t.internalTopics['enrich-subscription-store-changelog']).toBeDefined();
    // Naming burns the counter values all the same: the toStream after it is still number 20.
    expect(t.nodes['KTABLE-TOSTREAM-0000000020']).toBeDefined();
  });

  it('the registration topic takes the foreign table partition count, the response topic the left one (copartitionSources)', () => {
    const t = built(ORDERS('join'));
    const plan = planPartitions(t, { orders: 3, customers: 2 });
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.partitions['KTABLE-FK-JOIN-SUBSCRIPTION-REGISTRATION-0000000006-topic']).toBe(2);
    expect(plan.partitions['KTABLE-FK-JOIN-SUBSCRIPTION-RESPONSE-0000000014-topic']).toBe(3);
    expect(plan.tasks.map((x) => x.id)).toEqual(['0_0', '0_1', '0_2', '1_0', '1_1']);
  });

  it('rejects what KTable has no method for: outerJoin with an extractor, a key-reading extractor (Function<V, KO>)', () => {
    const outer = buildTopology(
      'o = table orders\nc = table customers\no | outerJoin c on value.customer | toStream | to out',
    );
    expect(outer.ok).toBe(false);
    if (!outer.ok) expect(outer.error.message).toContain('no outerJoin');
    const keyed = buildTopology(
      'o = table orders\nc = table customers\no | join c on key | toStream | to out',
    );
    expect(keyed.ok).toBe(false);
    if (!keyed.ok) expect(keyed.error.message).toContain('Function<V, KO>');
    const keyedJoiner = buildTopology(
      'o = table orders\nc = table customers\no | join c on value.c with concat(key, right) | toStream | to out',
    );
    expect(keyedJoiner.ok).toBe(false);
  });

  it('toJava prints the KTable#leftJoin(other, foreignKeyExtractor, joiner, TableJoined) overload', () => {
    const j = toJava(
      'o = table orders\nc = table customers\no | leftJoin c on value.customer as enrich | toStream | to out',
    );
    if (!j.ok) throw new Error(j.error.message);
    expect(j.java).toContain(
      '.leftJoin(c, value -> text(json(value).path("customer")), (left, right) -> left + "+" + right, TableJoined.as("enrich"))',
    );
  });
});

describe('foreign-key join: results (SubscriptionSendProcessorSupplier, ResponseJoinProcessorSupplier)', () => {
  const parts = { orders: 3, customers: 2 };

  it('inner join: no result until the foreign row exists, then updates from either side', () => {
    const d = createDriver(ORDERS('join'), { partitions: parts });
    d.pipe('orders', 'o1', order('c1'), 1);
    expect(d.readKeyValues('out')).toEqual([]);
    d.pipe('customers', 'c1', 'Ada', 2);
    expect(d.read('out')).toEqual([{ key: 'o1', value: `${order('c1')}/Ada`, timestamp: 2 }]);
    d.pipe('customers', 'c1', 'Ada L.', 3);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c1')}/Ada L.`]);
    d.pipe('orders', 'o1', order('c1', 'pen'), 4);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c1', 'pen')}/Ada L.`]);
    expect(d.errors).toEqual([]);
  });

  it('a foreign-key change unsubscribes the old key and retracts the result when the new key has no row', () => {
    const d = createDriver(ORDERS('join'), { partitions: parts });
    d.pipe('customers', 'c1', 'Ada', 1);
    d.pipe('orders', 'o1', order('c1'), 2);
    d.read('out');
    // c2 does not exist yet: PROPAGATE_NULL_IF_NO_FK_VAL_AVAILABLE answers with null, a tombstone for o1.
    d.pipe('orders', 'o1', order('c2'), 3);
    expect(d.readKeyValues('out')).toEqual(['o1=null']);
    // The old foreign key's subscription is gone (DELETE_KEY_NO_PROPAGATE): c1 changes no longer reach o1.
    d.pipe('customers', 'c1', 'Ada L.', 4);
    expect(d.readKeyValues('out')).toEqual([]);
    d.pipe('customers', 'c2', 'Grace', 5);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c2')}/Grace`]);
  });

  it('tombstones: a deleted foreign row retracts (inner) every subscribed result; a deleted left row retracts its own', () => {
    const d = createDriver(ORDERS('join'), { partitions: parts });
    d.pipe('customers', 'c1', 'Ada', 1);
    d.pipe('orders', 'o1', order('c1'), 2);
    d.pipe('orders', 'o2', order('c1', 'pen'), 3);
    d.read('out');
    d.pipe('customers', 'c1', null, 4);
    expect(d.readKeyValues('out').sort()).toEqual(['o1=null', 'o2=null']);
    d.pipe('customers', 'c1', 'Ada', 5);
    expect(d.readKeyValues('out').length).toBe(2);
    // DELETE_KEY_AND_PROPAGATE: the deletion answers with null and the resolver sees no current row.
    d.pipe('orders', 'o2', null, 6);
    expect(d.readKeyValues('out')).toEqual(['o2=null']);
    d.pipe('customers', 'c1', 'Ada L.', 7);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c1')}/Ada L.`]);
  });

  it('leftJoin: a row without a foreign match (or with a null foreign key) joins with null at once', () => {
    const d = createDriver(ORDERS('leftJoin'), { partitions: parts });
    d.pipe('orders', 'o1', order('c9'), 1);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c9')}/null`]);
    d.pipe('orders', 'o2', order(null), 2);
    expect(d.readKeyValues('out')).toEqual([`o2=${order(null)}/null`]);
    d.pipe('customers', 'c9', 'Linus', 3);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c9')}/Linus`]);
    d.pipe('customers', 'c9', null, 4);
    expect(d.readKeyValues('out')).toEqual([`o1=${order('c9')}/null`]);
    expect(d.errors).toEqual([]);
  });

  it('inner join: a null foreign key is skipped and counted in dropped-records', () => {
    const d = createDriver(ORDERS('join'), { partitions: parts });
    d.pipe('orders', 'o1', order(null), 1);
    expect(d.readKeyValues('out')).toEqual([]);
    expect(d.dropped()).toBe(1);
  });

  it('the subscription store holds [foreignKey, primaryKey] on the foreign key partition, and is changelogged', () => {
    const d = createDriver(ORDERS('join'), { partitions: { orders: 1, customers: 1 } });
    d.pipe('orders', 'o1', order('c1'), 1);
    d.pipe('orders', 'o2', order('c1'), 2);
    const s = d.store('KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010', 0);
    if (s.type !== 'keyValue') throw new Error('not a key-value store');
    expect(mapEntries(s.map).map(([k]) => k)).toEqual(['["c1","o1"]', '["c1","o2"]']);
    d.pipe('orders', 'o1', order('c2'), 3);
    const s2 = d.store('KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010', 0);
    if (s2.type !== 'keyValue') throw new Error('not a key-value store');
    expect(mapEntries(s2.map).map(([k]) => k)).toEqual(['["c1","o2"]', '["c2","o1"]']);
    const log = d.changelog['test-app-KTABLE-FK-JOIN-SUBSCRIPTION-STATE-STORE-0000000010-changelog'];
    expect(log.map((c) => `${c.key}=${c.value === null ? 'null' : 'sub'}`)).toEqual([
      '["c1","o1"]=sub',
      '["c1","o2"]=sub',
      '["c1","o1"]=null',
      '["c2","o1"]=sub',
    ]);
  });

  it('responses go back to the partition the subscription came from (primaryPartition), not hash(key)', () => {
    const t = built(ORDERS('join'));
    const d = createDriver(ORDERS('join'), { partitions: parts });
    d.pipe('customers', 'c1', 'Ada', 1);
    const steps = d.pipe('orders', 'o1', order('c1'), 2, 2);
    const responses = steps
      .flatMap((s) => (s.ok ? s.outputs : []))
      .filter((o) => o.topic.endsWith('SUBSCRIPTION-RESPONSE-0000000014-topic'));
    expect(responses.map((o) => o.partition)).toEqual([2]);
    expect(t.nodes['KTABLE-SINK-0000000015']).toMatchObject({ partitioner: 'primaryPartition' });
  });
});

describe('foreign-key join: stale responses (ResponseJoinProcessorSupplier hash check)', () => {
  it('a response computed for an older version of the left row is dropped; only the newest one joins', () => {
    const t = built(ORDERS('join'));
    const app = 'a';
    const opts = { applicationId: app };
    let left: TaskState = createTask(t, 0, 0);
    let right: TaskState = createTask(t, 1, 0);
    const run = (task: TaskState, rec: InputRecord): { task: TaskState; outputs: OutputRecord[] } => {
      const s = processRecord(t, task, rec, opts);
      if (!s.ok) throw new Error(s.error.message);
      return { task: s.task, outputs: s.outputs };
    };
    const asInput = (o: OutputRecord): InputRecord => ({
      topic: o.topic,
      partition: 0,
      key: o.key,
      value: o.value,
      timestamp: o.timestamp,
    });
    let r = run(right, { topic: 'customers', partition: 0, key: 'c1', value: 'Ada', timestamp: 1 });
    right = r.task;
    // Two versions of o1 are sent before the foreign side answers the first.
    r = run(left, { topic: 'orders', partition: 0, key: 'o1', value: order('c1'), timestamp: 2 });
    left = r.task;
    const sub1 = r.outputs[0];
    r = run(left, { topic: 'orders', partition: 0, key: 'o1', value: order('c1', 'pen'), timestamp: 3 });
    left = r.task;
    const sub2 = r.outputs[0];
    r = run(right, asInput(sub1));
    right = r.task;
    const resp1 = r.outputs[0];
    r = run(right, asInput(sub2));
    const resp2 = r.outputs[0];
    const first = processRecord(t, left, asInput(resp1), opts);
    if (!first.ok) throw new Error(first.error.message);
    expect(first.outputs).toEqual([]);
    expect(first.task.metrics.droppedRecords).toBe(1);
    expect(first.events.map((e) => e.type)).toEqual(['recordDropped']);
    const second = processRecord(t, first.task, asInput(resp2), opts);
    if (!second.ok) throw new Error(second.error.message);
    expect(second.outputs.map((o) => `${o.key}=${o.value}`)).toEqual([`o1=${order('c1', 'pen')}/Ada`]);
  });
});
