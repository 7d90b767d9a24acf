// The RabbitMQ tools of the console: rabbitmqctl's tables, rabbitmqadmin v2's outputs, and that every
// change they make is a command in the simulation's log (replay rebuilds it).
import { describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

const setup = [
  'rabbitmqadmin declare queue --name orders --type quorum --arguments \'{"x-delivery-limit": 2}\'',
  'rabbit consume orders --tag c1 --prefetch 1 --process-ms 100 --fail-on poison',
  'rabbit publish --routing-key orders poison',
];

describe('RabbitMQ in the console', () => {
  it('rabbitmqctl list_queues name messages consumers prints the banner, a header row and tab-separated rows', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    runConsoleLines(sim, setup);
    const [r] = runConsoleLines(sim, ['rabbitmqctl list_queues name messages consumers']);
    expect(r.stdout).toBe(
      'Timeout: 60.0 seconds ...\nListing queues for vhost / ...\nname\tmessages\tconsumers\norders\t1\t1',
    );
  });

  it('--arguments x-delivery-limit sets the quorum queue limit: the poison message is dropped after 3 deliveries', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    runConsoleLines(sim, [...setup, 'clock advance 1s']);
    const q = readModel(sim).rabbitmq().queues[0];
    expect(q.deliveryLimit).toBe(2);
    expect(q.stats).toMatchObject({ delivered: 3, requeued: 2, dropped: 1 });
    expect(q.messages).toBe(0);
  });

  it('rabbitmqadmin publish message to an unbound routing key prints "Message published but NOT routed"', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    const [r] = runConsoleLines(sim, ['rabbitmqadmin publish message -k nowhere -m hi']);
    expect(r.stdout).toBe('Message published but NOT routed');
  });

  it('every change is in the command log: replaying it rebuilds the same broker', () => {
    const sim = new Simulation({ seed: 42, brokers: 1 });
    runConsoleLines(sim, [...setup, 'rabbit consume orders --tag c2', 'rabbit crash c1', 'clock advance 2s']);
    const again = Simulation.replay(sim.init, sim.log);
    expect(readModel(again).rabbitmq()).toEqual(readModel(sim).rabbitmq());
  });
});
