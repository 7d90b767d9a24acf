// IncrementalCooperativeAssignor's load-balancing revocations: what to stop on over-loaded workers so that the
// next rebalance can hand it to the under-loaded ones (the second round of KIP-415's two-round move).

import type { Items } from './assignorTypes';
import { isEmpty } from './connectorsAndTasks';
import { isEmptyLoad, type WorkerLoad } from './workerLoad';

/**
 * IncrementalCooperativeAssignor#loadBalancingRevocations for one resource kind: if the current counts are not
 * already min/min+1 with exactly `total % workers` workers at min+1, walk the workers in list order, let the
 * first `total % workers` workers above the minimum keep min+1, and revoke the first surplus items (in the
 * worker's own order) from every worker above its allowance.
 */
function loadBalancingRevocations<E>(
  total: number,
  workers: readonly WorkerLoad[],
  allocation: (w: WorkerLoad) => E[],
): Map<string, E[]> {
  const min = Math.floor(total / workers.length);
  const extras = total % workers.length;
  const sizes = workers.map((w) => allocation(w).length);
  const atMin = sizes.filter((n) => n === min).length;
  const atExtra = sizes.filter((n) => n === min + 1).length;
  const result = new Map<string, E[]>();
  if (atExtra === extras && atMin + atExtra === workers.length) return result;
  let allocatedExtras = 0;
  for (const w of workers) {
    const current = allocation(w);
    if (current.length <= min) continue;
    let allowed = min;
    if (allocatedExtras < extras) {
      allocatedExtras++;
      if (current.length === min + 1) continue;
      allowed = min + 1;
    }
    result.set(w.worker, current.slice(0, current.length - allowed));
  }
  return result;
}

/** IncrementalCooperativeAssignor#performLoadBalancingRevocations. */
export function performLoadBalancingRevocations(
  configured: Items,
  workers: readonly WorkerLoad[],
): Map<string, Items> {
  const result = new Map<string, Items>();
  if (workers.every(isEmptyLoad) || isEmpty(configured)) return result;
  const cs = loadBalancingRevocations(configured.connectors.length, workers, (w) => [...w.connectors]);
  const ts = loadBalancingRevocations(configured.tasks.length, workers, (w) => [...w.tasks.values()]);
  for (const [w, connectors] of cs) result.set(w, { connectors, tasks: [] });
  for (const [w, tasks] of ts) result.set(w, { connectors: result.get(w)?.connectors ?? [], tasks });
  return result;
}
