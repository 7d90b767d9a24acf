// What the workers do after a REST call changed the config: the pure, synchronous stand-in for the herder's tick
// loop (start/stop connectors, generate task configs, write statuses). Each function returns the new connector entry
// and the records written, in the order Connect writes them.
//
// Simplifications (the lesson should say them): everything happens at once, no rebalance delay and no read-back lag;
// connectors and tasks go to the least-loaded worker (ties: first worker) instead of the
// IncrementalCooperativeAssignor; a task never fails by itself.
// As in Connect, task configs are generated only while the target state is STARTED (DistributedHerder#
// reconfigureConnector skips other states), so a connector created PAUSED has no tasks until resumed.
import { connectorStatusRecord, taskConfigRecords, taskStatusRecord } from './internalTopics';
import type {
  ConnectClusterState,
  ConnectorEntry,
  ConnectorPlugin,
  InternalRecord,
  RuntimeState,
  RuntimeStatus,
  TargetState,
} from './types';

export interface Step {
  entry: ConnectorEntry;
  records: InternalRecord[];
}

/** The runtime state a healthy connector or task settles in for a target state. */
export const settledState = (t: TargetState): RuntimeState =>
  t === 'STARTED' ? 'RUNNING' : t === 'PAUSED' ? 'PAUSED' : 'STOPPED';

/** The worker with the fewest connectors + tasks (the first one on a tie). */
export function leastLoadedWorker(state: ConnectClusterState, extra: Record<string, number> = {}): string {
  const load: Record<string, number> = {};
  for (const w of state.workers) load[w] = extra[w] ?? 0;
  for (const c of state.connectors) {
    if (c.status.workerId in load) load[c.status.workerId]++;
    for (const t of c.taskStatuses) if (t.workerId in load) load[t.workerId]++;
  }
  let best = state.workers[0] ?? 'connect-1:8083';
  for (const w of state.workers) if (load[w] < load[best]) best = w;
  return best;
}

/** `Connector#taskConfigs(tasks.max)` for the simulated plugins: min(tasks.max, the plugin's own limit) copies of
 * the connector config, each with the `task.class` the worker adds (`Worker#connectorTaskConfigs`). */
export function generateTaskConfigs(
  plugin: ConnectorPlugin,
  config: Record<string, string>,
): Record<string, string>[] {
  const max = Number.parseInt(config['tasks.max'] ?? '1', 10);
  const n = Math.min(Number.isFinite(max) ? max : 1, plugin.maxTasks ?? Number.POSITIVE_INFINITY);
  return Array.from({ length: n }, () => ({ ...config, 'task.class': plugin.taskClass }));
}

const status = (state: RuntimeState, workerId: string, generation: number): RuntimeStatus => ({
  state,
  workerId,
  trace: null,
  generation,
});

/** Writes a new task set (task records + commit) and starts each task in the connector's target state; tasks
 * beyond the new count get status tombstones (`AbstractHerder#onDeletion`). */
export function replaceTasks(
  state: ConnectClusterState,
  entry: ConnectorEntry,
  taskConfigs: Record<string, string>[],
): Step {
  const records = taskConfigRecords(entry.name, taskConfigs);
  const extra: Record<string, number> = {};
  const taskStatuses: RuntimeStatus[] = [];
  const others = { ...state, connectors: state.connectors.filter((c) => c.name !== entry.name) };
  extra[entry.status.workerId] = 1;
  for (let i = 0; i < taskConfigs.length; i++) {
    const w = leastLoadedWorker(others, extra);
    extra[w] = (extra[w] ?? 0) + 1;
    const s = status(settledState(entry.targetState), w, state.generation);
    taskStatuses.push(s);
    records.push(taskStatusRecord(entry.name, i, s));
  }
  for (let i = taskConfigs.length; i < entry.taskStatuses.length; i++) {
    records.push(taskStatusRecord(entry.name, i, null));
  }
  return { entry: { ...entry, taskConfigs, taskStatuses }, records };
}

/** A new connector starts on a worker in its target state; a STARTED one generates its tasks at once. */
export function startNewConnector(
  state: ConnectClusterState,
  plugin: ConnectorPlugin,
  name: string,
  config: Record<string, string>,
  targetState: TargetState,
): Step {
  const worker = leastLoadedWorker(state);
  const cs = status(settledState(targetState), worker, state.generation);
  const entry: ConnectorEntry = {
    name,
    config,
    type: plugin.type,
    targetState,
    taskConfigs: [],
    status: cs,
    taskStatuses: [],
  };
  const records = [connectorStatusRecord(name, cs)];
  if (targetState !== 'STARTED') return { entry, records };
  const withTasks = replaceTasks(state, entry, generateTaskConfigs(plugin, config));
  return { entry: withTasks.entry, records: [...records, ...withTasks.records] };
}

/** A reconfigured connector is restarted; new task configs are written only when they differ from the current
 * ones (`DistributedHerder#reconfigureConnector` compares them). */
export function reconfigureConnector(
  state: ConnectClusterState,
  plugin: ConnectorPlugin,
  entry: ConnectorEntry,
  config: Record<string, string>,
): Step {
  const updated = { ...entry, config };
  // "Skipping reconfiguration of connector … since its target state is …": picked up on resume.
  if (entry.targetState !== 'STARTED') return { entry: updated, records: [] };
  const next = generateTaskConfigs(plugin, config);
  if (JSON.stringify(next) === JSON.stringify(entry.taskConfigs)) return { entry: updated, records: [] };
  return replaceTasks(state, updated, next);
}

/** Moves a connector and its tasks to a target state (pause/resume): FAILED ones stay FAILED until restarted
 * (connect.html: "failed tasks will not transition to the PAUSED state until they have been restarted"). */
export function transition(
  state: ConnectClusterState,
  plugin: ConnectorPlugin,
  entry: ConnectorEntry,
  to: TargetState,
): Step {
  const records: InternalRecord[] = [];
  const settled = settledState(to);
  const move = (s: RuntimeStatus): RuntimeStatus =>
    s.state === 'FAILED' || s.state === settled
      ? s
      : { ...s, state: settled, trace: null, generation: state.generation };
  const cs = move(entry.status);
  if (cs !== entry.status) records.push(connectorStatusRecord(entry.name, cs));
  const taskStatuses = entry.taskStatuses.map((s, i) => {
    const m = move(s);
    if (m !== s) records.push(taskStatusRecord(entry.name, i, m));
    return m;
  });
  let next: ConnectorEntry = { ...entry, targetState: to, status: cs, taskStatuses };
  // Back to STARTED, the herder asks the connector for task configs again (DistributedHerder: "config changes while
  // paused take effect"); a connector created PAUSED or STOPPED gets its first tasks here.
  const fresh = to === 'STARTED' ? generateTaskConfigs(plugin, next.config) : null;
  if (fresh && JSON.stringify(fresh) !== JSON.stringify(next.taskConfigs)) {
    const started = replaceTasks(state, next, fresh);
    next = started.entry;
    records.push(...started.records);
  }
  return { entry: next, records };
}

/** Restarts the connector and/or some tasks: each goes through RESTARTING (`AbstractHerder#onRestart`) and settles in
 * the target state with its trace cleared. */
export function restart(
  state: ConnectClusterState,
  entry: ConnectorEntry,
  connector: boolean,
  tasks: number[],
  viaRestarting: boolean,
): Step {
  const records: InternalRecord[] = [];
  const settled = settledState(entry.targetState);
  let cs = entry.status;
  const taskStatuses = [...entry.taskStatuses];
  if (viaRestarting) {
    if (connector)
      records.push(connectorStatusRecord(entry.name, { ...cs, state: 'RESTARTING', trace: null }));
    for (const i of tasks)
      records.push(taskStatusRecord(entry.name, i, { ...taskStatuses[i], state: 'RESTARTING', trace: null }));
  }
  if (connector) {
    cs = { ...cs, state: settled, trace: null, generation: state.generation };
    records.push(connectorStatusRecord(entry.name, cs));
  }
  for (const i of tasks) {
    taskStatuses[i] = { ...taskStatuses[i], state: settled, trace: null, generation: state.generation };
    records.push(taskStatusRecord(entry.name, i, taskStatuses[i]));
  }
  return { entry: { ...entry, status: cs, taskStatuses }, records };
}
