// Monitoring benchmark (not a test): `node --expose-gc --import tsx simulator/metrics/bench.ts [hours] [days]`.
// A 6-broker cluster (4 topics × 6 partitions, RF 3, a producer and a consumer group) runs through the monitoring
// area for `hours` of virtual time, scraped every 15 s; the same run without monitoring gives the baseline, so the
// difference is what the scrapes (+ rules, Burrow, kafka-lag-exporter) cost. Then the store is filled with `days`
// of samples of the same series (a ring: a week fills every tier) and the heap of state.areas.monitoring is
// measured by dropping it (needs --expose-gc).
import { performance } from 'node:perf_hooks';
import { Simulation } from '../index';
import type { MonitoringState } from './monitor';
import { ingest } from './store';

export type MonitoringBenchResult = {
  scrapes: number;
  series: number;
  slotsPerSeries: number;
  /** CPU ms per scrape: (monitored run − unmonitored run) / scrapes. */
  cpuMsPerScrape: number;
  wallMsPerScrape: number;
  /** Heap held by state.areas.monitoring after `fillDays` of samples, MB (null without --expose-gc). */
  heapMB: number | null;
  fillDays: number;
};

function run(hours: number, monitored: boolean): { sim: Simulation; cpuMs: number; wallMs: number } {
  const sim = new Simulation({ seed: 7, brokers: 6 }, { maxRetainedEvents: 1000 });
  const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
  };
  if (monitored) must({ type: 'monitoringStart' });
  const topics = ['orders', 'payments', 'clicks', 'audit'];
  for (const topic of topics)
    must({
      type: 'createTopic',
      topic,
      partitions: 6,
      replicationFactor: 3,
      configs: { 'retention.ms': String(3_600_000) },
    });
  must({ type: 'producerCreate', name: 'p1', configs: { acks: 'all' } });
  must({
    type: 'consumerCreate',
    name: 'c1',
    config: {
      groupId: 'g1',
      topics: ['orders', 'payments'],
      autoOffsetReset: 'earliest',
      enableAutoCommit: false,
    },
  });
  const minutes = Math.round(hours * 60);
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < minutes; i++) {
    must({ type: 'advanceClock', ms: 60_000 });
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: topics[i % 4],
      records: Array.from({ length: 10 }, (_, j) => ({ key: `k${j}`, value: `v${i}-${j}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    must({ type: 'consumerPoll', name: 'c1', maxRecords: 50 });
    must({ type: 'consumerCommit', name: 'c1' });
    if (i === Math.floor(minutes / 2)) must({ type: 'brokerStop', id: 6 });
    if (i === Math.floor(minutes / 2) + 10) must({ type: 'brokerStart', id: 6 });
  }
  const cpu = process.cpuUsage(c0);
  return { sim, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - w0 };
}

/** Fill the rings with `days` more of 15 s samples of the series the run created (values moving). */
function fill(m: MonitoringState, from: number, days: number): { series: number; slots: number } {
  const keys = Object.keys(m.store.series);
  const samples = keys.map((key) => ({
    key,
    name: m.store.series[key].name,
    labels: m.store.series[key].labels,
    value: 0,
  }));
  let t = from;
  for (let i = 0; i < (days * 86_400_000) / 15_000; i++) {
    t += 15_000;
    for (const s of samples) s.value = i;
    ingest(m.store, t, samples);
  }
  return { series: keys.length, slots: m.store.tiers.reduce((a, tier) => a + tier.times.length, 0) };
}

export function runMonitoringBench(hours = 1, fillDays = 7): MonitoringBenchResult {
  const base = run(hours, false);
  const mon = run(hours, true);
  const area = mon.sim.state.areas.monitoring;
  const interval = area.monitor?.config.scrapeIntervalMs ?? 15_000;
  const scrapes = Math.round((hours * 3_600_000) / interval);
  const { series, slots } = fill(area.monitor as MonitoringState, mon.sim.state.now, fillDays);
  const gc = (globalThis as { gc?: () => void }).gc;
  let heapMB: number | null = null;
  if (gc) {
    gc();
    const withIt = process.memoryUsage().heapUsed;
    area.monitor = null; // the only reference left to the monitoring state
    gc();
    heapMB = (withIt - process.memoryUsage().heapUsed) / 1024 / 1024;
  }
  return {
    scrapes,
    series,
    slotsPerSeries: slots,
    cpuMsPerScrape: (mon.cpuMs - base.cpuMs) / scrapes,
    wallMsPerScrape: (mon.wallMs - base.wallMs) / scrapes,
    heapMB,
    fillDays,
  };
}

export function runMonitoringBenchSection(hours = 1, fillDays = 7): void {
  console.log('## monitoring');
  const r = runMonitoringBench(hours, fillDays);
  console.log(
    `monitoring: ${r.scrapes} scrapes over ${hours} h of a 6-broker cluster (${r.series} series): ${r.cpuMsPerScrape.toFixed(2)} ms CPU per scrape (${r.wallMsPerScrape.toFixed(2)} ms wall), rules, Burrow and lag-exporter included`,
  );
  console.log(
    r.heapMB === null
      ? 'monitoring: heap not measured (run node with --expose-gc)'
      : `monitoring: state.areas.monitoring after ${r.fillDays} more days of samples (${r.slotsPerSeries} slots per series): ${r.heapMB.toFixed(1)} MB of heap`,
  );
}

const invokedDirectly = process.argv[1]?.endsWith('metrics/bench.ts');
if (invokedDirectly) runMonitoringBenchSection(Number(process.argv[2] ?? 1), Number(process.argv[3] ?? 7));
