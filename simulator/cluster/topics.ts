// Topic admin: create (with replica placement and config validation), delete, add partitions, alter configs.
// Error names and messages follow the admin client / kafka-topics.sh.
import type { Ctx } from '../engine/context';
import {
  type CommandHandlers,
  fail,
  type KafkaError,
  ok,
  okVoid,
  type TaskHandlers,
} from '../engine/registry';
import { electAfterLeaderLoss } from '../kraft/controller';
import { appendMetadata, hasActiveController } from '../kraft/metadataLog';
import { assignEpoch } from '../log';
import { startAllFetchers } from '../replication/fetcher';
import { maybeIncrementHighWatermark } from '../replication/highWatermark';
import { isBrokerUnfenced } from './lookup';
import { assignReplicas } from './replicaPlacement';
import { newReplica } from './replicas';
import { brokerConfigNumber, topicConfigBool, validateTopicConfig } from './topicConfig';
import type { BrokerId, CreateTopicSpec, Partition, Topic } from './types';

export type { CreateTopicSpec };

/** Topic name rules (org.apache.kafka.common.internals.Topic#validate). */
export function validateTopicName(name: string): string | null {
  if (name.length === 0) return "Topic name is illegal, it can't be empty";
  if (name === '.' || name === '..') return 'Topic name cannot be "." or ".."';
  if (name.length > 249)
    return `Topic name is illegal, it can't be longer than 249 characters, topic name: ${name}`;
  if (!/^[a-zA-Z0-9._-]+$/.test(name))
    return `Topic name "${name}" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`;
  return null;
}

/**
 * '.' and '_' collide in metric names, so a topic differing from an existing one only by them is refused
 * (Topic#hasCollisionChars / unifyCollisionChars, checked by ReplicationControlManager#validateNewTopicNames).
 */
function collidingTopic(ctx: Ctx, topic: string): string | null {
  if (!/[._]/.test(topic)) return null;
  const unified = topic.replace(/\./g, '_');
  for (const name of Object.keys(ctx.state.topics)) {
    if (name !== topic && name.replace(/\./g, '_') === unified) return name;
  }
  return null;
}

const unknownTopic = (topic: string) =>
  fail('UNKNOWN_TOPIC_OR_PARTITION', `Topic '${topic}' does not exist as expected`);

function usableBrokers(ctx: Ctx): BrokerId[] {
  return Object.values(ctx.state.brokers)
    .filter((b) => isBrokerUnfenced(ctx.state, b.id))
    .map((b) => b.id)
    .sort((a, b) => a - b);
}

function newPartition(ctx: Ctx, topic: string, partition: number, replicas: BrokerId[]): Partition {
  const replicaLogs: Partition['replicaLogs'] = {};
  for (const id of replicas) {
    replicaLogs[id] = newReplica(id, ctx.now, true);
  }
  const isr = replicas.filter((id) => isBrokerUnfenced(ctx.state, id));
  const leader = isr[0] ?? null;
  const p: Partition = {
    topic,
    partition,
    replicas,
    isr: isr.length > 0 ? isr : [replicas[0]],
    leader,
    leaderEpoch: 0,
    partitionEpoch: 0,
    fetchSession: 0,
    replicaLogs,
    pendingProduces: [],
    addingReplicas: [],
    removingReplicas: [],
  };
  if (leader !== null) assignEpoch(replicaLogs[leader].log, 0, 0);
  return p;
}

function validateConfigs(configs: Record<string, string> | undefined): KafkaError | null {
  for (const [k, v] of Object.entries(configs ?? {})) {
    const err = validateTopicConfig(k, v);
    if (err) return { code: 'INVALID_CONFIG', message: err };
  }
  return null;
}

/** Create a topic (used by the createTopic command, broker auto-creation and internal topics of other areas). */
export function createTopicInternal(
  ctx: Ctx,
  spec: CreateTopicSpec,
  opts: { autoCreated?: boolean; internal?: boolean } = {},
): { ok: true; data: { topicId: string; assignment: BrokerId[][] } } | { ok: false; error: KafkaError } {
  const { topic } = spec;
  const nameErr = validateTopicName(topic);
  if (nameErr) return fail('INVALID_TOPIC_EXCEPTION', nameErr);
  if (ctx.state.topics[topic]) return fail('TOPIC_ALREADY_EXISTS', `Topic '${topic}' already exists.`);
  const colliding = collidingTopic(ctx, topic);
  if (colliding !== null)
    return fail('INVALID_TOPIC_EXCEPTION', `Topic '${topic}' collides with existing topic: ${colliding}`);
  if (!hasActiveController(ctx))
    return fail('TIMEOUT_EXCEPTION', 'Timed out waiting for a node assignment. Call: createTopics');
  const cfgErr = validateConfigs(spec.configs);
  if (cfgErr) return { ok: false, error: cfgErr };
  const brokers = usableBrokers(ctx);
  let assignment: BrokerId[][];
  if (spec.assignment) {
    if (spec.assignment.length === 0)
      return fail('INVALID_PARTITIONS', 'Number of partitions must be larger than 0.');
    const rf = spec.assignment[0].length;
    for (const r of spec.assignment) {
      if (r.length !== rf)
        return fail('INVALID_REPLICATION_FACTOR', 'All partitions should have the same number of replicas');
      if (new Set(r).size !== r.length)
        return fail(
          'INVALID_REPLICATION_FACTOR',
          `Duplicate brokers not allowed in replica assignment: ${r.join(', ')}`,
        );
      const unknown = r.filter((id) => !ctx.state.brokers[id]);
      if (unknown.length)
        return fail(
          'BROKER_NOT_AVAILABLE',
          `Unknown broker(s) in replica assignment: ${unknown.join(', ')}.`,
        );
    }
    assignment = spec.assignment.map((r) => [...r]);
  } else {
    const partitions = spec.partitions ?? brokerConfigNumber(ctx.state, 'num.partitions');
    const rf = spec.replicationFactor ?? brokerConfigNumber(ctx.state, 'default.replication.factor');
    if (!Number.isInteger(partitions) || partitions < 1)
      return fail('INVALID_PARTITIONS', 'Number of partitions must be larger than 0.');
    if (!Number.isInteger(rf) || rf < 1)
      return fail('INVALID_REPLICATION_FACTOR', 'Replication factor must be larger than 0.');
    // KRaft: ReplicationControlManager wraps StripedReplicaPlacer's InvalidReplicationFactorException.
    if (rf > brokers.length)
      return fail(
        'INVALID_REPLICATION_FACTOR',
        `Unable to replicate the partition ${rf} time(s): The target replication factor of ${rf} cannot be reached because only ${brokers.length} broker(s) are registered.`,
      );
    assignment = assignReplicas(
      brokers,
      partitions,
      rf,
      ctx.randomInt(brokers.length),
      ctx.randomInt(brokers.length),
    );
  }
  const topicId = ctx.uuid();
  const t: Topic = {
    name: topic,
    topicId,
    configs: { ...(spec.configs ?? {}) },
    partitions: [],
    internal: opts.internal ?? false,
  };
  ctx.state.topics[topic] = t;
  appendMetadata(ctx, { type: 'TopicRecord', name: topic, topicId });
  for (const [k, v] of Object.entries(t.configs)) {
    appendMetadata(ctx, {
      type: 'ConfigRecord',
      resourceType: 'TOPIC',
      resourceName: topic,
      name: k,
      value: v,
    });
  }
  for (let i = 0; i < assignment.length; i++) t.partitions.push(newPartition(ctx, topic, i, assignment[i]));
  for (const p of t.partitions) {
    appendMetadata(ctx, {
      type: 'PartitionRecord',
      topicId,
      partitionId: p.partition,
      replicas: [...p.replicas],
      isr: [...p.isr],
      leader: p.leader ?? -1,
      leaderEpoch: 0,
      partitionEpoch: 0,
    });
  }
  ctx.emit(
    'topicCreated',
    `${opts.autoCreated ? `topic ${topic} auto-created on first use (auto.create.topics.enable=true)` : `topic ${topic} created`} with ${assignment.length} partition${assignment.length === 1 ? '' : 's'} × ${assignment[0].length} replicas; preferred leaders ${assignment.map((r) => r[0]).join(',')}`,
    {
      topic,
      topicId,
      partitions: assignment.length,
      replicationFactor: assignment[0].length,
      assignment,
      autoCreated: opts.autoCreated ?? false,
    },
  );
  for (const p of t.partitions) startAllFetchers(ctx, p);
  return ok({ topicId, assignment });
}

export const topicCommands = {
  createTopic: (ctx, cmd) => createTopicInternal(ctx, cmd),
  deleteTopic: (ctx, cmd) => {
    const t = ctx.state.topics[cmd.topic];
    if (!t) return unknownTopic(cmd.topic);
    if (!hasActiveController(ctx))
      return fail('TIMEOUT_EXCEPTION', 'Timed out waiting for a node assignment. Call: deleteTopics');
    delete ctx.state.topics[cmd.topic];
    appendMetadata(ctx, { type: 'RemoveTopicRecord', topicId: t.topicId });
    ctx.emit(
      'topicDeleted',
      `topic ${cmd.topic} deleted: its partitions and logs are removed from every broker`,
      {
        topic: cmd.topic,
        topicId: t.topicId,
      },
    );
    return okVoid();
  },
  createPartitions: (ctx, cmd) => {
    const t = ctx.state.topics[cmd.topic];
    if (!t) return unknownTopic(cmd.topic);
    const current = t.partitions.length;
    if (cmd.totalCount === current)
      return fail('INVALID_PARTITIONS', `Topic already has ${current} partitions.`);
    if (cmd.totalCount < current)
      return fail(
        'INVALID_PARTITIONS',
        `Topic currently has ${current} partitions, which is higher than the requested ${cmd.totalCount}.`,
      );
    if (!hasActiveController(ctx))
      return fail('TIMEOUT_EXCEPTION', 'Timed out waiting for a node assignment. Call: createPartitions');
    const brokers = usableBrokers(ctx);
    const rf = t.partitions[0].replicas.length;
    if (rf > brokers.length)
      return fail(
        'INVALID_REPLICATION_FACTOR',
        `The target replication factor of ${rf} cannot be reached because only ${brokers.length} broker(s) are registered.`,
      );
    const start = brokers.indexOf(t.partitions[0].replicas[0]);
    const assignment = assignReplicas(
      brokers,
      cmd.totalCount - current,
      rf,
      start < 0 ? ctx.randomInt(brokers.length) : start,
      ctx.randomInt(brokers.length),
      current,
    );
    assignment.forEach((replicas, i) => {
      const p = newPartition(ctx, t.name, current + i, replicas);
      t.partitions.push(p);
      appendMetadata(ctx, {
        type: 'PartitionRecord',
        topicId: t.topicId,
        partitionId: p.partition,
        replicas: [...p.replicas],
        isr: [...p.isr],
        leader: p.leader ?? -1,
        leaderEpoch: 0,
        partitionEpoch: 0,
      });
    });
    ctx.emit(
      'partitionsAdded',
      `topic ${t.name} grew from ${current} to ${cmd.totalCount} partitions: keys now hash to different partitions (murmur2 % ${cmd.totalCount})`,
      { topic: t.name, from: current, to: cmd.totalCount, assignment },
    );
    for (const p of t.partitions.slice(current)) startAllFetchers(ctx, p);
    return okVoid();
  },
  alterTopicConfigs: (ctx, cmd) => {
    const t = ctx.state.topics[cmd.topic];
    if (!t) return unknownTopic(cmd.topic);
    const cfgErr = validateConfigs(cmd.set);
    if (cfgErr) return { ok: false, error: cfgErr };
    for (const name of cmd.delete ?? []) {
      const err = validateTopicConfig(name, 'x');
      if (err?.startsWith('Unknown')) return fail('INVALID_CONFIG', err);
    }
    if (!hasActiveController(ctx))
      return fail(
        'TIMEOUT_EXCEPTION',
        'Timed out waiting for a node assignment. Call: incrementalAlterConfigs',
      );
    // Replace (never mutate) the config object: cached parsed configs are keyed on it.
    const next = { ...t.configs };
    const changes: Array<[string, string | null]> = [];
    for (const [k, v] of Object.entries(cmd.set ?? {})) {
      next[k] = v.trim();
      changes.push([k, v.trim()]);
    }
    for (const k of cmd.delete ?? []) {
      if (k in next) {
        delete next[k];
        changes.push([k, null]);
      }
    }
    t.configs = next;
    for (const [name, value] of changes) {
      appendMetadata(ctx, { type: 'ConfigRecord', resourceType: 'TOPIC', resourceName: t.name, name, value });
      ctx.emit(
        'topicConfigChanged',
        value === null
          ? `topic ${t.name}: ${name} reset to its default`
          : `topic ${t.name}: ${name} set to ${value}`,
        { topic: t.name, name, value },
      );
    }
    // A lower min.insync.replicas can unfreeze the high watermark at once.
    for (const p of t.partitions) maybeIncrementHighWatermark(ctx, p);
    if (
      topicConfigBool(ctx.state, t.name, 'unclean.leader.election.enable') &&
      t.partitions.some((p) => p.leader === null)
    ) {
      // KRaft looks for leaderless partitions to elect uncleanly every unclean.leader.election.interval.ms (5 min).
      ctx.scheduleAt((Math.floor(ctx.now / 300_000) + 1) * 300_000, {
        type: 'uncleanElectionCheck',
        topic: t.name,
      });
    }
    return okVoid();
  },
} satisfies CommandHandlers;

export const topicTasks = {
  uncleanElectionCheck: (ctx, task) => {
    const t = ctx.state.topics[task.topic];
    if (
      !t ||
      !hasActiveController(ctx) ||
      !topicConfigBool(ctx.state, t.name, 'unclean.leader.election.enable')
    )
      return;
    for (const p of t.partitions)
      if (p.leader === null) electAfterLeaderLoss(ctx, p, null, 'periodic unclean election check');
  },
} satisfies TaskHandlers;
