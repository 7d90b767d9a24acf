// kafka-console-consumer.sh typed in the browser console without --max-messages/--timeout-ms keeps running like
// the real ConsoleConsumer (it polls until Ctrl-C, then prints "Processed a total of N messages"); every change it
// makes is an ordinary console line, so the simulation's history replays it.
import { describe, expect, it } from 'vitest';
import { consoleFor, FollowingConsumer } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function setup() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  const host = { run: (line: string) => s.runBlock(line), read: () => s.read() };
  host.run(
    'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 1 --replication-factor 3',
  );
  host.run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders <<EOF\na\nb\nEOF');
  return { sim, s, host };
}

const produce = (host: { run: (l: string) => unknown }, ...values: string[]) =>
  host.run(
    `kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders <<EOF\n${values.join('\n')}\nEOF`,
  );

describe('a console consumer that keeps running (ConsoleConsumer polls until it is stopped)', () => {
  it('without a group: prints what is there, then each record produced later, and the total on Ctrl-C', () => {
    const { host } = setup();
    const started = FollowingConsumer.start(
      host,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --from-beginning',
    );
    expect(started).not.toBeNull();
    const { follow, output } = started as NonNullable<typeof started>;
    expect(output.stdout).toBe('a\nb');
    expect(output.stderr).toBe('');
    expect(follow.running).toBe(true);
    expect(follow.tick().stdout).toBe('');
    produce(host, 'c', 'd');
    expect(follow.tick().stdout).toBe('c\nd');
    expect(follow.tick().stdout).toBe('');
    expect(follow.stop()).toEqual({ stdout: '', stderr: 'Processed a total of 4 messages', exitCode: 0 });
    expect(follow.running).toBe(false);
  });

  it('starts at the log end without --from-beginning (auto.offset.reset=latest) and keeps --property formatting', () => {
    const { host } = setup();
    const started = FollowingConsumer.start(
      host,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --property print.offset=true',
    );
    const { follow, output } = started as NonNullable<typeof started>;
    expect(output.stdout).toBe('');
    produce(host, 'c');
    expect(follow.tick().stdout).toBe('Offset:2\tc');
    expect(follow.stop().stderr).toBe('Processed a total of 1 messages');
  });

  it('with --group: a member of the group while it runs, and its positions committed when it stops (enable.auto.commit)', () => {
    const { sim, host } = setup();
    const started = FollowingConsumer.start(
      host,
      'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group audit --from-beginning',
    );
    const { follow, output } = started as NonNullable<typeof started>;
    expect(output.stdout).toBe('a\nb');
    const group = () => readModel(sim).group('audit');
    expect(group()?.state).toBe('Stable');
    expect(group()?.members).toHaveLength(1);
    produce(host, 'c');
    host.run('clock advance 1000ms');
    expect(follow.tick().stdout).toBe('c');
    expect(follow.stop().stderr).toBe('Processed a total of 3 messages');
    expect(group()?.members).toHaveLength(0);
    expect(group()?.offsets).toEqual([{ topic: 'orders', partition: 0, offset: 3 }]);

    // The history holds ordinary console lines: replayed on a fresh simulation they give the same group.
    const replay = new Simulation({ brokers: 3, seed: 42 });
    const r = consoleFor(replay);
    for (const step of sim.history) r.runBlock(step.line);
    expect(readModel(replay).group('audit')?.offsets).toEqual(group()?.offsets);
    expect(readModel(replay).now()).toBe(readModel(sim).now());
  });

  it('a line that stops by itself (--max-messages, --timeout-ms) or is not a console consumer runs one-shot', () => {
    const { host } = setup();
    for (const line of [
      'kafka-console-consumer.sh --topic orders --from-beginning --max-messages 1',
      'kafka-console-consumer.sh --topic orders --timeout-ms 1000',
      'kafka-console-consumer.sh --topic missing',
      'kafka-topics.sh --list',
    ])
      expect(FollowingConsumer.start(host, line)).toBeNull();
  });
});
