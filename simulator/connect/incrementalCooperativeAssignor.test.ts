// Vectors from Kafka's IncrementalCooperativeAssignorTest (connect/runtime, org.apache.kafka.connect.runtime.distributed),
// replayed on the pure port: same workers, connectors, clock steps and expected per-worker counts and delays.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffMs, exponentialBackoff } from './exponentialBackoff';
import { initialAssignorState, performTaskAssignment } from './incrementalCooperativeAssignor';
import {
  addWorker,
  addWorkers,
  balancedAndComplete,
  connectorCounts,
  newAssignmentCount,
  newCluster,
  newLeader,
  rebalance,
  removeWorkers,
  revocationCount,
  taskCounts,
  tasksOf,
} from './incrementalCooperativeAssignor.testkit';
import { performLoadBalancingRevocations } from './loadBalancing';
import { assignConnectors, assignTasks, compareTaskIds, sortedTasks, workerLoad } from './workerLoad';

const ok = { complete: true, balanced: true };

describe('IncrementalCooperativeAssignor: workers joining (KIP-415 two-round move)', () => {
  it('a joining worker gets its share in two rounds: revocation first, assignment in the next rebalance (testTaskAssignmentWhenWorkerJoins)', () => {
    const c = newCluster();
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect(connectorCounts(c)).toEqual([2]);
    expect(taskCounts(c)).toEqual([8]);
    expect(balancedAndComplete(c)).toEqual(ok);

    addWorkers(c, 'worker2');
    const second = rebalance(c);
    expect(c.state.delay).toBe(0);
    expect(Object.keys(second.assignment).sort()).toEqual(['worker1', 'worker2']);
    expect(connectorCounts(c)).toEqual([0, 1]);
    expect(taskCounts(c)).toEqual([0, 4]);
    // Revoked from worker1 in its own order: the first connector and the first four tasks it acquired.
    expect(second.assignment.worker1?.revokedConnectors).toEqual(['connector1']);
    expect(second.assignment.worker1?.revokedTasks).toEqual(tasksOf('connector1', 0, 4));
    expect(second.assignment.worker2?.assignedTasks).toEqual([]);

    const third = rebalance(c);
    expect(revocationCount(third)).toBe(0);
    expect(c.state.delay).toBe(0);
    expect(connectorCounts(c)).toEqual([1, 1]);
    expect(taskCounts(c)).toEqual([4, 4]);
    expect(third.assignment.worker2?.assignedConnectors).toEqual(['connector1']);
    expect(balancedAndComplete(c)).toEqual(ok);

    c.now += c.state.delay;
    const fourth = rebalance(c);
    expect(c.state.delay).toBe(0);
    expect(newAssignmentCount(fourth) + revocationCount(fourth)).toBe(0);
  });

  it('consecutive revoking rebalances back off 40 ms, then 1600 ms, revoking again once the backoff expired (testAssignmentsWhenWorkersJoinAfterRevocations)', () => {
    const c = newCluster();
    c.connectors.connector3 = 4;
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([[3], [12]]);

    addWorkers(c, 'worker2');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 2],
      [0, 6],
    ]);

    addWorkers(c, 'worker3');
    const held = rebalance(c);
    expect(c.state.delay).toBe(40);
    expect(revocationCount(held)).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 2],
      [3, 3, 6],
    ]);

    c.now += c.state.delay;
    addWorkers(c, 'worker4');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 1, 1],
      [0, 3, 3, 3],
    ]);

    addWorkers(c, 'worker5');
    rebalance(c);
    expect(c.state.delay).toBe(1600);
    expect(c.state.numSuccessiveRevokingRebalances).toBe(2);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 1, 1, 1],
      [1, 2, 3, 3, 3],
    ]);

    c.now += c.state.delay;
    addWorkers(c, 'worker6');
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 0, 1, 1, 1],
      [0, 1, 2, 2, 2, 2],
    ]);

    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 0, 1, 1, 1],
      [2, 2, 2, 2, 2, 2],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
    // A round without revocations after a revoking one resets the backoff clock.
    expect(c.state.revokedInPrevious).toBe(false);
    expect(c.state.numSuccessiveRevokingRebalances).toBe(0);
  });

  it('scheduled.rebalance.max.delay.ms=0 revokes in consecutive rounds without backoff (testImmediateRevocationsWhenMaxDelayIs0)', () => {
    const c = newCluster(0);
    c.connectors.connector3 = 4;
    rebalance(c);
    addWorkers(c, 'worker2');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 2],
      [0, 6],
    ]);
    addWorkers(c, 'worker3');
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [3, 3, 4],
    ]);
    const last = rebalance(c);
    expect(revocationCount(last)).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1, 1],
      [4, 4, 4],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('with scheduled.rebalance.max.delay.ms=1 the backoff of a consecutive revoking round is 1 ms (testSuccessiveRevocationsWhenMaxDelayIsEqualToExpBackOffInitialInterval)', () => {
    const c = newCluster(1);
    c.connectors.connector3 = 4;
    rebalance(c);
    addWorkers(c, 'worker2');
    rebalance(c);
    addWorkers(c, 'worker3');
    rebalance(c);
    expect(c.state.delay).toBe(1);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 2],
      [3, 3, 6],
    ]);
  });

  it('a worker joining while the backoff is active gets only unassigned work; revocations wait (testWorkerJoiningDuringDelayedRebalance)', () => {
    const c = newCluster();
    c.connectors.connector3 = 4;
    rebalance(c);
    addWorkers(c, 'worker2');
    rebalance(c);
    addWorkers(c, 'worker3');
    expect(revocationCount(rebalance(c))).toBe(0);
    expect(c.state.delay).toBeGreaterThan(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 2],
      [3, 3, 6],
    ]);

    c.now += Math.trunc(c.state.delay / 2);
    addWorkers(c, 'worker4');
    expect(revocationCount(rebalance(c))).toBe(0);
    expect(c.state.delay).toBeGreaterThan(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 1, 2],
      [0, 3, 3, 6],
    ]);

    c.now += c.state.delay;
    addWorkers(c, 'worker5');
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 0, 1, 1],
      [0, 0, 2, 3, 3],
    ]);

    expect(revocationCount(rebalance(c))).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0, 1, 1, 1],
      [2, 2, 2, 3, 3],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });
});

describe('IncrementalCooperativeAssignor: lost assignments and scheduled.rebalance.max.delay.ms', () => {
  const twoWorkers = () => {
    const c = newCluster();
    addWorkers(c, 'worker2');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
    return c;
  };

  it("a departed worker's connectors and tasks wait out the delay, then move to the remaining worker (testTaskAssignmentWhenWorkerLeavesPermanently)", () => {
    const c = twoWorkers();
    removeWorkers(c, 'worker2');
    const r = rebalance(c);
    expect(c.state.delay).toBe(300_000);
    expect(r.delay).toBe(300_000);
    expect(newAssignmentCount(r) + revocationCount(r)).toBe(0);
    expect(r.events.map((e) => e.type)).toContain('lost-delayed');

    c.now += 150_000;
    const incidental = rebalance(c);
    expect(c.state.delay).toBe(150_000);
    expect(newAssignmentCount(incidental)).toBe(0);

    c.now += 150_001;
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([[2], [8]]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('a worker that returns within the delay gets its lost work back when the delay expires (testTaskAssignmentWhenWorkerBounces)', () => {
    const c = twoWorkers();
    const lostConnectors = c.members.worker2?.connectors;
    removeWorkers(c, 'worker2');
    rebalance(c);
    expect(c.state.delay).toBe(300_000);
    c.now += 150_000;
    rebalance(c);
    expect(c.state.delay).toBe(150_000);

    c.now += 75_000;
    addWorkers(c, 'worker2');
    const back = rebalance(c);
    expect(c.state.delay).toBe(75_000);
    expect(newAssignmentCount(back) + revocationCount(back)).toBe(0);
    expect(c.state.candidateWorkersForReassignment).toEqual(['worker2']);

    c.now += 75_000;
    const moved = rebalance(c);
    expect(c.state.delay).toBe(0);
    expect(revocationCount(moved)).toBe(0);
    expect(moved.assignment.worker2?.assignedConnectors).toEqual(lostConnectors);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('lost work goes round-robin to the workers that joined empty during the delay, not to the least loaded, and the same round revokes the surplus (handleLostAssignments, candidateWorkersForReassignment)', () => {
    const c = twoWorkers();
    removeWorkers(c, 'worker2');
    rebalance(c);
    c.now += 100_000;
    addWorkers(c, 'worker3');
    rebalance(c);
    expect(c.state.candidateWorkersForReassignment).toEqual(['worker3']);
    // A connector created during the delay is assigned at once, to the least-loaded worker (worker3).
    c.connectors.connector3 = 4;
    const created = rebalance(c);
    expect(created.assignment.worker3?.assignedConnectors).toEqual(['connector3']);
    c.now += 200_000;
    const expired = rebalance(c);
    expect(expired.events.map((e) => e.type)).toContain('lost-to-candidates');
    // All the lost work goes to worker3, none to the less-loaded worker1 (water-filling would have split it) ...
    expect(expired.assignment.worker3?.assignedConnectors).toEqual(['connector2']);
    expect(expired.assignment.worker3?.assignedTasks).toHaveLength(4);
    expect(expired.assignment.worker1?.assignedTasks).toEqual([]);
    // ... and as the delay is over in this same round, load balancing already revokes worker3's surplus: the
    // first two tasks it acquired.
    expect(expired.assignment.worker3?.revokedTasks).toEqual(tasksOf('connector3', 0, 2));
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 2],
      [4, 6],
    ]);
    const after = rebalance(c);
    expect(after.assignment.worker1?.assignedTasks).toEqual(tasksOf('connector3', 0, 2));
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 2],
      [6, 6],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('scheduled.rebalance.max.delay.ms=0 reassigns lost work at once (testScheduledDelayIsDisabled)', () => {
    const c = newCluster(0);
    addWorkers(c, 'worker2');
    rebalance(c);
    removeWorkers(c, 'worker2');
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([[2], [8]]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('a new leader has no previous assignment: nothing is lost, only created (testTaskAssignmentWhenLeaderLeavesPermanently)', () => {
    const c = newCluster();
    addWorkers(c, 'worker2', 'worker3');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [2, 3, 3],
    ]);
    removeWorkers(c, 'worker1');
    newLeader(c);
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
    const incidental = rebalance(c);
    expect(newAssignmentCount(incidental) + revocationCount(incidental)).toBe(0);
  });

  it('an undelivered first assignment is treated as new work when the same members rejoin (testTaskAssignmentWhenFirstAssignmentAttemptFails)', () => {
    const c = newCluster();
    addWorkers(c, 'worker2');
    rebalance(c, { failed: true });
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 0],
      [0, 0],
    ]);
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
  });

  it('an undelivered revoking assignment is redone after a backoff (testTaskAssignmentWhenSubsequentAssignmentAttemptFails)', () => {
    const c = twoWorkers();
    addWorkers(c, 'worker3');
    rebalance(c, { failed: true });
    rebalance(c);
    expect(c.state.delay).toBeGreaterThan(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [0, 4, 4],
    ]);
    c.now += c.state.delay;
    rebalance(c);
    expect(c.state.delay).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [0, 3, 3],
    ]);
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [2, 3, 3],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('a generation mismatch discards the previous assignment (testTaskAssignmentWhenSubsequentAssignmentAttemptFailsOutsideTheAssignor)', () => {
    const c = twoWorkers();
    addWorkers(c, 'worker3');
    rebalance(c, { failed: true });
    const r = rebalance(c, { mismatchedGeneration: true });
    expect(r.events[0]?.type).toBe('previous-assignment-discarded');
    expect(c.state.delay).toBeGreaterThan(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [0, 4, 4],
    ]);
    c.now += c.state.delay;
    rebalance(c);
    expect(taskCounts(c)).toEqual([0, 3, 3]);
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1, 1],
      [2, 3, 3],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });
});

describe('IncrementalCooperativeAssignor: deleted and duplicated assignments are revoked', () => {
  it('a deleted connector and its tasks are revoked from the worker running them (testTaskAssignmentWhenConnectorsAreDeleted)', () => {
    const c = newCluster();
    c.connectors.connector3 = 4;
    addWorkers(c, 'worker2');
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 2],
      [6, 6],
    ]);
    delete c.connectors.connector3;
    const r = rebalance(c);
    expect(c.state.delay).toBe(0);
    const revoked = Object.values(r.assignment).flatMap((a) => a.revokedConnectors);
    expect(revoked).toEqual(['connector3']);
    expect(sortedTasks(Object.values(r.assignment).flatMap((a) => a.revokedTasks))).toEqual(
      tasksOf('connector3', 0, 4),
    );
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('work running on two workers is revoked from both and reassigned once in the next round (testTaskAssignmentWhenTasksDuplicatedInWorkerAssignment)', () => {
    const c = newCluster();
    rebalance(c);
    addWorker(c, 'worker2', { connectors: ['connector1'], tasks: tasksOf('connector1', 0, 4) });
    const r = rebalance(c);
    expect(r.assignment.worker1?.revokedConnectors).toEqual(['connector1']);
    expect(r.assignment.worker2?.revokedConnectors).toEqual(['connector1']);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1],
      [0, 4],
    ]);
    const next = rebalance(c);
    expect(revocationCount(next)).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [1, 1],
      [4, 4],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
    const quiet = rebalance(c);
    expect(newAssignmentCount(quiet) + revocationCount(quiet)).toBe(0);
  });

  it('duplicated work that is also deleted is revoked and not reassigned (testDuplicatedAssignmentHandleWhenTheDuplicatedAssignmentsDeleted)', () => {
    const c = newCluster();
    rebalance(c);
    delete c.connectors.connector1;
    addWorker(c, 'worker2', { connectors: ['connector1'], tasks: tasksOf('connector1', 0, 4) });
    rebalance(c);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(revocationCount(rebalance(c))).toBe(0);
    expect([connectorCounts(c), taskCounts(c)]).toEqual([
      [0, 1],
      [2, 2],
    ]);
    expect(balancedAndComplete(c)).toEqual(ok);
  });
  it('load balancing counts each worker without its duplicated copies (performLoadBalancingRevocations after duplicatedToRevoke)', () => {
    const c = newCluster();
    rebalance(c);
    addWorker(c, 'worker2', { connectors: ['connector2'], tasks: tasksOf('connector2', 0, 4) });
    const r = rebalance(c);
    // worker1 keeps connector1 and its 4 tasks: with the duplicates set aside it already holds its share.
    expect(r.assignment.worker1?.revokedConnectors).toEqual(['connector2']);
    expect(sortedTasks(r.assignment.worker1?.revokedTasks ?? [])).toEqual(tasksOf('connector2', 0, 4));
    expect(r.assignment.worker1?.allConnectors).toEqual(['connector1']);
    rebalance(c);
    expect(c.members.worker2?.connectors).toEqual(['connector2']);
    expect(balancedAndComplete(c)).toEqual(ok);
  });

  it('load-balancing revocation: the first `total % workers` workers above the minimum keep min+1, the surplus is taken from the front of each list (IncrementalCooperativeAssignor#loadBalancingRevocations)', () => {
    const w0 = workerLoad('w0', { connectors: [], tasks: tasksOf('a', 0, 3) });
    const w1 = workerLoad('w1', { connectors: [], tasks: tasksOf('b', 0, 4) });
    const w2 = workerLoad('w2');
    const configured = { connectors: ['a', 'b'], tasks: [...tasksOf('a', 0, 3), ...tasksOf('b', 0, 4)] };
    const lb = performLoadBalancingRevocations(configured, [w0, w1, w2]);
    // 7 tasks over 3 workers: minimum 2, one worker may keep 3. w0 (3) takes that extra slot; w1 gives up 2.
    expect([...lb.keys()]).toEqual(['w1']);
    expect(lb.get('w1')?.tasks).toEqual(tasksOf('b', 0, 2));
    expect(lb.get('w1')?.connectors).toEqual([]);
    expect(performLoadBalancingRevocations(configured, [w2]).size).toBe(0);
  });
  it('workers are visited in Java HashMap order of their ids, which decides who keeps the extra task (HashMap<String, ConnectorsAndTasks> memberAssignments)', () => {
    // Buckets (String#hashCode & 15): q → 1, b → 2, z → 10, so q comes before b although b < q.
    const r = performTaskAssignment(initialAssignorState(), {
      configured: { c: 7 },
      lastCompletedGenerationId: -1,
      currentGenerationId: 1,
      memberAssignments: {
        b: { connectors: [], tasks: tasksOf('c', 0, 3) },
        q: { connectors: [], tasks: tasksOf('c', 3, 7) },
        z: { connectors: ['c'], tasks: [] },
      },
      now: 0,
    });
    // 7 tasks over 3 workers: minimum 2 and one extra slot; q, visited first, takes it and gives up 1 task;
    // b gets no extra and gives up 1 (visiting b first would have let b keep 3 and taken 2 from q).
    expect(r.assignment.q?.revokedTasks).toEqual(tasksOf('c', 3, 4));
    expect(r.assignment.b?.revokedTasks).toEqual(tasksOf('c', 0, 1));
    expect(r.assignment.z?.revokedConnectors).toEqual([]);
    expect(r.state.revokedInPrevious).toBe(true);
  });
});

describe('WorkerLoad fill order and ConnectorTaskId ordering', () => {
  const load = (w: string, from: number, n: number) =>
    workerLoad(w, {
      connectors: Array.from({ length: n }, (_, i) => `connector${from + i}`),
      tasks: tasksOf('task', from, from + n),
    });

  it('assignConnectors/assignTasks hand new work round-robin to the least-loaded workers (testAssignTasksWhenBalanced)', () => {
    const workers = [load('worker0', 0, 2), load('worker1', 2, 2), load('worker2', 4, 2)];
    assignConnectors(
      workers,
      Array.from({ length: 5 }, (_, i) => `connector${6 + i}`),
    );
    assignTasks(workers, tasksOf('task', 6, 11));
    const byName = Object.fromEntries(workers.map((w) => [w.worker, w]));
    expect([...(byName.worker0?.connectors ?? [])].slice(2)).toEqual(['connector6', 'connector9']);
    expect([...(byName.worker1?.connectors ?? [])].slice(2)).toEqual(['connector7', 'connector10']);
    expect([...(byName.worker2?.connectors ?? [])].slice(2)).toEqual(['connector8']);
    expect([...(byName.worker0?.tasks.values() ?? [])].slice(2).map((t) => t.task)).toEqual([6, 9]);
    expect([...(byName.worker2?.tasks.values() ?? [])].slice(2).map((t) => t.task)).toEqual([8]);
  });

  it('an imbalanced cluster is filled up to equal loads (testAssignConnectorsWhenImbalanced)', () => {
    const workers = [
      load('worker0', 0, 2),
      load('worker1', 2, 3),
      load('worker2', 5, 4),
      workerLoad('worker3'),
    ];
    assignConnectors(
      workers,
      Array.from({ length: 15 }, (_, i) => `connector${9 + i}`),
    );
    assignTasks(workers, tasksOf('task', 9, 24));
    for (const w of workers) expect([w.connectors.size, w.tasks.size]).toEqual([6, 6]);
  });

  it('ConnectorTaskId#compareTo orders by connector name, then by task number (not as strings)', () => {
    expect(
      sortedTasks([...tasksOf('b', 9, 11), ...tasksOf('a', 1, 2)]).map((t) => `${t.connector}-${t.task}`),
    ).toEqual(['a-1', 'b-9', 'b-10']);
    expect(compareTaskIds({ connector: 'B', task: 0 }, { connector: 'a', task: 0 })).toBeLessThan(0);
  });

  it('ExponentialBackoff(1, 40, 300000, 0): 40, 1600, 64000, then capped at the max (ExponentialBackoffTest)', () => {
    const b = exponentialBackoff(1, 40, 300_000);
    expect([1, 2, 3, 4, 10].map((n) => backoffMs(b, n))).toEqual([40, 1600, 64000, 300_000, 300_000]);
    expect(backoffMs(exponentialBackoff(0, 40, 0), 3)).toBe(0);
    expect(backoffMs(exponentialBackoff(1, 40, 1), 3)).toBe(1);
  });
});

describe('IncrementalCooperativeAssignor: convergence property', () => {
  it('after any joins, leaves and leader changes and enough rounds past the delay, every task runs on exactly one live worker, spreads ≤ 1', () => {
    const pool = ['w-a', 'w-b', 'w-c', 'w-d', 'w-e', 'worker1', 'worker10', 'leader'];
    const op = fc.oneof(
      fc.record({ kind: fc.constant('join' as const), worker: fc.constantFrom(...pool) }),
      fc.record({ kind: fc.constant('leave' as const), worker: fc.constantFrom(...pool) }),
      fc.record({ kind: fc.constant('sleep' as const), ms: fc.integer({ min: 0, max: 400_000 }) }),
      fc.record({ kind: fc.constant('new-leader' as const) }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('c1', 'c2', 'c3', 'orders-sink', 'jdbc'),
          fc.integer({ min: 0, max: 7 }),
          {
            minKeys: 1,
          },
        ),
        fc.array(op, { maxLength: 14 }),
        (connectors, ops) => {
          const c = newCluster();
          c.connectors = { ...connectors };
          rebalance(c);
          for (const o of ops) {
            if (o.kind === 'join' && !c.members[o.worker]) addWorkers(c, o.worker);
            else if (o.kind === 'leave' && c.members[o.worker] && Object.keys(c.members).length > 1)
              removeWorkers(c, o.worker);
            else if (o.kind === 'sleep') c.now += o.ms;
            else if (o.kind === 'new-leader') newLeader(c);
            rebalance(c);
          }
          // Settle: keep rebalancing, sleeping past any scheduled delay, until a quiet round.
          for (let i = 0; i < 12; i++) {
            c.now += c.state.delay + 1;
            const r = rebalance(c);
            if (newAssignmentCount(r) + revocationCount(r) === 0 && c.state.delay === 0 && i > 0) break;
          }
          expect(balancedAndComplete(c)).toEqual(ok);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
});
