// An instance's local state (state.dir): each task's stores with their `.checkpoint` offsets, and the standby
// replicas it hosts. A task that comes to an instance with a standby or a checkpoint restores only the
// changelog tail from that offset (ProcessorStateManager#initializeStoreOffsetsFromCheckpoint), not the whole
// changelog.
//
// Simplified: a checkpoint keeps a copy of the stores as they were when it was written (RocksDB would hold
// newer data too, replayed over from the checkpoint offset either way); standbys checkpoint only when closed;
// the state cleaner (state.cleanup.delay.ms) is applied when a directory is used, not on its own timer.
import type { Ctx } from '../../engine/context';
import { emptyStore } from '../runtime/stores';
import type { StoreState } from '../runtime/types';
import { decorateTopic } from '../topology/naming';
import type { StoreSpec } from '../topology/types';
import { topologyOf } from './appTopology';
import type { StreamsApp, StreamsInstance, StreamsTask } from './types';

/** StateManagerUtil.OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT: a running task checkpoints after this many writes. */
export const OFFSET_DELTA_THRESHOLD_FOR_CHECKPOINT = 10_000;
/** state.cleanup.delay.ms default: a task directory unused this long is deleted by the state cleaner. */
export const STATE_CLEANUP_DELAY_MS = 600_000;
/** acceptable.recovery.lag default: an instance this close to a changelog's end counts as caught up. */
export const ACCEPTABLE_RECOVERY_LAG = 10_000;

export function changelogTopic(app: StreamsApp, store: string): string {
  return decorateTopic(app.applicationId, `${store}-changelog`);
}

/** The changelog partition's log end offset at its leader (what the task's writes reached). */
export function changelogLogEnd(ctx: Ctx, topic: string, partition: number): number {
  const p = ctx.state.topics[topic]?.partitions[partition];
  if (!p || p.leader === null) return 0;
  return p.replicaLogs[p.leader]?.log.logEndOffset ?? 0;
}

export function logStart(ctx: Ctx, topic: string, partition: number): number {
  const p = ctx.state.topics[topic]?.partitions[partition];
  if (!p || p.leader === null) return 0;
  return p.replicaLogs[p.leader]?.log.logStartOffset ?? 0;
}

/** Logged stores of a task's sub-topology. */
export function loggedStores(app: StreamsApp, subtopology: number): StoreSpec[] {
  const t = topologyOf(app.dsl);
  const sub = t.subtopologies.find((s) => s.id === subtopology);
  return (sub?.stores ?? []).map((s) => t.stores[s]).filter((s) => s.logging);
}

/** Write the task's `.checkpoint` (StreamTask#maybeCheckpoint): its stores and their changelog offsets. */
export function checkpointTask(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, task: StreamsTask): void {
  if (!task.state) return;
  const specs = loggedStores(app, task.subtopology);
  if (specs.length === 0) return;
  const stores: Record<string, StoreState> = {};
  const checkpoint: Record<string, number> = {};
  for (const spec of specs) {
    stores[spec.name] = task.state.stores[spec.name];
    checkpoint[spec.name] = changelogLogEnd(ctx, changelogTopic(app, spec.name), task.partition);
  }
  inst.stateDir[task.id] = { stores, checkpoint, writtenAt: ctx.now };
  task.sinceCheckpoint = 0;
}

/** A standby closes cleanly: its stores and positions become the directory's checkpoint. */
export function closeStandby(ctx: Ctx, inst: StreamsInstance, taskId: string): void {
  const sb = inst.standbys[taskId];
  if (!sb) return;
  inst.stateDir[taskId] = { stores: sb.stores, checkpoint: { ...sb.positions }, writtenAt: ctx.now };
  delete inst.standbys[taskId];
}

export type LocalStart = {
  state: StoreState;
  start: number;
  from: 'log-start' | 'checkpoint' | 'standby';
  /** Why the local copy was not used, when there was one. */
  note: string | null;
};

/** Where a store of a task coming to `inst` starts restoring: a standby, a checkpoint, or the log start. */
export function localStart(
  ctx: Ctx,
  app: StreamsApp,
  inst: StreamsInstance,
  taskId: string,
  spec: StoreSpec,
  partition: number,
): LocalStart {
  const topic = changelogTopic(app, spec.name);
  const first = logStart(ctx, topic, partition);
  const end = changelogLogEnd(ctx, topic, partition);
  const fresh: LocalStart = { state: emptyStore(spec), start: first, from: 'log-start', note: null };
  const sb = inst.standbys[taskId];
  const dir = inst.stateDir[taskId];
  const local =
    sb && sb.positions[spec.name] !== undefined
      ? { state: sb.stores[spec.name], offset: sb.positions[spec.name], from: 'standby' as const }
      : dir && dir.checkpoint[spec.name] !== undefined
        ? { state: dir.stores[spec.name], offset: dir.checkpoint[spec.name], from: 'checkpoint' as const }
        : null;
  if (!local) return fresh;
  if (local.from === 'checkpoint' && dir && ctx.now - dir.writtenAt > STATE_CLEANUP_DELAY_MS)
    return {
      ...fresh,
      note: `its task directory was unused for more than state.cleanup.delay.ms=${STATE_CLEANUP_DELAY_MS} and the state cleaner deleted it`,
    };
  if (local.offset < first || local.offset > end)
    // The changelog no longer holds the checkpointed position (OffsetOutOfRange): wipe and start over.
    return {
      ...fresh,
      note: `its ${local.from} offset ${local.offset} is outside the changelog (${first} to ${end}); the local store is wiped`,
    };
  return { state: local.state, start: local.offset, from: local.from, note: null };
}

/** How far an instance's local copy of a task is behind the changelog ends (for acceptable.recovery.lag). */
export function localLag(ctx: Ctx, app: StreamsApp, inst: StreamsInstance, taskId: string): number | null {
  const [sub, part] = taskId.split('_').map(Number);
  const specs = loggedStores(app, sub);
  if (specs.length === 0) return null;
  if (!inst.standbys[taskId] && !inst.stateDir[taskId]) return null;
  let lag = 0;
  for (const spec of specs) {
    const s = localStart(ctx, app, inst, taskId, spec, part);
    if (s.from === 'log-start') return null;
    lag += changelogLogEnd(ctx, changelogTopic(app, spec.name), part) - s.start;
  }
  return lag;
}

/** The process dies: under exactly_once_v2 no checkpoint exists while tasks run, so their local state is wiped. */
export function crashLocalState(app: StreamsApp, inst: StreamsInstance): void {
  inst.standbys = {};
  if (app.guarantee !== 'exactly_once_v2') return;
  for (const task of Object.values(app.tasks)) if (task.owner === inst.name) delete inst.stateDir[task.id];
}
