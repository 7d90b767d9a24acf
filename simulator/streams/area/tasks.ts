// The Streams area's scheduled work: a stream thread's poll loop and commits, the group's join deadline, and
// the group noticing an instance whose threads stopped heartbeating.
import type { TaskHandlers } from '../../engine/registry';
import { commitThread, pollOnce, wakePoll } from './processing';
import { onJoinDeadline, removeDeadMembers } from './rebalance';

export const streamsTasks = {
  streamsPoll: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    const th = inst?.threads.find((x) => x.index === task.thread);
    if (!inst || !th || th.epoch !== task.epoch || inst.status !== 'RUNNING') return;
    th.pollScheduled = false;
    // A commit flushing the producer runs the clock: the thread's loop resumes after it (commit is blocking).
    if (th.committing) wakePoll(ctx, app, inst, th);
    else pollOnce(ctx, app, inst, th);
  },
  streamsCommit: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    const th = inst?.threads.find((x) => x.index === task.thread);
    if (!inst || !th || th.epoch !== task.epoch || inst.status !== 'RUNNING') return;
    th.commitScheduledAt = null;
    if (app.state === 'ERROR') return;
    commitThread(ctx, app, inst, th, `commit.interval.ms=${app.commitIntervalMs}`);
  },
  streamsJoinDeadline: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    if (app) onJoinDeadline(ctx, app, task.at);
  },
  streamsSessionTimeout: (ctx, task) => {
    const app = ctx.state.areas.streams.apps[task.app];
    const inst = app?.instances[task.instance];
    if (!inst || inst.incarnation !== task.incarnation || inst.status === 'RUNNING' || !inst.inGroup) return;
    removeDeadMembers(ctx, app, inst);
  },
} satisfies TaskHandlers;
