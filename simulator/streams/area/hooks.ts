// New records below the high watermark wake the stream threads that read that partition (a fetch parked at
// the leader returns as soon as data arrives; nothing polls a quiet cluster).
import { type Hook, on } from '../../engine/registry';
import { wakePoll } from './processing';

export const streamsHooks: readonly Hook[] = [
  on('highWatermarkAdvanced', (ctx, ev) => {
    for (const app of Object.values(ctx.state.areas.streams.apps)) {
      if (app.state === 'ERROR') continue;
      for (const task of Object.values(app.tasks)) {
        if (task.partition !== ev.partition || task.owner === null) continue;
        const reads = task.sources.includes(ev.topic);
        const restores = task.restoring.some((r) => r.topic === ev.topic);
        if (!reads && !restores) continue;
        const inst = app.instances[task.owner];
        if (inst) wakePoll(ctx, app, inst);
      }
    }
  }),
];
