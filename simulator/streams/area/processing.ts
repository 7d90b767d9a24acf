// StreamThread#runOnce on the virtual clock: restore stores batch by batch (the restore consumer), then poll
// the tasks' input partitions below the HW (LSO under exactly_once_v2), process records in timestamp order
// (max.task.idle.ms=0: the partition whose head record is oldest goes first), send outputs, repartition and
// changelog records through the thread's producer, and commit every commit.interval.ms.
import { tpKey } from '../../cluster/topicPartition';
import { storeOffsets } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import { applyChangelogRecord, RESTORE_BATCH_RECORDS } from '../runtime/restore';
import { commitTask, processRecord, type StepResult } from '../runtime/task';
import { setAppState } from './appState';
import { topologyOf } from './appTopology';
import { globalStep } from './globalThread';
import { invoke } from './invoke';
import { checkpointTask, OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT } from './localState';
import { purgeableOffsets, purgeRepartitionTopics } from './purge';
import { type FetchedRecord, fetchRecords, readCommittedView } from './reads';
import { standbyStep } from './standby';
import type { StreamsApp, StreamsInstance, StreamsTask, StreamThread } from './types';

/** max.poll.records: Streams overrides the consumer's 500 with 1000 (StreamsConfig CONSUMER_DEFAULT_OVERRIDES). */
export const MAX_POLL_RECORDS = 1000;

/** Late records kept per task for the window view. */
const LATE_KEPT = 20;

/** Wake the thread's poll loop (nothing runs on a quiet cluster: a poll is scheduled when data arrives). */
export function wakePoll(
  ctx: Ctx,
  app: StreamsApp,
  inst: StreamsInstance,
  th: StreamThread,
  delayMs = ctx.state.latencyMs,
): void {
  if (inst.status !== 'RUNNING' || th.pollScheduled) return;
  th.pollScheduled = true;
  ctx.schedule(delayMs, {
    type: 'streamsPoll',
    app: app.applicationId,
    instance: inst.name,
    thread: th.index,
    epoch: th.epoch,
  });
}

function scheduleCommit(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, th: StreamThread): void {
  if (th.commitScheduledAt !== null) return;
  // StreamThread#maybeCommit runs every loop and commits once commit.interval.ms passed since the last one
  // (an idle thread's no-op commits count), so commits fall on a commit.interval.ms grid from the last commit.
  const periods = Math.max(1, Math.ceil((ctx.now - th.lastCommit) / app.commitIntervalMs));
  const at = th.lastCommit + periods * app.commitIntervalMs;
  th.commitScheduledAt = at;
  ctx.scheduleAt(at, {
    type: 'streamsCommit',
    app: app.applicationId,
    instance: inst.name,
    thread: th.index,
    epoch: th.epoch,
  });
}

export function threadTasks(app: StreamsApp, inst: StreamsInstance, th: StreamThread): StreamsTask[] {
  return Object.values(app.tasks).filter((t) => t.owner === inst.name && t.thread === th.index);
}

/** One restore-consumer poll for a restoring task: up to RESTORE_BATCH_RECORDS records of each store. */
function restoreStep(ctx: Ctx, app: StreamsApp, task: StreamsTask): void {
  const t = topologyOf(app.dsl);
  const view = readCommittedView(ctx.state);
  for (const r of task.restoring) {
    if (r.next >= r.end) continue;
    const got = fetchRecords(
      ctx,
      view,
      r.topic,
      task.partition,
      r.next,
      RESTORE_BATCH_RECORDS,
      app.guarantee === 'exactly_once_v2',
    );
    const spec = t.stores[r.store];
    for (const rec of got.records) {
      if (rec.offset >= r.end) break;
      if (rec.key === null) continue;
      r.state = applyChangelogRecord(spec, r.state, {
        key: rec.key,
        value: rec.value,
        timestamp: rec.timestamp,
      });
    }
    r.next = got.records.length === 0 && got.next <= r.next ? r.end : Math.min(got.next, r.end);
    const total = r.end - r.start;
    const done = r.next - r.start;
    ctx.emit(
      'streamsRestore',
      `${app.applicationId} task ${task.id}: restored ${done} of ${total} records of ${r.store} from ${r.topic}-${task.partition}`,
      { app: app.applicationId, task: task.id, store: r.store, restored: done, total, done: r.next >= r.end },
    );
  }
  if (task.restoring.every((r) => r.next >= r.end) && task.state) {
    const stores = { ...task.state.stores };
    for (const r of task.restoring) stores[r.store] = r.state;
    task.state = { ...task.state, stores };
    task.restoring = [];
    task.status = 'RUNNING';
    ctx.emit(
      'streamsRestore',
      `${app.applicationId} task ${task.id}: restoration completed; the task is RUNNING and starts processing from its committed offsets`,
      { app: app.applicationId, task: task.id, store: '', restored: 0, total: 0, done: true },
    );
  }
}

type Pending = { topic: string; records: FetchedRecord[]; i: number };

/** Send a step's outputs and changelog records through the thread's producer (in its open transaction). */
function sendStep(
  ctx: Ctx,
  app: StreamsApp,
  task: StreamsTask,
  inst: StreamThread,
  step: StepResult & { ok: true },
): void {
  if (step.outputs.length + step.changelog.length === 0) return;
  task.sinceCheckpoint += step.changelog.length;
  if (app.guarantee === 'exactly_once_v2' && !inst.inTransaction) {
    const began = invoke(ctx, { type: 'producerBeginTransaction', producer: inst.producer });
    if (began.ok) inst.inTransaction = true;
  }
  for (const o of step.outputs) {
    invoke(ctx, {
      type: 'producerSend',
      producer: inst.producer,
      topic: o.topic,
      ...(o.partition !== undefined ? { partition: o.partition } : {}),
      key: o.key,
      value: o.value,
      timestamp: o.timestamp,
    });
    app.sent[o.topic] = (app.sent[o.topic] ?? 0) + 1;
  }
  for (const c of step.changelog) {
    invoke(ctx, {
      type: 'producerSend',
      producer: inst.producer,
      topic: c.topic,
      partition: c.partition,
      key: c.key,
      value: c.value,
      timestamp: c.timestamp,
    });
  }
}

function recordStepEvents(ctx: Ctx, app: StreamsApp, task: StreamsTask, step: StepResult): void {
  for (const e of step.events) {
    if (e.type === 'recordForwarded') {
      task.nodeCounts[e.to] = (task.nodeCounts[e.to] ?? 0) + 1;
      continue;
    }
    if (e.type === 'streamTimeAdvanced' || e.type === 'storeUpdated' || e.type === 'recordFiltered') continue;
    if (e.type === 'recordDropped' && e.cause === 'expiredWindow')
      task.late = [...task.late, { node: e.node, key: e.key, timestamp: e.timestamp }].slice(-LATE_KEPT);
    ctx.emit('streamsRecordEvent', `${app.applicationId} task ${task.id}: ${e.reason}`, {
      app: app.applicationId,
      task: task.id,
      kind: e.type,
      node: 'node' in e ? e.node : '',
    });
  }
}

/** Process what the task's partitions hold, oldest head record first; returns how many records it read. */
function processTask(
  ctx: Ctx,
  app: StreamsApp,
  owner: StreamsInstance,
  inst: StreamThread,
  task: StreamsTask,
  budget: number,
): number {
  const t = topologyOf(app.dsl);
  const view = readCommittedView(ctx.state);
  const eos = app.guarantee === 'exactly_once_v2';
  const pending: Pending[] = task.sources.map((topic) => ({
    topic,
    records: fetchRecords(
      ctx,
      view,
      topic,
      task.partition,
      task.positions[tpKey(topic, task.partition)] ?? 0,
      budget,
      eos,
    ).records,
    i: 0,
  }));
  let read = 0;
  let outputs = 0;
  let changelog = 0;
  while (read < budget && task.state) {
    let best: Pending | null = null;
    for (const p of pending) {
      if (p.i >= p.records.length) continue;
      if (!best || p.records[p.i].timestamp < best.records[best.i].timestamp) best = p;
    }
    if (!best) break;
    const rec = best.records[best.i++];
    read++;
    const undecorated = best.topic.startsWith(`${app.applicationId}-`)
      ? best.topic.slice(app.applicationId.length + 1)
      : best.topic;
    const source = t.order.find((n) => {
      const node = t.nodes[n];
      return (
        node.kind === 'source' && (node.topics.includes(undecorated) || node.topics.includes(best!.topic))
      );
    });
    if (source) {
      // A source forwards every record to all its children (the core traces only processor-to-processor edges).
      task.nodeCounts[source] = (task.nodeCounts[source] ?? 0) + 1;
      const node = t.nodes[source];
      if (node.kind === 'source')
        for (const c of node.children) task.nodeCounts[c] = (task.nodeCounts[c] ?? 0) + 1;
    }
    const step = processRecord(
      t,
      task.state,
      {
        topic: best.topic,
        partition: task.partition,
        offset: rec.offset,
        key: rec.key,
        value: rec.value,
        timestamp: rec.timestamp,
      },
      {
        applicationId: app.applicationId,
        trace: true,
        cacheMaxBytes: app.cacheMaxBytes,
        globals: owner.global ? { stores: owner.global.stores } : undefined,
      },
    );
    recordStepEvents(ctx, app, task, step);
    if (!step.ok) {
      // LogAndFailExceptionHandler (the default): the thread dies and the client goes to ERROR.
      app.error = `StreamsException: Exception caught in process. taskId=${task.id}, processor=${step.error.node ?? '?'}, topic=${best.topic}, partition=${task.partition}, offset=${rec.offset}: ${step.error.message}`;
      setAppState(ctx, app, 'ERROR', app.error);
      return read;
    }
    task.state = step.task;
    task.positions[tpKey(best.topic, task.partition)] = rec.offset + 1;
    task.dirty = true;
    outputs += step.outputs.length;
    changelog += step.changelog.length;
    sendStep(ctx, app, task, inst, step);
  }
  // Markers and skipped aborted records after the last record read still move the position.
  for (const p of pending) {
    if (p.i < p.records.length) continue;
    const key = tpKey(p.topic, task.partition);
    const pos = task.positions[key] ?? 0;
    const after = fetchRecords(ctx, view, p.topic, task.partition, pos, 1, eos);
    if (after.records.length === 0 && after.next > pos) task.positions[key] = after.next;
  }
  if (read > 0) {
    ctx.emit(
      'streamsProcessed',
      `${app.applicationId} task ${task.id} on ${inst.name} processed ${read} record(s): ${outputs} sent downstream, ${changelog} to changelogs`,
      { app: app.applicationId, task: task.id, records: read, outputs, changelog },
    );
  }
  return read;
}

export function pollOnce(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, th: StreamThread): void {
  if (app.state === 'ERROR') return;
  let budget = MAX_POLL_RECORDS;
  let more = false;
  globalStep(ctx, app, inst);
  for (const task of threadTasks(app, inst, th)) {
    if (task.status === 'RESTORING') {
      // One restore batch per loop; once RUNNING, the task's input is processed on the next loop.
      restoreStep(ctx, app, task);
      more = true;
      continue;
    }
    const read = processTask(ctx, app, inst, th, task, budget);
    budget -= read;
    if (budget <= 0) more = true;
    if ((app.state as string) === 'ERROR') return;
  }
  if (standbyStep(ctx, app, inst, th)) more = true;
  if (threadTasks(app, inst, th).some((t) => t.dirty)) scheduleCommit(ctx, app, inst, th);
  if (more) wakePoll(ctx, app, inst, th);
}

/**
 * TaskManager#commit: flush the record caches, then at_least_once: flush the producer and commit the consumed
 * offsets; exactly_once_v2: sendOffsetsToTransaction + commitTransaction (outputs, changelog writes and offsets
 * become visible together).
 */
export function commitThread(
  ctx: Ctx,
  app: StreamsApp,
  owner: StreamsInstance,
  inst: StreamThread,
  why: string,
): void {
  const t = topologyOf(app.dsl);
  const tasks = threadTasks(app, owner, inst).filter((task) => task.status === 'RUNNING' && task.state);
  for (const task of tasks) {
    const step = commitTask(t, task.state!, {
      applicationId: app.applicationId,
      cacheMaxBytes: app.cacheMaxBytes,
      globals: owner.global ? { stores: owner.global.stores } : undefined,
    });
    recordStepEvents(ctx, app, task, step);
    if (step.ok) {
      task.state = step.task;
      sendStep(ctx, app, task, inst, step);
    }
  }
  const dirty = tasks.filter((task) => task.dirty);
  const offsets = dirty.flatMap((task) =>
    task.sources.map((topic) => ({
      topic,
      partition: task.partition,
      offset: task.positions[tpKey(topic, task.partition)] ?? 0,
    })),
  );
  inst.lastCommit = ctx.now;
  if (offsets.length > 0 || inst.inTransaction) {
    inst.committing = true;
    try {
      if (!endCommit(ctx, app, owner, inst, dirty, offsets, why)) return;
    } finally {
      inst.committing = false;
    }
  }
  maybePurge(ctx, app, owner, inst);
}

/**
 * StreamThread#maybeCommit: after a commit, every repartition.purge.interval.ms, purge consumed records. The
 * real loop tries on every commit interval, idle or not; here a thread with records left to purge schedules
 * the commit at which the purge falls due.
 */
function maybePurge(ctx: Ctx, app: StreamsApp, owner: StreamsInstance, th: StreamThread): void {
  const tasks = threadTasks(app, owner, th);
  if (ctx.now - th.lastPurge > app.repartitionPurgeIntervalMs) {
    th.lastPurge = ctx.now;
    purgeRepartitionTopics(ctx, app, th, tasks);
    return;
  }
  if (th.commitScheduledAt !== null || purgeableOffsets(ctx, app, tasks).length === 0) return;
  const due = th.lastPurge + app.repartitionPurgeIntervalMs + 1;
  const periods = Math.max(1, Math.ceil((due - th.lastCommit) / app.commitIntervalMs));
  th.commitScheduledAt = th.lastCommit + periods * app.commitIntervalMs;
  ctx.scheduleAt(th.commitScheduledAt, {
    type: 'streamsCommit',
    app: app.applicationId,
    instance: owner.name,
    thread: th.index,
    epoch: th.epoch,
  });
}

/** The commit itself (blocking, as the Java calls are); false when it failed. */
function endCommit(
  ctx: Ctx,
  app: StreamsApp,
  owner: StreamsInstance,
  inst: StreamThread,
  dirty: StreamsTask[],
  offsets: Array<{ topic: string; partition: number; offset: number }>,
  why: string,
): boolean {
  if (app.guarantee === 'exactly_once_v2') {
    if (!inst.inTransaction) {
      const began = invoke(ctx, { type: 'producerBeginTransaction', producer: inst.producer });
      if (!began.ok) return false;
      inst.inTransaction = true;
    }
    if (offsets.length > 0)
      invoke(ctx, {
        type: 'producerSendOffsetsToTransaction',
        producer: inst.producer,
        groupId: app.applicationId,
        offsets,
      });
    const committed = invoke(ctx, { type: 'producerCommitTransaction', producer: inst.producer });
    inst.inTransaction = false;
    if (!committed.ok) {
      app.error = `TaskMigratedException: ${committed.error.message}`;
      setAppState(ctx, app, 'ERROR', app.error);
      return false;
    }
  } else {
    invoke(ctx, { type: 'producerFlush', producer: inst.producer });
    storeOffsets(ctx, app.applicationId, offsets, `${inst.name}-consumer`, 'sync', why);
    // StreamTask#postCommit: at_least_once checkpoints once enough changelog records were written.
    for (const task of dirty)
      if (task.sinceCheckpoint > OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT) checkpointTask(ctx, app, owner, task);
  }
  for (const task of dirty) task.dirty = false;
  ctx.emit(
    'streamsCommitted',
    `${app.applicationId} ${inst.name} committed ${offsets.map((o) => `${tpKey(o.topic, o.partition)}=${o.offset}`).join(', ')} (${why})${app.guarantee === 'exactly_once_v2' ? ' in one transaction with its outputs and changelog writes' : ' after flushing its producer'}`,
    {
      app: app.applicationId,
      instance: owner.name,
      offsets,
      transactional: app.guarantee === 'exactly_once_v2',
    },
  );
  return true;
}

/** Commit every thread of the instance (KafkaStreams#close commits before it stops). */
export function commitInstance(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, why: string): void {
  for (const th of inst.threads) commitThread(ctx, app, inst, th, why);
}
