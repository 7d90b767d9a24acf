// Property tests (fast-check, fixed seeds — a failure prints its seed and shrunk path): determinism, offsets,
// idempotence.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, Simulation } from '../index';
import { allRecords, runSchedule, stepArb, TOPIC } from './schedule.testkit';

describe('simulator properties', () => {
  it('determinism: the same seed and commands give byte-identical state and events', () => {
    // Every area's commands: core (producer, brokers, network, controllers), consumer groups, transactions.
    const coreArb: fc.Arbitrary<Command> = fc.oneof(
      fc.record({
        type: fc.constant('producerSend' as const),
        producer: fc.constant('p'),
        topic: fc.constantFrom(TOPIC, 'other'),
        key: fc.option(fc.string({ maxLength: 4 }), { nil: null }),
        value: fc.string({ maxLength: 8 }),
      }),
      fc.record({ type: fc.constant('advanceClock' as const), ms: fc.integer({ min: 0, max: 40_000 }) }),
      fc.record({
        type: fc.constantFrom(
          'brokerStop' as const,
          'brokerStart' as const,
          'brokerIsolate' as const,
          'brokerHeal' as const,
        ),
        id: fc.integer({ min: 1, max: 4 }),
      }),
      fc.record({
        type: fc.constant('setNetworkFaults' as const),
        requestLossRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        responseLossRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
      }),
      fc.record({
        type: fc.constant('dropNext' as const),
        what: fc.constantFrom('request' as const, 'response' as const),
      }),
      fc.record({
        type: fc.constant('electLeaders' as const),
        electionType: fc.constantFrom('preferred' as const, 'unclean' as const),
      }),
      fc.record({ type: fc.constant('controllerStop' as const), id: fc.constantFrom(1000, 1001, 1002) }),
      fc.record({ type: fc.constant('controllerStart' as const), id: fc.constantFrom(1000, 1001, 1002) }),
      fc.constant<Command>({ type: 'producerFlush', producer: 'p' }),
    );
    const consumerCreateArb: fc.Arbitrary<Command> = fc
      .record({
        name: fc.constantFrom('c1', 'c2'),
        strategy: fc.constantFrom('range' as const, 'cooperative-sticky' as const, 'sticky' as const),
        reset: fc.constantFrom('earliest' as const, 'latest' as const),
        isolation: fc.constantFrom('read_uncommitted' as const, 'read_committed' as const),
      })
      .map(
        (c): Command => ({
          type: 'consumerCreate',
          name: c.name,
          config: {
            groupId: 'g',
            topics: [TOPIC],
            strategies: [c.strategy],
            autoOffsetReset: c.reset,
            isolationLevel: c.isolation,
          },
        }),
      );
    const resetArb: fc.Arbitrary<Command> = fc.record({
      type: fc.constant('groupResetOffsets' as const),
      groupId: fc.constant('g'),
      partitions: fc.constant(null).map(() => [{ topic: TOPIC, partition: 0 }]),
      spec: fc.constant({ kind: 'to-earliest' as const }),
      execute: fc.boolean(),
    });
    // consumer groups: members join, poll, process, commit, leave and crash; admin resets
    const consumerArb: fc.Arbitrary<Command> = fc.oneof(
      { weight: 1, arbitrary: consumerCreateArb },
      {
        weight: 5,
        arbitrary: fc.record({
          type: fc.constantFrom(
            'consumerPoll' as const,
            'consumerProcess' as const,
            'consumerCommit' as const,
            'consumerClose' as const,
            'consumerCrash' as const,
          ),
          name: fc.constantFrom('c1', 'c1', 'c2'),
        }),
      },
      { weight: 1, arbitrary: resetArb },
    );
    // transactions: begin, send, commit or abort, offsets, crash, a zombie instance
    const transactionArb: fc.Arbitrary<Command> = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.record({
          type: fc.constantFrom(
            'producerBeginTransaction' as const,
            'producerCommitTransaction' as const,
            'producerAbortTransaction' as const,
          ),
          producer: fc.constant('tx'),
        }),
      },
      { weight: 1, arbitrary: fc.constant<Command>({ type: 'producerCrash', producer: 'tx' }) },
      {
        weight: 3,
        arbitrary: fc.record({
          type: fc.constant('producerSend' as const),
          producer: fc.constant('tx'),
          topic: fc.constant(TOPIC),
          value: fc.string({ maxLength: 4 }),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          type: fc.constant('producerSendOffsetsToTransaction' as const),
          producer: fc.constant('tx'),
          groupId: fc.constant('g'),
          offsets: fc.constant(null).map(() => [{ topic: TOPIC, partition: 0, offset: 1 }]),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.constant<Command>({
          type: 'producerCreate',
          name: 'tx',
          configs: { 'transactional.id': 'tid' },
        }),
      },
    );
    const cmdArb = fc.oneof(
      { weight: 3, arbitrary: coreArb },
      { weight: 2, arbitrary: consumerArb },
      { weight: 2, arbitrary: transactionArb },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.array(cmdArb, { minLength: 10, maxLength: 40 }),
        (seed, cmds) => {
          const init = { seed, brokers: 3 };
          const a = new Simulation(init);
          a.dispatch({ type: 'createTopic', topic: TOPIC, partitions: 3, replicationFactor: 3 });
          a.dispatch({
            type: 'producerCreate',
            name: 'p',
            configs: { 'enable.idempotence': seed % 2 ? 'true' : 'false', acks: seed % 2 ? 'all' : '1' },
          });
          a.dispatch({ type: 'producerCreate', name: 'tx', configs: { 'transactional.id': 'tid' } });
          a.dispatch({
            type: 'consumerCreate',
            name: 'c1',
            config: { groupId: 'g', topics: [TOPIC], autoOffsetReset: 'earliest' },
          });
          for (const c of cmds) a.dispatch(c);
          const b = Simulation.replay(init, a.log);
          expect(b.serialize()).toBe(a.serialize());
          expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
          // Replaying a prefix equals the state the original had at that point (time travel).
          const k = Math.floor(a.log.length / 2);
          const c1 = Simulation.replay(init, a.log, k);
          const c2 = Simulation.replay(init, a.log.slice(0, k));
          expect(c1.serialize()).toBe(c2.serialize());
        },
      ),
      { seed: 42, numRuns: 120 },
    );
  });

  it('offsets in every replica log are dense and increasing from the log start offset', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 10, maxLength: 50 }),
        fc.integer({ min: 0, max: 99 }),
        (steps, seed) => {
          const { sim } = runSchedule(steps, {
            topicConfigs: { 'unclean.leader.election.enable': seed % 3 === 0 ? 'true' : 'false' },
            producerConfigs: seed % 2 ? { acks: '1' } : {},
            maxDown: 3,
            seed,
          });
          for (const p of sim.state.topics[TOPIC].partitions) {
            for (const id of p.replicas) {
              const log = p.replicaLogs[id].log;
              const recs = allRecords(p, id);
              for (const [i, r] of recs.entries()) expect(r.offset).toBe(log.logStartOffset + i);
              expect(log.logEndOffset).toBe(log.logStartOffset + recs.length);
              expect(p.replicaLogs[id].highWatermark).toBeLessThanOrEqual(log.logEndOffset);
            }
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });

  it('an idempotent producer never writes a duplicate under lost requests, lost acknowledgements and retries', () => {
    fc.assert(
      fc.property(
        fc.array(stepArb, { minLength: 10, maxLength: 50 }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        fc.integer({ min: 0, max: 99 }),
        (steps, requestLoss, responseLoss, seed) => {
          const { sim } = runSchedule(steps, {
            topicConfigs: { 'min.insync.replicas': '2' },
            producerConfigs: { 'request.timeout.ms': '2000', 'linger.ms': '0' },
            maxDown: 1,
            seed,
            faults: { requestLossRate: requestLoss, responseLossRate: responseLoss },
          });
          const values = sim.state.topics[TOPIC].partitions.flatMap((p) =>
            p.leader === null ? [] : allRecords(p, p.leader).map((r) => r.value),
          );
          expect(new Set(values).size).toBe(values.length);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
