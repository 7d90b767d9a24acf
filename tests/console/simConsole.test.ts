// The console against the real simulator: every change goes through the command log (replay
// reproduces the console's effects), queries never change state, and no input makes it throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consoleFor, runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator';

describe('console over a Simulation', () => {
  it('changes go through dispatch: replaying sim.log rebuilds the same state', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const results = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      'producer create p1',
      'producer send p1 orders --key user-1 hello',
      'kafka-console-producer.sh --topic orders <<EOF',
      'a',
      'b',
      'EOF',
      'broker stop 2',
      'clock advance 20s',
      'kafka-configs.sh --entity-type topics --entity-name orders --alter --add-config retention.ms=5000',
    ]);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const replayed = Simulation.replay(sim.init, sim.log);
    expect(replayed.serialize()).toBe(sim.serialize());
  });

  it('scratch files and sim reset are commands in the simulation: replaying sim.log alone reproduces them', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const results = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic orders --partitions 1 --replication-factor 3',
      'cat > plan.json <<EOF',
      '{"partitions":[{"topic":"orders","partition":0}]}',
      'EOF',
      'producer create p1',
      'sim reset --brokers 1 --seed 7',
      'cat plan.json',
      'sim status',
    ]);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(results[4].stdout).toBe('{"partitions":[{"topic":"orders","partition":0}]}');
    expect(results[5].stdout).toContain('Seed: 7. Commands in the log: 0.');
    expect(results[5].stdout).not.toContain('Producers:');
    const replayed = Simulation.replay(sim.init, sim.log);
    expect(replayed.serialize()).toBe(sim.serialize());
    expect(runConsoleLines(replayed, ['cat plan.json'])[0].stdout).toBe(results[4].stdout);
  });

  it('a named producer reports TOPIC-PARTITION@OFFSET when the acknowledgement arrives', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const [, , sent, advanced] = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3',
      'producer create p1 --linger-ms 5',
      'producer send p1 t --key k v',
      'clock advance 50ms',
    ]);
    expect(sent.stdout).toMatch(/^t-0 \(queued/);
    expect(advanced.stdout).toContain('[p1] t-0@0');
  });

  it('delivery callbacks come from the simulation alone: a replayed log reports a pending send when it completes', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, [
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3',
      'producer create p1 --linger-ms 5',
      'producer send p1 t --key k v',
    ]);
    const replayed = Simulation.replay(sim.init, sim.log);
    const [original] = runConsoleLines(sim, ['clock advance 50ms']);
    const [again] = runConsoleLines(replayed, ['clock advance 50ms']);
    expect(original.stdout).toContain('[p1] t-0@0');
    expect(again).toEqual(original);
  });

  it('keeps one session per simulation, so producers persist between calls', () => {
    const sim = new Simulation({ brokers: 1, seed: 1 });
    expect(consoleFor(sim)).toBe(consoleFor(sim));
    runConsoleLines(sim, ['producer create p']);
    expect(runConsoleLines(sim, ['producer create p'])[0].stderr).toContain('already exists');
  });

  it('queries never change state; bad input never throws (fuzz, real simulator)', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, [
      'kafka-topics.sh --create --topic t --partitions 2 --replication-factor 2',
      'producer create p',
    ]);
    const session = consoleFor(sim);
    const word = fc.constantFrom(
      'kafka-topics.sh',
      'kafka-configs.sh',
      'kafka-console-consumer.sh',
      'kafka-consumer-groups.sh',
      'kafka-get-offsets.sh',
      'kafka-leader-election.sh',
      'kafka-reassign-partitions.sh',
      'kcat',
      'broker',
      'producer',
      'consumer',
      'sim',
      'help',
      '--describe',
      '--list',
      '--topic',
      't',
      'u',
      '--group',
      'g',
      '--partitions',
      '2',
      '-1',
      '--from-beginning',
      '-L',
      '-C',
      '-t',
      '-e',
      '--entity-type',
      'topics',
      '--entity-name',
      'status',
      'send',
      'p',
      '--key',
      'x',
      '--alter',
      '--time',
      '--members',
      '--state',
      "'",
      '"',
      '\\',
      '--election-type',
      'preferred',
      '--all-topic-partitions',
      'stop',
      '1',
    );
    const line = fc.array(
      fc.oneof({ weight: 5, arbitrary: word }, { weight: 1, arbitrary: fc.string({ maxLength: 5 }) }),
      {
        minLength: 1,
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(line, (words) => {
        const before = sim.serialize();
        const logLength = sim.log.length;
        const r = session.run(words.join(' '));
        expect(r.exitCode).not.toBe(70);
        if (sim.log.length === logLength) expect(sim.serialize()).toBe(before);
      }),
      { seed: 42, numRuns: 1500 },
    );
    expect(session.run('kafka-topics.sh --list').exitCode).toBe(0);
  });
});
