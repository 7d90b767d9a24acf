// Registers the consumer area with the engine: state slice state.areas.consumers, the consumer and
// group commands, the coordinator/poll timers, and lag sampling when a high watermark moves.

import { brokerConfig } from '../cluster/topicConfig';
import { createTopicInternal } from '../cluster/topics';
import type { Ctx } from '../engine/context';
import {
  type CommandHandlers,
  defineArea,
  fail,
  type Hook,
  ok,
  okVoid,
  on,
  type TaskHandlers,
} from '../engine/registry';
import { DEFAULT_ASSIGNMENT_STRATEGY } from './assignors';
import {
  closeConsumer,
  commitConsumer,
  crashConsumer,
  createConsumer,
  emptyConsumerArea,
  groupHooks,
  onGroupTimer,
  onPollTimeout,
  pollConsumer,
  processRecords,
  settleGroup,
} from './consumerClient';
import type { OffsetEntry } from './consumerEvents';
import type { ConsumerArea, ConsumerConfig } from './consumerTypes';
import { CtxClusterAccess } from './ctxClusterAccess';
import { prepareRebalance } from './groupCoordinator';
import { CONSUMER_DEFAULTS } from './groupTypes';
import { recordLagSample } from './lag';
import { adminCommitOffsets, groupIsInactive, planOffsetReset, type ResetSpec } from './offsetReset';
import type { TopicPartition } from './types';
import './events';

export type ConsumerCreateConfig = Partial<ConsumerConfig> & { groupId: string; topics: string[] };

declare module '../engine/registry' {
  interface AreaStates {
    consumers: ConsumerArea;
  }
  interface CommandMap {
    /** subscribe + join: `consumer create NAME --group G --topics T ...` */
    consumerCreate: { name: string; config: ConsumerCreateConfig };
    consumerPoll: { name: string; maxRecords?: number };
    /** The application processes polled records (all by default). */
    consumerProcess: { name: string; count?: number };
    consumerCommit: { name: string; mode?: 'sync' | 'async' };
    consumerClose: { name: string };
    consumerCrash: { name: string };
    /** Admin OffsetCommit (kafka-consumer-groups --reset-offsets --execute): only for inactive groups. */
    groupCommitOffsets: { groupId: string; offsets: OffsetEntry[] };
    /** Compute (and with execute, commit) a reset plan for the given partitions. */
    groupResetOffsets: { groupId: string; partitions: TopicPartition[]; spec: ResetSpec; execute?: boolean };
    groupDelete: { groupId: string };
  }
  interface CommandResultMap {
    consumerCreate: { memberId: string; clientId: string };
    consumerPoll: {
      records: Array<{
        topic: string;
        partition: number;
        offset: number;
        key: string | null;
        value: string | null;
      }>;
    };
    consumerProcess: { records: OffsetEntry[] };
    consumerCommit: { offsets: OffsetEntry[] };
    groupResetOffsets: { offsets: OffsetEntry[] };
  }
  interface TaskMap {
    consumerGroupTimer: { groupId: string };
    consumerPollTimeout: { consumer: string; pollEpoch: number };
  }
}

const area = (ctx: Ctx): ConsumerArea => ctx.state.areas.consumers;
const io = (ctx: Ctx) => new CtxClusterAccess(ctx);

function fullConfig(c: ConsumerCreateConfig): ConsumerConfig {
  return {
    groupId: c.groupId,
    clientId: c.clientId ?? null,
    topics: c.topics,
    strategies: c.strategies && c.strategies.length > 0 ? c.strategies : [...DEFAULT_ASSIGNMENT_STRATEGY],
    enableAutoCommit: c.enableAutoCommit ?? true,
    autoCommitIntervalMs: c.autoCommitIntervalMs ?? CONSUMER_DEFAULTS.autoCommitIntervalMs,
    isolationLevel: c.isolationLevel ?? 'read_uncommitted',
    autoOffsetReset: c.autoOffsetReset ?? 'latest',
    groupInstanceId: c.groupInstanceId ?? null,
    maxPollRecords: c.maxPollRecords ?? CONSUMER_DEFAULTS.maxPollRecords,
    sessionTimeoutMs: c.sessionTimeoutMs ?? CONSUMER_DEFAULTS.sessionTimeoutMs,
    heartbeatIntervalMs: c.heartbeatIntervalMs ?? CONSUMER_DEFAULTS.heartbeatIntervalMs,
    maxPollIntervalMs: c.maxPollIntervalMs ?? CONSUMER_DEFAULTS.maxPollIntervalMs,
  };
}

function validate(c: ConsumerConfig): string | null {
  if (!c.groupId) return 'group.id is required for subscribe()';
  if (c.topics.length === 0) return 'subscribe() needs at least one topic';
  if (c.heartbeatIntervalMs >= c.sessionTimeoutMs)
    return 'heartbeat.interval.ms must be lower than session.timeout.ms';
  if (c.sessionTimeoutMs < 6_000 || c.sessionTimeoutMs > 1_800_000) {
    // group.min.session.timeout.ms / group.max.session.timeout.ms (broker)
    return 'The session timeout is not within the range allowed by the broker (6000..1800000 ms)';
  }
  if (c.maxPollRecords < 1) return 'max.poll.records must be at least 1';
  return null;
}

/**
 * The group leader watches the metadata of the subscribed topics; when a topic appears, disappears or
 * gains partitions it asks for a rebalance (ConsumerCoordinator: "cached metadata has changed"). The
 * real client notices on its next metadata refresh; the simulation reacts at once.
 */
function onSubscribedTopicChange(ctx: Ctx, topic: string, what: string): void {
  const a = area(ctx);
  if (!a) return;
  for (const [groupId, rec] of Object.entries(a.groups)) {
    const g = rec.group;
    if (g.state !== 'Stable' || !g.members.some((m) => m.topics.includes(topic))) continue;
    const access = io(ctx);
    prepareRebalance(
      g,
      ctx.now,
      `metadata of subscribed topic ${topic} changed (${what})`,
      groupHooks(a, access, groupId),
    );
    settleGroup(a, access, groupId);
  }
}

export const consumerCommands = {
  consumerCreate: (ctx, cmd) => {
    const config = fullConfig(cmd.config);
    const problem = validate(config);
    if (problem) return fail('INVALID_CONFIG', problem);
    for (const topic of config.topics) {
      // allow.auto.create.topics=true (consumer default): the metadata request may create the topic when
      // the broker's auto.create.topics.enable allows it; otherwise the subscription waits for it to appear
      if (!ctx.state.topics[topic] && brokerConfig(ctx.state, 'auto.create.topics.enable') === 'true') {
        createTopicInternal(ctx, { topic }, { autoCreated: true });
      }
    }
    const r = createConsumer(area(ctx), io(ctx), cmd.name, config);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({ memberId: r.value.memberId ?? '', clientId: r.value.clientId });
  },
  consumerPoll: (ctx, cmd) => {
    const r = pollConsumer(area(ctx), io(ctx), cmd.name, cmd.maxRecords);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({
      records: r.value.map((x) => ({
        topic: x.topic,
        partition: x.partition,
        offset: x.offset,
        key: x.key,
        value: x.value,
      })),
    });
  },
  consumerProcess: (ctx, cmd) => {
    const r = processRecords(area(ctx), io(ctx), cmd.name, cmd.count);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({
      records: r.value.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset })),
    });
  },
  consumerCommit: (ctx, cmd) => {
    const r = commitConsumer(area(ctx), io(ctx), cmd.name, cmd.mode ?? 'sync');
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({ offsets: r.value });
  },
  consumerClose: (ctx, cmd) => {
    const r = closeConsumer(area(ctx), io(ctx), cmd.name);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  consumerCrash: (ctx, cmd) => {
    const r = crashConsumer(area(ctx), io(ctx), cmd.name);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  groupCommitOffsets: (ctx, cmd) => {
    for (const o of cmd.offsets) {
      if (!ctx.state.topics[o.topic]?.partitions[o.partition]) {
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `${o.topic}-${o.partition} does not exist`);
      }
    }
    const r = adminCommitOffsets(area(ctx), io(ctx), cmd.groupId, cmd.offsets);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  groupResetOffsets: (ctx, cmd) => {
    const access = io(ctx);
    const plan = planOffsetReset(area(ctx), access, cmd.groupId, cmd.partitions, cmd.spec);
    if (!plan.ok) return fail(plan.error.exception, plan.error.message);
    if (cmd.execute) {
      const r = adminCommitOffsets(area(ctx), access, cmd.groupId, plan.value);
      if (!r.ok) return fail(r.error.exception, r.error.message);
    }
    return ok({ offsets: plan.value });
  },
  groupDelete: (ctx, cmd) => {
    const a = area(ctx);
    const rec = a.groups[cmd.groupId];
    if (!rec || rec.group.state === 'Dead')
      return fail('GroupIdNotFoundException', `Group '${cmd.groupId}' does not exist.`);
    if (!groupIsInactive(a, cmd.groupId)) {
      return fail('GroupNotEmptyException', `The group '${cmd.groupId}' is not empty.`);
    }
    delete a.groups[cmd.groupId];
    ctx.emit('groupDeleted', `group ${cmd.groupId} deleted with its committed offsets`, {
      groupId: cmd.groupId,
    });
    return okVoid();
  },
} satisfies CommandHandlers;

export const consumerTasks = {
  consumerGroupTimer: (ctx, task) => {
    onGroupTimer(area(ctx), io(ctx), task.groupId);
  },
  consumerPollTimeout: (ctx, task) => {
    onPollTimeout(area(ctx), io(ctx), task.consumer, task.pollEpoch);
  },
} satisfies TaskHandlers;

export const consumerHooks: readonly Hook[] = [
  on('topicCreated', (ctx, ev) =>
    onSubscribedTopicChange(ctx, ev.topic, `created with ${ev.partitions} partitions`),
  ),
  on('partitionsAdded', (ctx, ev) =>
    onSubscribedTopicChange(ctx, ev.topic, `partitions ${ev.from} -> ${ev.to}`),
  ),
  on('topicDeleted', (ctx, ev) => onSubscribedTopicChange(ctx, ev.topic, 'deleted')),
  // Lag over time: sample every group that has committed offsets on a partition whose HW moved.
  on('highWatermarkAdvanced', (ctx, ev) => {
    const a = area(ctx);
    if (!a) return;
    const key = `${ev.topic}-${ev.partition}`;
    for (const [groupId, rec] of Object.entries(a.groups)) {
      if (rec.offsets[key]) recordLagSample(a, io(ctx), groupId);
    }
  }),
];

export const consumerArea = defineArea({
  name: 'consumer',
  init: (state) => {
    state.areas.consumers = emptyConsumerArea();
  },
  commands: consumerCommands,
  tasks: consumerTasks,
  hooks: consumerHooks,
});
