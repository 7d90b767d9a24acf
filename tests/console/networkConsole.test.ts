// The `network` simulation command and kafka-reassign-partitions.sh over the real simulator.
import { describe, expect, it } from 'vitest';
import { complete, consoleFor, runConsoleLines } from '@/kafka-cli';
import { Simulation } from '@/simulator';

describe('network command', () => {
  it('drop-next response makes a producer without idempotence write a duplicate on retry (lost acknowledgement)', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    const results = runConsoleLines(sim, [
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3',
      'producer create p --idempotence false --linger-ms 0',
      'network drop-next response --producer p',
      'producer send p t --partition 0 once',
      'clock advance 31s',
    ]);
    expect(results.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0]);
    const p = sim.state.topics.t.partitions[0];
    const leader = p.replicaLogs[p.leader ?? 1];
    expect(leader.log.segments.flatMap((s) => s.records).map((r) => r.value)).toEqual(['once', 'once']);
  });

  it('network loss with both rates 0 turns random loss off, and replay reproduces the command log', () => {
    const sim = new Simulation({ brokers: 3, seed: 7 });
    runConsoleLines(sim, ['network loss --request-rate 0.5 --response-rate 0.5']);
    expect(sim.state.network.requestLossRate).toBe(0.5);
    runConsoleLines(sim, ['network loss --request-rate 0 --response-rate 0']);
    expect(sim.state.network.requestLossRate).toBe(0);
    expect(sim.state.network.responseLossRate).toBe(0);
    expect(Simulation.replay(sim.init, sim.log).serialize()).toBe(sim.serialize());
  });

  it('tab completion offers the sub-commands, request|response and producer names', () => {
    const sim = new Simulation({ brokers: 3, seed: 42 });
    runConsoleLines(sim, ['producer create alpha']);
    const session = consoleFor(sim);
    expect(complete(session, 'netw').candidates).toEqual(['network']);
    expect(complete(session, 'network ').candidates).toEqual(['drop-next', 'loss', 'status']);
    expect(complete(session, 'network drop-next re').candidates).toEqual(['request', 'response']);
    expect(complete(session, 'network drop-next request --producer ').candidates).toEqual(['alpha']);
  });
});

describe('kafka-reassign-partitions.sh', () => {
  it('--execute starts the move (Adding/Removing Replicas in describe) and --verify reports completion', () => {
    const sim = new Simulation({ brokers: 4, seed: 42 });
    const lines = [
      'kafka-topics.sh --create --topic t --partitions 1 --replication-factor 2',
      'clock advance 1s',
      'cat > plan.json <<EOF',
      '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[3,4]}]}',
      'EOF',
      'kafka-reassign-partitions.sh --bootstrap-server localhost:9092 --reassignment-json-file plan.json --execute',
      'kafka-topics.sh --describe --topic t',
      'kafka-reassign-partitions.sh --reassignment-json-file plan.json --verify',
      'clock advance 1s',
      'kafka-reassign-partitions.sh --reassignment-json-file plan.json --verify',
    ];
    const r = runConsoleLines(sim, lines);
    expect(r.every((x) => x.exitCode === 0)).toBe(true);
    const out = r.map((x) => x.stdout);
    expect(out.some((o) => o.includes('Successfully started partition reassignment for t-0'))).toBe(true);
    expect(out.some((o) => /Adding Replicas: [\d,]+\tRemoving Replicas: [\d,]+/.test(o))).toBe(true);
    expect(out.some((o) => o.includes('Reassignment of partition t-0 is still in progress.'))).toBe(true);
    expect(out.at(-1)).toContain('Reassignment of partition t-0 is completed.');
    expect(sim.state.topics.t.partitions[0].replicas).toEqual([3, 4]);
  });
});
