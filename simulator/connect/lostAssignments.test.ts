// IncrementalCooperativeAssignor#handleLostAssignments driven directly, as Kafka's IncrementalCooperativeAssignorTest
// does (testLostAssignmentHandlingWithMoreThanOneCandidates, ...WhenWorkerBouncesBackButFinallyLeaves,
// ...WhenScheduledDelayIsDisabled): workers worker0..worker2 with 2 connectors and 4 tasks each, worker1 is lost.

import { describe, expect, it } from 'vitest';
import { type AssignorEvent, initialAssignorState, type MutableAssignorState } from './assignorTypes';
import { acc, items } from './connectorsAndTasks';
import { tasksOf } from './incrementalCooperativeAssignor.testkit';
import { handleLostAssignments } from './lostAssignments';
import { type WorkerLoad, workerLoad } from './workerLoad';

const load = (worker: string, connectorStart: number, taskStart: number): WorkerLoad =>
  workerLoad(worker, {
    connectors: [`connector${connectorStart}`, `connector${connectorStart + 1}`],
    tasks: tasksOf('task', taskStart, taskStart + 4),
  });

function setup(maxDelay: number) {
  const s: MutableAssignorState = { ...initialAssignorState() };
  const events: AssignorEvent[] = [];
  let now = 1_700_000_000_000;
  const workers = new Map<string, WorkerLoad>([
    ['worker0', load('worker0', 0, 0)],
    ['worker1', load('worker1', 2, 4)],
    ['worker2', load('worker2', 4, 8)],
  ]);
  const handle = (lost = { connectors: [] as string[], tasks: tasksOf('task', 0, 0) }) => {
    const toReassign = acc();
    handleLostAssignments(s, lost, toReassign, [...workers.values()], now, maxDelay, events);
    return items(toReassign);
  };
  const sleep = (ms: number) => {
    now += ms;
  };
  return { s, workers, handle, sleep, now: () => now, events };
}

describe('handleLostAssignments (IncrementalCooperativeAssignorTest vectors)', () => {
  it('with no lost assignments the delay stays off', () => {
    const t = setup(300_000);
    t.handle();
    expect([t.s.candidateWorkersForReassignment, t.s.scheduledRebalance, t.s.delay]).toEqual([[], 0, 0]);
  });

  it('two empty workers joining during the delay share the lost work round-robin, in the order they were first seen (testLostAssignmentHandlingWithMoreThanOneCandidates)', () => {
    const t = setup(300_000);
    t.handle();
    t.s.previousMembers = [...t.workers.keys()];
    const lostLoad = t.workers.get('worker1') as WorkerLoad;
    const lost = { connectors: [...lostLoad.connectors], tasks: [...lostLoad.tasks.values()] };
    t.workers.delete('worker1');
    t.workers.set('worker3', workerLoad('worker3'));

    t.handle(lost);
    expect(t.s.candidateWorkersForReassignment).toEqual(['worker3']);
    expect(t.s.scheduledRebalance).toBe(t.now() + 300_000);
    expect(t.s.delay).toBe(300_000);

    t.s.previousMembers = [...t.workers.keys()];
    t.sleep(150_000);
    t.workers.set('worker1', workerLoad('worker1'));
    t.handle(lost);
    expect(t.s.candidateWorkersForReassignment).toEqual(['worker3', 'worker1']);
    expect(t.s.scheduledRebalance).toBe(t.now() + 150_000);
    expect(t.s.delay).toBe(150_000);

    t.s.previousMembers = [...t.workers.keys()];
    t.sleep(150_000);
    // The candidates received other work meanwhile; they still take the lost work.
    t.workers.set('worker1', load('worker1', 6, 8));
    t.workers.set('worker3', load('worker3', 8, 12));
    const asNew = t.handle(lost);
    expect(asNew).toEqual({ connectors: [], tasks: [] });
    expect([...(t.workers.get('worker3')?.connectors ?? [])].slice(2)).toEqual(['connector2']);
    expect([...(t.workers.get('worker1')?.connectors ?? [])].slice(2)).toEqual(['connector3']);
    expect([...(t.workers.get('worker3')?.tasks.values() ?? [])].slice(4)).toEqual([
      { connector: 'task', task: 4 },
      { connector: 'task', task: 6 },
    ]);
    expect([...(t.workers.get('worker1')?.tasks.values() ?? [])].slice(4)).toEqual([
      { connector: 'task', task: 5 },
      { connector: 'task', task: 7 },
    ]);
    expect([t.s.candidateWorkersForReassignment, t.s.scheduledRebalance, t.s.delay]).toEqual([[], 0, 0]);
  });

  it('a worker that comes back during the delay but leaves again: at expiry the lost work is spread as new (testLostAssignmentHandlingWhenWorkerBouncesBackButFinallyLeaves)', () => {
    const t = setup(300_000);
    t.handle();
    t.s.previousMembers = [...t.workers.keys()];
    const lostLoad = t.workers.get('worker1') as WorkerLoad;
    const lost = { connectors: [...lostLoad.connectors], tasks: [...lostLoad.tasks.values()] };
    t.workers.delete('worker1');
    t.handle(lost);
    expect(t.s.candidateWorkersForReassignment).toEqual([]);
    expect(t.s.delay).toBe(300_000);

    t.s.previousMembers = [...t.workers.keys()];
    t.sleep(150_000);
    t.workers.set('worker1', workerLoad('worker1'));
    t.handle(lost);
    expect(t.s.candidateWorkersForReassignment).toEqual(['worker1']);
    expect(t.s.delay).toBe(150_000);

    t.s.previousMembers = [...t.workers.keys()];
    t.sleep(150_000);
    t.workers.delete('worker1');
    expect(t.handle(lost)).toEqual(lost);
    expect([t.s.candidateWorkersForReassignment, t.s.scheduledRebalance, t.s.delay]).toEqual([[], 0, 0]);
  });

  it('scheduled.rebalance.max.delay.ms=0 hands the lost work back at once (testLostAssignmentHandlingWhenScheduledDelayIsDisabled)', () => {
    const t = setup(0);
    t.handle();
    t.s.previousMembers = [...t.workers.keys()];
    const lostLoad = t.workers.get('worker1') as WorkerLoad;
    const lost = { connectors: [...lostLoad.connectors], tasks: [...lostLoad.tasks.values()] };
    t.workers.delete('worker1');
    expect(t.handle(lost)).toEqual(lost);
    expect([t.s.candidateWorkersForReassignment, t.s.scheduledRebalance, t.s.delay]).toEqual([[], 0, 0]);
  });
});
