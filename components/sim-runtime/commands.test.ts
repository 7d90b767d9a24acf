// The buttons' line builder, round trip: builder → text → the console's tokenizer → the command dispatched.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { tokenizeLine } from '@/kafka-cli/tokenizer';
import { type Command, Simulation } from '@/simulator';
import {
  addConsumerCommand,
  brokerCommand,
  clockCommand,
  consumerCommand,
  createProducerCommand,
  flushCommand,
  sendCommand,
  shellWord,
  streamsCommand,
} from './commands';

function dispatched(lines: string[]): Command[] {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const console = consoleFor(sim);
  expect(
    console.run('kafka-topics.sh --create --topic odd.topic_x --partitions 2 --replication-factor 3')
      .exitCode,
  ).toBe(0);
  const before = sim.log.length;
  for (const line of lines) expect(console.run(line).exitCode, line).toBe(0);
  return sim.log.slice(before);
}

describe('console lines built for the buttons', () => {
  it('quote every word so the tokenizer gives it back unchanged', () => {
    for (const word of ["it's", 'a b', 'k=v,w', '$HOME', 'x"y', '', 'plain-1.0']) {
      const t = tokenizeLine(`cmd ${shellWord(word)}`);
      expect(t.kind === 'ok' ? t.tokens : t, word).toEqual(['cmd', word]);
    }
  });

  it('dispatch the commands they describe (producerSend with key, partition, headers; tombstones)', () => {
    const send = sendCommand({
      producer: 'p.1',
      topic: 'odd.topic_x',
      key: "user's",
      value: 'hello world',
      partition: 1,
      headers: [['trace id', 'a=b']],
      tombstone: false,
    });
    const commands = dispatched([
      createProducerCommand({ name: 'p.1', acks: 'all', idempotence: true, lingerMs: 0 }),
      send,
      sendCommand({
        producer: 'p.1',
        topic: 'odd.topic_x',
        key: 'k',
        value: '',
        partition: null,
        headers: [],
        tombstone: true,
      }),
      flushCommand('p.1'),
      addConsumerCommand('c_1', 'g 1', ['odd.topic_x'], 'cooperative-sticky'),
      consumerCommand('poll', 'c_1'),
      brokerCommand('isolate', 2),
      clockCommand('1500ms'),
    ]);
    const sends = commands.filter((c) => c.type === 'producerSend');
    expect(sends[0]).toMatchObject({
      producer: 'p.1',
      topic: 'odd.topic_x',
      key: "user's",
      value: 'hello world',
      partition: 1,
      headers: [['trace id', 'a=b']],
    });
    expect(sends[1]).toMatchObject({ key: 'k', value: null });
    expect(commands.map((c) => c.type)).toEqual([
      'producerCreate',
      'producerSend',
      'producerSend',
      'producerFlush',
      'consumerCreate',
      'consumerPoll',
      'brokerIsolate',
      'advanceClock',
    ]);
    expect(commands.find((c) => c.type === 'consumerCreate')).toMatchObject({
      name: 'c_1',
      config: { groupId: 'g 1', topics: ['odd.topic_x'], strategies: ['cooperative-sticky'] },
    });
    expect(commands.at(-1)).toEqual({ type: 'advanceClock', ms: 1500 });
  });

  it('start, stop and crash a Kafka Streams instance (streamsInstanceStart / Stop / Crash)', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const console = consoleFor(sim);
    console.run('kafka-topics.sh --create --topic in --partitions 1 --replication-factor 3');
    expect(console.runBlock('streams create app.1 <<EOF\nstream in | to out\nEOF').exitCode).toBe(0);
    const before = sim.log.length;
    for (const line of [
      streamsCommand('start', 'app.1', 'i.1'),
      streamsCommand('stop', 'app.1', 'i.1'),
      streamsCommand('start', 'app.1'),
      streamsCommand('crash', 'app.1', 'instance-1'),
    ])
      expect(console.run(line).exitCode, line).toBe(0);
    const own = sim.log.slice(before).filter((c) => c.type.startsWith('streams'));
    expect(own).toEqual([
      { type: 'streamsInstanceStart', app: 'app.1', instance: 'i.1' },
      { type: 'streamsInstanceStop', app: 'app.1', instance: 'i.1' },
      { type: 'streamsInstanceStart', app: 'app.1', instance: 'instance-1' },
      { type: 'streamsInstanceCrash', app: 'app.1', instance: 'instance-1' },
    ]);
  });
});
