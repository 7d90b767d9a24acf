// Streams benchmark (not a test): `npx tsx simulator/streams/bench.ts`.
// (1) records/s through a 3-processor stateful topology (filter -> windowed count -> toStream, between a source
//     and a sink), calling the pure processRecord in a loop; every step returns a new task state, the output
//     record and the changelog write.
// (2) the cost of restoring a 100,000-entry key-value store from its changelog, whole and in 1000-record batches.

import { beginRestore, restoreBatch, restoreStore } from './runtime/restore';
import { createTask, processRecord } from './runtime/task';
import type { InputRecord } from './runtime/types';
import { buildTopology } from './topology/dslBuilder';

export type StreamsBenchResult = {
  records: number;
  keys: number;
  /** Wall clock. */
  recordsPerSecond: number;
  /** CPU time of this process (the figure to compare on a shared machine). */
  recordsPerCpuSecond: number;
  restoreEntries: number;
  restoreMs: number;
  restoreCpuMs: number;
  restoreBatchedMs: number;
};

function now(): number {
  return performance.now();
}

export function runStreamsBench(
  records = 500_000,
  keys = 1000,
  restoreEntries = 100_000,
): StreamsBenchResult {
  const built = buildTopology(
    'stream clicks | filter value != "" | groupByKey | windowedBy tumbling 1m grace 10s | count | toStream | to clicks-per-minute',
  );
  if (!built.ok) throw new Error(built.error.message);
  const topology = built.topology;
  const inputs: InputRecord[] = [];
  for (let i = 0; i < records; i++) {
    inputs.push({
      topic: 'clicks',
      partition: 0,
      offset: i,
      key: `user-${(i * 7919) % keys}`,
      value: 'click',
      timestamp: i * 10,
    });
  }
  const opts = { applicationId: 'bench' };
  // Warm-up (JIT) on a separate task.
  let warm = createTask(topology, 0, 0);
  for (let i = 0; i < 50_000; i++) {
    const r = processRecord(topology, warm, inputs[i], opts);
    if (r.ok) warm = r.task;
  }
  let task = createTask(topology, 0, 0);
  let outputs = 0;
  const c0 = process.cpuUsage();
  const t0 = now();
  for (const input of inputs) {
    const r = processRecord(topology, task, input, opts);
    if (!r.ok) throw new Error(r.error.message);
    task = r.task;
    outputs += r.outputs.length;
  }
  const elapsed = now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (outputs !== records) throw new Error(`expected ${records} outputs, got ${outputs}`);

  const spec = { name: 'counts', type: 'keyValue' as const, logging: true, global: false };
  const changelog = Array.from({ length: restoreEntries }, (_, i) => ({
    key: `key-${i}`,
    value: String(i),
    timestamp: i,
  }));
  const rc0 = process.cpuUsage();
  const r0 = now();
  const restored = restoreStore(spec, changelog);
  const restoreMs = now() - r0;
  const rcpu = process.cpuUsage(rc0);
  if (restored.type !== 'keyValue' || restored.map.n !== restoreEntries)
    throw new Error('restore lost entries');
  const b0 = now();
  let { restoring } = beginRestore(spec, 0, 0, changelog.length);
  while (restoring.position < restoring.endOffset)
    restoring = restoreBatch(restoring, changelog.slice(restoring.position)).restoring;
  const restoreBatchedMs = now() - b0;

  return {
    records,
    keys,
    recordsPerSecond: Math.round(records / (elapsed / 1000)),
    recordsPerCpuSecond: Math.round(records / (cpuMs / 1000)),
    restoreEntries,
    restoreMs: Math.round(restoreMs),
    restoreCpuMs: Math.round((rcpu.user + rcpu.system) / 1000),
    restoreBatchedMs: Math.round(restoreBatchedMs),
  };
}

/** The `npm run bench` section: Streams throughput and restore cost. */
export function runStreamsBenchSection(): void {
  console.log('## streams');
  const r = runStreamsBench();
  console.log(
    `streams: ${r.recordsPerSecond.toLocaleString('en-US')} records/s wall (${r.recordsPerCpuSecond.toLocaleString('en-US')} per CPU second) through source -> filter -> windowed count -> toStream -> sink (${r.records.toLocaleString('en-US')} records, ${r.keys} keys)`,
  );
  console.log(
    `streams: restore of a ${r.restoreEntries.toLocaleString('en-US')}-entry key-value store from its changelog: ${r.restoreMs} ms wall, ${r.restoreCpuMs} ms CPU (in 1000-record batches: ${r.restoreBatchedMs} ms wall)`,
  );
}

const invokedDirectly = typeof process !== 'undefined' && process.argv[1]?.endsWith('streams/bench.ts');
if (invokedDirectly) runStreamsBenchSection();
