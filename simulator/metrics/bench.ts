// Monitoring bench: a simulated week of a 6-broker cluster scraped every 15 s. Reports the sampler + scrape
// cost per scrape, rule evaluation cost, and the heap the monitoring state holds at the end.
// Run: node --expose-gc --import tsx simulator/metrics/bench.ts [days simulated] [days of extra ingest]
import { performance } from 'node:perf_hooks';
import { onEvent } from '../engine/registry';
import type { EventType, SimEvent } from '../index';
import { Simulation } from '../index';
import { newAlertingState } from './alerts/alerting';
import { newBurrowState } from './burrow/storage';
import {
  burrowRefresh,
  lagExporterPoll,
  type MonitoringState,
  newMonitoringState,
  onMonitoringEvent,
  scrapeAndEvaluate,
} from './monitor';
import { newRecorder } from './recorder';
import { ingest, newStore } from './store';

const days = Number(process.argv[2] ?? 0.25);
/** Days of extra ingest after the run (a week fills every tier to capacity). */
const fillDays = Number(process.argv[3] ?? 7);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.warn('run with node --expose-gc for heap figures');

let mon: MonitoringState | null = newMonitoringState();
const types: EventType[] = [
  'brokerStarted',
  'brokerAdded',
  'controllerStarted',
  'producerCreated',
  'consumerCreated',
  'recordsAppended',
  'produceRejected',
  'duplicateBatch',
  'produceRequestSent',
  'produceRequestLost',
  'produceRequestTimedOut',
  'batchAcknowledged',
  'batchRetrying',
  'batchFailed',
  'replicaFetched',
  'consumerPolled',
  'isrChanged',
  'leaderChanged',
  'offsetsCommitted',
  'groupDeleted',
  'topicDeleted',
];
for (const t of types) onEvent(t, (ctx, ev) => mon && onMonitoringEvent(mon, ev as SimEvent, ctx.state));

const sim = new Simulation({ seed: 7, brokers: 6 }, { maxRetainedEvents: 1000 });
const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
  const r = sim.dispatch(cmd);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
};
for (const t of ['orders', 'payments', 'clicks', 'audit'])
  must({
    type: 'createTopic',
    topic: t,
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

const scrapes = Math.round((days * 86_400_000) / 15_000);
let scrapeMs = 0;
// CPU time as well as wall time: on a shared machine the wall figure includes other processes' turns.
let scrapeCpuMs = 0;
let slowest = 0;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
for (let i = 0; i < scrapes; i++) {
  must({ type: 'advanceClock', ms: 15_000 });
  if (i % 4 === 0) {
    const topic = ['orders', 'payments', 'clicks', 'audit'][(i / 4) % 4];
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic,
      records: Array.from({ length: 10 }, (_, j) => ({ key: `k${j}`, value: `v${i}-${j}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    must({ type: 'consumerPoll', name: 'c1', maxRecords: 50 });
    must({ type: 'consumerCommit', name: 'c1' });
  }
  if (i === Math.floor(scrapes / 2)) must({ type: 'brokerStop', id: 6 });
  if (i === Math.floor(scrapes / 2) + 40) must({ type: 'brokerStart', id: 6 });
  const m = mon as MonitoringState;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  burrowRefresh(m, sim.state);
  if (i % 2 === 0) lagExporterPoll(m, sim.state);
  scrapeAndEvaluate(m, sim.state);
  const dt = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  scrapeCpuMs += (cpu.user + cpu.system) / 1000;
  scrapeMs += dt;
  if (dt > slowest) slowest = dt;
}
const wall = performance.now() - started;
// A week of data for this cluster's series set: the store is a ring, so a week fills every tier to capacity.
// Re-ingest the last scrape's samples (values moving) at 15 s steps for 7 days on top of what the run wrote.
{
  const m = mon as MonitoringState;
  const keys = Object.keys(m.store.series);
  const samples = keys.map((k) => ({
    name: m.store.series[k].name,
    labels: m.store.series[k].labels,
    value: 0,
  }));
  let t = sim.state.now;
  const fillStart = performance.now();
  for (let i = 0; i < (fillDays * 86_400_000) / 15_000; i++) {
    t += 15_000;
    for (const s of samples) s.value = i;
    ingest(m.store, t, samples);
  }
  console.log(
    `ingested ${fillDays} further simulated days in ${((performance.now() - fillStart) / 1000).toFixed(1)} s`,
  );
}
const series = Object.keys((mon as MonitoringState).store.series).length;
const points = (mon as MonitoringState).store.tiers.reduce((a, t) => a + t.times.length, 0);
const tiers = (mon as MonitoringState).store.tiers.length;
let heapWith = 0;
let heapWithout = 0;
if (gc) {
  gc();
  heapWith = process.memoryUsage().heapUsed;
  // Drop the monitoring state's contents (whatever else may still point at the object itself).
  const dropped = mon as MonitoringState;
  mon = null;
  dropped.store = newStore();
  dropped.recorder = newRecorder();
  dropped.burrow = newBurrowState();
  dropped.lagTables = {};
  dropped.alerting = newAlertingState();
  gc();
  heapWithout = process.memoryUsage().heapUsed;
}
console.log(
  `simulated ${days} days + ${fillDays} days of ingest: ${scrapes} scrapes of ${series} series (${points} slots per series over ${tiers} tiers)`,
);
console.log(
  `scrape + rules + burrow + lag-exporter per scrape: ${(scrapeMs / scrapes).toFixed(3)} ms mean wall (${(scrapeCpuMs / scrapes).toFixed(3)} ms CPU), ${slowest.toFixed(1)} ms slowest`,
);
console.log(`wall time ${(wall / 1000).toFixed(1)} s (simulation included)`);
if (gc)
  console.log(
    `heap growth over the run (simulation included): ${((heapWith - heapBefore) / 1024 / 1024).toFixed(1)} MB`,
  );
if (gc) console.log(`monitoring state heap: ${((heapWith - heapWithout) / 1024 / 1024).toFixed(1)} MB`);
