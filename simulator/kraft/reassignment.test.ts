import { describe, expect, it } from 'vitest';
import { advance, eventsOf, must, part, replicaValues, sim } from '../testing/sim.testkit';

const reassign = (replicas: number[] | null, topic = 't', partition = 0) => ({
  type: 'alterPartitionReassignments' as const,
  reassignments: [{ topic, partition, replicas }],
});

function fourBrokersWithRecords(assignment: number[][] = [[1, 2]]) {
  const s = sim({ brokers: 4 });
  must(s, { type: 'createTopic', topic: 't', assignment });
  must(s, { type: 'producerCreate', name: 'p' });
  for (const v of ['a', 'b', 'c']) must(s, { type: 'producerSend', producer: 'p', topic: 't', value: v });
  must(s, { type: 'producerFlush', producer: 'p' });
  return s;
}

describe('partition reassignment (AlterPartitionReassignments, KIP-455)', () => {
  it('the replica set becomes target + removing, with adding/removing listed while the move runs (PartitionReassignmentReplicas)', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, reassign([2, 3]));
    const p = part(s, 't');
    expect(p.replicas).toEqual([2, 3, 1]);
    expect(p.addingReplicas).toEqual([3]);
    expect(p.removingReplicas).toEqual([1]);
    expect(p.isr).not.toContain(3);
    expect(eventsOf(s, 'reassignmentStarted')).toHaveLength(1);
  });

  it('new replicas copy the log, join the ISR, then the removed replicas are dropped and leadership moves to the first target replica in the ISR', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, reassign([3, 4]));
    const p = part(s, 't');
    expect(p.replicas).toEqual([3, 4, 1, 2]);
    expect(p.leader).toBe(1);
    advance(s, 100);
    expect(p.replicas).toEqual([3, 4]);
    expect(p.addingReplicas).toEqual([]);
    expect(p.removingReplicas).toEqual([]);
    expect(p.leader).toBe(3);
    expect([...p.isr].sort()).toEqual([3, 4]);
    expect(replicaValues(p, 4)).toEqual(['a', 'b', 'c']);
    expect(p.replicaLogs[1]).toBeUndefined();
    const done = eventsOf(s, 'reassignmentCompleted');
    expect(done).toHaveLength(1);
    expect(done[0].reason).toMatch(/every target replica is in the ISR/);
  });

  it('the reassignment does not complete while a target replica is out of the ISR (completeReassignmentIfNeeded)', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, { type: 'brokerStop', id: 3 });
    must(s, reassign([1, 3]));
    advance(s, 5_000);
    const p = part(s, 't');
    expect(p.addingReplicas).toEqual([3]);
    expect(p.replicas).toEqual([1, 3, 2]);
    must(s, { type: 'brokerStart', id: 3 });
    advance(s, 15_000);
    expect(p.replicas).toEqual([1, 3]);
    expect(replicaValues(p, 3)).toEqual(['a', 'b', 'c']);
  });

  it('a leader that stays in the target keeps leadership (no preferred election on completion)', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, reassign([3, 1]));
    advance(s, 100);
    const p = part(s, 't');
    expect(p.replicas).toEqual([3, 1]);
    expect(p.leader).toBe(1);
  });

  it('removing replicas only (lower RF) completes at once when the target is in the ISR', () => {
    const s = fourBrokersWithRecords([[1, 2, 3]]);
    must(s, reassign([2, 3]));
    const p = part(s, 't');
    expect(p.replicas).toEqual([2, 3]);
    expect(p.leader).toBe(2);
    expect(p.replicaLogs[1]).toBeUndefined();
  });

  it('cancelling (replicas: null) reverts to the original replicas and deletes the half-copied ones', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, { type: 'brokerStop', id: 4 });
    must(s, reassign([1, 4]));
    must(s, reassign(null));
    const p = part(s, 't');
    expect(p.replicas).toEqual([1, 2]);
    expect(p.addingReplicas).toEqual([]);
    expect(p.removingReplicas).toEqual([]);
    expect(p.replicaLogs[4]).toBeUndefined();
    expect(eventsOf(s, 'reassignmentCancelled')).toHaveLength(1);
  });

  it('cancelling when nothing is moving fails with NO_REASSIGNMENT_IN_PROGRESS', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    const r = s.dispatch(reassign(null));
    expect(r.ok ? '' : r.error.code).toBe('NO_REASSIGNMENT_IN_PROGRESS');
  });

  it('a new target during a move is computed against the original replicas, not the previous target', () => {
    const s = fourBrokersWithRecords([[1, 2]]);
    must(s, { type: 'brokerStop', id: 3 });
    must(s, reassign([1, 3]));
    must(s, reassign([1, 4]));
    const p = part(s, 't');
    expect(p.replicas).toEqual([1, 4, 2]);
    expect(p.addingReplicas).toEqual([4]);
    expect(p.removingReplicas).toEqual([2]);
    expect(p.replicaLogs[3]).toBeUndefined();
    advance(s, 100);
    expect(p.replicas).toEqual([1, 4]);
  });

  it('rejects unknown brokers with INVALID_REPLICA_ASSIGNMENT and changes nothing', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 2 });
    const before = s.serialize();
    const r = s.dispatch(reassign([1, 9]));
    expect(r.ok ? '' : r.error.code).toBe('INVALID_REPLICA_ASSIGNMENT');
    expect(s.serialize()).toBe(before);
  });

  it('rejects duplicate brokers with INVALID_REPLICA_ASSIGNMENT', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 't', partitions: 1, replicationFactor: 2 });
    const r = s.dispatch(reassign([1, 1]));
    expect(r.ok ? '' : r.error.code).toBe('INVALID_REPLICA_ASSIGNMENT');
  });
});
