// Storage benchmark: 1,000,000 records into a compacted topic with 10,000 keys, produced over the
// first virtual day, then a fast-forward to the end of the week. The broker's periodic jobs run on
// their own schedules on the virtual clock: the log cleaner every log.cleaner.backoff.ms while idle,
// and the retention check every log.retention.check.interval.ms. Target: < 2 s, bounded heap.
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

export type StorageBenchResult = {
  name: string;
  ms: number;
  heapUsedMB: number;
  peakHeapUsedMB: number;
  detail: Record<string, number>;
};

const DAY = 86_400_000;
const RECORDS = 1_000_000;
const KEYS = 10_000;
const BATCH = 100;

export function runStorageBench(): StorageBenchResult {
  const config = logConfigFrom({ 'cleanup.policy': 'compact', 'segment.bytes': String(1024 * 1024) });
  const log = createLog(0);
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  let peak = process.memoryUsage().heapUsed;
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
  const batches = RECORDS / BATCH;
  const gap = Math.floor(DAY / batches);
  for (let b = 0; b < batches; b++) {
    const now = b * gap;
    runJobsUntil(now);
    const records = new Array(BATCH);
    for (let i = 0; i < BATCH; i++) {
      const k = nextKey();
      records[i] = { timestamp: now, key: `key-${k}`, value: `value-${b}-${i}-${k}` };
    }
    appendAsLeader(log, { leaderEpoch: 0, records }, config, now);
    if ((b & 1023) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  runJobsUntil(7 * DAY);
  const ms = performance.now() - start;
  const heap = process.memoryUsage().heapUsed;
  return {
    name: 'storage: 1M records, 10k keys, compacted, one virtual week',
    ms: Math.round(ms),
    heapUsedMB: mb(heap),
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

// Standalone: `npx tsx scripts/bench/storage.ts`
if (process.argv[1]?.endsWith('storage.ts')) {
  console.log(JSON.stringify(runStorageBench(), null, 2));
}
