// Kafka's meters are the JVM's: a Yammer Meter counts from the broker's start (KafkaMetricsGroup#newMeter at
// broker startup), so a jmx_exporter attached later exports the totals since then, not since it attached.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../index';

function cluster() {
  const sim = new Simulation({ seed: 42, brokers: 3 });
  const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  };
  must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  must({ type: 'producerCreate', name: 'p1' });
  const send = (n: number) => {
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: n }, (_, i) => ({ value: `v${i}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
  };
  const messagesIn = () => {
    const r = readModel(sim)
      .monitoring()
      .instant('sum(kafka_server_brokertopicmetrics_messagesin_total{topic="orders"})');
    return r.ok ? r.value[0]?.value : r.error;
  };
  return { sim, must, send, messagesIn };
}

describe('counters are cumulative since broker start, not since monitoring start (BrokerTopicMetrics MessagesInPerSec)', () => {
  it('records appended before `monitoring start` are in MessagesInPerSec’s Count at the first scrape', () => {
    const { must, send, messagesIn } = cluster();
    send(7);
    must({ type: 'advanceClock', ms: 10_000 });
    must({ type: 'monitoringStart' });
    expect(messagesIn()).toBe(7);
    send(5);
    must({ type: 'advanceClock', ms: 15_000 });
    expect(messagesIn()).toBe(12);
  });

  it('stopping monitoring does not reset the JVMs’ counters; restarting a broker does (a new JVM)', () => {
    const { sim, must, send, messagesIn } = cluster();
    must({ type: 'monitoringStart' });
    send(4);
    must({ type: 'monitoringStop' });
    send(3);
    must({ type: 'monitoringStart' });
    expect(messagesIn()).toBe(7);
    const leader = sim.state.topics.orders.partitions[0].leader ?? 1;
    must({ type: 'brokerStop', id: leader });
    must({ type: 'brokerStart', id: leader });
    must({ type: 'advanceClock', ms: 15_000 });
    const byBroker = readModel(sim)
      .monitoring()
      .instant('kafka_server_brokertopicmetrics_messagesin_total{topic="orders"}');
    const restarted = byBroker.ok
      ? byBroker.value.find((s) => s.labels.kubernetes_pod_name === `my-cluster-kafka-${leader}`)
      : null;
    // The restarted broker's meter starts again from zero (Prometheus' rate() treats it as a counter reset).
    expect(restarted?.value ?? 0).toBe(0);
  });
});
