import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leaderReplica } from '../cluster/lookup';
import { type Command, Simulation } from '../index';
import { readCommittedRecords } from './readCommitted';

type Op =
  | { kind: 'send'; who: number; count: number }
  | { kind: 'plainSend' }
  | { kind: 'begin'; who: number }
  | { kind: 'commit'; who: number }
  | { kind: 'abort'; who: number }
  | { kind: 'crashAndRestart'; who: number }
  | { kind: 'zombie'; who: number }
  | { kind: 'advance'; ms: number };

const who = fc.integer({ min: 0, max: 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('send' as const), who, count: fc.integer({ min: 1, max: 3 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('plainSend' as const) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('begin' as const), who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('commit' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('abort' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('crashAndRestart' as const), who }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('zombie' as const), who }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(100, 5_000, 20_000) }),
  },
);

function committedValues(sim: Simulation, topic: string): string[] {
  return sim.state.topics[topic].partitions.flatMap((p) => {
    const leader = leaderReplica(p)!;
    return readCommittedRecords(leader.log, leader.highWatermark).map((r) => r.value ?? '');
  });
}

describe('transactions under random schedules (property)', () => {
  it('read_committed returns exactly the records of committed transactions: nothing aborted, open or control, all-or-nothing', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const sim = new Simulation({ seed: 5, brokers: 3 });
        const run = (c: Command) => sim.dispatch(c);
        run({ type: 'createTopic', topic: 'ledger', partitions: 2, replicationFactor: 3 });
        run({ type: 'producerCreate', name: 'plain', configs: {} });
        // Two transactional ids; each "instance" is a producer name, the live one per id tracked here.
        const live = ['a0', 'b0'];
        const serial = [0, 0];
        const ids = ['txn-a', 'txn-b'];
        const timeout = { 'transaction.timeout.ms': '30000' };
        for (const [i, name] of live.entries()) {
          run({ type: 'producerCreate', name, configs: { 'transactional.id': ids[i], ...timeout } });
        }
        const sent = new Map<string, string[]>(); // transaction tag → values sent in it
        const current: Array<string | null> = [null, null];
        const committed = new Set<string>();
        let plain = 0;
        let txnCounter = 0;
        for (const o of ops) {
          switch (o.kind) {
            case 'send': {
              const tag = current[o.who];
              const producer = live[o.who];
              for (let i = 0; i < o.count; i++) {
                const value = `${tag ?? 'none'}:${i}:${(sent.get(tag ?? '') ?? []).length}`;
                const r = run({ type: 'producerSend', producer, topic: 'ledger', key: `k${i}`, value });
                if (r.ok && tag) sent.set(tag, [...(sent.get(tag) ?? []), value]);
                // A send outside a transaction must be refused.
                if (!tag) expect(r.ok).toBe(false);
              }
              break;
            }
            case 'plainSend':
              run({ type: 'producerSend', producer: 'plain', topic: 'ledger', value: `plain-${plain++}` });
              break;
            case 'begin': {
              const r = run({ type: 'producerBeginTransaction', producer: live[o.who] });
              if (r.ok) current[o.who] = `t${txnCounter++}`;
              break;
            }
            case 'commit': {
              const r = run({ type: 'producerCommitTransaction', producer: live[o.who] });
              if (r.ok && current[o.who]) committed.add(current[o.who]!);
              if (r.ok || r.error.code === 'PRODUCER_FENCED') current[o.who] = null;
              break;
            }
            case 'abort': {
              const r = run({ type: 'producerAbortTransaction', producer: live[o.who] });
              if (r.ok || r.error.code === 'PRODUCER_FENCED') current[o.who] = null;
              break;
            }
            case 'crashAndRestart': {
              run({ type: 'producerCrash', producer: live[o.who] });
              serial[o.who] += 1;
              live[o.who] = `${ids[o.who][4]}${serial[o.who]}`;
              run({
                type: 'producerCreate',
                name: live[o.who],
                configs: { 'transactional.id': ids[o.who], ...timeout },
              });
              current[o.who] = null;
              break;
            }
            case 'zombie': {
              // A second instance starts while the first still runs: the first becomes a zombie and is fenced.
              serial[o.who] += 1;
              live[o.who] = `${ids[o.who][4]}${serial[o.who]}`;
              run({
                type: 'producerCreate',
                name: live[o.who],
                configs: { 'transactional.id': ids[o.who], ...timeout },
              });
              current[o.who] = null;
              break;
            }
            case 'advance': {
              run({ type: 'advanceClock', ms: o.ms });
              // A transaction open longer than transaction.timeout.ms is aborted; its producer is fenced.
              for (const i of [0, 1]) {
                const client = sim.state.areas.transactions.clients[live[i]];
                if (client?.state.kind === 'fenced') current[i] = null;
              }
              break;
            }
          }
        }
        run({ type: 'producerFlush', producer: 'plain' });
        // While a transaction is open the LSO holds back everything after its first record, plain records
        // included; end the open ones so the whole log is stable.
        for (const i of [0, 1]) if (current[i]) run({ type: 'producerAbortTransaction', producer: live[i] });
        const visible = committedValues(sim, 'ledger').filter((v) => !v.startsWith('plain-'));
        const expected = [...committed].flatMap((tag) => sent.get(tag) ?? []);
        expect(new Set(visible)).toEqual(new Set(expected));
        expect(visible.length).toBe(expected.length);
        // Non-transactional records are visible to read_committed readers too.
        expect(committedValues(sim, 'ledger').filter((v) => v.startsWith('plain-')).length).toBe(plain);
      }),
      { seed: 2024, numRuns: 150 },
    );
  });

  it('consume-transform-produce with sendOffsetsToTransaction: any crash point yields each input exactly once in the committed output', () => {
    const INPUTS = 12;
    type CrashPoint = 'none' | 'afterBegin' | 'afterSomeSends' | 'afterSendOffsets';
    const crash = fc.constantFrom<CrashPoint>(
      'none',
      'none',
      'afterBegin',
      'afterSomeSends',
      'afterSendOffsets',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), crash), { minLength: 30, maxLength: 30 }),
        (plan) => {
          const sim = new Simulation({ seed: 9, brokers: 3 });
          sim.dispatch({ type: 'createTopic', topic: 'in', partitions: 1, replicationFactor: 3 });
          sim.dispatch({ type: 'createTopic', topic: 'out', partitions: 2, replicationFactor: 3 });
          sim.dispatch({ type: 'producerCreate', name: 'source', configs: {} });
          for (let i = 0; i < INPUTS; i++)
            sim.dispatch({
              type: 'producerSend',
              producer: 'source',
              topic: 'in',
              key: `k${i}`,
              value: `v${i}`,
            });
          sim.dispatch({ type: 'producerFlush', producer: 'source' });
          let instance = 0;
          let producer = 'etl-0';
          sim.dispatch({ type: 'producerCreate', name: producer, configs: { 'transactional.id': 'etl' } });
          const committedOffset = () => sim.state.areas.consumers.groups.etl?.offsets['in-0']?.offset ?? 0;
          for (const [batch, point] of plan) {
            const from = committedOffset();
            if (from >= INPUTS) break;
            const to = Math.min(INPUTS, from + batch);
            sim.dispatch({ type: 'producerBeginTransaction', producer });
            let crashed = point === 'afterBegin';
            for (let offset = from; offset < to && !crashed; offset++) {
              sim.dispatch({
                type: 'producerSend',
                producer,
                topic: 'out',
                key: `k${offset}`,
                value: `out-${offset}`,
              });
              if (point === 'afterSomeSends' && offset === from) crashed = true;
            }
            if (!crashed) {
              sim.dispatch({
                type: 'producerSendOffsetsToTransaction',
                producer,
                groupId: 'etl',
                offsets: [{ topic: 'in', partition: 0, offset: to }],
              });
              crashed = point === 'afterSendOffsets';
            }
            if (crashed) {
              // The process dies; its replacement (same transactional.id) aborts what was left open.
              sim.dispatch({ type: 'producerCrash', producer });
              producer = `etl-${++instance}`;
              sim.dispatch({
                type: 'producerCreate',
                name: producer,
                configs: { 'transactional.id': 'etl' },
              });
              continue;
            }
            const r = sim.dispatch({ type: 'producerCommitTransaction', producer });
            expect(r.ok).toBe(true);
          }
          // Finish whatever the plan did not reach.
          while (committedOffset() < INPUTS) {
            const from = committedOffset();
            sim.dispatch({ type: 'producerBeginTransaction', producer });
            sim.dispatch({
              type: 'producerSend',
              producer,
              topic: 'out',
              key: `k${from}`,
              value: `out-${from}`,
            });
            sim.dispatch({
              type: 'producerSendOffsetsToTransaction',
              producer,
              groupId: 'etl',
              offsets: [{ topic: 'in', partition: 0, offset: from + 1 }],
            });
            sim.dispatch({ type: 'producerCommitTransaction', producer });
          }
          const output = committedValues(sim, 'out').sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
          expect(output).toEqual(Array.from({ length: INPUTS }, (_, i) => `out-${i}`));
        },
      ),
      { seed: 77, numRuns: 60 },
    );
  });
});
