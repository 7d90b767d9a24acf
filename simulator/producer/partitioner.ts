// Which partition a record goes to (KafkaProducer#partition + BuiltInPartitioner, KIP-794): explicit partition,
// else murmur2 of the key over all partitions, else the sticky partition of the topic, switched after batch.size
// bytes once the partition's batches are full (or unconditionally after 2 × batch.size).
// Simplification: the adaptive (queue-size weighted) choice is not modelled; the next sticky partition is uniform
// among partitions that have a leader. Partition counts come from the producer's metadata (producerMetadata.ts).
import type { Topic } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { partitionForKey } from './murmur2';
import { knownPartitionCount } from './producerMetadata';
import type { Producer } from './types';

export type PartitionChoice = { partition: number; how: 'explicit' | 'key' | 'sticky' } | { error: string };

function nextStickyPartition(ctx: Ctx, producer: Producer, topic: Topic): number {
  const known = topic.partitions.slice(0, knownPartitionCount(ctx, producer, topic));
  const available = known.filter((p) => p.leader !== null);
  const pool = available.length > 0 ? available : known;
  return pool[ctx.randomInt(pool.length)].partition;
}

export function choosePartition(
  ctx: Ctx,
  producer: Producer,
  topic: Topic,
  key: string | null,
  explicit: number | undefined,
): PartitionChoice {
  // Keys hash over the partitions the producer's metadata knows, which lags an --alter --partitions.
  const n = knownPartitionCount(ctx, producer, topic, explicit);
  if (explicit !== undefined) {
    if (!Number.isInteger(explicit) || explicit < 0 || explicit >= n)
      return { error: `Invalid partition given with record: ${explicit} is not in the range [0...${n}).` };
    return { partition: explicit, how: 'explicit' };
  }
  if (key !== null && !producer.config.partitionerIgnoreKeys)
    return { partition: partitionForKey(key, n), how: 'key' };
  let s = producer.sticky[topic.name];
  if (!s || s.partition >= n) {
    s = { partition: nextStickyPartition(ctx, producer, topic), producedBytes: 0 };
    producer.sticky[topic.name] = s;
    ctx.emit(
      'stickyPartitionChanged',
      `${producer.name}: records without a key for ${topic.name} now stick to partition ${s.partition}`,
      {
        producer: producer.name,
        topic: topic.name,
        from: null,
        to: s.partition,
      },
    );
  }
  return { partition: s.partition, how: 'sticky' };
}

/**
 * BuiltInPartitioner#updatePartitionInfo after a keyless append. `allBatchesFull` is RecordAccumulator#allBatchesFull:
 * the partition's last batch is full. A record that does not fit opens a new batch instead, so records that do not
 * fill a batch exactly leave the last batch not full, and the switch then waits for 2 × batch.size.
 */
export function afterStickyAppend(
  ctx: Ctx,
  producer: Producer,
  topic: Topic,
  bytes: number,
  allBatchesFull: boolean,
): void {
  const s = producer.sticky[topic.name];
  if (!s) return;
  s.producedBytes += bytes;
  const size = producer.config.batchSize;
  if ((s.producedBytes >= size && allBatchesFull) || s.producedBytes >= 2 * size) {
    const from = s.partition;
    const to = nextStickyPartition(ctx, producer, topic);
    producer.sticky[topic.name] = { partition: to, producedBytes: 0 };
    ctx.emit(
      'stickyPartitionChanged',
      `${producer.name}: ${s.producedBytes} bytes went to ${topic.name}-${from} (batch.size=${size}${allBatchesFull ? ', and its last batch is full' : `; its last batch is not full, but ${s.producedBytes} ≥ 2 × batch.size`}), so keyless records switch to partition ${to}`,
      { producer: producer.name, topic: topic.name, from, to },
    );
  }
}
