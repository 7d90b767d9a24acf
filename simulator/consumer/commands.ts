// The consumer area's commands: the clients the learner drives, and the admin operations of
// kafka-consumer-groups.sh (commit, reset, delete).
import { brokerConfig } from '../cluster/topicConfig';
import { createTopicInternal } from '../cluster/topics';
import { type CommandHandlers, fail, ok, okVoid } from '../engine/registry';
import { consumerConfigProblem, fullConsumerConfig } from './client/config';
import {
  closeConsumer,
  commitConsumer,
  crashConsumer,
  createConsumer,
  pollConsumer,
  processRecords,
} from './client/consumerClient';
import { seekConsumer } from './client/seek';
import { deleteGroupOffsets } from './offsets/offsetDelete';
import { adminCommitOffsets, groupIsInactive, planOffsetReset } from './offsets/offsetReset';

export const consumerCommands = {
  consumerCreate: (ctx, cmd) => {
    const config = fullConsumerConfig(cmd.config);
    const problem = consumerConfigProblem(config);
    if (problem) return fail('INVALID_CONFIG', problem);
    const wire = ctx.state.areas.consumers.groups[config.groupId]?.wire;
    if (wire && Object.keys(wire.members).length > 0)
      // Simplification: a group is either the simulation's consumers or real clients (kafka-sim --listen)
      return fail(
        'InconsistentGroupProtocolException',
        `Group ${config.groupId} has members that are real clients connected to kafka-sim --listen; use another group id.`,
      );
    for (const topic of config.topics) {
      // allow.auto.create.topics=true (consumer default): the metadata request may create the topic when
      // the broker's auto.create.topics.enable allows it; otherwise the subscription waits for it to appear
      if (!ctx.state.topics[topic] && brokerConfig(ctx.state, 'auto.create.topics.enable') === 'true') {
        createTopicInternal(ctx, { topic }, { autoCreated: true });
      }
    }
    const r = createConsumer(ctx, cmd.name, config);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({ memberId: r.value.memberId ?? '', clientId: r.value.clientId });
  },
  consumerPoll: (ctx, cmd) => {
    const r = pollConsumer(ctx, cmd.name, cmd.maxRecords);
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
    const r = processRecords(ctx, cmd.name, cmd.count);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({
      records: r.value.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset })),
    });
  },
  consumerCommit: (ctx, cmd) => {
    for (const o of cmd.offsets ?? []) {
      if (!ctx.state.topics[o.topic]?.partitions[o.partition])
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `${o.topic}-${o.partition} does not exist`);
      if (!Number.isInteger(o.offset) || o.offset < 0)
        return fail('IllegalArgumentException', `Invalid negative offset ${o.offset}`);
    }
    const r = commitConsumer(ctx, cmd.name, cmd.mode ?? 'sync', cmd.offsets);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({ offsets: r.value });
  },
  consumerSeek: (ctx, cmd) => {
    const r = seekConsumer(ctx, cmd.name, cmd.to);
    if (!r.ok) return fail(r.error.exception, r.error.message);
    return ok({ positions: r.value });
  },
  consumerClose: (ctx, cmd) => {
    const r = closeConsumer(ctx, cmd.name);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  consumerCrash: (ctx, cmd) => {
    const r = crashConsumer(ctx, cmd.name);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  groupCommitOffsets: (ctx, cmd) => {
    for (const o of cmd.offsets) {
      if (!ctx.state.topics[o.topic]?.partitions[o.partition]) {
        return fail('UNKNOWN_TOPIC_OR_PARTITION', `${o.topic}-${o.partition} does not exist`);
      }
    }
    const r = adminCommitOffsets(ctx, cmd.groupId, cmd.offsets);
    return r.ok ? okVoid() : fail(r.error.exception, r.error.message);
  },
  groupResetOffsets: (ctx, cmd) => {
    const plan = planOffsetReset(ctx, cmd.groupId, cmd.partitions, cmd.spec);
    if (!plan.ok) return fail(plan.error.exception, plan.error.message);
    if (cmd.execute) {
      const r = adminCommitOffsets(ctx, cmd.groupId, plan.value);
      if (!r.ok) return fail(r.error.exception, r.error.message);
    }
    return ok({ offsets: plan.value });
  },
  groupDelete: (ctx, cmd) => {
    const a = ctx.state.areas.consumers;
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
  groupDeleteOffsets: (ctx, cmd) => {
    const r = deleteGroupOffsets(ctx, cmd.groupId, cmd.partitions);
    return r.ok ? ok({ partitions: r.partitions }) : fail(r.error.exception, r.error.message);
  },
} satisfies CommandHandlers;
