// Burrow's verdicts on the simulation's own commits (the scenarios of the lesson).
import { describe, expect, it } from 'vitest';
import { evaluateGroup } from '../burrow/evaluator';
import { monitored } from './monitoring.testkit';

function group(commitEvery: 'progress' | 'same' | 'none') {
  const m = monitored();
  m.must({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  m.must({ type: 'producerCreate', name: 'p1' });
  m.must({
    type: 'consumerCreate',
    name: 'c1',
    config: { groupId: 'g1', topics: ['orders'], autoOffsetReset: 'earliest', enableAutoCommit: false },
  });
  m.run(15_000);
  for (let i = 0; i < 12; i++) {
    m.must({
      type: 'producerSendMany',
      producer: 'p1',
      topic: 'orders',
      records: Array.from({ length: 20 }, (_, j) => ({ value: `${i}-${j}` })),
    });
    m.must({ type: 'producerFlush', producer: 'p1' });
    if (commitEvery === 'progress' || i < 2) m.must({ type: 'consumerPoll', name: 'c1', maxRecords: 10 });
    if (commitEvery !== 'none' || i < 2) m.must({ type: 'consumerCommit', name: 'c1' });
    m.run(15_000);
  }
  return m;
}

describe("Burrow's verdict on simulated consumers", () => {
  it('a slow consumer (commits advance, lag grows) is WARN', () => {
    const m = group('progress');
    const g = evaluateGroup(m.mon.burrow, 'g1', m.sim.state.now);
    expect(g.partitions[0].status).toBe('WARN');
    expect(g.status).toBe('WARN');
  });

  it('a consumer committing the same offset while lag grows is STALL (group ERR)', () => {
    const m = group('same');
    const g = evaluateGroup(m.mon.burrow, 'g1', m.sim.state.now);
    expect(g.partitions[0].status).toBe('STALL');
    expect(g.status).toBe('ERR');
  });

  it('a consumer that stopped committing is STOP once the silence outlasts its window', () => {
    const m = group('none');
    const g = evaluateGroup(m.mon.burrow, 'g1', m.sim.state.now);
    expect(g.partitions[0].status).toBe('STOP');
  });
});
