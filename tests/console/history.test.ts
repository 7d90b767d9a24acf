// The console records what it runs in the Simulation's history: one step per command line (a here-document
// belongs to its command), each with the run of the command log it dispatched.
import { describe, expect, it } from 'vitest';
import { consoleFor, runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator';

describe('the console records each line with the commands it dispatched', () => {
  it('a script is one step per command; a here-document is part of its command; read-only lines dispatch nothing', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    runConsoleLines(sim, [
      '# comments and blank lines are not steps',
      '',
      'kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3',
      'kafka-topics.sh --list',
      'cat > plan.json <<EOF',
      '{"version":1,"partitions":[]}',
      'EOF',
    ]);
    expect(sim.history.map((s) => [s.line, s.commandCount])).toEqual([
      ['kafka-topics.sh --create --topic orders --partitions 3 --replication-factor 3', 1],
      ['kafka-topics.sh --list', 0],
      ['cat > plan.json <<EOF\n{"version":1,"partitions":[]}\nEOF', 1],
    ]);
    expect(sim.history.map((s) => s.firstCommand)).toEqual([0, 1, 1]);
    expect(sim.history[0].eventCount).toBeGreaterThan(0);
    expect(sim.history[1].eventCount).toBe(0);
  });

  it('runBlock records the whole block as one step, and replaying the steps rebuilds the same state', () => {
    const sim = new Simulation({ seed: 7, brokers: 3 });
    const session = consoleFor(sim);
    session.runBlock('kafka-topics.sh --create --topic t --partitions 2 --replication-factor 2');
    session.runBlock('producer create p');
    session.runBlock('producer send p t --key a 1');
    session.runBlock('producer flush p');
    const again = new Simulation({ seed: 7, brokers: 3 });
    for (const step of sim.history) consoleFor(again).runBlock(step.line);
    expect(again.serialize()).toBe(sim.serialize());
    expect(again.history).toEqual(sim.history);
  });
});
