// Shared generators and checks for the property tests: random schedules of sends, clock advances and broker
// failures against a 3-broker cluster.
import fc from 'fast-check';
import type { Partition } from '../cluster/types';
import { Simulation } from '../index';
import { deliveryOf } from '../producer/commands';

export const TOPIC = 'orders';

export type Step =
  | { kind: 'send'; key: string | null }
  | { kind: 'advance'; ms: number }
  | { kind: 'toggle'; broker: number }
  | { kind: 'isolate'; broker: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      key: fc.option(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { nil: null }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 15_000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('toggle' as const), broker: fc.integer({ min: 1, max: 3 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('isolate' as const), broker: fc.integer({ min: 1, max: 3 }) }),
  },
);

export function allRecords(p: Partition, broker: number) {
  return p.replicaLogs[broker].log.segments.flatMap((s) => s.records);
}

export type Sent = { recordId: number; value: string };

/**
 * Run a schedule. `maxDown` bounds how many brokers may be stopped/isolated at once (stops are skipped otherwise).
 * Returns the simulation and what was sent.
 */
export function runSchedule(
  steps: Step[],
  opts: {
    topicConfigs: Record<string, string>;
    producerConfigs: Record<string, string>;
    maxDown: number;
    seed: number;
    replicationFactor?: number;
    faults?: { requestLossRate: number; responseLossRate: number };
  },
): { sim: Simulation; sent: Sent[] } {
  const sim = new Simulation({ seed: opts.seed, brokers: 3 }, { maxRetainedEvents: 2000 });
  if (opts.faults) sim.dispatch({ type: 'setNetworkFaults', ...opts.faults });
  sim.dispatch({
    type: 'createTopic',
    topic: TOPIC,
    partitions: 2,
    replicationFactor: opts.replicationFactor ?? 3,
    configs: opts.topicConfigs,
  });
  sim.dispatch({ type: 'producerCreate', name: 'p', configs: opts.producerConfigs });
  const sent: Sent[] = [];
  let n = 0;
  const down = () =>
    Object.values(sim.state.brokers).filter((b) => b.process === 'stopped' || b.network === 'isolated');
  for (const step of steps) {
    if (step.kind === 'send') {
      const value = `v${n++}`;
      const r = sim.dispatch({ type: 'producerSend', producer: 'p', topic: TOPIC, key: step.key, value });
      if (r.ok) sent.push({ recordId: r.data.recordId, value });
    } else if (step.kind === 'advance') {
      sim.dispatch({ type: 'advanceClock', ms: step.ms });
    } else {
      const b = sim.state.brokers[step.broker];
      if (b.process === 'stopped') sim.dispatch({ type: 'brokerStart', id: step.broker });
      else if (b.network === 'isolated') sim.dispatch({ type: 'brokerHeal', id: step.broker });
      else if (down().length < opts.maxDown)
        sim.dispatch(
          step.kind === 'toggle'
            ? { type: 'brokerStop', id: step.broker }
            : { type: 'brokerIsolate', id: step.broker },
        );
    }
  }
  // Heal everything and let the cluster settle, then wait for every outstanding send.
  for (const b of Object.values(sim.state.brokers)) {
    if (b.process === 'stopped') sim.dispatch({ type: 'brokerStart', id: b.id });
    if (b.network === 'isolated') sim.dispatch({ type: 'brokerHeal', id: b.id });
  }
  sim.dispatch({ type: 'advanceClock', ms: 20_000 });
  sim.dispatch({ type: 'producerFlush', producer: 'p' });
  sim.dispatch({ type: 'advanceClock', ms: 20_000 });
  return { sim, sent };
}

/** Acknowledged records that are not at their acknowledged offset in the current leader's log. */
export function lostAcked(sim: Simulation, sent: Sent[]): Sent[] {
  const producer = sim.state.producers.p;
  const lost: Sent[] = [];
  for (const s of sent) {
    const d = deliveryOf(producer, s.recordId);
    if (d.status !== 'acked') continue;
    const p = sim.state.topics[TOPIC].partitions[d.partition];
    if (p.leader === null) {
      lost.push(s);
      continue;
    }
    const rec = allRecords(p, p.leader).find((r) => r.offset === d.offset);
    if (!rec || rec.value !== s.value) lost.push(s);
  }
  return lost;
}
