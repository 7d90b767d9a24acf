// The records Connect workers write to their internal topics (`KafkaConfigBackingStore`, `KafkaStatusBackingStore`)
// and the replay of connect-configs that every worker does on start-up to rebuild its config snapshot.
import type { InternalRecord, RuntimeStatus, TargetState } from './types';

export const CONFIG_TOPIC = 'connect-configs' as const;
export const STATUS_TOPIC = 'connect-status' as const;

/** `KafkaConfigBackingStore#putConnectorConfig`: `connector-<name>` → `{"properties":{…}}`. */
export const connectorConfigRecord = (name: string, properties: Record<string, string>): InternalRecord => ({
  topic: CONFIG_TOPIC,
  key: `connector-${name}`,
  value: { properties: { ...properties } },
});

/** `putTaskConfigs`: one `task-<name>-<n>` per task, then the commit `commit-<name>` → `{"tasks":N}` that makes the
 * new task set visible (a set of task records without its commit is ignored on replay). */
export const taskConfigRecords = (name: string, configs: Record<string, string>[]): InternalRecord[] => [
  ...configs.map((properties, n) => ({
    topic: CONFIG_TOPIC,
    key: `task-${name}-${n}`,
    value: { properties: { ...properties } },
  })),
  { topic: CONFIG_TOPIC, key: `commit-${name}`, value: { tasks: configs.length } },
];

/** `serializeTargetState`: older workers do not know STOPPED, so `state` falls back to PAUSED and `state.v2` carries
 * the real target state (KIP-875). */
export const targetStateRecord = (name: string, state: TargetState): InternalRecord => ({
  topic: CONFIG_TOPIC,
  key: `target-state-${name}`,
  value: { state: state === 'STOPPED' ? 'PAUSED' : state, 'state.v2': state },
});

/** `removeConnectorConfig`: tombstones for the connector config and its target state (task records stay until
 * compaction; they are ignored once the connector is gone). */
export const removeConnectorRecords = (name: string): InternalRecord[] => [
  { topic: CONFIG_TOPIC, key: `connector-${name}`, value: null },
  { topic: CONFIG_TOPIC, key: `target-state-${name}`, value: null },
];

/** `putRestartRequest` (KIP-745): `restart-connector-<name>` → `{"include-tasks","only-failed"}`. */
export const restartRequestRecord = (
  name: string,
  includeTasks: boolean,
  onlyFailed: boolean,
): InternalRecord => ({
  topic: CONFIG_TOPIC,
  key: `restart-connector-${name}`,
  value: { 'include-tasks': includeTasks, 'only-failed': onlyFailed },
});

const statusValue = (s: RuntimeStatus) => ({
  state: s.state,
  trace: s.trace,
  worker_id: s.workerId,
  generation: s.generation,
});

/** `status-connector-<name>` → `{"state","trace","worker_id","generation"}`; `null` status = DESTROYED = tombstone. */
export const connectorStatusRecord = (name: string, status: RuntimeStatus | null): InternalRecord => ({
  topic: STATUS_TOPIC,
  key: `status-connector-${name}`,
  value: status ? statusValue(status) : null,
});

/** `status-task-<name>-<n>`, same value shape; `null` = DESTROYED = tombstone. */
export const taskStatusRecord = (
  name: string,
  task: number,
  status: RuntimeStatus | null,
): InternalRecord => ({
  topic: STATUS_TOPIC,
  key: `status-task-${name}-${task}`,
  value: status ? statusValue(status) : null,
});

/** A worker's view of connect-configs after replay (`ClusterConfigState`). */
export interface ConfigSnapshot {
  /** Connector configs, in the order their latest record was first seen. */
  connectors: Record<string, Record<string, string>>;
  targetStates: Record<string, TargetState>;
  /** Committed task configs per connector. */
  tasks: Record<string, Record<string, string>[]>;
  /** Connectors whose task records were written but whose commit has not arrived (or was incomplete). */
  inconsistent: string[];
}

const TASK_KEY = /^task-(.+)-(\d+)$/;

/** Rebuilds the config snapshot from connect-configs records in log order, as `KafkaConfigBackingStore`'s consumer
 * callback does: task configs are buffered until `commit-<name>` says how many there are; a tombstone for
 * `connector-<name>` removes the connector; a missing target state means STARTED. */
export function rebuildConfigState(records: readonly InternalRecord[]): ConfigSnapshot {
  const connectors: Record<string, Record<string, string>> = {};
  const targetStates: Record<string, TargetState> = {};
  const tasks: Record<string, Record<string, string>[]> = {};
  const pending: Record<string, Record<number, Record<string, string>>> = {};
  const inconsistent = new Set<string>();

  for (const r of records) {
    if (r.topic !== CONFIG_TOPIC) continue;
    const v = r.value;
    if (r.key.startsWith('connector-')) {
      const name = r.key.slice('connector-'.length);
      if (v === null) {
        delete connectors[name];
        delete targetStates[name];
        delete tasks[name];
        delete pending[name];
        inconsistent.delete(name);
      } else {
        connectors[name] = { ...(v.properties as Record<string, string>) };
      }
    } else if (r.key.startsWith('target-state-')) {
      const name = r.key.slice('target-state-'.length);
      if (v === null) delete targetStates[name];
      else targetStates[name] = ((v['state.v2'] ?? v.state) as TargetState) ?? 'STARTED';
    } else if (r.key.startsWith('commit-')) {
      const name = r.key.slice('commit-'.length);
      const n = (v?.tasks as number) ?? 0;
      const buffered = pending[name] ?? {};
      const list: Record<string, string>[] = [];
      let complete = true;
      for (let i = 0; i < n; i++) {
        const c = buffered[i];
        if (c === undefined) complete = false;
        else list.push(c);
      }
      if (complete) {
        tasks[name] = list;
        inconsistent.delete(name);
      } else {
        inconsistent.add(name);
      }
      delete pending[name];
    } else {
      const m = TASK_KEY.exec(r.key);
      if (m && v !== null) {
        const name = m[1];
        pending[name] ??= {};
        pending[name][Number(m[2])] = { ...(v.properties as Record<string, string>) };
      }
    }
  }
  for (const name of Object.keys(connectors)) targetStates[name] ??= 'STARTED';
  for (const name of Object.keys(targetStates)) if (!(name in connectors)) delete targetStates[name];
  for (const name of Object.keys(tasks)) if (!(name in connectors)) delete tasks[name];
  return { connectors, targetStates, tasks, inconsistent: [...inconsistent].filter((n) => n in connectors) };
}
