// Producer commands: create (configs by Kafka name), send / sendMany (KafkaProducer#send), flush, close.
import { brokerConfig } from '../cluster/topicConfig';
import { createTopicInternal } from '../cluster/topics';
import type { Topic } from '../cluster/types';
import { runUntil } from '../engine/clock';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../engine/registry';
import { recordSize } from '../log';
import { appendToAccumulator } from './accumulator';
import { partitionForKey } from './murmur2';
import { afterStickyAppend, choosePartition } from './partitioner';
import { PRODUCER_DEFAULTS, parseProducerConfig } from './producerConfig';
import { knownPartitionCount } from './producerMetadata';
import { drain } from './sender';
import type { Producer, SendRecord } from './types';

export type { SendRecord };

function openProducer(ctx: Ctx, name: string): Producer | { error: ReturnType<typeof fail> } {
  const p = ctx.state.producers[name];
  if (!p) return { error: fail('INVALID_REQUEST', `Producer ${name} does not exist.`) };
  if (p.status === 'closed')
    return { error: fail('ILLEGAL_STATE', 'Cannot perform operation after producer has been closed') };
  return p;
}

/** The producer asks for metadata; a missing topic is auto-created when the broker allows it. */
function ensureTopic(ctx: Ctx, topic: string) {
  if (ctx.state.topics[topic]) return null;
  if (brokerConfig(ctx.state, 'auto.create.topics.enable') !== 'true') {
    return fail('TIMEOUT_EXCEPTION', `Topic ${topic} not present in metadata after 60000 ms.`);
  }
  const created = createTopicInternal(ctx, { topic }, { autoCreated: true });
  return created.ok ? null : created;
}

const NO_HEADERS: Array<[string, string]> = [];

type Sent = { recordId: number; partition: number; batchId: number; how: 'explicit' | 'key' | 'sticky' };

/**
 * How `choosePartition` will place a record (explicit partition, murmur2 of the key, or sticky), known without
 * choosing: producerSendMany reports it for its first record only.
 */
function placementOf(p: Producer, key: string | null, partition: number | undefined): Sent['how'] {
  if (partition !== undefined) return 'explicit';
  return key !== null && !p.config.partitionerIgnoreKeys ? 'key' : 'sticky';
}

/**
 * Appends one record to the accumulator; returns the partition it joined, or the failure. `appended` runs once the
 * record is in its batch, before the sticky partitioner may switch, so narration reads in order. Nothing is
 * allocated per record besides the pending record itself (producerSendMany calls this a million times a second).
 */
function sendOne(
  ctx: Ctx,
  p: Producer,
  t: Topic,
  r: SendRecord,
  appended?: (sent: Sent) => void,
): number | ReturnType<typeof fail> {
  const key = r.key ?? null;
  let partition: number;
  let how: Sent['how'];
  if (r.partition === undefined && key !== null && !p.config.partitionerIgnoreKeys) {
    // choosePartition's keyed branch, without its result object (over the partitions the producer's metadata knows).
    partition = partitionForKey(key, knownPartitionCount(ctx, p, t));
    how = 'key';
  } else {
    const choice = choosePartition(ctx, p, t, key, r.partition);
    if ('error' in choice) return fail('INVALID_REQUEST', choice.error);
    partition = choice.partition;
    how = choice.how;
  }
  const headers = r.headers ?? NO_HEADERS;
  const sizeBytes = recordSize(key, r.value, headers);
  if (sizeBytes > p.config.maxRequestSize) {
    return fail(
      'RECORD_TOO_LARGE',
      `The message is ${sizeBytes} bytes when serialized which is larger than ${p.config.maxRequestSize}, which is the value of the max.request.size configuration.`,
    );
  }
  const recordId = p.nextRecordId++;
  const batch = appendToAccumulator(ctx, p, t.name, partition, {
    recordId,
    key,
    value: r.value,
    headers,
    timestamp: r.timestamp ?? ctx.now,
    sizeBytes,
  });
  const allFull = batch.sizeBytes >= p.config.batchSize;
  appended?.({ recordId, partition, batchId: batch.batchId, how });
  if (how === 'sticky') afterStickyAppend(ctx, p, t, sizeBytes, allFull);
  return partition;
}

export function hasPendingSends(p: Producer): boolean {
  for (const tp in p.queues) if (p.queues[tp].length > 0) return true;
  return false;
}

/** KafkaProducer#flush: send everything now and run the clock until every send completed or failed. */
export function flush(ctx: Ctx, p: Producer): void {
  p.flushing = true;
  drain(ctx, p);
  // Bounded: every batch completes or expires within delivery.timeout.ms (+ one request timeout for in-flight ones).
  runUntil(ctx, ctx.now + p.config.deliveryTimeoutMs + p.config.requestTimeoutMs, () => !hasPendingSends(p));
  p.flushing = false;
}

export type DeliveryStatus =
  | { status: 'pending'; topic: string; partition: number; batchState: string }
  | { status: 'acked'; topic: string; partition: number; offset: number }
  | { status: 'failed'; topic: string; partition: number; error: { code: string; message: string } }
  | { status: 'unknown' };

/** Where record `recordId` of `producer` stands (console: print TOPIC-PARTITION@OFFSET once acknowledged). */
export function deliveryOf(p: Producer, recordId: number): DeliveryStatus {
  for (const tp in p.queues) {
    for (const b of p.queues[tp]) {
      if (b.records.some((r) => r.recordId === recordId))
        return { status: 'pending', topic: b.topic, partition: b.partition, batchState: b.state };
    }
  }
  for (let i = p.completed.length - 1; i >= 0; i--) {
    const d = p.completed[i];
    const idx = d.recordIds.indexOf(recordId);
    if (idx < 0) continue;
    if (d.error) return { status: 'failed', topic: d.topic, partition: d.partition, error: d.error };
    return {
      status: 'acked',
      topic: d.topic,
      partition: d.partition,
      offset: d.baseOffset < 0 ? -1 : d.baseOffset + idx,
    };
  }
  return { status: 'unknown' };
}

export { PRODUCER_DEFAULTS };

export const producerCommands = {
  producerCreate: (ctx, cmd) => {
    if (!cmd.name || /\s/.test(cmd.name)) return fail('CONFIG_EXCEPTION', `Invalid client.id "${cmd.name}"`);
    const existing = ctx.state.producers[cmd.name];
    if (existing && existing.status === 'open')
      return fail('ILLEGAL_STATE', `Producer ${cmd.name} already exists.`);
    const parsed = parseProducerConfig(cmd.configs ?? {});
    if (!parsed.ok) return fail('CONFIG_EXCEPTION', parsed.message);
    const idempotent = parsed.config.enableIdempotence;
    const producerId = idempotent ? ctx.state.nextProducerId++ : -1;
    const p: Producer = {
      name: cmd.name,
      status: 'open',
      config: parsed.config,
      userConfigs: { ...(cmd.configs ?? {}) },
      producerId,
      producerEpoch: idempotent ? 0 : -1,
      metadata: {},
      sticky: {},
      sequences: {},
      queues: {},
      inFlight: {},
      nextRecordId: 0,
      drainAt: null,
      flushing: false,
      completed: [],
      stats: { sent: 0, acked: 0, failed: 0, retries: 0 },
    };
    ctx.state.producers[cmd.name] = p;
    const c = parsed.config;
    ctx.emit(
      'producerCreated',
      `producer ${cmd.name} created: acks=${c.acks}, enable.idempotence=${c.enableIdempotence}${idempotent ? ` (producer id ${producerId}, epoch 0)` : ''}, linger.ms=${c.lingerMs}, batch.size=${c.batchSize}, retries=${c.retries}, max.in.flight.requests.per.connection=${c.maxInFlight}`,
      { producer: cmd.name, producerId, acks: c.acks, idempotent, warnings: parsed.warnings },
    );
    return ok({ producerId, warnings: parsed.warnings });
  },
  producerSend: (ctx, cmd) => {
    const p = openProducer(ctx, cmd.producer);
    if ('error' in p) return p.error;
    const missing = ensureTopic(ctx, cmd.topic);
    if (missing) return missing;
    const recordId = p.nextRecordId; // the id sendOne gives the record
    const r = sendOne(ctx, p, ctx.state.topics[cmd.topic], cmd, (r) =>
      ctx.emit(
        'recordAccumulated',
        `${p.name}: record ${r.recordId}${cmd.key != null ? ` (key "${cmd.key}")` : ''} → ${cmd.topic}-${r.partition} by ${r.how === 'key' ? 'murmur2(key) % partitions' : r.how === 'explicit' ? 'explicit partition' : 'the sticky partitioner'}; waits in batch ${r.batchId} (linger.ms=${p.config.lingerMs})`,
        {
          producer: p.name,
          topic: cmd.topic,
          partition: r.partition,
          batchId: r.batchId,
          firstRecordId: r.recordId,
          count: 1,
          partitioner: r.how,
        },
      ),
    );
    if (typeof r !== 'number') return r;
    return ok({ recordId, topic: cmd.topic, partition: r });
  },
  producerSendMany: (ctx, cmd) => {
    const p = openProducer(ctx, cmd.producer);
    if ('error' in p) return p.error;
    const missing = ensureTopic(ctx, cmd.topic);
    if (missing) return missing;
    // Validate every record first so a bad one leaves nothing half-sent.
    const n = ctx.state.topics[cmd.topic].partitions.length;
    for (const rec of cmd.records) {
      if (
        rec.partition !== undefined &&
        (!Number.isInteger(rec.partition) || rec.partition < 0 || rec.partition >= n)
      )
        return fail(
          'INVALID_REQUEST',
          `Invalid partition given with record: ${rec.partition} is not in the range [0...${n}).`,
        );
      // Cheap upper bound first (≤ 3 UTF-8 bytes per UTF-16 unit); exact size only when it could be too large.
      const bound = ((rec.key?.length ?? 0) + (rec.value?.length ?? 0)) * 3 + 32;
      if (bound <= p.config.maxRequestSize && !rec.headers?.length) continue;
      const size = recordSize(rec.key ?? null, rec.value, rec.headers ?? NO_HEADERS);
      if (size > p.config.maxRequestSize)
        return fail(
          'RECORD_TOO_LARGE',
          `The message is ${size} bytes when serialized which is larger than ${p.config.maxRequestSize}, which is the value of the max.request.size configuration.`,
        );
    }
    const firstRecordId = p.nextRecordId;
    const partitions: number[] = [];
    const first = cmd.records[0];
    const how = first ? placementOf(p, first.key ?? null, first.partition) : 'sticky';
    const topic = ctx.state.topics[cmd.topic];
    for (const rec of cmd.records) {
      const r = sendOne(ctx, p, topic, rec);
      if (typeof r !== 'number') return r;
      partitions.push(r);
    }
    ctx.emit(
      'recordAccumulated',
      `${p.name}: ${cmd.records.length} records for ${cmd.topic} added to the accumulator`,
      {
        producer: p.name,
        topic: cmd.topic,
        partition: partitions[0] ?? -1,
        batchId: -1,
        firstRecordId,
        count: cmd.records.length,
        partitioner: how,
      },
    );
    return ok({ firstRecordId, count: cmd.records.length, partitions });
  },
  producerFlush: (ctx, cmd) => {
    const p = openProducer(ctx, cmd.producer);
    if ('error' in p) return p.error;
    flush(ctx, p);
    return okVoid();
  },
  producerClose: (ctx, cmd) => {
    const p = openProducer(ctx, cmd.producer);
    if ('error' in p) return p.error;
    flush(ctx, p);
    p.status = 'closed';
    ctx.emit('producerClosed', `producer ${p.name} closed after sending everything it had buffered`, {
      producer: p.name,
    });
    return okVoid();
  },
} satisfies CommandHandlers;
