// __consumer_offsets: where a group's commits and metadata live, and so which broker coordinates it. The
// topic is created on first use with offsets.topic.num.partitions partitions, compacted; commits become its
// records, keyed by group/topic/partition.
import { isBrokerAlive } from '../../cluster/lookup';
import { brokerConfigNumber } from '../../cluster/topicConfig';
import { createTopicInternal } from '../../cluster/topics';
import type { Ctx } from '../../engine/context';
import type { SimState } from '../../engine/state';
import { appendAsCoordinator } from '../../replication/coordinatorAppend';
import { javaStringHashCode, kafkaUtilsAbs } from '../assignors/javaCompat';
import type { OffsetEntry } from '../types';

export const CONSUMER_OFFSETS_TOPIC = '__consumer_offsets';
/** offsets.topic.num.partitions default. */
export const OFFSETS_TOPIC_PARTITIONS = 50;

/** GroupCoordinatorService#partitionFor: Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions. */
export function offsetsPartitionFor(groupId: string, numPartitions = OFFSETS_TOPIC_PARTITIONS): number {
  return kafkaUtilsAbs(javaStringHashCode(groupId)) % numPartitions;
}

const aliveBrokers = (state: SimState): number =>
  Object.values(state.brokers).filter((b) => isBrokerAlive(state, b.id)).length;

/**
 * The replication factor __consumer_offsets is created with: offsets.topic.replication.factor (3). The controller
 * refuses to create it while fewer brokers are alive (INVALID_REPLICATION_FACTOR), and FindCoordinator answers
 * COORDINATOR_NOT_AVAILABLE until it exists (KafkaApis#getCoordinator, AutoTopicCreationManager).
 * Simplification: a cluster with fewer brokers than that in all behaves as if configured with its own size, as
 * single-broker development setups are.
 */
export function offsetsTopicReplicationFactor(state: SimState): number {
  const configured = brokerConfigNumber(state, 'offsets.topic.replication.factor');
  return Math.max(1, Math.min(configured, Object.keys(state.brokers).length));
}

/** Is the group coordinator (leader of the group's __consumer_offsets partition) reachable? */
export function coordinatorAvailable(state: SimState, groupId: string): boolean {
  const t = state.topics[CONSUMER_OFFSETS_TOPIC];
  if (!t) return aliveBrokers(state) >= offsetsTopicReplicationFactor(state);
  const p = t.partitions[offsetsPartitionFor(groupId, t.partitions.length)];
  return p.leader !== null && isBrokerAlive(state, p.leader);
}

/** Broker id of the group coordinator, or -1 when unknown. */
export function coordinatorId(state: SimState, groupId: string): number {
  const t = state.topics[CONSUMER_OFFSETS_TOPIC];
  if (!t) return -1;
  return t.partitions[offsetsPartitionFor(groupId, t.partitions.length)].leader ?? -1;
}

/** Creates __consumer_offsets when the first group needs it (compacted), or refuses while too few brokers are alive. */
export function ensureOffsetsTopic(ctx: Ctx): boolean {
  if (ctx.state.topics[CONSUMER_OFFSETS_TOPIC]) return true;
  const rf = offsetsTopicReplicationFactor(ctx.state);
  if (aliveBrokers(ctx.state) < rf) return false;
  const r = createTopicInternal(
    ctx,
    {
      topic: CONSUMER_OFFSETS_TOPIC,
      partitions: brokerConfigNumber(ctx.state, 'offsets.topic.num.partitions'),
      replicationFactor: rf,
      configs: { 'cleanup.policy': 'compact' },
    },
    { internal: true },
  );
  return r.ok;
}

/** Persist commits as records of the group's __consumer_offsets partition. */
export function writeOffsetCommits(ctx: Ctx, groupId: string, offsets: OffsetEntry[]): void {
  if (!ensureOffsetsTopic(ctx)) return;
  const t = ctx.state.topics[CONSUMER_OFFSETS_TOPIC];
  const p = t?.partitions[offsetsPartitionFor(groupId, t.partitions.length)];
  if (!p || p.leader === null) return;
  appendAsCoordinator(ctx, p, {
    leaderEpoch: p.leaderEpoch,
    records: offsets.map((o) => ({
      // OffsetCommitKey (group, topic, partition) -> OffsetCommitValue (offset); compaction keeps the latest
      key: `offset:${groupId}:${o.topic}:${o.partition}`,
      value: String(o.offset),
      timestamp: ctx.now,
    })),
  });
}
