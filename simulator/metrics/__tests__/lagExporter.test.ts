// kafka-lag-exporter's group metrics against a running Simulation: computed at each poll (poll-interval 30 s) from
// the lookup table of (latest offset, poll time) points and the group's committed offsets, served on
// kafka-lag-exporter:8000 and scraped by Prometheus like any target.
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../../index';
import type { LagExporterSnapshot } from '../lagExporter';

type Cmd = Parameters<Simulation['dispatch']>[0];

/** A consumer that keeps up for two polls, then stops committing while 30 records a poll keep arriving. */
function stalledConsumer() {
  const sim = new Simulation({ seed: 42, brokers: 3 });
  const must = (cmd: Cmd) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  };
  must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  must({ type: 'monitoringStart' });
  must({ type: 'producerCreate', name: 'p1' });
  must({
    type: 'consumerCreate',
    name: 'c1',
    config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
  });
  must({ type: 'advanceClock', ms: 5000 }); // the group's initial rebalance delay (3 s) passes
  const snapshots: LagExporterSnapshot[] = [];
  for (let k = 1; k <= 6; k++) {
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 30 }, (_, j) => ({ value: `${k}-${j}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    if (k <= 2) {
      must({ type: 'consumerPoll', name: 'c1', maxRecords: 500 });
      must({ type: 'consumerCommit', name: 'c1' });
    }
    must({ type: 'advanceClock', ms: 30_000 * k - sim.state.now }); // up to the exporter's k-th poll
    const snap = sim.state.areas.monitoring.monitor?.lagExporter;
    if (snap) snapshots.push(snap);
  }
  return { sim, must, snapshots };
}

describe('kafka-lag-exporter: lag in time from its lookup table (ConsumerGroupCollector#reportConsumerGroupMetrics)', () => {
  it('kafka_consumergroup_group_lag_seconds is poll time − the time the table dates the committed offset to; 0 while caught up (LookupTable#lookup LagIsZero)', () => {
    const { snapshots } = stalledConsumer();
    expect(snapshots.map((s) => s.time)).toEqual([30_000, 60_000, 90_000, 120_000, 150_000, 180_000]);
    const rows = snapshots.map((s) => s.rows[0]);
    expect(rows.map((r) => r.offset)).toEqual([30, 60, 60, 60, 60, 60]);
    // offset lag: the poll's latest offset − committed, as kafka_consumergroup_group_lag
    expect(rows.map((r) => r.lag)).toEqual([0, 0, 30, 60, 90, 120]);
    // The records up to offset 60 were written at 30 s, but the exporter only knows its polls: offset 60 was the
    // latest at its 60 s poll, so it dates it there (the estimate is as coarse as poll-interval).
    expect(rows.map((r) => r.lagSeconds)).toEqual([0, 0, 30, 60, 90, 120]);
    expect(snapshots.at(-1)?.groups).toEqual([
      { group: 'g1', simple: false, maxLag: 120, maxLagSeconds: 120 },
    ]);
  });

  it('serves the families on kafka-lag-exporter:8000 with the exporter’s names and labels (Metrics.scala, README “Metrics”)', () => {
    const { sim } = stalledConsumer();
    const ep = readModel(sim).monitoring().http('kafka-lag-exporter', 8000);
    if (ep?.kind !== 'http') throw new Error('nothing listens on kafka-lag-exporter:8000');
    const res = ep.handle('GET', '/metrics', {});
    expect(res.status).toBe(200);
    const families = parsePrometheusTextFormat(res.body);
    expect(families.map((f) => f.name)).toEqual([
      'kafka_consumergroup_group_lag',
      'kafka_consumergroup_group_lag_seconds',
      'kafka_consumergroup_group_max_lag',
      'kafka_consumergroup_group_max_lag_seconds',
      'kafka_consumergroup_group_offset',
    ]);
    const lagSeconds = families.find((f) => f.name === 'kafka_consumergroup_group_lag_seconds');
    expect(lagSeconds?.type).toBe('GAUGE');
    const sample = lagSeconds?.metrics[0] as { labels: Record<string, string>; value: string };
    expect(Object.keys(sample.labels).sort()).toEqual(
      ['client_id', 'cluster_name', 'consumer_id', 'group', 'member_host', 'partition', 'topic'].sort(),
    );
    const member = readModel(sim).group('g1')?.members[0];
    expect(sample.labels).toMatchObject({
      cluster_name: 'my-cluster',
      group: 'g1',
      topic: 'orders',
      partition: '0',
      client_id: member?.clientId,
    });
    expect(Number(sample.value)).toBe(120);
    const max = families.find((f) => f.name === 'kafka_consumergroup_group_max_lag_seconds');
    expect((max?.metrics[0] as { labels: Record<string, string> } | undefined)?.labels).toEqual({
      cluster_name: 'my-cluster',
      group: 'g1',
      is_simple_consumer: 'false',
    });
    // the exporter is not Burrow: localhost:8000 is still Burrow's
    const burrow = readModel(sim).monitoring().http('localhost', 8000);
    expect(burrow?.kind === 'http' && burrow.handle('GET', '/metrics', {}).status).toBe(404);
  });

  it('Prometheus scrapes it: the lag in time is a series a rule or panel can query (job="kafka-lag-exporter")', () => {
    const { sim, must } = stalledConsumer();
    must({ type: 'advanceClock', ms: 15_000 }); // a scrape after the 180 s poll, before the next one
    const q = readModel(sim).monitoring().instant('max by (group) (kafka_consumergroup_group_lag_seconds)');
    if (!q.ok) throw new Error(q.error);
    expect(q.value.map((s) => [s.labels.group, s.value])).toEqual([['g1', 120]]);
    const up = readModel(sim).monitoring().instant('up{job="kafka-lag-exporter"}');
    expect(up.ok && up.value.map((s) => s.value)).toEqual([1]);
  });

  it('NaN before the table has two points (TooFewPoints) and for a partition without a committed offset', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    const must = (cmd: Cmd) => {
      const r = sim.dispatch(cmd);
      if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
    };
    must({ type: 'createTopic', topic: 'orders', partitions: 2, replicationFactor: 3 });
    must({ type: 'producerCreate', name: 'p1' });
    must({
      type: 'consumerCreate',
      name: 'c1',
      config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
    });
    must({ type: 'advanceClock', ms: 5000 });
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 20 }, (_, j) => ({ key: `k${j}`, value: `${j}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    must({ type: 'consumerPoll', name: 'c1', maxRecords: 3 });
    must({ type: 'consumerCommit', name: 'c1' });
    // g2's member owns the partitions but never commits
    must({
      type: 'consumerCreate',
      name: 'c2',
      config: { groupId: 'g2', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
    });
    must({ type: 'advanceClock', ms: 5000 });
    must({ type: 'monitoringStart' }); // its first poll: one point per partition
    const rows = sim.state.areas.monitoring.monitor?.lagExporter?.rows ?? [];
    const committed = rows.filter((r) => r.group === 'g1');
    const never = rows.filter((r) => r.group === 'g2');
    expect(committed.map((r) => r.partition)).toEqual([0, 1]);
    expect(never.map((r) => r.partition)).toEqual([0, 1]);
    expect(never.every((r) => r.clientId !== '')).toBe(true); // assigned, so the member's labels are there
    for (const r of committed) {
      expect(r.lag).toBeGreaterThan(0);
      expect(r.lagSeconds).toBeNaN();
    }
    for (const r of never) {
      expect(r.offset).toBeNaN();
      expect(r.lag).toBeNaN();
      expect(r.lagSeconds).toBeNaN();
    }
  });
});
