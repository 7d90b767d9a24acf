// Test kit for the RabbitMQ area: a real Simulation with a queue and consumers, and short readers.
import type { Command, CommandOf, ResultData } from '../engine/registry';
import { readModel, Simulation } from '../index';
import type { RabbitQueueView } from '../read/rabbitmq';
import { must } from '../testing/sim.testkit';

/** Dispatch and return the command's result data (throws on an error). */
export function data<C extends Command>(sim: Simulation, cmd: C): ResultData<C['type']> {
  const r = sim.dispatch(cmd);
  if (!r.ok) throw new Error(`${cmd.type} failed: ${r.error.code}: ${r.error.message}`);
  return r.data;
}

export function rabbitSim(queue = 'orders', queueType: 'classic' | 'quorum' = 'classic'): Simulation {
  const sim = new Simulation({ seed: 42, brokers: 1 });
  must(sim, { type: 'rabbitDeclareQueue', name: queue, queueType });
  return sim;
}

export function consume(
  sim: Simulation,
  consumerTag: string,
  opts: Partial<CommandOf<'rabbitConsume'>> = {},
): number {
  return data(sim, {
    type: 'rabbitConsume',
    queue: 'orders',
    consumerTag,
    prefetch: 1,
    autoAck: false,
    processingMs: null,
    failOn: null,
    ...opts,
  }).channel;
}

export function publishAll(sim: Simulation, bodies: string[], queue = 'orders'): void {
  for (const body of bodies) must(sim, { type: 'rabbitPublish', exchange: '', routingKey: queue, body });
}

export const queueOf = (sim: Simulation, name = 'orders'): RabbitQueueView => {
  const q = readModel(sim)
    .rabbitmq()
    .queues.find((x) => x.name === name);
  if (!q) throw new Error(`no queue ${name}`);
  return q;
};

/** Bodies a consumer holds unacknowledged, in delivery-tag order. */
export const holding = (sim: Simulation, tag: string): string[] =>
  queueOf(sim)
    .consumers.find((c) => c.tag === tag)
    ?.unacked.map((u) => u.body) ?? [];

/** Bodies a consumer received, in order, with a * for redeliveries. */
export const receivedBy = (sim: Simulation, tag: string): string[] =>
  (readModel(sim).rabbitmq().received[tag] ?? []).map((r) => `${r.body}${r.redelivered ? '*' : ''}`);
