// Which tasks each worker runs in memory, kept in step with the statuses the control plane holds: a task runs
// while its connector's target state is STARTED, its status is RUNNING and its worker is up. Starting a task
// loads its offsets (connect-offsets for a source, the `connect-<name>` group for a sink); stopping it
// cleanly flushes them first (WorkerSourceTask/WorkerSinkTask#close); a crash loses what was not flushed.
import { storeOffsets } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import type { ConnectorEntry } from '../rest/types';
import { area } from './group';
import { appendRecords, OFFSET_STORAGE_TOPIC } from './kafkaLog';
import { sinkClientId, sinkGroupId, sinkMemberId, syncSinkGroups } from './sinkGroup';
import { committableOffsets } from './sinkTask';
import type { TaskRuntime } from './types';

/** Sink tasks poll continuously; the simulation runs one poll per second. */
export const SINK_POLL_MS = 1000;

const workerUp = (ctx: Ctx, id: string) =>
  area(ctx).workers.some((w) => w.id === id && w.state === 'running');

function shouldRun(ctx: Ctx, c: ConnectorEntry, task: number): string | null {
  const s = c.taskStatuses[task];
  if (!s || c.targetState !== 'STARTED' || s.state !== 'RUNNING' || !workerUp(ctx, s.workerId)) return null;
  return s.workerId;
}

/** OffsetStorageWriter#doFlush for a source task, or the sink task's offset commit to its group. */
export function flushTask(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry, why: string): string[] {
  const a = area(ctx);
  const flushed: string[] = [];
  if (rt.kind === 'source') {
    for (const [key, offset] of Object.entries(rt.sourceOffsets)) {
      if (JSON.stringify(a.committedSourceOffsets[key]) === JSON.stringify(offset)) continue;
      a.committedSourceOffsets[key] = offset;
      if (a.mode === 'distributed')
        appendRecords(ctx, OFFSET_STORAGE_TOPIC, [{ key, value: JSON.stringify(offset) }]);
      flushed.push(`${key} → ${JSON.stringify(offset)}`);
    }
  } else {
    const offsets = committableOffsets(c, rt).filter(
      (o) =>
        ctx.state.areas.consumers.groups[sinkGroupId(rt.connector)]?.offsets[`${o.topic}-${o.partition}`]
          ?.offset !== o.offset,
    );
    if (offsets.length > 0) {
      storeOffsets(ctx, sinkGroupId(rt.connector), offsets, sinkClientId(rt.connector, rt.task), 'sync', why);
      for (const o of offsets) flushed.push(`${o.topic}-${o.partition}=${o.offset}`);
    }
  }
  if (flushed.length > 0 && rt.kind === 'source')
    ctx.emit(
      'connectOffsetsFlushed',
      `worker ${rt.worker} flushed the source offsets of task ${rt.connector}-${rt.task} to ${a.mode === 'distributed' ? OFFSET_STORAGE_TOPIC : 'its offsets file'} (${why}): ${flushed.join(', ')}; a restarted task resumes after them`,
      { worker: rt.worker, connector: rt.connector, task: rt.task, offsets: flushed },
    );
  return flushed;
}

function startTask(ctx: Ctx, c: ConnectorEntry, task: number, worker: string): void {
  const a = area(ctx);
  const id = `${c.name}-${task}`;
  const epoch = (a.taskEpochs[id] ?? 0) + 1;
  a.taskEpochs[id] = epoch;
  a.runtime[id] = {
    connector: c.name,
    task,
    worker,
    epoch,
    kind: c.type,
    sourceOffsets: {},
    positions: {},
    s3Writers: {},
    ...(c.type === 'sink' ? { memberId: sinkMemberId(ctx, c.name, task) } : {}),
  };
  ctx.emit(
    'connectTaskStarted',
    `worker ${worker} started task ${id}${
      c.type === 'source'
        ? ' from its offsets in connect-offsets'
        : ` in consumer group ${sinkGroupId(c.name)} from the group's committed offsets (earliest when none)`
    }`,
    { connector: c.name, task, worker },
  );
  ctx.schedule(1, { type: 'connectTaskPoll', connector: c.name, task, epoch });
}

/** Stop a task: a clean stop flushes its offsets first, a crash (worker gone) loses them. */
export function stopTask(ctx: Ctx, rt: TaskRuntime, clean: boolean, why: string): void {
  const a = area(ctx);
  const c = a.cluster.connectors.find((x) => x.name === rt.connector);
  if (clean && c) flushTask(ctx, rt, c, `task stopping: ${why}`);
  delete a.runtime[`${rt.connector}-${rt.task}`];
  ctx.emit(
    'connectTaskStopped',
    `task ${rt.connector}-${rt.task} stopped on ${rt.worker} (${why})${clean ? '' : '; offsets not flushed since the last flush are lost, so its successor re-reads those records'}`,
    { connector: rt.connector, task: rt.task, worker: rt.worker, committed: clean },
  );
}

/** Start and stop in-memory tasks so they match the statuses (after every command that may change them). */
export function reconcileTasks(ctx: Ctx): void {
  const a = area(ctx);
  for (const rt of Object.values(a.runtime)) {
    const c = a.cluster.connectors.find((x) => x.name === rt.connector);
    const owner = c ? shouldRun(ctx, c, rt.task) : null;
    if (owner !== rt.worker) {
      const clean = workerUp(ctx, rt.worker);
      stopTask(
        ctx,
        rt,
        clean,
        !c ? 'connector deleted' : clean ? 'revoked, paused or stopped' : 'its worker is down',
      );
    }
  }
  for (const c of a.cluster.connectors)
    for (let task = 0; task < c.taskStatuses.length; task++) {
      const owner = shouldRun(ctx, c, task);
      if (owner && !a.runtime[`${c.name}-${task}`]) startTask(ctx, c, task, owner);
    }
  syncSinkGroups(ctx);
}
