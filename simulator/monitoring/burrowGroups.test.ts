// The lag view's read model (readModel(sim).monitoring().burrowGroups()) against a real Simulation with the
// monitoring area running: Burrow's verdict per partition, the rule that decided (core/internal/evaluator/
// caching.go calculatePartitionStatus), and the window of `intervals` commits it judged.
import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../index';

function consumerThat(commits: 'progress' | 'same' | 'none') {
  const sim = new Simulation({ seed: 42, brokers: 3 });
  const must = (cmd: Parameters<Simulation['dispatch']>[0]) => {
    const r = sim.dispatch(cmd);
    if (!r.ok) throw new Error(`${cmd.type}: ${r.error.code} ${r.error.message}`);
  };
  must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  must({ type: 'monitoringStart' });
  must({ type: 'producerCreate', name: 'p1' });
  must({
    type: 'consumerCreate',
    name: 'c1',
    config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
  });
  must({ type: 'advanceClock', ms: 15_000 });
  for (let i = 0; i < 12; i++) {
    must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 20 }, (_, j) => ({ value: `${i}-${j}` })),
    });
    must({ type: 'producerFlush', producer: 'p1' });
    if (commits === 'progress' || i < 2) must({ type: 'consumerPoll', name: 'c1', maxRecords: 10 });
    if (commits !== 'none' || i < 2) must({ type: 'consumerCommit', name: 'c1' });
    must({ type: 'advanceClock', ms: 15_000 });
  }
  return sim;
}

describe('burrowGroups: the lag view’s read model', () => {
  it('is empty while monitoring is off', () => {
    const sim = new Simulation({ seed: 42, brokers: 3 });
    expect(readModel(sim).monitoring().burrowGroups()).toEqual([]);
  });

  it('STALL (rule 4, checkIfOffsetsStalled): every commit of the full window is the same offset; the group shows ERR', () => {
    const [g] = readModel(consumerThat('same')).monitoring().burrowGroups();
    expect(g.group).toBe('g1');
    expect(g.status).toBe('ERR');
    expect(g.intervals).toBe(10); // Burrow's storage `intervals` default
    const p = g.partitions[0];
    expect(p.status).toBe('STALL');
    expect(p.window).toHaveLength(10);
    expect(new Set(p.window.map((c) => c.offset)).size).toBe(1);
    expect(p.rule).toBe(
      `committing but not moving: every commit in the window is offset ${p.window[0].offset}`,
    );
    // The lag grew at every commit while the offset stood still.
    const lags = p.window.map((c) => c.lag ?? -1);
    expect(lags[lags.length - 1]).toBeGreaterThan(lags[0]);
    expect(p.current_lag).toBe(g.totallag);
  });

  it('WARN (rule 5, checkIfLagNotDecreasing): the commits advance but the lag never falls', () => {
    const [g] = readModel(consumerThat('progress')).monitoring().burrowGroups();
    expect(g.partitions[0].status).toBe('WARN');
    expect(g.partitions[0].rule).toBe('the lag never decreased across the window of commits');
    const offsets = g.partitions[0].window.map((c) => c.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('STOP (rule 3, checkIfOffsetsStopped): no commit for longer than the window spans', () => {
    const [g] = readModel(consumerThat('none')).monitoring().burrowGroups();
    expect(g.partitions[0].status).toBe('STOP');
    expect(g.partitions[0].window.length).toBeLessThan(10);
    // kafka-lag-exporter's estimate: the newest committed record was written minutes ago.
    expect(g.partitions[0].timeLagS).toBeGreaterThan(60);
  });
});
