// IncrementalCooperativeAssignor#handleLostAssignments: connectors and tasks of a worker that left wait up to
// scheduled.rebalance.max.delay.ms for it (or a replacement) to join, then move (KIP-415).

import { javaHashMapKeyOrder } from '../consumer/assignors/javaCompat';
import type { AssignorEvent, Items, MutableAssignorState } from './assignorTypes';
import { type Acc, addAll, describeItems, isEmpty } from './connectorsAndTasks';
import { isEmptyLoad, taskKey, type WorkerLoad } from './workerLoad';

export const resetDelay = (s: MutableAssignorState): void => {
  s.candidateWorkersForReassignment = [];
  s.scheduledRebalance = 0;
  s.delay = 0;
};

/** IncrementalCooperativeAssignor#handleLostAssignments: the scheduled.rebalance.max.delay.ms wait. */
export function handleLostAssignments(
  s: MutableAssignorState,
  lost: Items,
  toReassign: Acc,
  next: readonly WorkerLoad[],
  now: number,
  maxDelay: number,
  events: AssignorEvent[],
): void {
  if (isEmpty(lost) && !s.revokedInPrevious) {
    resetDelay(s);
    return;
  }
  const active = new Set(next.map((w) => w.worker));
  const lostText = describeItems(lost);
  if (s.scheduledRebalance <= 0 && s.previousMembers.every((m) => active.has(m))) {
    addAll(toReassign, lost);
    if (!isEmpty(lost))
      events.push({
        type: 'lost-reassigned',
        ...lost,
        reason: `${lostText} are missing but no worker left the group (an assignment was probably not received), so they are assigned again as new`,
      });
    return;
  }
  if (maxDelay === 0) {
    addAll(toReassign, lost);
    events.push({
      type: 'lost-reassigned',
      ...lost,
      reason: `${lostText} were lost with a departed worker; scheduled.rebalance.max.delay.ms=0, so they are reassigned at once`,
    });
    return;
  }
  if (s.scheduledRebalance > 0 && now >= s.scheduledRebalance) {
    const byWorker = new Map(next.map((w) => [w.worker, w]));
    const candidates = s.candidateWorkersForReassignment
      .map((w) => byWorker.get(w))
      .filter((w): w is WorkerLoad => w !== undefined);
    if (candidates.length > 0) {
      // Round-robin over the candidates, connectors and tasks each starting again from the first candidate.
      lost.connectors.forEach((c, i) => {
        (candidates[i % candidates.length] as WorkerLoad).connectors.add(c);
      });
      lost.tasks.forEach((t, i) => {
        (candidates[i % candidates.length] as WorkerLoad).tasks.set(taskKey(t), t);
      });
      events.push({
        type: 'lost-to-candidates',
        ...lost,
        reason: `the scheduled rebalance delay expired: ${lostText} go round-robin to the workers that joined empty during the delay (${candidates.map((w) => w.worker).join(', ')})`,
      });
    } else {
      addAll(toReassign, lost);
      if (!isEmpty(lost))
        events.push({
          type: 'lost-reassigned',
          ...lost,
          reason: `the scheduled rebalance delay expired and no empty worker joined meanwhile: ${lostText} are spread as new`,
        });
    }
    resetDelay(s);
    s.revokedInPrevious = false;
    return;
  }
  // Collectors.toSet() gives a HashSet: its iteration order decides the order new candidates are appended in.
  const empty = javaHashMapKeyOrder(next.filter(isEmptyLoad).map((w) => w.worker));
  s.candidateWorkersForReassignment = [
    ...s.candidateWorkersForReassignment,
    ...empty.filter((w) => !s.candidateWorkersForReassignment.includes(w)),
  ];
  if (now < s.scheduledRebalance) {
    const remaining = s.scheduledRebalance - now;
    s.delay = remaining > 0 ? Math.min(remaining, maxDelay) : 0;
  } else {
    s.delay = maxDelay;
  }
  s.scheduledRebalance = now + s.delay;
  if (!isEmpty(lost))
    events.push({
      type: 'lost-delayed',
      ...lost,
      delay: s.delay,
      reason: `${lostText} were lost with a departed worker; they wait ${s.delay} ms (scheduled.rebalance.max.delay.ms=${maxDelay}) for it to come back`,
    });
}
