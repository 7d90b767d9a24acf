// The Streams area's scheduled work: a stream thread's poll loop and commits, and the group noticing a
// member that stopped heartbeating.
import type { TaskHandlers } from '../../engine/registry';
import { commitInstance, pollOnce } from './processing';
import { rebalance } from './rebalance';

export const streamsTasks = {
  streamsPoll: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    if (!inst || inst.epoch !== task.epoch || inst.status !== 'RUNNING') return;
    inst.pollScheduled = false;
    pollOnce(ctx, app, inst);
  },
  streamsCommit: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    if (!inst || inst.epoch !== task.epoch || inst.status !== 'RUNNING') return;
    inst.commitScheduledAt = null;
    if (app.state === 'ERROR') return;
    commitInstance(ctx, app, inst, `commit.interval.ms=${app.commitIntervalMs}`);
  },
  streamsSessionTimeout: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    if (!inst || inst.processId !== task.processId || inst.status === 'RUNNING') return;
    delete app.instances[task.instance];
    for (const t of Object.values(app.tasks)) if (t.owner === task.instance) t.owner = null;
    rebalance(
      ctx,
      app,
      `member ${inst.thread}-consumer sent no heartbeat for session.timeout.ms; the group coordinator removed it`,
    );
  },
} satisfies TaskHandlers;
