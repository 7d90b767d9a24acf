// Console lines the Kafka-vs-RabbitMQ view's buttons run (the same grammar as the terminal, so the command
// log stays one list of lines). The workload goes to both systems with the same bodies.
import { shellWord } from './commands';

export type RabbitConsumerForm = { queue: string; tag: string; prefetch: number; processMs: number | null };

export function rabbitConsumeCommand(f: RabbitConsumerForm): string {
  const parts = [
    'rabbit',
    'consume',
    shellWord(f.queue),
    '--tag',
    shellWord(f.tag),
    '--prefetch',
    String(f.prefetch),
  ];
  if (f.processMs !== null) parts.push('--process-ms', String(Math.max(0, Math.floor(f.processMs))));
  return parts.join(' ');
}

export const rabbitSettleCommand = (verb: 'ack' | 'nack', tag: string, deliveryTag: number): string =>
  `rabbit ${verb} ${shellWord(tag)} ${deliveryTag}`;

export const rabbitCrashCommand = (tag: string): string => `rabbit crash ${shellWord(tag)}`;

/** `order-<first>` … `order-<first+count-1>`, keyed customer-1..3 on the Kafka side (per-key order). */
export function workloadBodies(first: number, count: number): Array<{ key: string; body: string }> {
  return Array.from({ length: count }, (_, i) => ({
    key: `customer-${((first + i - 1) % 3) + 1}`,
    body: `order-${first + i}`,
  }));
}

/** The workload into a Kafka topic: the console producer with keys (key:value lines). */
export function kafkaWorkloadBlock(topic: string, first: number, count: number): string {
  return [
    `kafka-console-producer.sh --topic ${shellWord(topic)} --property parse.key=true --property key.separator=: <<EOF`,
    ...workloadBodies(first, count).map((w) => `${w.key}:${w.body}`),
    'EOF',
  ].join('\n');
}

/** The same workload into a RabbitMQ queue through the default exchange. */
export function rabbitWorkloadBlock(queue: string, first: number, count: number): string {
  return [
    `rabbit publish --routing-key ${shellWord(queue)} <<EOF`,
    ...workloadBodies(first, count).map((w) => w.body),
    'EOF',
  ].join('\n');
}
