// Benchmark (a figure, not a test): KafkaJS 2.2.4 producing to `kafka-sim --listen` in this process.
// Reports records/s and the p50/p99 of produce request latency as KafkaJS measures it (the
// `producer.network.request` instrumentation event: from write to response). Run: npx tsx server/bench.ts
import { Kafka, logLevel } from 'kafkajs';
import { Simulation } from '../simulator/index';
import { KafkaListeners } from './listener';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

type Case = { name: string; acks: -1 | 1; idempotent: boolean; batch: number; requests: number; rf: number };

const CASES: Case[] = [
  {
    name: 'acks=all, idempotent, RF 3, 100 records/request',
    acks: -1,
    idempotent: true,
    batch: 100,
    requests: 300,
    rf: 3,
  },
  { name: 'acks=1, RF 3, 100 records/request', acks: 1, idempotent: false, batch: 100, requests: 300, rf: 3 },
  {
    name: 'acks=all, idempotent, RF 3, 1 record/request',
    acks: -1,
    idempotent: true,
    batch: 1,
    requests: 2000,
    rf: 3,
  },
];

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(c: Case): Promise<string> {
  const sim = new Simulation({ seed: 1, brokers: 3 });
  const listeners = new KafkaListeners(sim, { port: 0, log: () => {} });
  const ports = await listeners.listen();
  listeners.host.env.dispatch({
    type: 'createTopic',
    topic: 'bench',
    partitions: 1,
    replicationFactor: c.rf,
  });
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: [...ports.values()].map((p) => `127.0.0.1:${p}`),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: c.idempotent, maxInFlightRequests: c.idempotent ? 1 : 5 });
  const latencies: number[] = [];
  producer.on(producer.events.REQUEST, (e) => {
    if (e.payload.apiName === 'Produce') latencies.push(e.payload.duration);
  });
  await producer.connect();
  const value = 'x'.repeat(100);
  // warm-up
  for (let i = 0; i < 20; i++) await producer.send({ topic: 'bench', acks: c.acks, messages: [{ value }] });
  latencies.length = 0;
  const t0 = performance.now();
  for (let i = 0; i < c.requests; i++)
    await producer.send({
      topic: 'bench',
      acks: c.acks,
      messages: Array.from({ length: c.batch }, (_, j) => ({ key: `k${j}`, value })),
    });
  const secs = (performance.now() - t0) / 1000;
  await producer.disconnect();
  await listeners.close();
  const hw =
    sim.state.topics.bench.partitions[0].replicaLogs[sim.state.topics.bench.partitions[0].leader as number]
      .highWatermark;
  const sorted = [...latencies].sort((a, b) => a - b);
  const records = c.batch * c.requests;
  return `${c.name}: ${Math.round(records / secs)} records/s (${records} records in ${secs.toFixed(2)} s, leader HW ${hw}), produce request latency p50 ${pct(sorted, 50)} ms, p99 ${pct(sorted, 99)} ms (${sorted.length} requests), ${sim.log.length} commands logged`;
}

for (const c of CASES) console.log(await run(c));
