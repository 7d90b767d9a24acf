// The monitoring area against a real Simulation: started by a command, scraping on the virtual clock, alert
// transitions as events, everything replayable.
import { describe, expect, it } from 'vitest';
import { readModel, type SimEvent, Simulation } from '../index';

function cluster(brokers = 3) {
  const sim = new Simulation({ seed: 42, brokers });
  const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
    return r;
  };
  return { sim, must };
}

const ofType = (events: readonly SimEvent[], type: SimEvent['type']) => events.filter((e) => e.type === type);

describe('monitoring area', () => {
  it('is off until monitoringStart: nothing listens on 9404 and nothing is scraped', () => {
    const { sim, must } = cluster();
    const r = must({ type: 'advanceClock', ms: 60_000 });
    expect(ofType(r.events, 'metricsScraped')).toEqual([]);
    const mon = readModel(sim).monitoring();
    expect(mon.running).toBe(false);
    expect(mon.http('localhost', 9404)).toBeNull();
    expect(mon.instant('up')).toEqual({
      ok: false,
      error: 'Prometheus is not running (start monitoring first)',
    });
  });

  it('Prometheus scrapes every scrape_interval (15 s) of virtual time, once at start', () => {
    const { sim, must } = cluster();
    const started = must({ type: 'monitoringStart' });
    // 3 brokers + 3 controllers + kafka_exporter + kafka-lag-exporter + kubelet
    expect(started.data).toEqual({ targets: 9 });
    expect(ofType(started.events, 'monitoringStarted')).toHaveLength(1);
    expect(ofType(started.events, 'metricsScraped')).toHaveLength(1);
    const r = must({ type: 'advanceClock', ms: 60_000 });
    const scrapes = ofType(r.events, 'metricsScraped');
    expect(scrapes.map((e) => e.time)).toEqual([15_000, 30_000, 45_000, 60_000]);
    expect(scrapes[0].reason).toMatch(/^Prometheus scraped 9 targets \(9 up\): \d+ samples$/);
    const mon = readModel(sim).monitoring();
    expect(mon.lastScrapeAt).toBe(60_000);
    expect(mon.targets().every((t) => t.up)).toBe(true);
  });

  it('a second start is refused, a bad scrape interval changes nothing, and stop silences the old run’s tasks', () => {
    const { sim, must } = cluster();
    const bad = sim.dispatch({ type: 'monitoringStart', scrapeIntervalMs: 10 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('INVALID_CONFIG');
    expect(sim.state.areas.monitoring.monitor).toBeNull();
    must({ type: 'monitoringStart', scrapeIntervalMs: 30_000 });
    const again = sim.dispatch({ type: 'monitoringStart' });
    expect(again.ok ? null : again.error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Monitoring is already running.',
    });
    must({ type: 'monitoringStop' });
    must({ type: 'monitoringStart', scrapeIntervalMs: 30_000 });
    // The stopped run's pending scrape (due at 30 s) does nothing: one scrape per interval, not two.
    const r = must({ type: 'advanceClock', ms: 60_000 });
    expect(ofType(r.events, 'metricsScraped').map((e) => e.time)).toEqual([30_000, 60_000]);
  });

  it('UnderReplicatedPartitions goes pending, fires after for: 10s, and resolves when the broker is back (Strimzi prometheus-rules.yaml; Prometheus rules/alerting.go)', () => {
    const { sim, must } = cluster();
    must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    must({ type: 'monitoringStart' });
    must({ type: 'advanceClock', ms: 30_000 });
    const rule = () =>
      readModel(sim)
        .monitoring()
        .rules()
        .find((r) => r.alert === 'UnderReplicatedPartitions');
    expect(rule()?.state).toBe('inactive');
    must({ type: 'brokerStop', id: 3 });
    // The controller fences broker 3 after broker.session.timeout.ms (9 s) and shrinks the ISRs; the next
    // scrape (45 s) sees URP > 0, so the alert is pending; it fires at the first evaluation 10 s or more later.
    const shrink = must({ type: 'advanceClock', ms: 15_000 });
    const pending = ofType(shrink.events, 'alertPending').filter(
      (e) => e.type === 'alertPending' && e.alertname === 'UnderReplicatedPartitions',
    );
    expect(pending.length).toBeGreaterThan(0);
    const fired = must({ type: 'advanceClock', ms: 15_000 });
    expect(
      ofType(fired.events, 'alertFiring').some(
        (e) => e.type === 'alertFiring' && e.alertname === 'UnderReplicatedPartitions',
      ),
    ).toBe(true);
    expect(rule()?.state).toBe('firing');
    must({ type: 'brokerStart', id: 3 });
    const healed = must({ type: 'advanceClock', ms: 60_000 });
    expect(
      ofType(healed.events, 'alertResolved').some(
        (e) => e.type === 'alertResolved' && e.alertname === 'UnderReplicatedPartitions',
      ),
    ).toBe(true);
    expect(rule()?.state).toBe('inactive');
    // The URP series is back to zero everywhere.
    const urp = readModel(sim)
      .monitoring()
      .instant('sum(kafka_server_replicamanager_underreplicatedpartitions)');
    expect(urp.ok && urp.value.map((s) => s.value)).toEqual([0]);
  });

  it('messages in per topic equals the records the leaders appended, read as a PromQL rate over the series (BrokerTopicMetrics)', () => {
    const { sim, must } = cluster();
    must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    must({ type: 'monitoringStart' });
    must({ type: 'producerCreate', name: 'p1', configs: { acks: 'all' } });
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 30 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    must({ type: 'advanceClock', ms: 60_000 });
    const mon = readModel(sim).monitoring();
    const total = mon.instant('sum(kafka_server_brokertopicmetrics_messagesin_total{topic="orders"})');
    expect(total.ok && total.value.map((s) => s.value)).toEqual([30]);
    const chart = mon.range(
      'sum(rate(kafka_server_brokertopicmetrics_messagesin_total{topic="orders"}[1m]))',
      60_000,
      15_000,
    );
    expect(chart.ok).toBe(true);
    if (chart.ok) expect(chart.value[0].points.length).toBeGreaterThan(0);
    // A bad query is an error with Prometheus' position, not an exception.
    const bad = mon.instant('sum(rate(x[1m])');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/1:\d+/);
  });

  it('consumer lag = HW − committed in kafka_exporter and Burrow sees the group (kafka_consumergroup_lag; Burrow evaluator)', () => {
    const { sim, must } = cluster();
    must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
    must({ type: 'monitoringStart' });
    must({ type: 'producerCreate', name: 'p1', configs: {} });
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 20 }, (_, i) => ({ key: null, value: `v${i}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    must({
      type: 'consumerCreate',
      name: 'c1',
      config: {
        groupId: 'billing',
        topics: ['orders'],
        autoOffsetReset: 'earliest',
        enableAutoCommit: false,
      },
    });
    must({ type: 'advanceClock', ms: 10_000 });
    must({ type: 'consumerPoll', name: 'c1', maxRecords: 5 });
    must({ type: 'consumerCommit', name: 'c1' });
    must({ type: 'advanceClock', ms: 30_000 });
    const mon = readModel(sim).monitoring();
    const lag = mon.instant('kafka_consumergroup_lag{consumergroup="billing"}');
    expect(lag.ok && lag.value.map((s) => s.value)).toEqual([15]);
    const burrow = mon.burrowGroup('billing');
    expect(burrow?.partitions.map((p) => [p.topic, p.partition, p.current_lag])).toEqual([['orders', 0, 15]]);
  });

  it('replays to the identical state, monitoring included (same seed and log ⇒ same JSON)', () => {
    const { sim, must } = cluster();
    must({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    must({ type: 'monitoringStart' });
    must({ type: 'brokerStop', id: 2 });
    must({ type: 'advanceClock', ms: 90_000 });
    const again = Simulation.replay(sim.init, sim.log);
    expect(again.serialize()).toBe(sim.serialize());
    expect(sim.undo().state.areas.monitoring.monitor?.lastScrapeAt).toBe(0);
  });
});
