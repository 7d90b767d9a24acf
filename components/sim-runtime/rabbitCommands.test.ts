// The Kafka-vs-RabbitMQ view's lines, round trip: each builder's text runs in the console and dispatches
// the command it names; the workload puts the same bodies in the topic and in the queue.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';
import {
  kafkaWorkloadBlock,
  rabbitConsumeCommand,
  rabbitCrashCommand,
  rabbitSettleCommand,
  rabbitWorkloadBlock,
} from './rabbitCommands';

describe('console lines built for the comparison view', () => {
  it('send the same orders to a Kafka topic and a RabbitMQ queue, and drive the RabbitMQ consumers', () => {
    const sim = new Simulation({ brokers: 1, seed: 42 });
    const c = consoleFor(sim);
    for (const line of [
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 1',
      'rabbitmqadmin declare queue --name orders',
      rabbitConsumeCommand({ queue: 'orders', tag: 'r1', prefetch: 2, processMs: null }),
      rabbitConsumeCommand({ queue: 'orders', tag: 'r2', prefetch: 1, processMs: 500 }),
    ])
      expect(c.run(line).exitCode, line).toBe(0);
    expect(c.runBlock(kafkaWorkloadBlock('orders', 1, 6)).exitCode).toBe(0);
    expect(c.runBlock(rabbitWorkloadBlock('orders', 1, 6)).exitCode).toBe(0);
    const read = readModel(sim);
    const kafkaValues = [0, 1, 2]
      .flatMap((p) => read.records('orders', p, 0, 10, 'read_uncommitted'))
      .map((r) => r.value)
      .sort();
    expect(kafkaValues).toEqual(['order-1', 'order-2', 'order-3', 'order-4', 'order-5', 'order-6']);
    expect(read.rabbitmq().queues[0].stats.published).toBe(6);
    expect(c.run(rabbitSettleCommand('ack', 'r1', 1)).exitCode).toBe(0);
    expect(c.run(rabbitSettleCommand('nack', 'r1', 2)).exitCode).toBe(0);
    expect(c.run(rabbitCrashCommand('r2')).exitCode).toBe(0);
    const types = sim.log.map((x) => x.type);
    expect(types).toEqual(
      expect.arrayContaining(['rabbitAck', 'rabbitNack', 'rabbitCrash', 'rabbitPublish']),
    );
  });
});
