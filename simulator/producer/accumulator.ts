// RecordAccumulator: per-partition batches of at most batch.size bytes; a batch is sendable when full, when
// linger.ms has passed since it was created, when a newer batch exists behind it, or during flush().

import { tpKey } from '../cluster/topicPartition';
import type { Ctx } from '../engine/context';
import { RECORD_BATCH_OVERHEAD } from '../log';
import { scheduleDrain } from './sender';
import type { PendingRecord, Producer, ProducerBatch } from './types';

export function newBatch(ctx: Ctx, topic: string, partition: number): ProducerBatch {
  return {
    batchId: ctx.state.nextBatchId++,
    topic,
    partition,
    records: [],
    sizeBytes: RECORD_BATCH_OVERHEAD,
    createdAt: ctx.now,
    state: 'open',
    baseSequence: -1,
    attempts: 0,
    retryAt: 0,
    requestId: -1,
    broker: -1,
    lastError: null,
  };
}

// tpKey strings of the producer queues, built once per partition instead of once per record (a cache of strings only:
// the state holds the same keys either way).
const tpKeys = new Map<string, string[]>();
function queueKey(topic: string, partition: number): string {
  let keys = tpKeys.get(topic);
  if (!keys) {
    keys = [];
    tpKeys.set(topic, keys);
  }
  let k = keys[partition];
  if (k === undefined) {
    k = tpKey(topic, partition);
    keys[partition] = k;
  }
  return k;
}

/** Append one record; returns the batch it joined (every batch of the partition is full when it is). */
export function appendToAccumulator(
  ctx: Ctx,
  producer: Producer,
  topic: string,
  partition: number,
  record: PendingRecord,
): ProducerBatch {
  const tp = queueKey(topic, partition);
  let q = producer.queues[tp];
  if (!q) {
    q = [];
    producer.queues[tp] = q;
  }
  const size = producer.config.batchSize;
  let batch = q.length > 0 ? q[q.length - 1] : undefined;
  if (batch && batch.state === 'open' && batch.sizeBytes + record.sizeBytes <= size) {
    batch.records.push(record);
    batch.sizeBytes += record.sizeBytes;
  } else {
    if (batch && batch.state === 'open') {
      batch.state = 'ready'; // full: a newer batch exists behind it
      scheduleDrain(ctx, producer, ctx.now);
    }
    batch = newBatch(ctx, topic, partition);
    batch.records.push(record);
    batch.sizeBytes += record.sizeBytes;
    q.push(batch);
    scheduleDrain(ctx, producer, ctx.now + producer.config.lingerMs);
  }
  const full = batch.sizeBytes >= size;
  if (full || producer.flushing) {
    batch.state = 'ready';
    scheduleDrain(ctx, producer, ctx.now);
  }
  return batch;
}
