// Streams through the full simulation (not a test): the input topic is filled first, then one instance of a
// windowed count (source -> filter -> windowed count -> toStream -> sink) is started and the virtual clock is run
// until every record is processed. Timed: the rebalance, restore-free processing, the producer sends of the
// outputs and changelog records, replication and commits, everything the engine does for it.
import { Simulation } from '../../simulator/index';

export type StreamsSimulationBench = {
  records: number;
  partitions: number;
  ms: number;
  cpuMs: number;
  recordsPerSecond: number;
  recordsPerCpuSecond: number;
  outputs: number;
};

function must(sim: Simulation, cmd: Parameters<Simulation['dispatch']>[0]): void {
  const r = sim.dispatch(cmd);
  if (!r.ok) throw new Error(`${cmd.type}: ${r.error.message}`);
}

export function runStreamsSimulationBench(records = 20_000, partitions = 4): StreamsSimulationBench {
  const sim = new Simulation({ seed: 1, brokers: 3 }, { maxRetainedEvents: 100 });
  must(sim, { type: 'createTopic', topic: 'clicks', partitions, replicationFactor: 3 });
  must(sim, { type: 'createTopic', topic: 'clicks-per-minute', partitions, replicationFactor: 3 });
  must(sim, { type: 'producerCreate', name: 'web', configs: { 'linger.ms': '5', 'batch.size': '65536' } });
  for (let i = 0; i < records; i++)
    must(sim, {
      type: 'producerSend',
      producer: 'web',
      topic: 'clicks',
      key: `user-${(i * 7919) % 1000}`,
      value: 'click',
      timestamp: i * 10,
    });
  must(sim, { type: 'producerFlush', producer: 'web' });
  must(sim, {
    type: 'streamsAppCreate',
    app: 'bench',
    dsl: 'stream clicks | filter value != "" | groupByKey | windowedBy tumbling 1m grace 10s | count | toStream | to clicks-per-minute',
  });
  const processed = () =>
    Object.values(sim.state.areas.streams.apps.bench.tasks).reduce(
      (n, t) => n + (t.state?.metrics.processed ?? 0),
      0,
    );
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  must(sim, { type: 'streamsInstanceStart', app: 'bench', instance: 'a' });
  for (let guard = 0; processed() < records && guard < 100_000; guard++)
    must(sim, { type: 'advanceClock', ms: 100 });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (processed() < records) throw new Error(`processed ${processed()} of ${records}`);
  return {
    records,
    partitions,
    ms: Math.round(ms),
    cpuMs: Math.round(cpuMs),
    recordsPerSecond: Math.round(records / (ms / 1000)),
    recordsPerCpuSecond: Math.round(records / (cpuMs / 1000)),
    outputs: sim.state.areas.streams.apps.bench.sent['clicks-per-minute'] ?? 0,
  };
}

/** The `npm run bench` line. */
export function runStreamsSimulationBenchSection(): void {
  const r = runStreamsSimulationBench();
  console.log(
    `streams (full simulation): ${r.recordsPerSecond.toLocaleString('en-US')} records/s wall (${r.recordsPerCpuSecond.toLocaleString('en-US')} per CPU second) for a windowed count of ${r.records.toLocaleString('en-US')} records over ${r.partitions} partitions, with rebalance, producer sends of ${r.outputs.toLocaleString('en-US')} outputs and their changelog records, replication and commits (${r.ms} ms)`,
  );
}
