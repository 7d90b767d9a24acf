// Property tests (fast-check, fixed seeds): durability of acknowledged writes, and the checker that shows what
// unclean leader election costs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lostAcked, runSchedule, type Step, stepArb } from './schedule.testkit';

describe('durability properties', () => {
  it('no acknowledged record is lost with RF=3, min.insync.replicas=2, acks=all and clean elections under single-broker stops/starts', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 10, maxLength: 50 }),
        fc.integer({ min: 0, max: 99 }),
        (steps, seed) => {
          const { sim, sent } = runSchedule(steps, {
            topicConfigs: { 'min.insync.replicas': '2' },
            producerConfigs: { acks: 'all', 'enable.idempotence': seed % 2 ? 'true' : 'false' },
            maxDown: 1,
            seed,
          });
          expect(lostAcked(sim, sent)).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('with unclean.leader.election.enable=true a checker finds a schedule that loses acknowledged records', () => {
    // Failure-heavy schedules: brokers go up and down often, with time for sessions to expire in between.
    const chaos: fc.Arbitrary<Step> = fc.oneof(
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('send' as const), key: fc.constant(null) }) },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('advance' as const),
          ms: fc.integer({ min: 5_000, max: 15_000 }),
        }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('toggle' as const),
          broker: fc.integer({ min: 1, max: 3 }),
        }),
      },
    );
    const result = fc.check(
      fc.property(
        fc.array(chaos, { minLength: 10, maxLength: 30 }),
        fc.integer({ min: 0, max: 99 }),
        (steps, seed) => {
          const { sim, sent } = runSchedule(steps, {
            topicConfigs: { 'unclean.leader.election.enable': 'true' },
            producerConfigs: { acks: 'all' },
            maxDown: 3,
            seed,
            replicationFactor: 2,
          });
          return lostAcked(sim, sent).length === 0;
        },
      ),
      // Stop at the first losing schedule (no shrinking): finding one is the point.
      { seed: 42, numRuns: 500, endOnFailure: true },
    );
    expect(result.failed).toBe(true);
    expect(result.counterexample).not.toBeNull();
  }, 20_000);
});
