// Set algebra over ConnectorsAndTasks as the assignor uses it: insertion-ordered working sets (LinkedHashSet),
// TreeSet-ordered differences, and plain-language descriptions for event reasons.

import type { Items } from './assignorTypes';
import {
  type ConnectorTaskId,
  EMPTY_CONNECTORS_AND_TASKS,
  sortedConnectors,
  sortedTasks,
  taskKey,
  taskName,
  type WorkerLoad,
} from './workerLoad';

/** Working form of a ConnectorsAndTasks: insertion-ordered sets. */
export interface Acc {
  readonly connectors: Set<string>;
  readonly tasks: Map<string, ConnectorTaskId>;
}

export const acc = (from: Items = EMPTY_CONNECTORS_AND_TASKS): Acc => ({
  connectors: new Set(from.connectors),
  tasks: new Map(from.tasks.map((t) => [taskKey(t), t])),
});
export const addAll = (to: Acc, from: Items): void => {
  for (const c of from.connectors) to.connectors.add(c);
  for (const t of from.tasks) to.tasks.set(taskKey(t), t);
};
export const items = (a: Acc): Items => ({ connectors: [...a.connectors], tasks: [...a.tasks.values()] });
export const isEmpty = (a: Items): boolean => a.connectors.length === 0 && a.tasks.length === 0;
export const listTasks = (ts: readonly ConnectorTaskId[]): string => ts.map(taskName).join(', ');
export const describeItems = (a: Items): string =>
  [
    a.connectors.length ? `connectors [${a.connectors.join(', ')}]` : '',
    a.tasks.length ? `tasks [${listTasks(a.tasks)}]` : '',
  ]
    .filter(Boolean)
    .join(' and ');

/** The private static diff(base, toSubtract...): TreeSet copies of the base, so the result is sorted. */
export function diff(base: Items, ...subtract: Items[]): Items {
  const cs = new Set(subtract.flatMap((s) => s.connectors));
  const ts = new Set(subtract.flatMap((s) => s.tasks.map(taskKey)));
  return {
    connectors: sortedConnectors(base.connectors).filter((c) => !cs.has(c)),
    tasks: sortedTasks(base.tasks).filter((t) => !ts.has(taskKey(t))),
  };
}

/** Items of `assignment` that are also in `among` (intersection), in the worker's own order. */
export function within(assignment: Items, among: Items): Items {
  const cs = new Set(among.connectors);
  const ts = new Set(among.tasks.map(taskKey));
  return {
    connectors: assignment.connectors.filter((c) => cs.has(c)),
    tasks: assignment.tasks.filter((t) => ts.has(taskKey(t))),
  };
}

/** Items of `assignment` not in `exclude`, in the worker's own order. */
export function without(assignment: Items, exclude: Items): Items {
  const cs = new Set(exclude.connectors);
  const ts = new Set(exclude.tasks.map(taskKey));
  return {
    connectors: assignment.connectors.filter((c) => !cs.has(c)),
    tasks: assignment.tasks.filter((t) => !ts.has(taskKey(t))),
  };
}

export function removeFrom(load: WorkerLoad, remove: Items | undefined): void {
  if (!remove) return;
  for (const c of remove.connectors) load.connectors.delete(c);
  for (const t of remove.tasks) load.tasks.delete(taskKey(t));
}
