// The transaction coordinator: the leader of a transactional.id's __transaction_state partition. It keeps
// TransactionMetadata, persists every state change as a record of that partition, and writes the COMMIT/ABORT
// markers (control records) into every partition of a finished transaction.

import { getPartition, isBrokerAlive } from '../cluster/lookup';
import { brokerConfigNumber } from '../cluster/topicConfig';
import { parseTpKey } from '../cluster/topicPartition';
import { createTopicInternal } from '../cluster/topics';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { KafkaError } from '../engine/registry';
import type { SimState } from '../engine/state';
import { appendAsCoordinator } from '../replication/coordinatorAppend';
import { transactionCoordinatorPartition } from './coordinatorPartition';
import {
  TRANSACTION_STATE_TOPIC,
  type TransactionMetadata,
  type TransactionsArea,
  type TxnState,
} from './types';

/** transaction.state.log.num.partitions (50) and replication factor (3), capped by the live brokers. */
export const TRANSACTION_STATE_PARTITIONS = 50;
const TRANSACTION_STATE_RF = 3;

export function txnArea(ctx: Ctx): TransactionsArea {
  return ctx.state.areas.transactions;
}

/** Creates __transaction_state the first time a transactional producer initialises, as the broker does. */
export function ensureTransactionStateTopic(ctx: Ctx): KafkaError | null {
  if (ctx.state.topics[TRANSACTION_STATE_TOPIC]) return null;
  const alive = Object.values(ctx.state.brokers).filter((b) => isBrokerAlive(ctx.state, b.id)).length;
  const r = createTopicInternal(
    ctx,
    {
      topic: TRANSACTION_STATE_TOPIC,
      partitions: TRANSACTION_STATE_PARTITIONS,
      // Simplification: a real broker refuses to create it with fewer live brokers than the replication factor.
      replicationFactor: Math.max(1, Math.min(TRANSACTION_STATE_RF, alive)),
      // TransactionStateManager#transactionTopicConfigs (transaction.state.log.min.isr=2 and
      // transaction.state.log.segment.bytes=104857600; the min ISR is capped by the live brokers here too).
      configs: {
        'cleanup.policy': 'compact',
        'compression.type': 'uncompressed',
        'min.insync.replicas': String(Math.min(2, alive)),
        'segment.bytes': '104857600',
        'unclean.leader.election.enable': 'false',
      },
    },
    { internal: true },
  );
  return r.ok ? null : r.error;
}

export function coordinatorPartitionOf(state: SimState, transactionalId: string): Partition | undefined {
  const topic = state.topics[TRANSACTION_STATE_TOPIC];
  if (!topic) return undefined;
  return topic.partitions[transactionCoordinatorPartition(transactionalId, topic.partitions.length)];
}

/** The coordinator broker, or an error the client would get (COORDINATOR_NOT_AVAILABLE). */
export function coordinatorFor(
  ctx: Ctx,
  transactionalId: string,
): { broker: number; partition: Partition } | KafkaError {
  const p = coordinatorPartitionOf(ctx.state, transactionalId);
  if (!p || p.leader === null || !isBrokerAlive(ctx.state, p.leader)) {
    return {
      code: 'COORDINATOR_NOT_AVAILABLE',
      message: `The coordinator is not available: no leader for ${TRANSACTION_STATE_TOPIC}-${p?.partition ?? '?'}.`,
    };
  }
  return { broker: p.leader, partition: p };
}

/** Append records to a partition as its leader would, then let followers fetch and the HW move. */
export function appendInternal(
  ctx: Ctx,
  part: Partition,
  batch: {
    records: Array<{ key: string | null; value: string | null; control?: { type: 'COMMIT' | 'ABORT' } }>;
    producerId?: number;
    producerEpoch?: number;
    transactional?: boolean;
  },
): { firstOffset: number; lastOffset: number } | null {
  if (part.leader === null || !isBrokerAlive(ctx.state, part.leader)) return null;
  const appended = appendAsCoordinator(ctx, part, {
    leaderEpoch: part.leaderEpoch,
    records: batch.records.map((r) => ({
      timestamp: ctx.now,
      key: r.key,
      value: r.value,
      control: r.control ?? null,
    })),
    producerId: batch.producerId ?? -1,
    producerEpoch: batch.producerEpoch ?? -1,
    baseSequence: -1,
    transactional: batch.transactional ?? false,
  });
  return { firstOffset: appended.firstOffset, lastOffset: appended.lastOffset };
}

/** Persist the metadata as the coordinator does (a record keyed by transactional.id in __transaction_state). */
export function writeTxnLog(ctx: Ctx, md: TransactionMetadata): void {
  const part = coordinatorPartitionOf(ctx.state, md.transactionalId);
  if (!part) return;
  const value = JSON.stringify({
    producerId: md.producerId,
    producerEpoch: md.producerEpoch,
    state: md.state,
    partitions: md.partitions,
    timeoutMs: md.transactionTimeoutMs,
  });
  appendInternal(ctx, part, { records: [{ key: md.transactionalId, value }] });
}

export function setTxnState(ctx: Ctx, md: TransactionMetadata, next: TxnState, why: string): void {
  const from = md.state;
  md.state = next;
  md.lastUpdate = ctx.now;
  writeTxnLog(ctx, md);
  ctx.emit('txnStateChanged', `transaction ${md.transactionalId}: ${from} → ${next} (${why})`, {
    transactionalId: md.transactionalId,
    producerId: md.producerId,
    producerEpoch: md.producerEpoch,
    from,
    to: next,
    partitions: [...md.partitions],
  });
}

/**
 * Write a COMMIT or ABORT control record into every partition of the transaction (WriteTxnMarkers). Each marker
 * takes an offset of its own. Returns the partitions whose leader was unavailable (their LSO stays blocked).
 */
export function writeMarkers(ctx: Ctx, md: TransactionMetadata, type: 'COMMIT' | 'ABORT'): string[] {
  const missed: string[] = [];
  for (const tp of md.partitions) {
    const { topic, partition } = parseTpKey(tp);
    const part = getPartition(ctx.state, topic, partition);
    if (!part) continue;
    const at = appendInternal(ctx, part, {
      records: [{ key: null, value: null, control: { type } }],
      producerId: md.producerId,
      producerEpoch: md.producerEpoch,
      transactional: true,
    });
    if (!at) {
      missed.push(tp);
      continue;
    }
    // The broker learns the (possibly bumped) epoch from the marker: older-epoch appends are now refused.
    const leader = part.replicaLogs[part.leader as number];
    const entry = leader.producers[md.producerId];
    if (entry && entry.producerEpoch < md.producerEpoch) {
      leader.producers[md.producerId] = { producerEpoch: md.producerEpoch, batches: [] };
    } else if (!entry) {
      leader.producers[md.producerId] = { producerEpoch: md.producerEpoch, batches: [] };
    }
    ctx.emit(
      'txnMarkerWritten',
      `${type} marker for ${md.transactionalId} (producer id ${md.producerId}) written to ${tp} at offset ${at.firstOffset}; the marker takes an offset of its own and is never returned to applications`,
      {
        transactionalId: md.transactionalId,
        producerId: md.producerId,
        topic,
        partition,
        offset: at.firstOffset,
        marker: type,
      },
    );
  }
  return missed;
}

export function transactionTimeoutMax(ctx: Ctx): number {
  return brokerConfigNumber(ctx.state, 'transaction.max.timeout.ms');
}
