import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canRoll, type RollerNode, type RollerPartition, rollingOrder } from '../kafkaRoller';
import { EMPTY_CLUSTER, planReconcile, rollingRestart } from './planner';
import { KAFKA_YAML, POOL_YAML, resources } from './strimzi.testkit';

// Six brokers (0-5, some combined with the controller role) and up to eight partitions with 1-4 replicas, any
// ISR subset of the replicas and min.insync.replicas 1-3.
const BROKER_IDS = [0, 1, 2, 3, 4, 5];
const partitionArb = fc
  .tuple(
    fc.shuffledSubarray(BROKER_IDS, { minLength: 1, maxLength: 4 }),
    fc.integer({ min: 1, max: 3 }),
    fc.nat(8),
  )
  .chain(([replicas, minIsr, p]) =>
    fc
      .subarray(replicas)
      .map((isr): RollerPartition => ({ topic: 't', partition: p, replicas, isr, minIsr })),
  );
const scenarioArb = fc.record({
  partitions: fc.array(partitionArb, { maxLength: 8 }),
  nodes: fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...BROKER_IDS), controller: fc.boolean(), ready: fc.boolean() }),
    { selector: (n) => n.id, minLength: 1 },
  ),
  activeController: fc.option(fc.constantFrom(...BROKER_IDS), { nil: null }),
});

// Parsed once per broker count: YAML parsing dominates the run time otherwise.
const clusters = new Map<
  number,
  { prev: ReturnType<typeof planReconcile>['state']; next: ReturnType<typeof resources> }
>();
function clusterOf(brokers: number) {
  let c = clusters.get(brokers);
  if (!c) {
    const pools = [POOL_YAML('broker', brokers, '[broker]'), POOL_YAML('controller', 3, '[controller]')];
    const prev = planReconcile(EMPTY_CLUSTER, resources(KAFKA_YAML(), ...pools), {
      partitions: [],
      activeController: null,
    }).state;
    c = {
      prev,
      next: resources(KAFKA_YAML('default.replication.factor: 2\n      min.insync.replicas: 2'), ...pools),
    };
    clusters.set(brokers, c);
  }
  return c;
}

describe('Strimzi rolling restart (property)', () => {
  it('never restarts a broker while KafkaAvailability#canRoll says it would take a partition below min.insync.replicas', () => {
    fc.assert(
      fc.property(scenarioArb, ({ partitions, nodes, activeController }) => {
        const roller: RollerNode[] = nodes.map((n) => ({ ...n, broker: true }));
        const live = { partitions, activeController };
        const events = rollingRestart(roller, new Map(), live);
        // Every node to roll is either restarted or held back, exactly once, in KafkaRoller's order.
        expect(events.map((e) => ('nodeId' in e ? e.nodeId : -1))).toEqual(
          rollingOrder(roller, activeController),
        );
        for (const e of events) {
          if (e.type === 'NodeRestarted') expect(canRoll(e.nodeId, partitions).canRoll).toBe(true);
          else expect(e.type === 'RestartBlocked' && !canRoll(e.nodeId, partitions).canRoll).toBe(true);
        }
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('through planReconcile: a read-only option change restarts only brokers canRoll allows, each once', () => {
    const clusterArb = fc.integer({ min: 3, max: 6 }).chain((brokers) =>
      fc.record({
        brokers: fc.constant(brokers),
        partitions: fc.array(
          fc
            .tuple(
              fc.shuffledSubarray(
                Array.from({ length: brokers }, (_, i) => i),
                { minLength: 1, maxLength: 3 },
              ),
              fc.integer({ min: 1, max: 3 }),
            )
            .chain(([replicas, minIsr]) =>
              fc
                .subarray(replicas)
                .map((isr): RollerPartition => ({ topic: 't', partition: 0, replicas, isr, minIsr })),
            ),
          { maxLength: 10 },
        ),
      }),
    );
    fc.assert(
      fc.property(clusterArb, ({ brokers, partitions }) => {
        const { prev, next } = clusterOf(brokers);
        const out = planReconcile(prev, next, { partitions, activeController: brokers });
        const rolled = out.events.flatMap((e) =>
          e.type === 'NodeRestarted' || e.type === 'RestartBlocked' ? [e] : [],
        );
        expect(rolled.map((e) => e.nodeId).sort((a, b) => a - b)).toEqual(
          Array.from({ length: brokers }, (_, i) => i),
        );
        for (const e of rolled)
          expect(canRoll(e.nodeId, partitions).canRoll).toBe(e.type === 'NodeRestarted');
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
