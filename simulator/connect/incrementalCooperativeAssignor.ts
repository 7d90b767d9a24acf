// Kafka Connect's IncrementalCooperativeAssignor (KIP-415, connect.protocol=sessioned/compatible), the leader's
// computation in IncrementalCooperativeAssignor#performTaskAssignment(configSnapshot, lastCompletedGenerationId,
// currentGenerationId, memberAssignments), ported as one pure function over plain data. Set semantics and the
// iteration orders that decide results follow the Java code: TreeSet orders for the derived sets (deleted, lost,
// created), Java HashMap order over worker ids for the worker list, insertion (LinkedHashSet) order inside each
// worker's assignment and for the candidate workers.

import { javaCompareStrings, javaHashMapKeyOrder } from '../consumer/assignors/javaCompat';
import {
  type AssignorEvent,
  type AssignorState,
  type Items,
  type MutableAssignorState,
  SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT,
  type TaskAssignmentInput,
  type TaskAssignmentResult,
  type WorkerAssignment,
} from './assignorTypes';
import {
  type Acc,
  acc,
  addAll,
  describeItems,
  diff,
  isEmpty,
  items,
  removeFrom,
  within,
  without,
} from './connectorsAndTasks';
import { backoffMs, exponentialBackoff } from './exponentialBackoff';
import { performLoadBalancingRevocations } from './loadBalancing';
import { handleLostAssignments } from './lostAssignments';
import {
  assignConnectors,
  assignTasks,
  EMPTY_CONNECTORS_AND_TASKS,
  sortedConnectors,
  sortedTasks,
  taskKey,
  type WorkerLoad,
  workerLoad,
} from './workerLoad';

export * from './assignorTypes';
export type { ConnectorsAndTasks, ConnectorTaskId } from './workerLoad';

/** IncrementalCooperativeAssignor#performTaskAssignment (the package-private overload the tests drive). */
export function performTaskAssignment(
  state: AssignorState,
  input: TaskAssignmentInput,
): TaskAssignmentResult {
  const maxDelay = input.maxDelay ?? SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT;
  const { now } = input;
  const events: AssignorEvent[] = [];
  const s: MutableAssignorState = { ...state };

  let previousAssignment = s.previousAssignment;
  if (s.previousGenerationId !== input.lastCompletedGenerationId) {
    previousAssignment = EMPTY_CONNECTORS_AND_TASKS;
    events.push({
      type: 'previous-assignment-discarded',
      reason: `the leader's view of generation ${s.previousGenerationId} is not the last completed generation ${input.lastCompletedGenerationId}, so its previous assignment is ignored`,
    });
  }

  const configuredConnectors = sortedConnectors(Object.keys(input.configured));
  const configured: Items = {
    connectors: configuredConnectors,
    tasks: configuredConnectors.flatMap((c) =>
      Array.from({ length: input.configured[c] ?? 0 }, (_, task) => ({ connector: c, task })),
    ),
  };

  const workers = javaHashMapKeyOrder(Object.keys(input.memberAssignments));
  // Each member's assignment is a LinkedHashSet in Java: first occurrence wins, repeats are dropped.
  const members = new Map(
    workers.map((w) => [w, items(acc(input.memberAssignments[w] ?? EMPTY_CONNECTORS_AND_TASKS))]),
  );
  const member = (w: string): Items => members.get(w) ?? EMPTY_CONNECTORS_AND_TASKS;
  const activeAcc = acc();
  for (const w of workers) addAll(activeAcc, member(w));
  const active = items(activeAcc);

  if (!isEmpty(s.previousRevocation)) {
    const rev = s.previousRevocation;
    if (
      rev.connectors.some((c) => activeAcc.connectors.has(c)) ||
      rev.tasks.some((t) => activeAcc.tasks.has(taskKey(t)))
    ) {
      previousAssignment = active;
      events.push({
        type: 'previous-revocation-not-applied',
        reason: `revocations of the previous round are still running (${describeItems(rev)}), so the current assignment replaces the leader's previous view`,
      });
    }
  }
  const previousRevocation = acc();

  const deleted = diff(previousAssignment, configured);
  const connectorCounts = new Map<string, number>();
  const taskCounts = new Map<string, number>();
  for (const w of workers) {
    for (const c of member(w).connectors) connectorCounts.set(c, (connectorCounts.get(c) ?? 0) + 1);
    for (const t of member(w).tasks) taskCounts.set(taskKey(t), (taskCounts.get(taskKey(t)) ?? 0) + 1);
  }
  const duplicated: Items = {
    connectors: active.connectors.filter((c) => (connectorCounts.get(c) ?? 0) > 1),
    tasks: active.tasks.filter((t) => (taskCounts.get(taskKey(t)) ?? 0) > 1),
  };
  const lost = diff(previousAssignment, active, deleted);
  const created = diff(configured, previousAssignment, active);

  // What each worker runs now, without the deleted connectors and tasks (the base for "newly assigned").
  const current = new Map(workers.map((w) => [w, acc(without(member(w), deleted))]));

  const toRevoke = new Map<string, Acc>(workers.map((w) => [w, acc()]));
  const next = workers.map((w) => workerLoad(w, member(w)));
  for (const load of next) {
    const w = load.worker;
    const del = within(member(w), deleted);
    const dup = within(member(w), duplicated);
    addAll(toRevoke.get(w) as Acc, del);
    addAll(toRevoke.get(w) as Acc, dup);
    removeFrom(load, del);
    removeFrom(load, dup);
    if (!isEmpty(del))
      events.push({
        type: 'deleted-revoked',
        worker: w,
        ...del,
        reason: `${describeItems(del)} on ${w} are no longer configured`,
      });
    if (!isEmpty(dup))
      events.push({
        type: 'duplicate-revoked',
        worker: w,
        ...dup,
        reason: `${describeItems(dup)} run on more than one worker, so every copy (including the one on ${w}) is stopped and reassigned later`,
      });
  }

  const lostToReassign = acc();
  handleLostAssignments(s, lost, lostToReassign, next, now, maxDelay, events);

  const revokeNow = (lb: Map<string, Items>): void => {
    for (const load of next) {
      const r = lb.get(load.worker);
      if (!r) continue;
      addAll(toRevoke.get(load.worker) as Acc, r);
      removeFrom(load, r);
      events.push({
        type: 'load-balancing-revoked',
        worker: load.worker,
        ...r,
        reason: `${load.worker} runs more than its balanced share: ${describeItems(r)} are stopped now and assigned in the next rebalance`,
      });
    }
  };

  // No load-balancing revocations while a delayed rebalance is active.
  if (s.delay === 0) {
    const lb = performLoadBalancingRevocations(configured, next);
    if (s.revokedInPrevious && lb.size > 0) {
      s.numSuccessiveRevokingRebalances++;
      s.delay = backoffMs(
        exponentialBackoff(maxDelay === 0 ? 0 : 1, 40, maxDelay),
        s.numSuccessiveRevokingRebalances,
      );
      if (s.delay !== 0) {
        s.scheduledRebalance = now + s.delay;
        events.push({
          type: 'revocations-backed-off',
          delay: s.delay,
          attempt: s.numSuccessiveRevokingRebalances,
          reason: `the previous rebalance already revoked: load-balancing revocations wait ${s.delay} ms (consecutive revoking rebalance #${s.numSuccessiveRevokingRebalances})`,
        });
      } else {
        revokeNow(lb);
      }
    } else if (lb.size > 0) {
      revokeNow(lb);
      s.revokedInPrevious = true;
    } else if (s.revokedInPrevious) {
      s.revokedInPrevious = false;
      s.numSuccessiveRevokingRebalances = 0;
      events.push({
        type: 'revocation-backoff-reset',
        reason:
          'no revocation was needed after the previous revoking round: the load is balanced, the backoff starts over',
      });
    }
  } else {
    s.revokedInPrevious = false;
    events.push({
      type: 'revocations-held-during-delay',
      delay: s.delay,
      reason: `a delayed rebalance is active (${s.delay} ms left): no load-balancing revocations this round`,
    });
  }

  const toAssign = acc(created);
  addAll(toAssign, items(lostToReassign));
  const assignList = items(toAssign);
  assignConnectors(next, assignList.connectors);
  assignTasks(next, assignList.tasks);

  const assignment: Record<string, WorkerAssignment> = {};
  const prev = acc();
  const byWorker = new Map(next.map((l) => [l.worker, l]));
  for (const w of workers) {
    const load = byWorker.get(w) as WorkerLoad;
    const cur = current.get(w) as Acc;
    const revoked = items(toRevoke.get(w) as Acc);
    const revokedC = new Set(revoked.connectors);
    const revokedT = new Set(revoked.tasks.map(taskKey));
    const nextC = [...load.connectors];
    const nextT = [...load.tasks.values()];
    const a: WorkerAssignment = {
      assignedConnectors: nextC.filter((c) => !cur.connectors.has(c)),
      assignedTasks: nextT.filter((t) => !cur.tasks.has(taskKey(t))),
      revokedConnectors: revoked.connectors,
      revokedTasks: revoked.tasks,
      allConnectors: nextC.filter((c) => !revokedC.has(c)),
      allTasks: nextT.filter((t) => !revokedT.has(taskKey(t))),
    };
    assignment[w] = a;
    addAll(prev, { connectors: nextC, tasks: nextT });
    addAll(previousRevocation, revoked);
    if (a.assignedConnectors.length || a.assignedTasks.length) {
      const given = { connectors: a.assignedConnectors, tasks: a.assignedTasks };
      events.push({ type: 'assigned', worker: w, ...given, reason: `${w} starts ${describeItems(given)}` });
    }
  }
  // computePreviousAssignment: what runs after this round, minus what is being revoked, plus what is lost.
  for (const c of previousRevocation.connectors) prev.connectors.delete(c);
  for (const k of previousRevocation.tasks.keys()) prev.tasks.delete(k);
  addAll(prev, lost);

  const nextState: AssignorState = {
    ...s,
    previousAssignment: {
      connectors: sortedConnectors(prev.connectors),
      tasks: sortedTasks(prev.tasks.values()),
    },
    previousRevocation: {
      connectors: sortedConnectors(previousRevocation.connectors),
      tasks: sortedTasks(previousRevocation.tasks.values()),
    },
    previousGenerationId: input.currentGenerationId,
    previousMembers: [...workers].sort(javaCompareStrings),
  };
  return { state: nextState, assignment, delay: s.delay, events };
}
