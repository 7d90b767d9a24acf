// The working context of one processRecord call: the task state being derived (copy-on-write: the containers
// touched are copied once, the input state is never changed), and what the step produced.

import { isWindowedKey, type Val, windowedKeyText } from '../expr/exprEval';
import { changelogTopicFor } from '../topology/naming';
import type { Topology } from '../topology/types';
import type { FlushFn } from './recordCache';
import type {
  ChangelogRecord,
  DropCause,
  GlobalState,
  Key,
  OutputRecord,
  StoreState,
  StreamsEvent,
  TaskState,
} from './types';

/** A record inside the topology; `old` is the old value of a KTable change (Change#oldValue). */
export type Rec = { key: Key; value: string | null; old: string | null; ts: number };

/** A failure that stops the task (in Kafka: an exception that kills the stream thread). */
export class StreamsProcessingError extends Error {
  constructor(
    message: string,
    readonly node?: string,
  ) {
    super(message);
  }
}

export type Exec = {
  topo: Topology;
  app: string;
  task: TaskState;
  storesCopied: boolean;
  timesCopied: boolean;
  trackersCopied: boolean;
  outputs: OutputRecord[];
  changelog: ChangelogRecord[];
  events: StreamsEvent[];
  trace: boolean;
  globals: GlobalState | null;
  dropped: number;
  /** statestore.cache.max.bytes for this task; 0 = no caching, every update is forwarded at once. */
  cacheMaxBytes: number;
  flushers: Map<string, FlushFn>;
};

export function newExec(
  topo: Topology,
  app: string,
  task: TaskState,
  trace: boolean,
  globals: GlobalState | null,
  cacheMaxBytes = 0,
  flushers: Map<string, FlushFn> = new Map(),
): Exec {
  return {
    topo,
    app,
    task: { ...task },
    storesCopied: false,
    timesCopied: false,
    trackersCopied: false,
    outputs: [],
    changelog: [],
    events: [],
    trace,
    globals,
    dropped: 0,
    cacheMaxBytes,
    flushers,
  };
}

export function keyText(k: Key | Val): string | null {
  if (k === null || k === undefined) return null;
  if (typeof k === 'string') return k;
  if (isWindowedKey(k)) return windowedKeyText(k);
  if (typeof k === 'number') return String(k);
  return JSON.stringify(k);
}

export function getStore(x: Exec, name: string): StoreState {
  const s = x.task.stores[name] ?? x.globals?.stores[name];
  if (!s) throw new StreamsProcessingError(`StateStore ${name} is not available in task ${x.task.id}`);
  return s;
}

export function setStore(x: Exec, name: string, s: StoreState): void {
  if (!x.storesCopied) {
    x.task.stores = { ...x.task.stores };
    x.storesCopied = true;
  }
  x.task.stores[name] = s;
}

/** Appends a changelog write when the store logs (ChangeLogging*Store). */
const changelogNames = new Map<string, Map<string, string>>();

function changelogName(app: string, store: string): string {
  let byStore = changelogNames.get(app);
  if (byStore === undefined) {
    byStore = new Map();
    changelogNames.set(app, byStore);
  }
  let n = byStore.get(store);
  if (n === undefined) {
    n = changelogTopicFor(app, store);
    byStore.set(store, n);
  }
  return n;
}

export function logChange(x: Exec, store: string, key: string, value: string | null, ts: number): void {
  const spec = x.topo.stores[store];
  if (spec?.logging) {
    x.changelog.push({
      topic: changelogName(x.app, store),
      store,
      partition: x.task.partition,
      key,
      value,
      timestamp: ts,
    });
  }
  if (x.trace) {
    x.events.push({
      type: 'storeUpdated',
      reason: value === null ? `${store}: ${key} deleted` : `${store}: ${key} = ${value}`,
      store,
      key,
      value,
    });
  }
}

export function procTime(x: Exec, node: string): number {
  const t = x.task.processorTime[node];
  return t === undefined ? -1 : t;
}

/** Advances a processor's observed stream time (never backwards) and returns it. */
export function observe(x: Exec, node: string, ts: number): number {
  const prev = procTime(x, node);
  if (ts <= prev) return prev;
  if (!x.timesCopied) {
    x.task.processorTime = { ...x.task.processorTime };
    x.timesCopied = true;
  }
  x.task.processorTime[node] = ts;
  if (x.trace) {
    x.events.push({
      type: 'streamTimeAdvanced',
      reason: `${node}: stream time ${prev < 0 ? 'starts at' : `moves from ${prev} to`} ${ts}`,
      node,
      from: prev,
      to: ts,
    });
  }
  return ts;
}

export function tracker(x: Exec, name: string): { streamTime: number; minTime: number } {
  const t = x.task.joinTrackers[name];
  if (!x.trackersCopied) {
    x.task.joinTrackers = { ...x.task.joinTrackers };
    x.trackersCopied = true;
  }
  const copy = t ? { ...t } : { streamTime: -1, minTime: Number.MAX_SAFE_INTEGER };
  x.task.joinTrackers[name] = copy;
  return copy;
}

/** A record skipped and counted in the task's dropped-records metric. */
export function drop(x: Exec, node: string, cause: DropCause, key: Key, ts: number, reason: string): void {
  x.dropped++;
  x.events.push({ type: 'recordDropped', reason, node, cause, key: keyText(key), timestamp: ts });
}

export function recText(r: Rec): string {
  return `${keyText(r.key) ?? 'null'}@${r.ts}`;
}
