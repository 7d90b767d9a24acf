// Storage benchmark: 1,000,000 records into a compacted topic with 10,000 keys, produced over the
// first virtual day, then a fast-forward to the end of the week. The broker's periodic jobs run on
// their own schedules on the virtual clock: the log cleaner every log.cleaner.backoff.ms while idle,
// and the retention check every log.retention.check.interval.ms. Target: < 2 s, bounded heap.

import { Simulation } from '../../simulator/index';
import {
  appendAsLeader,
  createLog,
  deleteOldSegments,
  LOG_CLEANER_BACKOFF_MS,
  LOG_RETENTION_CHECK_INTERVAL_MS,
  logConfigFrom,
  logSize,
  maybeCleanLog,
  recordCount,
} from '../../simulator/log/index';
import { liveHeapMB } from './heap';

export type StorageBenchResult = {
  name: string;
  /** Wall-clock time of the run. */
  ms: number;
  /** CPU time of this process during the run (less sensitive to other load on a shared machine). */
  cpuMs: number;
  heapUsedMB: number;
  /** Heap still reachable after a full GC, with the log (and the Simulation) alive. */
  liveHeapMB: number;
  peakHeapUsedMB: number;
  detail: Record<string, number>;
};

const DAY = 86_400_000;
const RECORDS = 1_000_000;
const KEYS = 10_000;
const BATCH = 100;

export function runStorageBench(records = RECORDS): StorageBenchResult {
  const config = logConfigFrom({ 'cleanup.policy': 'compact', 'segment.bytes': String(1024 * 1024) });
  const log = createLog(0);
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  let peak = process.memoryUsage().heapUsed;
  // The producer's key space: 10,000 distinct key strings, reused as a client would.
  const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
  let seed = 42;
  const nextKey = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % KEYS;
  };
  let passes = 0;
  let retentionChecks = 0;
  let removed = 0;
  let nextCleanerAt = LOG_CLEANER_BACKOFF_MS;
  let nextRetentionAt = 30_000; // LogManager's initial task delay, then every check interval
  const runJobsUntil = (t: number) => {
    while (nextCleanerAt <= t || nextRetentionAt <= t) {
      if (nextCleanerAt <= nextRetentionAt) {
        const now = nextCleanerAt;
        // The cleaner thread cleans while there is work, then backs off.
        let res = maybeCleanLog(log, config, log.logEndOffset, now);
        while (res !== null) {
          passes++;
          removed += Object.values(res.removedCount).reduce((a, b) => a + b, 0);
          res = maybeCleanLog(log, config, log.logEndOffset, now);
        }
        nextCleanerAt = now + LOG_CLEANER_BACKOFF_MS;
      } else {
        retentionChecks++;
        deleteOldSegments(log, config, log.logEndOffset, nextRetentionAt);
        nextRetentionAt += LOG_RETENTION_CHECK_INTERVAL_MS;
      }
    }
  };

  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const batches = Math.ceil(records / BATCH);
  const gap = Math.floor(DAY / batches);
  for (let b = 0; b < batches; b++) {
    const now = b * gap;
    runJobsUntil(now);
    const records = new Array(BATCH);
    for (let i = 0; i < BATCH; i++) {
      const k = nextKey();
      records[i] = { timestamp: now, key: keys[k], value: `value-${b * BATCH + i}` };
    }
    appendAsLeader(log, { leaderEpoch: 0, records }, config, now);
    if ((b & 1023) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  runJobsUntil(7 * DAY);
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const heap = process.memoryUsage().heapUsed;
  return {
    name: 'storage: 1M records, 10k keys, compacted, one virtual week',
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapUsedMB: mb(heap),
    liveHeapMB: liveHeapMB(),
    peakHeapUsedMB: mb(Math.max(peak, heap)),
    detail: {
      cleanerPasses: passes,
      recordsRemovedByCleaner: removed,
      retentionChecks,
      segments: log.segments.length,
      recordsLeft: recordCount(log),
      bytesLeft: logSize(log),
    },
  };
}

/**
 * The same workload end to end through the Simulation (producer → leader append → storage jobs on
 * the scheduler, RF=1 so the figure is not dominated by replication): 1M records sent in chunks
 * over a virtual day, then `advanceClock` to the end of the week.
 */
export function runStorageSimulationBench(records = RECORDS): StorageBenchResult {
  const sim = new Simulation({ seed: 42, brokers: 1 }, { maxRetainedEvents: 1000 });
  sim.dispatch({
    type: 'createTopic',
    topic: 'compacted',
    partitions: 1,
    replicationFactor: 1,
    configs: { 'cleanup.policy': 'compact', 'segment.bytes': String(1024 * 1024) },
  });
  sim.dispatch({ type: 'producerCreate', name: 'p', configs: { acks: '1', 'linger.ms': '5' } });
  const keys = Array.from({ length: KEYS }, (_, i) => `key-${i}`);
  let seed = 42;
  const chunk = 10_000;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let peak = 0;
  let cleanerPasses = 0;
  sim.subscribe((r) => {
    for (const e of r.events) if (e.type === 'logCleaned') cleanerPasses++;
  });
  for (let sent = 0; sent < records; sent += chunk) {
    const batch = new Array(chunk);
    for (let i = 0; i < chunk; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      batch[i] = { key: keys[seed % KEYS], value: `value-${sent + i}` };
    }
    sim.dispatch({ type: 'producerSendMany', producer: 'p', topic: 'compacted', records: batch });
    sim.dispatch({ type: 'advanceClock', ms: Math.floor(DAY / (records / chunk)) });
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  sim.dispatch({ type: 'producerFlush', producer: 'p' });
  sim.dispatch({ type: 'advanceClock', ms: 7 * DAY - sim.state.now });
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  const heap = process.memoryUsage().heapUsed;
  const part = sim.state.topics.compacted.partitions[0];
  const log = part.replicaLogs[part.leader!].log;
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    name: 'storage via Simulation (RF=1): 1M records, 10k keys, compacted, one virtual week',
    ms: Math.round(ms),
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    heapUsedMB: mb(heap),
    liveHeapMB: liveHeapMB(),
    peakHeapUsedMB: mb(Math.max(peak, heap)),
    detail: {
      cleanerPasses,
      tasksScheduled: sim.state.nextTaskSeq,
      segments: log.segments.length,
      recordsLeft: recordCount(log),
      bytesLeft: logSize(log),
    },
  };
}

/** The `npm run bench` section: an untimed 100k warm-up (JIT), then the measured run. */
export function runStorageBenchSection(): void {
  console.log('## storage');
  runStorageBench(100_000);
  const print = (r: StorageBenchResult) =>
    console.log(
      `${r.name}: ${r.ms} ms wall, ${r.cpuMs} ms CPU, live heap ${r.liveHeapMB} MB after a full GC (heapUsed ${r.heapUsedMB} MB before it, peak sampled ${r.peakHeapUsedMB} MB); ` +
        Object.entries(r.detail)
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
    );
  print(runStorageBench());
  runStorageSimulationBench(100_000);
  print(runStorageSimulationBench());
}

// Standalone: `npx tsx scripts/bench/storage.ts`
if (process.argv[1]?.endsWith('storage.ts')) runStorageBenchSection();
