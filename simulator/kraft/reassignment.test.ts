import { describe, expect, it } from 'vitest';
import { advance, eventsOf, must, part, replicaValues, sim } from '../testing/helpers';

describe('partition reassignment (AlterPartitionReassignments)', () => {
  it('new replicas copy the log, join the ISR, then the removed replicas are dropped and leadership moves to the target', () => {
    const s = sim({ brokers: 4 });
    must(s, { type: 'createTopic', topic: 't', assignment: [[1, 2]] });
    must(s, { type: 'producerCreate', name: 'p' });
    for (const v of ['a', 'b', 'c']) must(s, { type: 'producerSend', producer: 'p', topic: 't', value: v });
    must(s, { type: 'producerFlush', producer: 'p' });
    must(s, {
      type: 'alterPartitionReassignments',
      reassignments: [{ topic: 't', partition: 0, replicas: [3, 4] }],
    });
    const p = part(s, 't');
    expect(p.addingReplicas).toEqual([3, 4]);
    expect(p.removingReplicas).toEqual([1, 2]);
    expect(p.replicas).toEqual([3, 4, 1, 2]);
    advance(s, 100);
    expect(p.replicas).toEqual([3, 4]);
    expect(p.addingReplicas).toEqual([]);
    expect(p.leader).toBe(3);
    expect(p.isr.sort()).toEqual([3, 4]);
    expect(replicaValues(p, 4)).toEqual(['a', 'b', 'c']);
    expect(p.replicaLogs[1]).toBeUndefined();
    expect(eventsOf(s, 'reassignmentCompleted')).toHaveLength(1);
  });

  it('rejects unknown brokers with INVALID_REPLICA_ASSIGNMENT and changes nothing', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 2 });
    const before = s.serialize();
    const r = s.dispatch({
      type: 'alterPartitionReassignments',
      reassignments: [{ topic: 't', partition: 0, replicas: [1, 9] }],
    });
    expect(r.ok ? '' : r.error.code).toBe('INVALID_REPLICA_ASSIGNMENT');
    expect(s.serialize()).toBe(before);
  });
});
