// Producers and consumers the learner drives, as readers see them: configs by Kafka name, what is still in
// flight, where a send ended up, the transaction state, and what poll() has handed to a group.

import { fetchForPoll } from '../consumer/client/fetcher';
import type { Ctx } from '../engine/context';
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';
import { deliveryOf } from '../producer/commands';
import type { Producer, ProducerConfig } from '../producer/types';
import { recordsOf } from './log';
import type {
  ConsumerView,
  DeliveryStatus,
  PendingSend,
  ProducerBatchView,
  ProducerView,
  RecordView,
  TransactionState,
} from './types';

/** A producer's effective settings by their Kafka names (ProducerConfig). */
export function producerConfigByKafkaName(c: ProducerConfig): Record<string, string> {
  const out: Record<string, string> = {
    acks: String(c.acks),
    'enable.idempotence': String(c.enableIdempotence),
    retries: String(c.retries),
    'batch.size': String(c.batchSize),
    'linger.ms': String(c.lingerMs),
    'delivery.timeout.ms': String(c.deliveryTimeoutMs),
    'request.timeout.ms': String(c.requestTimeoutMs),
    'max.in.flight.requests.per.connection': String(c.maxInFlight),
    'retry.backoff.ms': String(c.retryBackoffMs),
    'partitioner.ignore.keys': String(c.partitionerIgnoreKeys),
    'metadata.max.age.ms': String(c.metadataMaxAgeMs),
  };
  if (c.transactionalId !== null) out['transactional.id'] = c.transactionalId;
  return out;
}

function pendingSends(p: Producer): PendingSend[] {
  const out: PendingSend[] = [];
  for (const queue of Object.values(p.queues))
    for (const batch of queue)
      for (const r of batch.records)
        out.push({ recordId: r.recordId, topic: batch.topic, partition: batch.partition });
  return out.sort((a, b) => a.recordId - b.recordId);
}

function batchesOf(p: Producer): ProducerBatchView[] {
  const out: ProducerBatchView[] = [];
  for (const queue of Object.values(p.queues))
    for (const b of queue)
      out.push({
        batchId: b.batchId,
        topic: b.topic,
        partition: b.partition,
        records: b.records.length,
        sizeBytes: b.sizeBytes,
        batchSize: p.config.batchSize,
        createdAt: b.createdAt,
        state: b.state,
        broker: b.state === 'inflight' && b.broker >= 0 ? b.broker : null,
        attempts: b.attempts,
      });
  return out.sort((a, b) =>
    a.topic === b.topic ? a.partition - b.partition || a.batchId - b.batchId : a.topic < b.topic ? -1 : 1,
  );
}

/** The transactional client's state, from the transactions area (TransactionManager). */
function transactionOf(state: SimState, p: Producer): TransactionState {
  if (p.config.transactionalId === null) return 'none';
  const clients = state.areas.transactions.clients;
  const client = Object.hasOwn(clients, p.name) ? clients[p.name] : undefined;
  if (!client) return 'none';
  switch (client.state.kind) {
    case 'ready':
      return 'ready';
    case 'inTransaction':
      return 'open';
    case 'fenced':
      return 'fenced';
  }
}

function producerOf(state: SimState, p: Producer): ProducerView {
  return {
    name: p.name,
    status: p.status,
    configs: producerConfigByKafkaName(p.config),
    acks: String(p.config.acks),
    idempotence: p.config.enableIdempotence,
    lingerMs: p.config.lingerMs,
    transactionalId: p.config.transactionalId,
    producerId: p.producerId,
    producerEpoch: p.producerEpoch,
    pendingSends: pendingSends(p),
    batches: batchesOf(p),
    transaction: transactionOf(state, p),
  };
}

/** The producer by client name, open or closed; null when there never was one. */
export function producerByNameOf(state: SimState, name: string): ProducerView | null {
  return Object.hasOwn(state.producers, name) ? producerOf(state, state.producers[name]) : null;
}

/** Open producers (a closed one no longer exists for the cluster), by name. */
export function producersOf(state: SimState): ProducerView[] {
  return Object.values(state.producers)
    .filter((p) => p.status === 'open')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((p) => producerOf(state, p));
}

/** Where record `recordId` of a producer stands: pending, acked at an offset, failed, or unknown. */
export function deliveryStatusOf(state: SimState, producer: string, recordId: number): DeliveryStatus {
  return Object.hasOwn(state.producers, producer)
    ? deliveryOf(state.producers[producer], recordId)
    : { status: 'unknown' };
}

export function consumersOf(state: SimState): ConsumerView[] {
  return Object.values(state.areas.consumers.consumers)
    .map((c) => ({
      name: c.name,
      clientId: c.clientId,
      groupId: c.config.groupId,
      status: c.status,
      memberId: c.memberId,
      topics: [...c.config.topics],
      isolationLevel: c.config.isolationLevel,
      assignment: c.assignment.map((p) => ({ topic: p.topic, partition: p.partition })),
      positions: { ...c.positions },
    }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Distinct records of `topic` that poll() has handed to consumers of `group` (by their current group.id),
 * counted from the consumerPolled events still retained.
 */
export function deliveredToGroupOf(
  state: SimState,
  events: readonly SimEvent[],
  group: string,
  topic: string,
): number {
  const consumers = state.areas.consumers.consumers;
  const seen = new Set<string>();
  for (const e of events) {
    if (e.type !== 'consumerPolled') continue;
    const c = Object.hasOwn(consumers, e.consumer) ? consumers[e.consumer] : undefined;
    if (c?.config.groupId !== group) continue;
    for (const r of e.records) if (r.topic === topic) seen.add(`${r.partition}@${r.offset}`);
  }
  return seen.size;
}

/**
 * The records a consumer's next poll would fetch (its positions, else the group's committed offsets, else
 * auto.offset.reset), without moving it: the fetch runs on a copy of the client with events dropped. What
 * a quota decides before the response is sent (KafkaApis#handleFetchRequest); a rebalance the poll itself
 * would start is not foreseen.
 */
export function nextPollOf(state: SimState, name: string, max: number): RecordView[] {
  const c = Object.hasOwn(state.areas.consumers.consumers, name)
    ? state.areas.consumers.consumers[name]
    : null;
  if (c?.status !== 'running' || max < 1) return [];
  const ctx = { state, emit: () => {} } as unknown as Ctx;
  const r = fetchForPoll(ctx, { ...c, positions: { ...c.positions } }, max);
  if (!r.ok) return [];
  return r.records.flatMap((x) =>
    recordsOf(state, x.topic, x.partition, x.offset, 1, c.config.isolationLevel).filter(
      (v) => v.offset === x.offset,
    ),
  );
}
