// Virtual time: advanceClock runs every task due in the span, in (time, seq) order, then sets the clock.
import type { Ctx } from './context';
import { type CommandHandlers, defineArea, fail, okVoid, taskHandler } from './registry';
import { heapPeek, heapPop } from './scheduler';
import type { SimState } from './state';

declare module './registry' {
  interface CommandMap {
    advanceClock: { ms: number };
  }
}

/** Safety valve: a task storm at one instant would be a bug. */
const MAX_TASKS_PER_RUN = 50_000_000;

/** Run tasks due at or before `until` (absolute ms), then leave the clock at `until`. */
export function runUntil(ctx: Ctx, until: number, stop?: () => boolean): void {
  // One queue and one clock for every cluster of the simulation: they live in the first cluster's state.
  const root = ctx.root;
  const state = root.state;
  const heap = state.tasks;
  let n = 0;
  for (;;) {
    if (stop?.()) return;
    const top = heapPeek(heap);
    if (!top || top.at > until) break;
    heapPop(heap);
    state.now = top.at;
    const handler = taskHandler(top.task.type);
    if (!handler) throw new Error(`no handler registered for task ${top.task.type}`);
    handler(root, top.task as never);
    if (state.clusters) syncClusterClocks(state);
    if (++n > MAX_TASKS_PER_RUN) throw new Error('too many tasks in one clock advance');
  }
  if (until > state.now) state.now = until;
  if (state.clusters) syncClusterClocks(state);
}

/** The other clusters' clocks read the simulation's (areas read `state.now`). */
export function syncClusterClocks(state: SimState): void {
  for (const name in state.clusters) state.clusters[name].now = state.now;
}

/** The time of the next scheduled task, or null when nothing is pending. */
export function nextTaskTime(ctx: Ctx): number | null {
  return heapPeek(ctx.root.state.tasks)?.at ?? null;
}

const commands = {
  advanceClock(ctx, cmd) {
    if (!Number.isFinite(cmd.ms) || cmd.ms < 0)
      return fail('INVALID_REQUEST', `Cannot advance the clock by ${cmd.ms} ms`);
    runUntil(ctx, ctx.now + Math.floor(cmd.ms));
    return okVoid();
  },
} satisfies CommandHandlers;

/** The clock is the one command the engine itself provides. */
export const clockArea = defineArea({ name: 'clock', commands });
