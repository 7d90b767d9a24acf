// Kafka Streams applications as readers see them: the topology (sub-topologies, processors, stores, internal
// topics, describe() text), instances, tasks with their restore progress, stream time, metrics and store rows.
import type { SimState } from '../engine/state';
import { topologyOf } from '../streams/area/appTopology';
import type { StreamsApp } from '../streams/area/types';
import { formatDslError } from '../streams/dsl/dslParser';
import { toJava } from '../streams/java/toJava';
import { type StoreRow, storeRows } from '../streams/runtime/storeView';
import { describeTopology } from '../streams/topology/describe';
import { buildTopology } from '../streams/topology/dslBuilder';
import { decorateTopic } from '../streams/topology/naming';

export type StreamsNodeView = {
  name: string;
  kind: 'source' | 'processor' | 'sink';
  children: string[];
  stores: string[];
  /** Source: topics read; sink: the topic written (broker names). */
  topics: string[];
  /** Records this node received, summed over the tasks. */
  records: number;
};

export type StreamsTaskView = {
  id: string;
  subtopology: number;
  partition: number;
  owner: string | null;
  /** The owner's stream thread running it (`<app>-<processId>-StreamThread-N`). */
  thread: string | null;
  /** Instances hosting a standby replica of the task. */
  standbys: string[];
  status: 'RESTORING' | 'RUNNING' | 'UNASSIGNED';
  restore: Array<{ store: string; restored: number; total: number }>;
  /** Partition time: the largest timestamp the task processed (-1 before the first record). */
  streamTime: number;
  processed: number;
  droppedRecords: number;
  /** Next offset to read per source partition ("topic-partition"). */
  positions: Record<string, number>;
  stores: Array<{ name: string; changelog: string | null; rows: StoreRow[] }>;
};

/** A windowed aggregation of one task (time, sliding or session windows), for the window time-axis view. */
export type StreamsWindowedView = {
  task: string;
  node: string;
  store: string;
  /**
   * time: TimeWindows [start, end), tumbling or hopping; sliding: SlidingWindows (KIP-450) [start, end] inclusive,
   * one per record; session: SessionWindows [start, end] inclusive, merged within the inactivity gap.
   */
  kind: 'time' | 'sliding' | 'session';
  /** Window size (time), time difference (sliding) or inactivity gap (session). */
  sizeMs: number;
  advanceMs: number;
  graceMs: number;
  /**
   * How long after its end a window still accepts records: grace for time and sliding windows, gap + grace for
   * sessions (KStreamSessionWindowAggregate's close time is stream time - grace - gap).
   */
  closesAfterMs: number;
  /** The processor's observed stream time (-1 before its first record). */
  streamTime: number;
  windows: Array<{ key: string; start: number; end: number; value: string | null; closed: boolean }>;
  /** Late records the processor dropped (windowEnd + grace <= stream time when they came). */
  late: Array<{ key: string | null; timestamp: number }>;
};

export type StreamsAppView = {
  applicationId: string;
  state: StreamsApp['state'];
  error: string | null;
  guarantee: StreamsApp['guarantee'];
  commitIntervalMs: number;
  cacheMaxBytes: number;
  dsl: string;
  /** Topology#describe() text. */
  describe: string;
  subtopologies: Array<{ id: number; nodes: StreamsNodeView[] }>;
  stores: Array<{ name: string; type: string; changelog: string | null }>;
  internalTopics: Array<{ name: string; kind: 'repartition' | 'changelog'; partitions: number | null }>;
  instances: Array<{
    name: string;
    processId: string;
    status: 'RUNNING' | 'STOPPED' | 'CRASHED';
    /** Its threads' consumers are members of the group (a dead instance until session.timeout.ms). */
    inGroup: boolean;
    /** The first thread (StreamThread-1), its producer and transactional.id. */
    thread: string;
    producer: string;
    transactionalId: string | null;
    threads: Array<{
      name: string;
      consumer: string;
      memberId: string;
      producer: string;
      transactionalId: string | null;
      tasks: string[];
      standbys: string[];
    }>;
    tasks: string[];
    standbyTasks: string[];
    /** Task ids with a .checkpoint in its state directory. */
    checkpoints: string[];
    /** The GlobalStreamThread's copy of each global table, when the topology has one. */
    global: {
      thread: string;
      consumer: string;
      stores: Array<{ name: string; rows: StoreRow[] }>;
      positions: Record<string, number>;
    } | null;
  }>;
  numStreamThreads: number;
  numStandbyReplicas: number;
  /** Group state of application.id (classic protocol), and whether a rebalance is in progress. */
  groupState: string;
  generation: number;
  tasks: StreamsTaskView[];
  windowed: StreamsWindowedView[];
  /** Records the application sent to each output topic (duplicates included). */
  sent: Record<string, number>;
  /** How many of its instances crashed so far. */
  crashes: number;
};

function appView(state: SimState, app: StreamsApp): StreamsAppView {
  const t = topologyOf(app.dsl);
  const internal = new Set(Object.values(t.internalTopics).map((i) => i.name));
  const broker = (name: string) => (internal.has(name) ? decorateTopic(app.applicationId, name) : name);
  const counts: Record<string, number> = {};
  for (const task of Object.values(app.tasks))
    for (const [n, c] of Object.entries(task.nodeCounts)) counts[n] = (counts[n] ?? 0) + c;
  const changelogOf = (store: string) =>
    t.stores[store]?.logging ? decorateTopic(app.applicationId, `${store}-changelog`) : null;
  const tasks = Object.values(app.tasks).sort(
    (a, b) => a.subtopology - b.subtopology || a.partition - b.partition,
  );
  return {
    applicationId: app.applicationId,
    state: app.state,
    error: app.error,
    guarantee: app.guarantee,
    commitIntervalMs: app.commitIntervalMs,
    cacheMaxBytes: app.cacheMaxBytes,
    dsl: app.dsl,
    describe: describeTopology(t),
    subtopologies: t.subtopologies.map((sub) => ({
      id: sub.id,
      nodes: sub.nodes.map((name) => {
        const n = t.nodes[name];
        return {
          name,
          kind: n.kind,
          children: n.kind === 'sink' ? [] : n.children,
          stores: n.kind === 'processor' ? n.stores : [],
          topics: n.kind === 'source' ? n.topics.map(broker) : n.kind === 'sink' ? [broker(n.topic)] : [],
          records: counts[name] ?? 0,
        };
      }),
    })),
    stores: Object.values(t.stores).map((s) => ({
      name: s.name,
      type: s.type,
      changelog: changelogOf(s.name),
    })),
    internalTopics: Object.values(t.internalTopics).map((i) => {
      const name = decorateTopic(app.applicationId, i.name);
      return { name, kind: i.kind, partitions: state.topics[name]?.partitions.length ?? null };
    }),
    instances: Object.values(app.instances).map((i) => ({
      name: i.name,
      processId: i.processId,
      status: i.status,
      inGroup: i.inGroup,
      thread: i.threads[0]?.name ?? '',
      producer: i.threads[0]?.producer ?? '',
      transactionalId: i.threads[0]?.transactionalId ?? null,
      threads: i.threads.map((th) => ({
        name: th.name,
        consumer: `${th.name}-consumer`,
        memberId: th.memberId,
        producer: th.producer,
        transactionalId: th.transactionalId,
        tasks: tasks
          .filter((task) => task.owner === i.name && task.thread === th.index)
          .map((task) => task.id),
        standbys: Object.entries(i.standbys)
          .filter(([, sb]) => sb.thread === th.index)
          .map(([id]) => id)
          .sort(),
      })),
      tasks: tasks.filter((task) => task.owner === i.name).map((task) => task.id),
      standbyTasks: Object.keys(i.standbys).sort(),
      checkpoints: Object.keys(i.stateDir).sort(),
      global: i.global
        ? {
            thread: i.global.thread,
            consumer: i.global.consumer,
            stores: Object.entries(i.global.stores).map(([name, st]) => ({ name, rows: storeRows(st) })),
            positions: { ...i.global.positions },
          }
        : null,
    })),
    numStreamThreads: app.numStreamThreads,
    numStandbyReplicas: app.numStandbyReplicas,
    groupState: state.areas.consumers.groups[app.applicationId]?.group.state ?? 'Empty',
    generation: app.generation,
    tasks: tasks.map((task) => ({
      id: task.id,
      subtopology: task.subtopology,
      partition: task.partition,
      owner: task.owner,
      thread:
        task.owner === null
          ? null
          : (app.instances[task.owner]?.threads.find((th) => th.index === task.thread)?.name ?? null),
      standbys: Object.values(app.instances)
        .filter((i) => i.standbys[task.id])
        .map((i) => i.name),
      status: task.owner === null || !task.state ? 'UNASSIGNED' : task.status,
      restore: task.restoring.map((r) => ({
        store: r.store,
        restored: r.next - r.start,
        total: r.end - r.start,
      })),
      streamTime: task.state?.streamTime ?? -1,
      processed: task.state?.metrics.processed ?? 0,
      droppedRecords: task.state?.metrics.droppedRecords ?? 0,
      positions: { ...task.positions },
      stores: task.state
        ? Object.entries(task.state.stores).map(([name, s]) => ({
            name,
            changelog: changelogOf(name),
            rows: storeRows(s),
          }))
        : [],
    })),
    windowed: tasks.flatMap((task) =>
      t.order.flatMap((name): StreamsWindowedView[] => {
        const n = t.nodes[name];
        if (n.kind !== 'processor' || !task.state) return [];
        const op = n.op;
        if (op.t !== 'windowAggregate' && op.t !== 'slidingAggregate' && op.t !== 'sessionAggregate')
          return [];
        const sub = t.subtopologies.find((x) => x.id === task.subtopology);
        if (!sub?.nodes.includes(name)) return [];
        const streamTime = task.state.processorTime[name] ?? -1;
        const st = task.state.stores[op.store];
        const shape =
          op.t === 'windowAggregate'
            ? { kind: 'time' as const, sizeMs: op.sizeMs, advanceMs: op.advanceMs, closesAfterMs: op.graceMs }
            : op.t === 'slidingAggregate'
              ? { kind: 'sliding' as const, sizeMs: op.diffMs, advanceMs: 0, closesAfterMs: op.graceMs }
              : {
                  kind: 'session' as const,
                  sizeMs: op.gapMs,
                  advanceMs: 0,
                  closesAfterMs: op.gapMs + op.graceMs,
                };
        // TimeWindows close at windowEnd + grace <= stream time (KStreamWindowAggregate); sliding windows when
        // windowEnd < stream time - grace (KStreamSlidingWindowAggregate); sessions when sessionEnd < stream
        // time - grace - gap (KStreamSessionWindowAggregate).
        const isClosed = (end: number) =>
          shape.kind === 'time' ? end + op.graceMs <= streamTime : end + shape.closesAfterMs < streamTime;
        return [
          {
            task: task.id,
            node: name,
            store: op.store,
            ...shape,
            graceMs: op.graceMs,
            streamTime,
            windows: (st ? storeRows(st) : [])
              .filter((r) => r.window)
              .map((r) => ({
                key: r.key,
                start: r.window!.start,
                end: r.window!.end,
                value: r.value,
                closed: isClosed(r.window!.end),
              })),
            late: task.late
              .filter((l) => l.node === name)
              .map((l) => ({ key: l.key, timestamp: l.timestamp })),
          },
        ];
      }),
    ),
    sent: { ...app.sent },
    crashes: app.crashes,
  };
}

export function streamsAppsOf(state: SimState): StreamsAppView[] {
  return Object.values(state.areas.streams.apps).map((a) => appView(state, a));
}

export function streamsAppOf(state: SimState, id: string): StreamsAppView | null {
  const app = state.areas.streams.apps[id];
  return app ? appView(state, app) : null;
}

export type StreamsDslCheck =
  | { ok: true; describe: string; java: string; inputTopics: string[]; outputTopics: string[] }
  | { ok: false; error: string };

/** Compile DSL text without running it: describe() text and Java code, or the error pointing at the bad token. */
export function checkStreamsDsl(dsl: string): StreamsDslCheck {
  const built = buildTopology(dsl);
  if (!built.ok) return { ok: false, error: formatDslError(dsl, built.error) };
  const java = toJava(dsl);
  return {
    ok: true,
    describe: describeTopology(built.topology),
    java: java.ok ? java.java : '',
    inputTopics: built.topology.inputTopics,
    outputTopics: built.topology.outputTopics,
  };
}
