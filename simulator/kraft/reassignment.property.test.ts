// Property: moving replicas never loses an acknowledged record (acks=all, RF 3, min.insync.replicas=2, brokers up).
// New replicas only count once they are in the ISR, and old ones leave only after every target replica is in it
// (KIP-455; ReplicationControlManager), so each committed record always has an ISR copy on the surviving side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../index';
import { deliveryOf } from '../producer/commands';

type Step =
  | { kind: 'send'; partition: number }
  | { kind: 'advance'; ms: number }
  | { kind: 'reassign'; partition: number; replicas: number[] }
  | { kind: 'cancel'; partition: number };

const partitionArb = fc.integer({ min: 0, max: 1 });
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('send' as const), partition: partitionArb }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 3_000 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('reassign' as const),
      partition: partitionArb,
      replicas: fc.shuffledSubarray([1, 2, 3, 4, 5], { minLength: 3, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), partition: partitionArb }) },
);

function run(steps: Step[], seed: number) {
  const sim = new Simulation({ seed, brokers: 5 }, { maxRetainedEvents: 500 });
  sim.dispatch({ type: 'advanceClock', ms: 1_000 });
  sim.dispatch({
    type: 'createTopic',
    topic: 't',
    partitions: 2,
    replicationFactor: 3,
    configs: { 'min.insync.replicas': '2' },
  });
  sim.dispatch({ type: 'producerCreate', name: 'p', configs: { acks: 'all' } });
  const sent: Array<{ recordId: number; value: string }> = [];
  let n = 0;
  for (const step of steps) {
    if (step.kind === 'send') {
      const value = `v${n++}`;
      const r = sim.dispatch({
        type: 'producerSend',
        producer: 'p',
        topic: 't',
        partition: step.partition,
        value,
      });
      if (r.ok) sent.push({ recordId: r.data.recordId, value });
    } else if (step.kind === 'advance') sim.dispatch({ type: 'advanceClock', ms: step.ms });
    else
      sim.dispatch({
        type: 'alterPartitionReassignments',
        reassignments: [
          { topic: 't', partition: step.partition, replicas: step.kind === 'cancel' ? null : step.replicas },
        ],
      });
  }
  sim.dispatch({ type: 'advanceClock', ms: 20_000 });
  sim.dispatch({ type: 'producerFlush', producer: 'p' });
  sim.dispatch({ type: 'advanceClock', ms: 20_000 });
  return { sim, sent };
}

describe('partition reassignment properties', () => {
  it('reassignment never loses an acknowledged record (acks=all, RF 3, min.insync.replicas=2, brokers up)', () => {
    let totalAcked = 0;
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 5, maxLength: 40 }),
        fc.integer({ min: 0, max: 99 }),
        (steps, seed) => {
          const { sim, sent } = run(steps, seed);
          const lost: string[] = [];
          let acked = 0;
          for (const s of sent) {
            const d = deliveryOf(sim.state.producers.p, s.recordId);
            if (d.status !== 'acked') continue;
            acked++;
            const p = sim.state.topics.t.partitions[d.partition];
            // Every replica of the settled replica set holds it at the acknowledged offset.
            for (const id of p.replicas) {
              const rec = p.replicaLogs[id]?.log.segments
                .flatMap((g) => g.records)
                .find((r) => r.offset === d.offset);
              if (!rec || rec.value !== s.value) lost.push(`${s.value}@${d.partition}:${d.offset} on ${id}`);
            }
          }
          expect(lost).toEqual([]);
          totalAcked += acked;
          for (const p of sim.state.topics.t.partitions) {
            expect(p.addingReplicas).toEqual([]);
            expect(p.replicas).toHaveLength(3);
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    );
    // The runs did acknowledge records (the property is not vacuous).
    expect(totalAcked).toBeGreaterThan(500);
  });
});
