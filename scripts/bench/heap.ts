// Heap figures for the benchmarks. `heapUsed` alone counts garbage the collector has not reclaimed yet, so
// it swings with GC timing (the same run has printed 200 MB and 450 MB); the live heap after a full
// collection is what the simulation actually holds.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** MB of JS heap in use right now, garbage included. */
export function heapUsedMB(): number {
  return mb(process.memoryUsage().heapUsed);
}

/** MB of JS heap still reachable: heapUsed right after a full garbage collection. */
export function liveHeapMB(): number {
  gc();
  return mb(process.memoryUsage().heapUsed);
}
