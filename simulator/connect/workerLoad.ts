// Kafka Connect's assignment vocabulary (org.apache.kafka.connect.util.ConnectorTaskId and
// WorkerCoordinator.ConnectorsAndTasks / WorkerCoordinator.WorkerLoad), with the orders the
// IncrementalCooperativeAssignor's results depend on.

import { javaCompareStrings } from '../consumer/assignors/javaCompat';

/** ConnectorTaskId: a connector name and a task number; printed as `<connector>-<task>`. */
export interface ConnectorTaskId {
  readonly connector: string;
  readonly task: number;
}

/** A set of connectors and a set of tasks (ConnectorsAndTasks), as plain data in iteration order. */
export interface ConnectorsAndTasks {
  readonly connectors: readonly string[];
  readonly tasks: readonly ConnectorTaskId[];
}

export const EMPTY_CONNECTORS_AND_TASKS: ConnectorsAndTasks = { connectors: [], tasks: [] };

/** ConnectorTaskId#toString. */
export function taskName(t: ConnectorTaskId): string {
  return `${t.connector}-${t.task}`;
}

/** Equality key of a ConnectorTaskId (connector and task number; NUL cannot occur in a connector name here). */
export function taskKey(t: ConnectorTaskId): string {
  return `${t.connector}\u0000${t.task}`;
}

/** ConnectorTaskId#compareTo: by connector name (String#compareTo), then by task number. */
export function compareTaskIds(a: ConnectorTaskId, b: ConnectorTaskId): number {
  return javaCompareStrings(a.connector, b.connector) || (a.task < b.task ? -1 : a.task > b.task ? 1 : 0);
}

/** The ascending order of a TreeSet<ConnectorTaskId>, without duplicates. */
export function sortedTasks(tasks: Iterable<ConnectorTaskId>): ConnectorTaskId[] {
  const unique = new Map<string, ConnectorTaskId>();
  for (const t of tasks) unique.set(taskKey(t), t);
  return [...unique.values()].sort(compareTaskIds);
}

/** The ascending order of a TreeSet<String>, without duplicates. */
export function sortedConnectors(connectors: Iterable<string>): string[] {
  return [...new Set(connectors)].sort(javaCompareStrings);
}

/**
 * Working form of WorkerLoad: one worker's connectors and tasks as insertion-ordered sets (a JS Map keeps
 * insertion order like the LinkedHashSet the assignor's loads share with the member assignments).
 * Mutable on purpose: it lives only inside one assignment computation.
 */
export interface WorkerLoad {
  readonly worker: string;
  readonly connectors: Set<string>;
  readonly tasks: Map<string, ConnectorTaskId>;
}

export function workerLoad(
  worker: string,
  assignment: ConnectorsAndTasks = EMPTY_CONNECTORS_AND_TASKS,
): WorkerLoad {
  return {
    worker,
    connectors: new Set(assignment.connectors),
    tasks: new Map(assignment.tasks.map((t) => [taskKey(t), t])),
  };
}

export function isEmptyLoad(w: WorkerLoad): boolean {
  return w.connectors.size === 0 && w.tasks.size === 0;
}

/** WorkerLoad.connectorComparator: fewer connectors first, ties by worker id (String#compareTo). */
export function connectorComparator(a: WorkerLoad, b: WorkerLoad): number {
  return a.connectors.size - b.connectors.size || javaCompareStrings(a.worker, b.worker);
}

/** WorkerLoad.taskComparator: fewer tasks first, ties by worker id (String#compareTo). */
export function taskComparator(a: WorkerLoad, b: WorkerLoad): number {
  return a.tasks.size - b.tasks.size || javaCompareStrings(a.worker, b.worker);
}

/**
 * IncrementalCooperativeAssignor#assignConnectors / #assignTasks: sort the workers by load (in place, as Java's
 * List#sort does), then fill like water: each pass hands one item to every worker whose load is not above the
 * least-loaded worker's current load, in sorted order, until the items run out. The list is not re-sorted
 * between passes.
 */
function fillLeastLoaded<T>(
  workers: WorkerLoad[],
  items: readonly T[],
  compare: (a: WorkerLoad, b: WorkerLoad) => number,
  size: (w: WorkerLoad) => number,
  assign: (w: WorkerLoad, item: T) => void,
): void {
  workers.sort(compare);
  // Java reads workers.get(0) unconditionally; a group always has its leader, so an empty list never occurs.
  const first = workers[0];
  if (first === undefined) return;
  let next = 0;
  while (next < items.length) {
    const firstLoad = size(first);
    let upTo = workers.findIndex((w) => size(w) > firstLoad);
    if (upTo < 0) upTo = workers.length;
    for (let i = 0; i < upTo && next < items.length; i++)
      assign(workers[i] as WorkerLoad, items[next++] as T);
  }
}

export function assignConnectors(workers: WorkerLoad[], connectors: readonly string[]): void {
  fillLeastLoaded(
    workers,
    connectors,
    connectorComparator,
    (w) => w.connectors.size,
    (w, c) => w.connectors.add(c),
  );
}

export function assignTasks(workers: WorkerLoad[], tasks: readonly ConnectorTaskId[]): void {
  fillLeastLoaded(
    workers,
    tasks,
    taskComparator,
    (w) => w.tasks.size,
    (w, t) => w.tasks.set(taskKey(t), t),
  );
}
