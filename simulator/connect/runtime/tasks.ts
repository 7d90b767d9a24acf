// The Connect area's scheduled work: task poll loops, offset flushes, the session timeout of a crashed worker
// and the delayed rebalance. Tasks are never cancelled: each checks the epoch it was scheduled for.
import type { TaskHandlers } from '../../engine/registry';
import { DEBEZIUM_POSTGRES_CLASS, pollCdcTask } from './cdcSourceTask';
import { area, rebalance } from './group';
import { pollSinkTask } from './sinkTask';
import { pollSourceTask } from './sourceTask';
import { flushTask, reconcileTasks, SINK_POLL_MS } from './workerTasks';

export const connectTasks = {
  connectTaskPoll: (ctx, task) => {
    const a = area(ctx);
    const rt = a.runtime[`${task.connector}-${task.task}`];
    if (!rt || rt.epoch !== task.epoch) return;
    const c = a.cluster.connectors.find((x) => x.name === task.connector);
    if (!c) return;
    if (rt.kind === 'source' && c.config['connector.class'] === DEBEZIUM_POSTGRES_CLASS)
      pollCdcTask(ctx, rt, c);
    else if (rt.kind === 'source') pollSourceTask(ctx, rt, c);
    else pollSinkTask(ctx, rt, c);
    if (a.runtime[`${task.connector}-${task.task}`]?.epoch !== task.epoch) return; // it failed
    const interval =
      rt.kind === 'source'
        ? Number(
            (c.taskConfigs[rt.task] ?? c.config)['poll.interval.ms'] ??
              // Debezium's poll.interval.ms default is 500; the JDBC source's 5000
              (c.config['connector.class'] === DEBEZIUM_POSTGRES_CLASS ? '500' : '5000'),
          )
        : rt.redelivery
          ? // the paused consumer's poll returns after SinkTaskContext#timeout (retry.backoff.ms)
            rt.redelivery.at - ctx.now
          : SINK_POLL_MS;
    ctx.schedule(Math.max(1, interval), task);
  },

  connectOffsetFlush: (ctx, task) => {
    const a = area(ctx);
    const w = a.workers.find((x) => x.id === task.worker);
    if (w?.state !== 'running' || w.epoch !== task.epoch) return;
    for (const rt of Object.values(a.runtime)) {
      const c = a.cluster.connectors.find((x) => x.name === rt.connector);
      if (rt.worker === w.id && c)
        flushTask(ctx, rt, c, `offset.flush.interval.ms=${a.offsetFlushIntervalMs}`);
    }
    ctx.schedule(a.offsetFlushIntervalMs, task);
  },

  connectSessionExpired: (ctx, task) => {
    const a = area(ctx);
    const w = a.workers.find((x) => x.id === task.worker);
    if (w?.state !== 'crashed' || w.epoch !== task.epoch) return;
    a.cluster.workers = a.cluster.workers.filter((x) => x !== w.id);
    ctx.emit(
      'connectWorkerLeft',
      `the group coordinator removed ${w.id} from group ${a.groupId}: no heartbeat for session.timeout.ms=${a.sessionTimeoutMs}`,
      { worker: w.id, crash: true },
    );
    rebalance(ctx, `${w.id}'s session expired`);
    reconcileTasks(ctx);
  },

  connectScheduledRebalance: (ctx, task) => {
    const a = area(ctx);
    if (a.scheduledRebalanceAt !== task.at) return;
    a.scheduledRebalanceAt = null;
    rebalance(ctx, 'the scheduled rebalance delay expired');
    reconcileTasks(ctx);
  },
} satisfies TaskHandlers;
