// Drives the consumer area over a FakeCluster: default configs and a clock that runs due wake-ups.
import { onGroupTimer, onPollTimeout } from './consumerClient';
import type { ConsumerArea, ConsumerConfig } from './consumerTypes';
import type { FakeCluster } from './fakeCluster';
import { CONSUMER_DEFAULTS } from './groupTypes';

export function config(
  groupId: string,
  topics: string[],
  over: Partial<ConsumerConfig> = {},
): ConsumerConfig {
  return {
    groupId,
    clientId: null,
    topics,
    strategies: ['range', 'cooperative-sticky'],
    enableAutoCommit: true,
    autoCommitIntervalMs: CONSUMER_DEFAULTS.autoCommitIntervalMs,
    isolationLevel: 'read_uncommitted',
    autoOffsetReset: 'latest',
    groupInstanceId: null,
    maxPollRecords: CONSUMER_DEFAULTS.maxPollRecords,
    sessionTimeoutMs: CONSUMER_DEFAULTS.sessionTimeoutMs,
    heartbeatIntervalMs: CONSUMER_DEFAULTS.heartbeatIntervalMs,
    maxPollIntervalMs: CONSUMER_DEFAULTS.maxPollIntervalMs,
    ...over,
  };
}

/** Advances the fake clock to `t`, running every wake-up that falls due on the way, in time order. */
export function advanceTo(area: ConsumerArea, io: FakeCluster, t: number): void {
  for (;;) {
    io.wakes.sort((a, b) => a.at - b.at);
    const next = io.wakes[0];
    if (!next || next.at > t) break;
    io.wakes.shift();
    io.now = Math.max(io.now, next.at);
    if (next.wake.kind === 'group-timer') onGroupTimer(area, io, next.wake.groupId);
    else onPollTimeout(area, io, next.wake.consumer, next.wake.pollEpoch);
  }
  io.now = Math.max(io.now, t);
}
