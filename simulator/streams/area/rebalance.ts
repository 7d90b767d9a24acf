// What the group leader's StreamsPartitionAssignor does at each rebalance of an application's group
// (group.id = application.id), on the virtual clock of the classic protocol: a membership change starts a join
// phase (group.initial.rebalance.delay.ms for an empty group, else the live members rejoin at their next
// heartbeat; a dead member holds the phase until session.timeout.ms removes it), then the leader plans the
// internal topics' partition counts (creating missing ones with Kafka's configs), lists the tasks, spreads them
// over the live instances' threads, places standbys, and hands moved tasks to their new owner, which restores
// their stores from the changelog (only the tail when it has a standby or a checkpoint) before it processes.
//
// Streams rebalances cooperatively (StreamsPartitionAssignor supports COOPERATIVE): tasks keep running during
// the join phase; a task that moves is first revoked by its owner (committed, closed, checkpointed) and given
// to its new owner in a follow-up rebalance.
//
// Simplified: SyncGroup is instant; the task assignment is the sticky, thread-proportional one of
// tasks/assignment.ts (no warm-up replicas or probing rebalances); standbys go to the instances holding the
// least standbys, preferring one that already has the task's state.
import { tpKey } from '../../cluster/topicPartition';
import { createTopicInternal } from '../../cluster/topics';
import { GROUP_INITIAL_REBALANCE_DELAY_MS } from '../../consumer/group/types';
import { committedOffset } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import type { KafkaError } from '../../engine/registry';
import { createTask } from '../runtime/task';
import { assignTasks } from '../tasks/assignment';
import { type PartitionPlan, planPartitions } from '../tasks/partitions';
import { decorateTopic } from '../topology/naming';
import type { Topology } from '../topology/types';
import { setAppState } from './appState';
import { brokerTopic, topologyOf } from './appTopology';
import { groupState, groupTo, MAX_POLL_INTERVAL_MS, nextHeartbeat, syncGroupMembers } from './groupMembers';
import {
  ACCEPTABLE_RECOVERY_LAG,
  changelogTopic,
  checkpointTask,
  closeStandby,
  localLag,
  localStart,
  loggedStores,
  logStart,
} from './localState';
import { commitThread, wakePoll } from './processing';
import { changelogEnd } from './reads';
import type { StreamsApp, StreamsInstance, StreamsTask, StreamThread } from './types';

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
    thread: null,
    status: 'RESTORING',
    state: null,
    restoring: [],
    positions: {},
    dirty: false,
    nodeCounts: {},
    sinceCheckpoint: 0,
    late: [],
  };
}

const WHY_FROM = {
  'log-start': 'no local state: the whole changelog',
  checkpoint: 'from its .checkpoint offset: only the changelog tail',
  standby: 'its standby replica was kept up to date: only the tail it had not applied yet',
} as const;

/** A new owner takes the task: positions from the group's committed offsets, stores from local state + changelog. */
function takeOver(
  ctx: Ctx,
  app: StreamsApp,
  task: StreamsTask,
  inst: StreamsInstance,
  th: StreamThread,
): void {
  const t = topologyOf(app.dsl);
  task.owner = inst.name;
  task.thread = th.index;
  task.state = createTask(t, task.subtopology, task.partition);
  task.dirty = false;
  task.positions = {};
  task.sinceCheckpoint = 0;
  const groups = ctx.state.areas.consumers;
  for (const topic of task.sources) {
    const committed = committedOffset(groups, app.applicationId, topic, task.partition);
    // Streams overrides auto.offset.reset to earliest (StreamsConfig CONSUMER_DEFAULT_OVERRIDES).
    task.positions[tpKey(topic, task.partition)] = committed ?? logStart(ctx, topic, task.partition);
  }
  task.restoring = [];
  const eos = app.guarantee === 'exactly_once_v2';
  for (const spec of loggedStores(app, task.subtopology)) {
    const topic = changelogTopic(app, spec.name);
    const local = localStart(ctx, app, inst, task.id, spec, task.partition);
    const end = changelogEnd(ctx, topic, task.partition, eos);
    const start = Math.min(local.start, end);
    const n = end - start;
    if (n <= 0) task.state = { ...task.state, stores: { ...task.state.stores, [spec.name]: local.state } };
    else task.restoring.push({ store: spec.name, topic, start, end, next: start, state: local.state });
    ctx.emit(
      'streamsRestore',
      n <= 0
        ? `${app.applicationId} task ${task.id} on ${th.name}: ${spec.name} is up to date from its ${local.from} (offset ${start} of ${topic}-${task.partition}); nothing to restore`
        : `${app.applicationId} task ${task.id} on ${th.name}: restoring ${n} records of ${spec.name} from ${topic}-${task.partition}, offsets ${start} to ${end} (${WHY_FROM[local.from]}${local.note ? `; ${local.note}` : ''}); the task processes nothing until this is done`,
      {
        app: app.applicationId,
        task: task.id,
        store: spec.name,
        restored: 0,
        total: Math.max(0, n),
        done: n <= 0,
        from: local.from,
      },
    );
  }
  // A standby becomes the active task (recycled); under exactly_once_v2 the checkpoint is deleted while the
  // task runs (ProcessorStateManager#initializeStoreOffsetsFromCheckpoint), so a crash leaves none.
  delete inst.standbys[task.id];
  if (eos) delete inst.stateDir[task.id];
  task.status = task.restoring.length > 0 ? 'RESTORING' : 'RUNNING';
}

/** A standby of a stateful task starts on `inst`: from its checkpoint if it has one, else the log start. */
function startStandby(
  ctx: Ctx,
  app: StreamsApp,
  inst: StreamsInstance,
  taskId: string,
  thread: number,
): void {
  const [sub, part] = taskId.split('_').map(Number);
  const stores: Record<string, import('../runtime/types').StoreState> = {};
  const positions: Record<string, number> = {};
  for (const spec of loggedStores(app, sub)) {
    const local = localStart(ctx, app, inst, taskId, spec, part);
    stores[spec.name] = local.state;
    positions[spec.name] = local.start;
  }
  inst.standbys[taskId] = { thread, stores, positions };
}

function running(app: StreamsApp): StreamsInstance[] {
  return Object.values(app.instances).filter((i) => i.status === 'RUNNING');
}

/** A dead member (stopped or crashed, not yet timed out) keeps the join phase open. */
function deadMembers(app: StreamsApp): StreamsInstance[] {
  return Object.values(app.instances).filter((i) => i.inGroup && i.status !== 'RUNNING');
}

/**
 * Start a join phase (or extend the initial one): the group goes PreparingRebalance. Members that must rejoin
 * at once (a new member, a member that just revoked) are in `immediate`; the others rejoin at their next
 * heartbeat (the heartbeat response says REBALANCE_IN_PROGRESS).
 */
export function requestRebalance(ctx: Ctx, app: StreamsApp, why: string, immediate: string[] = []): void {
  if (app.join) {
    if (app.join.initial) {
      // InitialDelayedJoin: each new member extends the delay, up to the rebalance timeout.
      app.join.deadline = Math.min(
        ctx.now + GROUP_INITIAL_REBALANCE_DELAY_MS,
        app.join.startedAt + MAX_POLL_INTERVAL_MS,
      );
      ctx.scheduleAt(app.join.deadline, {
        type: 'streamsJoinDeadline',
        app: app.applicationId,
        at: app.join.deadline,
      });
    }
    return;
  }
  const initial = groupState(ctx, app) === 'Empty' || groupState(ctx, app) === 'Dead';
  let deadline = ctx.now;
  if (initial) deadline = ctx.now + GROUP_INITIAL_REBALANCE_DELAY_MS;
  else
    for (const i of running(app))
      for (const th of i.threads)
        if (!immediate.includes(th.memberId) && th.since !== ctx.now)
          deadline = Math.max(deadline, nextHeartbeat(th.since, ctx.now));
  app.join = { startedAt: ctx.now, deadline, initial, reason: why };
  setAppState(ctx, app, 'REBALANCING', why);
  syncGroupMembers(ctx, app);
  groupTo(
    ctx,
    app,
    'PreparingRebalance',
    `${why}; rebalance starts (${initial ? `waiting group.initial.rebalance.delay.ms=${GROUP_INITIAL_REBALANCE_DELAY_MS} for more members` : 'cooperative: the threads keep processing their tasks and rejoin at their next heartbeat'})`,
  );
  ctx.scheduleAt(deadline, { type: 'streamsJoinDeadline', app: app.applicationId, at: deadline });
}

/** The join deadline passed: complete unless a dead member still has to be removed by its session timeout. */
export function onJoinDeadline(ctx: Ctx, app: StreamsApp, at: number): void {
  if (!app.join || app.join.deadline !== at) return;
  if (deadMembers(app).length > 0) return; // streamsSessionTimeout completes the join
  completeRebalance(ctx, app);
}

/** session.timeout.ms passed without a heartbeat: the coordinator removes the instance's members. */
export function removeDeadMembers(ctx: Ctx, app: StreamsApp, inst: StreamsInstance): void {
  inst.inGroup = false;
  for (const t of Object.values(app.tasks))
    if (t.owner === inst.name) {
      t.owner = null;
      t.thread = null;
      t.state = null;
      t.restoring = [];
    }
  const why = `members ${inst.threads.map((th) => `${th.name}-consumer`).join(', ')} sent no heartbeat for session.timeout.ms; the group coordinator removed them`;
  if (!app.join) {
    requestRebalance(ctx, app, why);
    return;
  }
  syncGroupMembers(ctx, app);
  if (ctx.now >= app.join.deadline && deadMembers(app).length === 0) completeRebalance(ctx, app);
}

type Slot = { inst: StreamsInstance; th: StreamThread };

/** Standbys: num.standby.replicas copies of each stateful task on other instances than its active owner. */
function placeStandbys(
  ctx: Ctx,
  app: StreamsApp,
  live: StreamsInstance[],
  owners: Map<string, Slot>,
  stateful: string[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>(live.map((i) => [i.name, new Map()]));
  if (app.numStandbyReplicas === 0) return out;
  const load = (i: StreamsInstance) => out.get(i.name)!.size;
  for (const task of stateful) {
    const active = owners.get(task)?.inst.name;
    const candidates = live
      .filter((i) => i.name !== active)
      .sort(
        (a, b) =>
          Number(localLag(ctx, app, b, task) !== null) - Number(localLag(ctx, app, a, task) !== null) ||
          load(a) - load(b) ||
          (a.processId < b.processId ? -1 : 1),
      )
      .slice(0, app.numStandbyReplicas);
    for (const i of candidates) {
      // the thread with the fewest tasks (active and standby) hosts it
      const counts = i.threads.map(
        (th) =>
          [...owners.values()].filter((s) => s.inst === i && s.th === th).length +
          [...out.get(i.name)!.values()].filter((x) => x === th.index).length,
      );
      out.get(i.name)!.set(task, i.threads[counts.indexOf(Math.min(...counts))].index);
    }
  }
  return out;
}

/** The leader's assignment and SyncGroup: the next generation. */
export function completeRebalance(ctx: Ctx, app: StreamsApp): void {
  const t = topologyOf(app.dsl);
  const why = app.join?.reason ?? 'rebalance';
  app.join = null;
  const live = running(app);
  const leader = live[0]?.threads[0];
  const planned = plan(ctx, app, leader ? `${leader.name}-consumer` : 'StreamThread-1-consumer');
  app.generation += 1;
  if (!planned.ok) {
    app.error = `${planned.exception}: ${planned.error}`;
    for (const task of Object.values(app.tasks)) {
      task.owner = null;
      task.thread = null;
    }
    syncGroupMembers(ctx, app);
    groupTo(ctx, app, live.length > 0 ? 'Stable' : 'Empty', `the leader's assignor failed: ${app.error}`);
    setAppState(ctx, app, 'ERROR', app.error);
    return;
  }
  const made = ensureInternalTopics(ctx, app, planned.partitions);
  if (made) {
    app.error = made.message;
    setAppState(ctx, app, 'ERROR', made.message);
    return;
  }
  app.partitions = planned.partitions;
  if (live.length === 0) {
    for (const task of Object.values(app.tasks)) {
      task.owner = null;
      task.thread = null;
      task.state = null;
    }
    syncGroupMembers(ctx, app);
    groupTo(ctx, app, 'Empty', `no members left after ${why}; generation ${app.generation}, group is Empty`);
    setAppState(ctx, app, 'NOT_RUNNING', 'no running instance');
    return;
  }
  for (const d of planned.tasks)
    if (!app.tasks[d.id]) app.tasks[d.id] = newTask(app, t, d.id, d.subtopology, d.partition);
  const byProcess = new Map(live.map((i) => [i.processId, i]));
  const assignment = assignTasks(
    planned.tasks,
    live.map((i) => {
      const previous = i.threads.map((th) =>
        Object.values(app.tasks)
          .filter((task) => task.owner === i.name && task.thread === th.index)
          .map((task) => task.id),
      );
      const caughtUp = planned.tasks
        .map((d) => d.id)
        .filter((id) => {
          const lag = localLag(ctx, app, i, id);
          return lag !== null && lag <= ACCEPTABLE_RECOVERY_LAG;
        });
      return { processId: i.processId, threads: i.threads.length, previous, caughtUp };
    }),
  );
  const owners = new Map<string, Slot>();
  for (const a of assignment) {
    const inst = byProcess.get(a.processId)!;
    a.threads.forEach((ids, n) => {
      for (const id of ids) owners.set(id, { inst, th: inst.threads[n] });
    });
  }
  const statefulIds = planned.tasks.filter((d) => d.stateful).map((d) => d.id);
  const standbys = placeStandbys(ctx, app, live, owners, statefulIds);

  groupTo(
    ctx,
    app,
    'CompletingRebalance',
    `all ${live.reduce((n, i) => n + i.threads.length, 0)} member(s) joined; generation ${app.generation}; leader ${leader!.name}-consumer computes the assignment with stream (StreamsPartitionAssignor)`,
  );

  // Cooperative: an owner that loses a task revokes it first (commit, close, checkpoint).
  const revoked = new Map<StreamThread, { inst: StreamsInstance; tasks: StreamsTask[] }>();
  for (const task of Object.values(app.tasks)) {
    const next = owners.get(task.id);
    const cur = task.owner ? app.instances[task.owner] : undefined;
    const curTh = cur?.threads.find((x) => x.index === task.thread);
    if (cur && curTh && cur.status === 'RUNNING' && task.state) {
      if (next && next.inst === cur && next.th === curTh) continue;
      const r = revoked.get(curTh) ?? { inst: cur, tasks: [] };
      r.tasks.push(task);
      revoked.set(curTh, r);
      continue;
    }
    if (!next) {
      task.owner = null;
      task.thread = null;
      task.state = null;
      task.restoring = [];
      continue;
    }
    takeOver(ctx, app, task, next.inst, next.th);
  }
  for (const [th, r] of revoked) {
    commitThread(ctx, app, r.inst, th, 'tasks revoked in a rebalance are committed first');
    for (const task of r.tasks) {
      checkpointTask(ctx, app, r.inst, task);
      task.owner = null;
      task.thread = null;
      task.state = null;
      task.restoring = [];
    }
    ctx.emit(
      'streamsTasksRevoked',
      `${app.applicationId}: ${th.name} revokes task(s) ${r.tasks.map((x) => x.id).join(', ')} (cooperative rebalancing: only the tasks that move; committed, closed and checkpointed); it rejoins so a follow-up rebalance gives them to their new owner`,
      { app: app.applicationId, thread: th.name, tasks: r.tasks.map((x) => x.id) },
    );
  }
  // Standbys: close those no longer assigned (checkpointed), start new ones.
  for (const i of live) {
    const want = standbys.get(i.name)!;
    for (const id of Object.keys(i.standbys)) if (!want.has(id)) closeStandby(ctx, i, id);
    for (const [id, thread] of want) {
      if (i.standbys[id]) i.standbys[id].thread = thread;
      else startStandby(ctx, app, i, id, thread);
    }
  }
  for (const i of live)
    for (const th of i.threads) {
      th.epoch += 1;
      th.pollScheduled = false;
      th.commitScheduledAt = null;
    }
  syncGroupMembers(ctx, app);
  const summary: Record<string, string[]> = {};
  const standbySummary: Record<string, string[]> = {};
  for (const i of live)
    for (const th of i.threads) {
      summary[th.name] = Object.values(app.tasks)
        .filter((task) => task.owner === i.name && task.thread === th.index)
        .map((task) => task.id);
      standbySummary[th.name] = Object.entries(i.standbys)
        .filter(([, sb]) => sb.thread === th.index)
        .map(([id]) => id);
    }
  const list = Object.entries(summary)
    .map(
      ([n, ids]) =>
        `${n}: active [${ids.join(', ')}]${standbySummary[n].length ? ` standby [${standbySummary[n].join(', ')}]` : ''}`,
    )
    .join('; ');
  groupTo(ctx, app, 'Stable', `the leader's SyncGroup delivered generation ${app.generation} (${list})`);
  ctx.emit(
    'streamsTasksAssigned',
    `${app.applicationId} (group ${app.applicationId}, generation ${app.generation}, after ${why}): tasks assigned by the stream partition assignor: ${list}`,
    { app: app.applicationId, generation: app.generation, assignment: summary, standbys: standbySummary },
  );
  app.error = null;
  if (revoked.size > 0) {
    requestRebalance(
      ctx,
      app,
      `${[...revoked.keys()].map((th) => `${th.name}-consumer`).join(', ')} revoked tasks that move (cooperative follow-up rebalance)`,
      [...revoked.keys()].map((th) => th.memberId),
    );
  } else setAppState(ctx, app, 'RUNNING', `rebalance completed (generation ${app.generation})`);
  for (const i of live) for (const th of i.threads) wakePoll(ctx, app, i, th);
}
