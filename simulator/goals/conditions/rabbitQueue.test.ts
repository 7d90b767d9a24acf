// The rabbitQueue goal condition against a real simulation: acknowledged messages leave `messages` but
// stay counted in `acked`; a missing queue fails; malformed parameters are refused.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../../index';
import { must } from '../../testing/sim.testkit';
import { evaluateGoal, validateGoal } from '../index';

describe('goal condition rabbitQueue', () => {
  const sim = new Simulation({ seed: 42, brokers: 1 });
  must(sim, { type: 'rabbitDeclareQueue', name: 'orders', queueType: 'classic' });
  must(sim, {
    type: 'rabbitConsume',
    queue: 'orders',
    consumerTag: 'r1',
    prefetch: 1,
    autoAck: false,
    processingMs: 10,
    failOn: null,
  });
  for (const body of ['a', 'b', 'c'])
    must(sim, { type: 'rabbitPublish', exchange: '', routingKey: 'orders', body });
  must(sim, { type: 'advanceClock', ms: 100 });
  const goal = (conditions: Array<Record<string, unknown>>) =>
    evaluateGoal(readModel(sim), { description: 't', conditions: conditions as never });

  it('acked messages are gone from the queue (messages = 0) and counted in acked', () => {
    expect(
      goal([
        { kind: 'rabbitQueue', queue: 'orders', measure: 'messages', equals: 0 },
        { kind: 'rabbitQueue', queue: 'orders', measure: 'acked', equals: 3 },
        { kind: 'rabbitQueue', queue: 'orders', measure: 'consumers', equals: 1 },
      ]).met,
    ).toBe(true);
  });

  it('a queue that does not exist fails the condition', () => {
    const r = goal([{ kind: 'rabbitQueue', queue: 'audit', measure: 'published', atLeast: 1 }]);
    expect(r.met).toBe(false);
    expect(r.details[0].detail).toBe('RabbitMQ has no queue audit');
  });

  it('an unknown measure is a malformed condition', () => {
    expect(
      validateGoal({
        description: 't',
        conditions: [{ kind: 'rabbitQueue', queue: 'orders', measure: 'bytes', atLeast: 1 }],
      }),
    ).toEqual([expect.stringContaining('measure must be one of')]);
  });
});
