// Test helper in the spirit of Kafka's TopologyTestDriver: topics are in-memory arrays, every task of the
// topology runs in this process, records sent to repartition topics are processed right away (first in, first
// out) before pipe() returns. Partitions: records go to murmur2(key) % partitions like the default partitioner
// (a null key goes to partition 0 here).

import { mapEntries } from './persistentMap';
import { compileTopology } from './runtime/compile';
import { partitionForKey as keyPartition } from './runtime/partitioner';
import { isLive } from './runtime/stores';
import {
  commitTask,
  createGlobalState,
  createTask,
  processGlobalRecord,
  processRecord,
  type StepResult,
} from './runtime/task';
import type {
  ChangelogRecord,
  GlobalState,
  OutputRecord,
  StoreState,
  StreamsEvent,
  TaskState,
} from './runtime/types';
import { type PartitionPlan, planPartitions } from './tasks/partitions';
import { buildTopology } from './topology/dslBuilder';
import { decorateTopic } from './topology/naming';
import type { Topology } from './topology/types';

export type DriverOptions = {
  applicationId?: string;
  /** Partition counts of the input topics (default 1 each). */
  partitions?: Record<string, number>;
  trace?: boolean;
  /** statestore.cache.max.bytes per task (default 0: no record cache). */
  cacheMaxBytes?: number;
};

/** A null key goes to partition 0 here (the real producer spreads null keys with its sticky partitioner). */
export function partitionForKey(key: string | null, partitions: number): number {
  return key === null ? 0 : keyPartition(key, partitions);
}

type Queued = {
  topic: string;
  key: string | null;
  value: string | null;
  timestamp: number;
  partition: number;
};

export class TopologyTestDriver {
  readonly applicationId: string;
  readonly plan: PartitionPlan & { ok: true };
  tasks: Record<string, TaskState> = {};
  global: GlobalState;
  readonly outputs: Record<string, OutputRecord[]> = {};
  readonly changelog: Record<string, ChangelogRecord[]> = {};
  readonly events: StreamsEvent[] = [];
  readonly errors: string[] = [];
  private readonly trace: boolean;
  private readonly cacheMaxBytes: number;

  constructor(
    readonly topology: Topology,
    opts: DriverOptions = {},
  ) {
    this.applicationId = opts.applicationId ?? 'test-app';
    this.trace = opts.trace ?? false;
    this.cacheMaxBytes = opts.cacheMaxBytes ?? 0;
    const ext: Record<string, number> = {};
    for (const t of topology.inputTopics) ext[t] = opts.partitions?.[t] ?? 1;
    for (const g of topology.globalStores) ext[g.topic] = opts.partitions?.[g.topic] ?? 1;
    const plan = planPartitions(topology, ext);
    if (!plan.ok) throw new Error(plan.error);
    this.plan = plan;
    for (const task of plan.tasks)
      this.tasks[task.id] = createTask(topology, task.subtopology, task.partition);
    this.global = createGlobalState(topology);
    compileTopology(topology);
  }

  partitionsOf(topic: string): number {
    const undecorated = topic.startsWith(`${this.applicationId}-`)
      ? topic.slice(this.applicationId.length + 1)
      : topic;
    return this.plan.partitions[undecorated] ?? this.plan.partitions[topic] ?? 1;
  }

  private taskFor(topic: string, partition: number): TaskState | undefined {
    const undecorated = topic.startsWith(`${this.applicationId}-`)
      ? topic.slice(this.applicationId.length + 1)
      : topic;
    const sub = this.topology.subtopologies.find(
      (s) => s.sourceTopics.includes(undecorated) || s.sourceTopics.includes(topic),
    );
    return sub ? this.tasks[`${sub.id}_${partition}`] : undefined;
  }

  /** Sends one record to an input topic and processes everything it causes. */
  pipe(
    topic: string,
    key: string | null,
    value: string | null,
    timestamp: number,
    partition?: number,
  ): StepResult[] {
    if (this.topology.globalStores.some((g) => g.topic === topic)) {
      const r = processGlobalRecord(this.topology, this.global, {
        topic,
        partition: 0,
        key,
        value,
        timestamp,
      });
      this.global = r.global;
      this.events.push(...r.events);
      return [];
    }
    const partitionOf = partition ?? partitionForKey(key, this.partitionsOf(topic));
    return this.drain([{ topic, key, value, timestamp, partition: partitionOf }]);
  }

  private options() {
    return {
      applicationId: this.applicationId,
      globals: this.global,
      trace: this.trace,
      cacheMaxBytes: this.cacheMaxBytes,
    };
  }

  /**
   * Commits every task: flushes the record caches (commit.interval.ms passed). Records a flush sends through a
   * repartition topic land in the next sub-topology's cache; those are flushed too, until every cache is empty.
   */
  commit(): StepResult[] {
    const steps: StepResult[] = [];
    for (let round = 0; round < 20; round++) {
      const queue: Queued[] = [];
      for (const id of Object.keys(this.tasks)) {
        const step = commitTask(this.topology, this.tasks[id], this.options());
        this.absorb(step, queue);
        steps.push(step);
      }
      steps.push(...this.drain(queue));
      if (Object.values(this.tasks).every((t) => !t.caches || Object.keys(t.caches).length === 0)) break;
    }
    return steps;
  }

  /** Processes queued records, and the repartition records they cause, first in first out. */
  private drain(queue: Queued[]): StepResult[] {
    const steps: StepResult[] = [];
    while (queue.length > 0) {
      const rec = queue.shift()!;
      const task = this.taskFor(rec.topic, rec.partition);
      if (!task) throw new Error(`no task reads ${rec.topic}-${rec.partition}`);
      const step = processRecord(this.topology, task, { ...rec }, this.options());
      steps.push(step);
      this.absorb(step, queue);
    }
    return steps;
  }

  private absorb(step: StepResult, queue: Queued[]): void {
    this.events.push(...step.events);
    if (!step.ok) {
      this.errors.push(step.error.message);
      return;
    }
    this.tasks[step.task.id] = step.task;
    for (const c of step.changelog) {
      if (!this.changelog[c.topic]) this.changelog[c.topic] = [];
      this.changelog[c.topic].push(c);
    }
    for (const o of step.outputs) {
      if (o.internal) {
        const p = o.partition ?? partitionForKey(o.key, this.partitionsOf(o.topic));
        queue.push({ topic: o.topic, key: o.key, value: o.value, timestamp: o.timestamp, partition: p });
      } else {
        if (!this.outputs[o.topic]) this.outputs[o.topic] = [];
        this.outputs[o.topic].push(o);
      }
    }
  }

  /** Reads and removes what was written to an output topic. */
  read(topic: string): Array<{ key: string | null; value: string | null; timestamp: number }> {
    const out = (this.outputs[topic] ?? []).map((o) => ({
      key: o.key,
      value: o.value,
      timestamp: o.timestamp,
    }));
    this.outputs[topic] = [];
    return out;
  }

  readKeyValues(topic: string): string[] {
    return this.read(topic).map((r) => `${r.key}=${r.value}`);
  }

  store(name: string, partition = 0): StoreState {
    if (this.global.stores[name]) return this.global.stores[name];
    for (const t of Object.values(this.tasks))
      if (t.partition === partition && t.stores[name]) return t.stores[name];
    throw new Error(`no store ${name} on partition ${partition}`);
  }

  /** A key-value store's contents: key -> value. */
  kv(name: string, partition = 0): Record<string, string> {
    const s = this.store(name, partition);
    if (s.type !== 'keyValue') throw new Error(`${name} is a ${s.type} store`);
    return Object.fromEntries(mapEntries(s.map).map(([k, e]) => [k, e.v]));
  }

  /** A window or session store's contents as `[key@start/end]=value`. */
  windows(name: string, partition = 0): string[] {
    const s = this.store(name, partition);
    if (s.type !== 'window' && s.type !== 'session') throw new Error(`${name} is a ${s.type} store`);
    const out: string[] = [];
    for (const [k, list] of mapEntries(s.map)) {
      for (const w of list)
        if (isLive(s, s.type === 'window' ? w.s : w.e)) out.push(`[${k}@${w.s}/${w.e}]=${w.v}`);
    }
    return out;
  }

  dropped(): number {
    return Object.values(this.tasks).reduce((s, t) => s + t.metrics.droppedRecords, 0);
  }

  changelogOf(store: string): ChangelogRecord[] {
    return this.changelog[decorateTopic(this.applicationId, `${store}-changelog`)] ?? [];
  }

  eventsOf<T extends StreamsEvent['type']>(type: T): Array<Extract<StreamsEvent, { type: T }>> {
    return this.events.filter((e): e is Extract<StreamsEvent, { type: T }> => e.type === type);
  }
}

export function createDriver(dsl: string, opts: DriverOptions = {}): TopologyTestDriver {
  const r = buildTopology(dsl);
  if (!r.ok) throw new Error(`line ${r.error.line}, column ${r.error.column}: ${r.error.message}`);
  return new TopologyTestDriver(r.topology, opts);
}
