// How the workers write to Kafka: the internal topics (KafkaBasedLog's producer) and the source tasks' and the
// DLQ reporter's records. Simplified: the worker's producer is not modelled as a client (no accumulator, no
// produce request, no acks): records are appended to the partition leader at once, as a coordinator appends.
import { isBrokerAlive } from '../../cluster/lookup';
import { createTopicInternal } from '../../cluster/topics';
import type { Ctx } from '../../engine/context';
import { partitionForKey } from '../../producer/murmur2';
import { appendAsCoordinator } from '../../replication/coordinatorAppend';

/** The three internal topics with the names of Kafka's sample connect-distributed.properties. */
export const CONFIG_STORAGE_TOPIC = 'connect-configs';
export const OFFSET_STORAGE_TOPIC = 'connect-offsets';
export const STATUS_STORAGE_TOPIC = 'connect-status';

/**
 * DistributedConfig defaults: config.storage is a single partition (KafkaConfigBackingStore refuses more),
 * offset.storage.partitions=25, status.storage.partitions=5, all compacted, replication factor 3.
 */
export const INTERNAL_TOPICS: ReadonlyArray<{ topic: string; partitions: number }> = [
  { topic: OFFSET_STORAGE_TOPIC, partitions: 25 },
  { topic: CONFIG_STORAGE_TOPIC, partitions: 1 },
  { topic: STATUS_STORAGE_TOPIC, partitions: 5 },
];

/** Live brokers, capping a replication factor of 3 (Connect would fail to start with fewer brokers: simplified). */
export function cappedReplicationFactor(ctx: Ctx, wanted: number): number {
  const live = Object.keys(ctx.state.brokers).filter((id) => isBrokerAlive(ctx.state, Number(id))).length;
  return Math.max(1, Math.min(wanted, live));
}

export function ensureTopic(
  ctx: Ctx,
  topic: string,
  partitions: number,
  replicationFactor: number,
  configs: Record<string, string> = {},
): boolean {
  if (ctx.state.topics[topic]) return true;
  const r = createTopicInternal(
    ctx,
    { topic, partitions, replicationFactor: cappedReplicationFactor(ctx, replicationFactor), configs },
    { autoCreated: true },
  );
  return r.ok;
}

export type OutRecord = {
  key: string | null;
  value: string | null;
  headers?: Array<[string, string]>;
  /** Explicit partition; otherwise murmur2 of the key, or `nullKeyPartition` for a null key. */
  partition?: number;
};

/**
 * Append records to `topic`; returns the offsets (null where the partition has no leader). Keyed records go to
 * murmur2(key) % partitions like the Java producer's default partitioner; records without a key go to
 * `nullKeyPartition` (one sticky partition per batch).
 */
export function appendRecords(
  ctx: Ctx,
  topic: string,
  records: readonly OutRecord[],
  nullKeyPartition = 0,
): Array<{ partition: number; offset: number } | null> {
  const t = ctx.state.topics[topic];
  if (!t) return records.map(() => null);
  return records.map((r) => {
    const partition =
      r.partition ?? (r.key !== null ? partitionForKey(r.key, t.partitions.length) : nullKeyPartition);
    const part = t.partitions[partition % t.partitions.length];
    if (!part || part.leader === null || !isBrokerAlive(ctx.state, part.leader)) return null;
    const out = appendAsCoordinator(ctx, part, {
      leaderEpoch: part.leaderEpoch,
      records: [{ key: r.key, value: r.value, headers: r.headers ?? [], timestamp: ctx.now }],
    });
    return { partition: part.partition, offset: out.firstOffset };
  });
}
