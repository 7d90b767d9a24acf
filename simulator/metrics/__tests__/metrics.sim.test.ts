import { describe, expect, it } from 'vitest';
import { highWatermark } from '../../cluster/lookup';
import { instantQuery } from '../promql/evaluator';
import { collectMBeans } from '../sampler';
import { monitored } from './monitoring.testkit';

function vector(m: ReturnType<typeof monitored>, q: string) {
  const r = instantQuery(m.mon.store, q, m.sim.state.now);
  if (r.value.type !== 'vector') throw new Error(`not a vector: ${q}`);
  return r.value.samples;
}
function scalarSum(m: ReturnType<typeof monitored>, q: string): number {
  return vector(m, q).reduce((a, s) => a + s.value, 0);
}

function produce(m: ReturnType<typeof monitored>, producer: string, topic: string, n: number) {
  m.must({
    type: 'producerSendMany',
    producer,
    topic,
    records: Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
  });
  m.must({ type: 'producerFlush', producer });
}

describe('broker metrics against the simulation', () => {
  it('MessagesInPerSec counts exactly the records leaders appended (BrokerTopicStats marks on each leader append)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1', configs: { acks: 'all' } });
    produce(m, 'p1', 'orders', 50);
    m.run(30_000);
    const appended = m.sim.state.topics.orders.partitions.reduce(
      (a, p) => a + p.replicaLogs[p.leader ?? 1].log.logEndOffset,
      0,
    );
    expect(appended).toBe(50);
    expect(scalarSum(m, 'sum(kafka_server_brokertopicmetrics_messagesin_total{topic="orders"})')).toBe(50);
    // The all-topics meter carries no topic label and counts the same records.
    expect(
      scalarSum(m, 'sum(kafka_server_brokertopicmetrics_messagesin_total{topic=""})'),
    ).toBeGreaterThanOrEqual(50);
    // Bytes in = the sizes of the appended records in the leaders' logs.
    const bytes = m.sim.state.topics.orders.partitions.reduce(
      (a, p) => a + p.replicaLogs[p.leader ?? 1].log.segments.reduce((s, seg) => s + seg.sizeBytes, 0),
      0,
    );
    expect(scalarSum(m, 'sum(kafka_server_brokertopicmetrics_bytesin_total{topic="orders"})')).toBe(bytes);
    // Followers replicated every byte: ReplicationBytesIn across the cluster = 2 copies of each record.
    expect(
      scalarSum(m, 'sum(kafka_server_brokertopicmetrics_replicationbytesin_total)'),
    ).toBeGreaterThanOrEqual(2 * bytes);
  });

  it('UnderReplicatedPartitions = partitions led here whose ISR is below the replica count (Partition#isUnderReplicated)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 't', partitions: 6, replicationFactor: 3 });
    m.run(15_000);
    expect(scalarSum(m, 'sum(kafka_server_replicamanager_underreplicatedpartitions)')).toBe(0);
    m.must({ type: 'brokerStop', id: 3 });
    m.run(30_000);
    for (const id of [1, 2]) {
      const expected = m.sim.state.topics.t.partitions.filter(
        (p) => p.leader === id && p.isr.length < p.replicas.length,
      ).length;
      const got = vector(
        m,
        `kafka_server_replicamanager_underreplicatedpartitions{kubernetes_pod_name="my-cluster-kafka-${id}"}`,
      );
      expect(got.map((s) => s.value)).toEqual([expected]);
    }
    expect(scalarSum(m, 'sum(kafka_server_replicamanager_underreplicatedpartitions)')).toBe(6);
    // The stopped broker answers no scrape: up is 0 and its series went stale.
    expect(vector(m, 'up{kubernetes_pod_name="my-cluster-kafka-3"}').map((s) => s.value)).toEqual([0]);
    expect(
      vector(m, 'kafka_server_replicamanager_partitioncount{kubernetes_pod_name="my-cluster-kafka-3"}'),
    ).toEqual([]);
  });

  it('exactly one controller reports ActiveControllerCount 1; offline partitions show on the controllers (KRaft metrics)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'solo', partitions: 1, replicationFactor: 1 });
    m.run(15_000);
    expect(scalarSum(m, 'sum(kafka_controller_kafkacontroller_activecontrollercount)')).toBe(1);
    const leader = m.sim.state.topics.solo.partitions[0].leader as number;
    m.must({ type: 'brokerStop', id: leader });
    m.run(30_000);
    expect(m.sim.state.topics.solo.partitions[0].leader).toBeNull();
    const offline = vector(m, 'kafka_controller_kafkacontroller_offlinepartitionscount');
    expect(offline.length).toBe(3);
    expect(offline.every((s) => s.value === 1)).toBe(true);
    expect(scalarSum(m, 'max(kafka_controller_kafkacontroller_fencedbrokercount)')).toBe(1);
    expect(scalarSum(m, 'max(kafka_controller_kafkacontroller_activebrokercount)')).toBe(2);
  });

  it("IsrShrinks/ExpandsPerSec count only the leader's own AlterPartition: a fenced follower removed by the controller is no shrink (Partition.scala)", () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1', configs: { acks: '1' } });
    const follower = m.sim.state.topics.t.partitions[0].replicas.find(
      (b) => b !== m.sim.state.topics.t.partitions[0].leader,
    ) as number;
    m.must({ type: 'brokerIsolate', id: follower });
    produce(m, 'p1', 't', 5);
    m.run(60_000);
    const shrinks = scalarSum(m, 'sum(kafka_server_replicamanager_isrshrinks_total)');
    const isrEvents = m.sim.events.filter((e) => e.type === 'isrChanged' && e.cause === 'shrink').length;
    expect(m.sim.events.some((e) => e.type === 'isrChanged' && e.cause === 'fenced')).toBe(true);
    expect(shrinks).toBe(isrEvents);
    expect(shrinks).toBe(0);
    m.must({ type: 'brokerHeal', id: follower });
    m.run(60_000);
    const expands = m.sim.events.filter((e) => e.type === 'isrChanged' && e.cause === 'expand').length;
    expect(expands).toBeGreaterThan(0);
    expect(scalarSum(m, 'sum(kafka_server_replicamanager_isrexpands_total)')).toBe(expands);
  });

  it('consumer lag in kafka_exporter = high watermark − committed offset', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1' });
    m.must({
      type: 'consumerCreate',
      name: 'c1',
      config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
    });
    m.run(15_000);
    m.must({ type: 'consumerPoll', name: 'c1' });
    produce(m, 'p1', 'orders', 40);
    m.must({ type: 'consumerPoll', name: 'c1', maxRecords: 10 });
    m.must({ type: 'consumerCommit', name: 'c1' });
    m.run(15_000);
    const rec = m.sim.state.areas.consumers.groups.g1;
    expect(Object.keys(rec.offsets).length).toBe(2);
    expect(scalarSum(m, 'sum(kafka_consumergroup_lag{consumergroup="g1"})')).toBe(30);
    for (const p of m.sim.state.topics.orders.partitions) {
      const committed = rec.offsets[`orders-${p.partition}`]?.offset ?? 0;
      const got = vector(
        m,
        `kafka_consumergroup_lag{consumergroup="g1",topic="orders",partition="${p.partition}"}`,
      );
      if (rec.offsets[`orders-${p.partition}`])
        expect(got.map((s) => s.value)).toEqual([highWatermark(p) - committed]);
    }
    // The client's own records-lag is HW − position (not committed), per assigned partition.
    const c1 = m.sim.state.areas.consumers.consumers.c1;
    for (const tp of c1.assignment) {
      const p = m.sim.state.topics[tp.topic].partitions[tp.partition];
      const got = vector(
        m,
        `kafka_consumer_fetch_manager_records_lag{clientid="${c1.clientId}",partition="${tp.partition}"}`,
      );
      expect(got.map((s) => s.value)).toEqual([highWatermark(p) - c1.positions[`orders-${tp.partition}`]]);
    }
  });

  it('producer record-send-total counts every record put on the wire (SenderMetricsRegistry)', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    m.must({ type: 'producerCreate', name: 'p1', configs: { acks: 'all' } });
    produce(m, 'p1', 'orders', 25);
    m.run(15_000);
    expect(scalarSum(m, 'kafka_producer_record_send_total{clientid="p1"}')).toBe(25);
    const beans = collectMBeans(m.sim.state, m.mon.recorder, { kind: 'producer', name: 'p1' });
    const latency = beans[0].attributes.find((a) => a.name === 'request-latency-avg');
    // acks=all: request → leader (1 ms), follower fetch + HW (≥ 1 ms), response (1 ms).
    expect(latency?.value).toBeGreaterThanOrEqual(2);
  });

  it('a restarted broker starts its counters from zero; rate() absorbs the reset', () => {
    const m = monitored();
    m.must({ type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 3, assignment: [[1, 2, 3]] });
    m.must({ type: 'producerCreate', name: 'p1', configs: { acks: '1' } });
    produce(m, 'p1', 't', 10);
    m.run(30_000);
    expect(
      scalarSum(
        m,
        'kafka_server_brokertopicmetrics_messagesin_total{topic="t",kubernetes_pod_name="my-cluster-kafka-1"}',
      ),
    ).toBe(10);
    m.must({ type: 'brokerStop', id: 1, mode: 'controlled' });
    m.run(15_000);
    m.must({ type: 'brokerStart', id: 1 });
    m.run(15_000);
    const after = vector(
      m,
      'kafka_server_brokertopicmetrics_messagesin_total{topic="",kubernetes_pod_name="my-cluster-kafka-1"}',
    );
    expect(after.map((s) => s.value)).toEqual([0]);
    const inc = vector(
      m,
      'increase(kafka_server_brokertopicmetrics_messagesin_total{topic="",kubernetes_pod_name="my-cluster-kafka-1"}[5m])',
    );
    expect(inc.every((s) => s.value >= 0)).toBe(true);
  });
});
