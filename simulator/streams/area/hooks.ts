// New records below the high watermark wake the stream threads that read that partition (a fetch parked at
// the leader returns as soon as data arrives; nothing polls a quiet cluster): the owner of a task reading or
// restoring it, and the thread of a standby following that changelog partition.
import { type Hook, on } from '../../engine/registry';
import { changelogTopic } from './localState';
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
        const th = inst?.threads.find((x) => x.index === task.thread);
        if (inst && th) wakePoll(ctx, app, inst, th);
      }
      for (const inst of Object.values(app.instances)) {
        if (inst.status !== 'RUNNING') continue;
        // the global thread follows every partition of a global table's topic
        if (
          inst.global &&
          Object.keys(inst.global.positions).some((k) => k === `${ev.topic}-${ev.partition}`)
        )
          wakePoll(ctx, app, inst, inst.threads[0]);
        for (const [id, sb] of Object.entries(inst.standbys)) {
          if (Number(id.split('_')[1]) !== ev.partition) continue;
          if (!Object.keys(sb.positions).some((s) => changelogTopic(app, s) === ev.topic)) continue;
          const th = inst.threads.find((x) => x.index === sb.thread);
          if (th) wakePoll(ctx, app, inst, th);
        }
      }
    }
  }),
];
