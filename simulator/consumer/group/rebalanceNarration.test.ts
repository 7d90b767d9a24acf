// The narration of a classic-protocol rebalance must match the protocol the group actually runs: with the default
// assignors (range first, then cooperative-sticky) the common protocol is EAGER (ConsumerCoordinator picks the
// protocol every assignor supports), and a group whose last member left has nobody to rebalance.
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation } from '@/simulator';

function group() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3');
  s.run('consumer create a --group g --topics t');
  s.run('consumer create b --group g --topics t');
  s.run('consumer poll a');
  s.run('consumer poll b');
  s.run('clock advance 10s');
  return { sim, s };
}

describe('classic group rebalance narration follows the protocol in use', () => {
  it('an eager member without partitions is not described as cooperative when it rejoins', () => {
    const { sim, s } = group();
    const owner = ['a', 'b'].find((n) => (readModel(sim).consumer(n)?.assignment.length ?? 0) > 0);
    expect(owner).toBeDefined();
    const mark = sim.state.nextEventSeq;
    s.run(`consumer crash ${owner}`);
    s.run('clock advance 50s');
    const rejoined = sim.events
      .filter((e) => e.seq >= mark && e.type === 'groupMemberRejoined')
      .map((e) => e.reason);
    expect(rejoined.length).toBeGreaterThan(0);
    for (const r of rejoined) expect(r).not.toContain('cooperative');
  });

  it('the last member leaving does not start a "cooperative" rebalance: no members are left', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const s = consoleFor(sim);
    s.run('kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3');
    s.run('consumer create a --group g --topics t');
    s.run('consumer poll a');
    s.run('clock advance 10s');
    const mark = sim.state.nextEventSeq;
    s.run('consumer close a');
    const started = sim.events
      .filter((e) => e.seq >= mark && e.type === 'groupStateChanged')
      .map((e) => e.reason);
    expect(started.join('\n')).toContain('no members are left, so it ends Empty');
    expect(started.join('\n')).not.toContain('cooperative');
  });
});
