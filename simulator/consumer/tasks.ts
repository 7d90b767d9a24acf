// The consumer area's timers: each group's coordinator deadline, each client's max.poll.interval.ms, and the
// group leader's metadata refresh (metadata.max.age.ms).
import type { TaskHandlers } from '../engine/registry';
import { onPollTimeout } from './client/consumerClient';
import { onMetadataRefresh } from './client/consumerMetadata';
import { onGroupTimer } from './groupTimer';

export const consumerTasks = {
  consumerGroupTimer: (ctx, task) => onGroupTimer(ctx, task.groupId),
  consumerPollTimeout: (ctx, task) => onPollTimeout(ctx, task.consumer, task.pollEpoch),
  consumerMetadataRefresh: (ctx, task) => onMetadataRefresh(ctx, task.consumer, task.groupId),
} satisfies TaskHandlers;
