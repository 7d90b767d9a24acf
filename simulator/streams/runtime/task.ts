// A task processing one record: a pure function from (topology, task state, record) to a new task state plus
// what the record caused - records for output and repartition topics, changelog writes and events. The input
// state is never modified, so a view can compare before and after.

import type { Topology } from '../topology/types';
import { compileTopology, decodeChange } from './compile';
import { newExec, StreamsProcessingError } from './exec';
import { flushAll } from './recordCache';
import { emptyStore, kvPut } from './stores';
import type {
  ChangelogRecord,
  GlobalState,
  InputRecord,
  OutputRecord,
  StreamsEvent,
  TaskState,
} from './types';

export type ProcessOptions = {
  applicationId: string;
  /** The instance's global stores, read by GlobalKTable joins. */
  globals?: GlobalState;
  /** Also emit recordForwarded / storeUpdated / streamTimeAdvanced / recordFiltered events (for animation). */
  trace?: boolean;
  /**
   * statestore.cache.max.bytes available to this task. The simulation's default is 0 (no record cache: every
   * update goes downstream and to the changelog at once); Kafka's default is 10485760 shared per thread, which
   * collapses updates until commitTask (commit.interval.ms) or an eviction.
   */
  cacheMaxBytes?: number;
};

export type StepResult =
  | {
      ok: true;
      task: TaskState;
      outputs: OutputRecord[];
      changelog: ChangelogRecord[];
      events: StreamsEvent[];
    }
  | { ok: false; task: TaskState; error: { message: string; node?: string }; events: StreamsEvent[] };

/** TaskId#toString. */
export function taskIdOf(subtopology: number, partition: number): string {
  return `${subtopology}_${partition}`;
}

/** A new task with empty stores for every store of its sub-topology. */
export function createTask(topology: Topology, subtopology: number, partition: number): TaskState {
  const sub = topology.subtopologies.find((s) => s.id === subtopology);
  if (!sub) throw new Error(`no sub-topology ${subtopology}`);
  const stores: TaskState['stores'] = {};
  for (const s of sub.stores) {
    const spec = topology.stores[s];
    if (!spec.global) stores[s] = emptyStore(spec);
  }
  return {
    id: taskIdOf(subtopology, partition),
    subtopology,
    partition,
    stores,
    processorTime: {},
    joinTrackers: {},
    streamTime: -1,
    metrics: { processed: 0, droppedRecords: 0 },
  };
}

/** FailOnInvalidTimestamp (default.timestamp.extractor): a negative timestamp stops processing. */
function invalidTimestamp(r: InputRecord): string {
  const size = (s: string | null) => (s === null ? -1 : new TextEncoder().encode(s).length);
  return (
    `Input record ConsumerRecord(topic = ${r.topic}, partition = ${r.partition}, leaderEpoch = null, offset = ${r.offset ?? 0}, ` +
    `CreateTime = ${r.timestamp}, serialized key size = ${size(r.key)}, serialized value size = ${size(r.value)}, ` +
    `headers = RecordHeaders(headers = [], isReadOnly = false), key = ${r.key}, value = ${r.value}) has invalid (negative) timestamp. ` +
    'Possibly because a pre-0.10 producer client was used to write this record to Kafka without embedding a timestamp, ' +
    'or because the input topic was created before upgrading the Kafka cluster to 0.10+. Use a different TimestampExtractor to process this data.'
  );
}

export function processRecord(
  topology: Topology,
  task: TaskState,
  input: InputRecord,
  opts: ProcessOptions,
): StepResult {
  const c = compileTopology(topology);
  const src = c.sourceFor(input.topic, opts.applicationId);
  if (!src || c.subtopologyOf.get(src.node.name) !== task.subtopology) {
    return {
      ok: false,
      task,
      error: { message: `task ${task.id} does not read topic ${input.topic}` },
      events: [],
    };
  }
  if (input.timestamp < 0)
    return { ok: false, task, error: { message: invalidTimestamp(input) }, events: [] };
  const x = newExec(
    topology,
    opts.applicationId,
    task,
    opts.trace ?? false,
    opts.globals ?? null,
    opts.cacheMaxBytes ?? 0,
    c.flushers,
  );
  let value = input.value;
  let old: string | null = null;
  if (src.decodeChange) {
    const ch = decodeChange(input.value);
    value = ch.newValue;
    old = ch.oldValue;
  }
  try {
    src.node.run(x, { key: input.key, value, old, ts: input.timestamp });
  } catch (e) {
    if (e instanceof StreamsProcessingError) {
      return { ok: false, task, error: { message: e.message, node: e.node }, events: x.events };
    }
    throw e;
  }
  x.task.streamTime = Math.max(task.streamTime, input.timestamp);
  x.task.metrics = {
    processed: task.metrics.processed + 1,
    droppedRecords: task.metrics.droppedRecords + x.dropped,
  };
  return { ok: true, task: x.task, outputs: x.outputs, changelog: x.changelog, events: x.events };
}

export function createGlobalState(topology: Topology): GlobalState {
  const stores: GlobalState['stores'] = {};
  for (const g of topology.globalStores) stores[g.store] = emptyStore(topology.stores[g.store]);
  return { stores };
}

/**
 * The global stream thread: every instance applies every record of a global table's topic to its own copy
 * (no changelog: the topic itself is the log). Records with a null key are skipped.
 */
export function processGlobalRecord(
  topology: Topology,
  global: GlobalState,
  input: InputRecord,
): { global: GlobalState; events: StreamsEvent[] } {
  const g = topology.globalStores.find((s) => s.topic === input.topic);
  if (!g) return { global, events: [] };
  if (input.key === null) {
    return {
      global,
      events: [
        {
          type: 'recordDropped',
          reason: `record with a null key skipped by ${g.processor}: a GlobalKTable row needs a key`,
          node: g.processor,
          cause: 'nullKey',
          key: null,
          timestamp: input.timestamp,
        },
      ],
    };
  }
  const store = kvPut(global.stores[g.store], input.key, input.value, input.timestamp);
  return { global: { stores: { ...global.stores, [g.store]: store } }, events: [] };
}

/**
 * A commit (every commit.interval.ms: 30000, or 100 under exactly_once_v2): the record cache is flushed, so the
 * latest value of every cached key is written to its store and changelog and forwarded downstream. The area
 * then commits the task's input offsets (and, under EOS, the transaction). Without a cache there is nothing to flush.
 */
export function commitTask(topology: Topology, task: TaskState, opts: ProcessOptions): StepResult {
  const c = compileTopology(topology);
  if (!task.caches || Object.keys(task.caches).length === 0)
    return { ok: true, task, outputs: [], changelog: [], events: [] };
  const x = newExec(
    topology,
    opts.applicationId,
    task,
    opts.trace ?? false,
    opts.globals ?? null,
    opts.cacheMaxBytes ?? 0,
    c.flushers,
  );
  try {
    // A flushed update may land in a cache further downstream; flush until every cache is empty.
    while (x.task.caches && Object.keys(x.task.caches).length > 0) flushAll(x);
  } catch (e) {
    if (e instanceof StreamsProcessingError)
      return { ok: false, task, error: { message: e.message, node: e.node }, events: x.events };
    throw e;
  }
  x.task.metrics = { ...task.metrics, droppedRecords: task.metrics.droppedRecords + x.dropped };
  return { ok: true, task: x.task, outputs: x.outputs, changelog: x.changelog, events: x.events };
}
