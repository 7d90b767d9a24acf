// What the group leader's StreamsPartitionAssignor does at each rebalance of an application's group
// (group.id = application.id): plan the internal topics' partition counts (creating missing ones with
// Kafka's configs), list the tasks, spread them over the live instances, and hand moved tasks to their new
// owner, which restores their stores from the changelog topics before it processes.
//
// Simplified: one StreamThread per instance; the rebalance is instant (no JoinGroup/SyncGroup rounds) and the
// threads do not appear as members in kafka-consumer-groups (the group's committed offsets do); a task that
// moves loses its local state (no state directory or checkpoint file survives on the old owner, as under
// exactly_once_v2 after a crash), so every new owner restores the whole changelog.
import { tpKey } from '../../cluster/topicPartition';
import { createTopicInternal } from '../../cluster/topics';
import { committedOffset } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import type { KafkaError } from '../../engine/registry';
import { emptyStore } from '../runtime/stores';
import { createTask } from '../runtime/task';
import { assignTasks } from '../tasks/assignment';
import { type PartitionPlan, planPartitions } from '../tasks/partitions';
import { decorateTopic } from '../topology/naming';
import type { Topology } from '../topology/types';
import { setAppState } from './appState';
import { brokerTopic, topologyOf } from './appTopology';
import { wakePoll } from './processing';
import { changelogEnd } from './reads';
import type { StreamsApp, StreamsTask } from './types';

/** Partition counts of the external topics the topology reads, as the cluster reports them. */
function externalCounts(ctx: Ctx, t: Topology): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const topic of t.inputTopics) out[topic] = ctx.state.topics[topic]?.partitions.length;
  return out;
}

export function plan(ctx: Ctx, app: StreamsApp, consumerClientId: string): PartitionPlan {
  return planPartitions(topologyOf(app.dsl), externalCounts(ctx, topologyOf(app.dsl)), consumerClientId);
}

/** Create the internal topics that do not exist yet (InternalTopicManager#makeReady). */
export function ensureInternalTopics(
  ctx: Ctx,
  app: StreamsApp,
  partitions: Record<string, number>,
): KafkaError | null {
  const t = topologyOf(app.dsl);
  for (const spec of Object.values(t.internalTopics)) {
    const topic = decorateTopic(app.applicationId, spec.name);
    if (ctx.state.topics[topic]) continue;
    const r = createTopicInternal(
      ctx,
      { topic, partitions: partitions[spec.name] ?? 1, configs: spec.configs },
      { internal: false },
    );
    if (!r.ok) return r.error;
  }
  return null;
}

function newTask(
  app: StreamsApp,
  t: Topology,
  id: string,
  subtopology: number,
  partition: number,
): StreamsTask {
  const sub = t.subtopologies.find((s) => s.id === subtopology)!;
  return {
    id,
    subtopology,
    partition,
    sources: sub.sourceTopics.map((s) => brokerTopic(app.applicationId, t, s)),
    owner: null,
    status: 'RESTORING',
    state: null,
    restoring: [],
    positions: {},
    dirty: false,
    nodeCounts: {},
  };
}

/** A new owner takes the task: positions from the group's committed offsets, stores from their changelogs. */
function takeOver(ctx: Ctx, app: StreamsApp, task: StreamsTask, owner: string): void {
  const t = topologyOf(app.dsl);
  const sub = t.subtopologies.find((s) => s.id === task.subtopology)!;
  task.owner = owner;
  task.state = createTask(t, task.subtopology, task.partition);
  task.dirty = false;
  task.positions = {};
  const groups = ctx.state.areas.consumers;
  for (const topic of task.sources) {
    const committed = committedOffset(groups, app.applicationId, topic, task.partition);
    // Streams overrides auto.offset.reset to earliest (StreamsConfig CONSUMER_DEFAULT_OVERRIDES).
    task.positions[tpKey(topic, task.partition)] = committed ?? logStart(ctx, topic, task.partition);
  }
  task.restoring = [];
  for (const store of sub.stores) {
    const spec = t.stores[store];
    if (!spec.logging) continue;
    const topic = decorateTopic(app.applicationId, `${store}-changelog`);
    const start = logStart(ctx, topic, task.partition);
    const end = changelogEnd(ctx, topic, task.partition, app.guarantee === 'exactly_once_v2');
    task.restoring.push({ store, topic, start, end, next: start, state: emptyStore(spec) });
    ctx.emit(
      'streamsRestore',
      `${app.applicationId} task ${task.id} on ${owner}: restoring ${store} from ${topic}-${task.partition}, offsets ${start} to ${end} (${end - start} records); the task processes nothing until this is done`,
      {
        app: app.applicationId,
        task: task.id,
        store,
        restored: 0,
        total: end - start,
        done: false,
      },
    );
  }
  task.status = task.restoring.length > 0 ? 'RESTORING' : 'RUNNING';
}

function logStart(ctx: Ctx, topic: string, partition: number): number {
  const p = ctx.state.topics[topic]?.partitions[partition];
  if (!p || p.leader === null) return 0;
  return p.replicaLogs[p.leader]?.log.logStartOffset ?? 0;
}

/**
 * Rebalance the application's group over its RUNNING instances. Returns the plan's error (the application
 * goes to ERROR) or null.
 */
export function rebalance(ctx: Ctx, app: StreamsApp, why: string): string | null {
  const t = topologyOf(app.dsl);
  const live = Object.values(app.instances).filter((i) => i.status === 'RUNNING');
  const leader = live[0];
  const planned = plan(ctx, app, leader ? `${leader.thread}-consumer` : 'StreamThread-1-consumer');
  if (!planned.ok) {
    app.error = `${planned.exception}: ${planned.error}`;
    for (const task of Object.values(app.tasks)) task.owner = null;
    setAppState(ctx, app, 'ERROR', app.error);
    return app.error;
  }
  const made = ensureInternalTopics(ctx, app, planned.partitions);
  if (made) {
    app.error = made.message;
    setAppState(ctx, app, 'ERROR', made.message);
    return made.message;
  }
  app.partitions = planned.partitions;
  app.generation += 1;
  setAppState(ctx, app, 'REBALANCING', why);
  for (const d of planned.tasks)
    if (!app.tasks[d.id]) app.tasks[d.id] = newTask(app, t, d.id, d.subtopology, d.partition);
  const byProcess = new Map(live.map((i) => [i.processId, i.name]));
  const assignment = assignTasks(
    planned.tasks,
    live.map((i) => {
      const owned = Object.values(app.tasks)
        .filter((task) => task.owner === i.name)
        .map((task) => task.id);
      return { processId: i.processId, threads: 1, previous: [owned], caughtUp: owned };
    }),
  );
  const ownerOf = new Map<string, string>();
  const summary: Record<string, string[]> = {};
  for (const a of assignment) {
    const name = byProcess.get(a.processId)!;
    summary[name] = a.active;
    for (const id of a.active) ownerOf.set(id, name);
  }
  for (const task of Object.values(app.tasks)) {
    const owner = ownerOf.get(task.id) ?? null;
    if (owner === task.owner && task.state) continue;
    if (owner === null) {
      task.owner = null;
      task.state = null;
      task.restoring = [];
      continue;
    }
    takeOver(ctx, app, task, owner);
  }
  for (const i of live) {
    i.epoch += 1;
    i.pollScheduled = false;
    i.commitScheduledAt = null;
  }
  const list = Object.entries(summary)
    .map(([n, ids]) => `${n}: [${ids.join(', ')}]`)
    .join('; ');
  ctx.emit(
    'streamsTasksAssigned',
    `${app.applicationId} (group ${app.applicationId}, generation ${app.generation}): tasks assigned by the stream partition assignor: ${list || 'no live instance'}`,
    { app: app.applicationId, generation: app.generation, assignment: summary },
  );
  app.error = null;
  setAppState(ctx, app, live.length > 0 ? 'RUNNING' : 'NOT_RUNNING', 'rebalance completed');
  for (const i of live) wakePoll(ctx, app, i);
  return null;
}
