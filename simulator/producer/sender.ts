// Sender: drains ready batches to partition leaders (respecting max.in.flight.requests.per.connection), handles
// responses, request timeouts, retries with exponential backoff (retry.backoff.ms → retry.backoff.max.ms) and
// delivery.timeout.ms. Without idempotence a retried batch can land after a later one (reordering); with it, the
// broker's sequence checks keep order and drop duplicates.

import { tpKey } from '../cluster/topicPartition';
import type { Ctx } from '../engine/context';
import { RETRIABLE_ERRORS } from '../engine/errors';
import { type Hook, type KafkaError, on, type TaskHandlers } from '../engine/registry';
import { isLost } from '../network/faults';
import type { ProduceResult } from '../replication/produceResponse';
import type { Producer, ProducerBatch } from './types';

const MAX_REPORTS = 500;

export function scheduleDrain(ctx: Ctx, producer: Producer, at: number): void {
  if (producer.drainAt !== null && producer.drainAt <= at && producer.drainAt >= ctx.now) return;
  producer.drainAt = at;
  ctx.scheduleAt(at, { type: 'producerDrain', producer: producer.name });
}

function removeBatch(producer: Producer, batch: ProducerBatch): void {
  const q = producer.queues[tpKey(batch.topic, batch.partition)];
  const i = q ? q.indexOf(batch) : -1;
  if (i >= 0) q.splice(i, 1);
}

function report(
  producer: Producer,
  batch: ProducerBatch,
  baseOffset: number,
  error: KafkaError | null,
  now: number,
): void {
  producer.completed.push({
    batchId: batch.batchId,
    firstRecordId: batch.records[0].recordId,
    count: batch.records.length,
    recordIds: batch.records.map((r) => r.recordId),
    topic: batch.topic,
    partition: batch.partition,
    baseOffset,
    error,
    attempts: batch.attempts,
    time: now,
  });
  if (producer.completed.length > MAX_REPORTS * 2)
    producer.completed.splice(0, producer.completed.length - MAX_REPORTS);
}

function completeBatch(
  ctx: Ctx,
  producer: Producer,
  batch: ProducerBatch,
  baseOffset: number,
  duplicate: boolean,
): void {
  removeBatch(producer, batch);
  report(producer, batch, baseOffset, null, ctx.now);
  producer.stats.acked += batch.records.length;
  const n = batch.records.length;
  ctx.emit(
    'batchAcknowledged',
    baseOffset < 0
      ? `${producer.name}: ${n} record${n === 1 ? '' : 's'} to ${batch.topic}-${batch.partition} counted as sent (acks=0: no acknowledgement, no offset)`
      : `${producer.name}: ${batch.topic}-${batch.partition} acknowledged ${n} record${n === 1 ? '' : 's'} at offset${n === 1 ? '' : 's'} ${baseOffset}${n === 1 ? '' : `–${baseOffset + n - 1}`}${duplicate ? ' (a retry of a batch the broker already had: it returned the original offsets and wrote nothing)' : ''}${batch.attempts > 1 ? ` after ${batch.attempts} attempts` : ''}`,
    {
      producer: producer.name,
      topic: batch.topic,
      partition: batch.partition,
      batchId: batch.batchId,
      baseOffset,
      count: n,
      firstRecordId: batch.records[0].recordId,
      attempts: batch.attempts,
      duplicate,
    },
  );
}

export function failBatch(ctx: Ctx, producer: Producer, batch: ProducerBatch, error: KafkaError): void {
  removeBatch(producer, batch);
  report(producer, batch, -1, error, ctx.now);
  producer.stats.failed += batch.records.length;
  ctx.emit(
    'batchFailed',
    `${producer.name}: ${batch.records.length} record(s) to ${batch.topic}-${batch.partition} failed: ${error.code}: ${error.message}`,
    {
      producer: producer.name,
      topic: batch.topic,
      partition: batch.partition,
      batchId: batch.batchId,
      count: batch.records.length,
      firstRecordId: batch.records[0].recordId,
      error,
    },
  );
  if (producer.config.enableIdempotence && batch.baseSequence >= 0) {
    // KIP-360: after a batch with a sequence fails for good, the idempotent producer bumps its epoch and restarts
    // sequences, so later batches are not rejected as out of order.
    producer.producerEpoch++;
    producer.sequences = {};
    for (const q of Object.values(producer.queues))
      for (const b of q) if (b.state !== 'inflight') b.baseSequence = -1;
  }
}

function expiredError(batch: ProducerBatch, producer: Producer, now: number): KafkaError {
  return {
    code: 'TIMEOUT_EXCEPTION',
    message: `Expiring ${batch.records.length} record(s) for ${batch.topic}-${batch.partition}:${now - batch.createdAt} ms has passed since batch creation (delivery.timeout.ms=${producer.config.deliveryTimeoutMs})`,
  };
}

function send(ctx: Ctx, producer: Producer, batch: ProducerBatch, leader: number): void {
  const cfg = producer.config;
  if (cfg.enableIdempotence && batch.baseSequence < 0) {
    const tp = tpKey(batch.topic, batch.partition);
    batch.baseSequence = producer.sequences[tp] ?? 0;
    producer.sequences[tp] = batch.baseSequence + batch.records.length;
  }
  const requestId = ctx.state.nextRequestId++;
  batch.requestId = requestId;
  batch.broker = leader;
  batch.attempts++;
  batch.state = 'inflight';
  producer.stats.sent += batch.records.length;
  const n = batch.records.length;
  ctx.emit(
    'produceRequestSent',
    `${producer.name} sends ${n} record${n === 1 ? '' : 's'} for ${batch.topic}-${batch.partition} to leader ${leader} (acks=${cfg.acks}${batch.attempts > 1 ? `, attempt ${batch.attempts}` : ''}${batch.baseSequence >= 0 ? `, producer id ${producer.producerId}, sequence ${batch.baseSequence}` : ''})`,
    {
      producer: producer.name,
      requestId,
      broker: leader,
      topic: batch.topic,
      partition: batch.partition,
      batchId: batch.batchId,
      records: n,
      attempt: batch.attempts,
      baseSequence: batch.baseSequence,
    },
  );
  if (isLost(ctx, 'request', producer.name)) {
    ctx.emit(
      'produceRequestLost',
      `${producer.name}'s produce request #${requestId} to broker ${leader} was lost on the network: nothing was written`,
      { producer: producer.name, requestId, broker: leader, topic: batch.topic, partition: batch.partition },
    );
  } else {
    ctx.schedule(ctx.state.latencyMs, {
      type: 'produceRequest',
      producer: producer.name,
      requestId,
      broker: leader,
      topic: batch.topic,
      partition: batch.partition,
      batchId: batch.batchId,
      acks: cfg.acks,
      producerId: cfg.enableIdempotence ? producer.producerId : -1,
      producerEpoch: cfg.enableIdempotence ? producer.producerEpoch : -1,
      baseSequence: batch.baseSequence,
      records: batch.records,
      timeoutMs: cfg.requestTimeoutMs,
      transactional: cfg.transactionalId !== null,
    });
  }
  if (cfg.acks === 0) {
    // Fire and forget: done as soon as it is on the wire.
    completeBatch(ctx, producer, batch, -1, false);
    return;
  }
  producer.inFlight[leader] = (producer.inFlight[leader] ?? 0) + 1;
  ctx.schedule(cfg.requestTimeoutMs, {
    type: 'produceTimeout',
    producer: producer.name,
    requestId,
    topic: batch.topic,
    partition: batch.partition,
    batchId: batch.batchId,
  });
}

/** Send every batch that can go now; schedule the next wake-up. */
export function drain(ctx: Ctx, producer: Producer): void {
  const cfg = producer.config;
  const now = ctx.now;
  let wake = Number.POSITIVE_INFINITY;
  for (const tp in producer.queues) {
    const q = producer.queues[tp];
    if (q.length === 0) continue;
    const topic = ctx.state.topics[q[0].topic];
    const part = topic?.partitions[q[0].partition];
    let hasInflight = false;
    for (let i = 0; i < q.length; i++) {
      const b = q[i];
      if (b.state === 'inflight') {
        hasInflight = true;
        continue;
      }
      if (now >= b.createdAt + cfg.deliveryTimeoutMs) {
        failBatch(ctx, producer, b, expiredError(b, producer, now));
        i--;
        continue;
      }
      if (b.state === 'open') {
        if (now >= b.createdAt + cfg.lingerMs || producer.flushing || i < q.length - 1) b.state = 'ready';
        else {
          wake = Math.min(wake, b.createdAt + cfg.lingerMs);
          break;
        }
      }
      if (b.state === 'backoff') {
        if (now >= b.retryAt) b.state = 'ready';
        else {
          wake = Math.min(wake, b.retryAt, b.createdAt + cfg.deliveryTimeoutMs);
          if (cfg.enableIdempotence || cfg.maxInFlight === 1) break; // order: nothing overtakes a retry
          continue;
        }
      }
      // b.state === 'ready'
      if (!part) {
        failBatch(ctx, producer, b, {
          code: 'UNKNOWN_TOPIC_OR_PARTITION',
          message: `Topic ${b.topic} not present in metadata after ${cfg.deliveryTimeoutMs} ms.`,
        });
        i--;
        continue;
      }
      const leader = part.leader;
      const blocked =
        leader === null ||
        (cfg.maxInFlight === 1 && hasInflight) ||
        (producer.inFlight[leader] ?? 0) >= cfg.maxInFlight;
      if (blocked) {
        // Waits for a leader / a free in-flight slot (woken by responses and leader changes) or expires.
        wake = Math.min(wake, b.createdAt + cfg.deliveryTimeoutMs);
        break;
      }
      send(ctx, producer, b, leader);
      if (cfg.acks === 0) i--;
      else hasInflight = true;
    }
  }
  if (wake !== Number.POSITIVE_INFINITY) scheduleDrain(ctx, producer, wake);
}

function findBatch(
  producer: Producer,
  topic: string,
  partition: number,
  batchId: number,
): ProducerBatch | undefined {
  const q = producer.queues[tpKey(topic, partition)];
  if (!q) return undefined;
  for (const b of q) if (b.batchId === batchId) return b;
  return undefined;
}

function retryOrFail(ctx: Ctx, producer: Producer, batch: ProducerBatch, error: KafkaError): void {
  const cfg = producer.config;
  const q = producer.queues[tpKey(batch.topic, batch.partition)];
  // An out-of-order rejection caused by an earlier batch that is itself being retried is retriable.
  const earlierUnresolved = q !== undefined && q.indexOf(batch) > 0;
  const retriable =
    RETRIABLE_ERRORS.has(error.code) ||
    (error.code === 'OUT_OF_ORDER_SEQUENCE_NUMBER' && cfg.enableIdempotence && earlierUnresolved);
  batch.lastError = error;
  const deadline = batch.createdAt + cfg.deliveryTimeoutMs;
  if (retriable && batch.attempts <= cfg.retries && ctx.now < deadline) {
    const backoff = Math.min(
      cfg.retryBackoffMs * 2 ** Math.max(0, batch.attempts - 1),
      cfg.retryBackoffMaxMs,
    );
    batch.state = 'backoff';
    batch.retryAt = ctx.now + backoff;
    producer.stats.retries++;
    ctx.emit(
      'batchRetrying',
      `${producer.name}: ${error.code} for ${batch.topic}-${batch.partition}; retrying in ${backoff} ms (attempt ${batch.attempts + 1}${cfg.enableIdempotence ? '' : ', idempotence off: a retry can duplicate or reorder records'})`,
      {
        producer: producer.name,
        topic: batch.topic,
        partition: batch.partition,
        batchId: batch.batchId,
        requestId: batch.requestId,
        attempt: batch.attempts + 1,
        backoffMs: backoff,
        error,
      },
    );
    scheduleDrain(ctx, producer, batch.retryAt);
  } else {
    failBatch(ctx, producer, batch, ctx.now >= deadline ? expiredError(batch, producer, ctx.now) : error);
  }
}

export const senderTasks = {
  producerDrain: (ctx, t) => {
    const producer = ctx.state.producers[t.producer];
    if (!producer) return;
    if (producer.drainAt === ctx.now) producer.drainAt = null;
    drain(ctx, producer);
  },
  produceResponse: (ctx, t) => {
    const producer = ctx.state.producers[t.producer];
    if (!producer) return;
    const batch = findBatch(producer, t.topic, t.partition, t.batchId);
    if (batch?.state !== 'inflight' || batch.requestId !== t.requestId) return; // stale (timed out already)
    producer.inFlight[t.broker] = Math.max(0, (producer.inFlight[t.broker] ?? 1) - 1);
    const r: ProduceResult = t.result;
    if (r.kind === 'ok') completeBatch(ctx, producer, batch, r.baseOffset, r.duplicate ?? false);
    else retryOrFail(ctx, producer, batch, { code: r.code, message: r.message });
    drain(ctx, producer);
  },
  produceTimeout: (ctx, t) => {
    const producer = ctx.state.producers[t.producer];
    if (!producer) return;
    const batch = findBatch(producer, t.topic, t.partition, t.batchId);
    if (batch?.state !== 'inflight' || batch.requestId !== t.requestId) return;
    producer.inFlight[batch.broker] = Math.max(0, (producer.inFlight[batch.broker] ?? 1) - 1);
    ctx.emit(
      'produceRequestTimedOut',
      `${producer.name}: no response from broker ${batch.broker} within request.timeout.ms=${producer.config.requestTimeoutMs} for ${batch.topic}-${batch.partition}; the producer does not know whether it was written`,
      {
        producer: producer.name,
        requestId: t.requestId,
        broker: batch.broker,
        topic: t.topic,
        partition: t.partition,
      },
    );
    retryOrFail(ctx, producer, batch, {
      code: 'NETWORK_EXCEPTION',
      message: `Disconnected from node ${batch.broker} due to timeout`,
    });
    drain(ctx, producer);
  },
} satisfies TaskHandlers;

export const senderHooks: readonly Hook[] = [
  /** A crashed broker drops its connections: in-flight requests to it fail at once with NETWORK_EXCEPTION. */
  on('brokerStopped', (ctx, ev) => {
    for (const name in ctx.state.producers) {
      const producer = ctx.state.producers[name];
      let touched = false;
      for (const q of Object.values(producer.queues)) {
        for (const b of [...q]) {
          if (b.state === 'inflight' && b.broker === ev.brokerId) {
            producer.inFlight[b.broker] = Math.max(0, (producer.inFlight[b.broker] ?? 1) - 1);
            // Sender#handleProduceResponse on a disconnect: NETWORK_EXCEPTION "Disconnected from node N".
            retryOrFail(ctx, producer, b, {
              code: 'NETWORK_EXCEPTION',
              message: `Disconnected from node ${b.broker}`,
            });
            touched = true;
          }
        }
      }
      if (touched) scheduleDrain(ctx, producer, ctx.now);
    }
  }),
  /** New leader known: wake producers holding batches for that partition. */
  on('leaderChanged', (ctx, ev) => {
    if (ev.leader === null) return;
    const tp = tpKey(ev.topic, ev.partition);
    for (const name in ctx.state.producers) {
      const producer = ctx.state.producers[name];
      if (producer.queues[tp]?.length) scheduleDrain(ctx, producer, ctx.now);
    }
  }),
];
