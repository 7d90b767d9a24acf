// Test harness mirroring the helpers of Kafka's IncrementalCooperativeAssignorTest: a cluster of workers whose
// assignments are updated from each round's result, a mock clock, and generation ids starting at 1000.

import {
  type AssignorState,
  type ConnectorsAndTasks,
  type ConnectorTaskId,
  initialAssignorState,
  performTaskAssignment,
  type TaskAssignmentResult,
} from './incrementalCooperativeAssignor';
import { taskKey } from './workerLoad';

export interface Cluster {
  state: AssignorState;
  connectors: Record<string, number>;
  members: Record<string, { connectors: string[]; tasks: ConnectorTaskId[] }>;
  now: number;
  generationId: number;
  maxDelay: number;
  last?: TaskAssignmentResult;
}

/** setup(): connector1 and connector2 with 4 tasks each, one empty worker1, previousGenerationId = 1000. */
export function newCluster(maxDelay = 300_000): Cluster {
  return {
    state: { ...initialAssignorState(), previousGenerationId: 1000 },
    connectors: { connector1: 4, connector2: 4 },
    members: { worker1: { connectors: [], tasks: [] } },
    now: 1_700_000_000_000,
    generationId: 1000,
    maxDelay,
  };
}

/** initAssignor(): a new leader starts from a clean assignor. */
export function newLeader(c: Cluster): void {
  c.state = { ...initialAssignorState(), previousGenerationId: c.generationId };
}

export function addWorkers(c: Cluster, ...workers: string[]): void {
  for (const w of workers) c.members[w] = { connectors: [], tasks: [] };
}

export function addWorker(c: Cluster, worker: string, assignment: ConnectorsAndTasks): void {
  c.members[worker] = { connectors: [...assignment.connectors], tasks: [...assignment.tasks] };
}

export function removeWorkers(c: Cluster, ...workers: string[]): void {
  for (const w of workers) delete c.members[w];
}

export const tasksOf = (connector: string, from: number, to: number): ConnectorTaskId[] =>
  Array.from({ length: to - from }, (_, i) => ({ connector, task: from + i }));

/**
 * performRebalance: a new generation; the leader computes; unless the round failed, each worker stops what was
 * revoked and appends what it was newly assigned (as the test's applyAssignments does).
 */
export function rebalance(
  c: Cluster,
  opts: { failed?: boolean; mismatchedGeneration?: boolean } = {},
): TaskAssignmentResult {
  c.generationId++;
  const result = performTaskAssignment(c.state, {
    configured: { ...c.connectors },
    lastCompletedGenerationId: opts.mismatchedGeneration ? c.generationId - 2 : c.generationId - 1,
    currentGenerationId: c.generationId,
    memberAssignments: structuredClone(c.members),
    now: c.now,
    maxDelay: c.maxDelay,
  });
  c.state = result.state;
  c.last = result;
  if (!opts.failed) {
    for (const [w, a] of Object.entries(result.assignment)) {
      const m = c.members[w] ?? { connectors: [], tasks: [] };
      const rc = new Set(a.revokedConnectors);
      const rt = new Set(a.revokedTasks.map(taskKey));
      m.connectors = m.connectors.filter((x) => !rc.has(x));
      m.tasks = m.tasks.filter((t) => !rt.has(taskKey(t)));
      for (const x of a.assignedConnectors) if (!m.connectors.includes(x)) m.connectors.push(x);
      for (const t of a.assignedTasks) if (!m.tasks.some((u) => taskKey(u) === taskKey(t))) m.tasks.push(t);
      c.members[w] = m;
    }
  }
  return result;
}

/** assertConnectorAllocations / assertTaskAllocations: the sorted per-worker counts. */
export const connectorCounts = (c: Cluster): number[] =>
  Object.values(c.members)
    .map((m) => m.connectors.length)
    .sort((a, b) => a - b);
export const taskCounts = (c: Cluster): number[] =>
  Object.values(c.members)
    .map((m) => m.tasks.length)
    .sort((a, b) => a - b);

export function revocationCount(r: TaskAssignmentResult): number {
  return Object.values(r.assignment).reduce(
    (n, a) => n + a.revokedConnectors.length + a.revokedTasks.length,
    0,
  );
}

export function newAssignmentCount(r: TaskAssignmentResult): number {
  return Object.values(r.assignment).reduce(
    (n, a) => n + a.assignedConnectors.length + a.assignedTasks.length,
    0,
  );
}

/** assertBalancedAndCompleteAllocation: each configured connector and task on exactly one worker, spreads ≤ 1. */
export function balancedAndComplete(c: Cluster): { complete: boolean; balanced: boolean } {
  const cs = Object.values(c.members).flatMap((m) => m.connectors);
  const ts = Object.values(c.members).flatMap((m) => m.tasks.map(taskKey));
  const wantC = Object.keys(c.connectors).sort();
  const wantT = Object.entries(c.connectors)
    .flatMap(([n, k]) => tasksOf(n, 0, k).map(taskKey))
    .sort();
  const complete =
    JSON.stringify([...cs].sort()) === JSON.stringify(wantC) &&
    JSON.stringify([...ts].sort()) === JSON.stringify(wantT);
  const spread = (xs: number[]) => (xs.length ? (xs[xs.length - 1] as number) - (xs[0] as number) : 0);
  return { complete, balanced: spread(connectorCounts(c)) <= 1 && spread(taskCounts(c)) <= 1 };
}
