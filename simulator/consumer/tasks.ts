// The consumer area's timers: each group's coordinator deadline and each client's max.poll.interval.ms.
import type { TaskHandlers } from '../engine/registry';
import { onPollTimeout } from './client/consumerClient';
import { onGroupTimer } from './groupTimer';

export const consumerTasks = {
  consumerGroupTimer: (ctx, task) => onGroupTimer(ctx, task.groupId),
  consumerPollTimeout: (ctx, task) => onPollTimeout(ctx, task.consumer, task.pollEpoch),
} satisfies TaskHandlers;
