// The transaction coordinator's transactions and a partition's producer states, as the Admin client's
// ListTransactions / DescribeTransactions / DescribeProducers answers them (KIP-664).
import type { SimState } from '../engine/state';
import { buildMarkerIndex, openTransactionStarts } from '../log/transactionIndex';
import { coordinatorPartitionOf } from '../transactions/coordinator';
import { servingReplica, statePartition } from './cluster';
import type { ProducerStateView, TransactionView } from './types';

export function transactionsOf(state: SimState): TransactionView[] {
  return Object.values(state.areas.transactions.coordinators)
    .filter((md) => md.state !== 'Dead')
    .sort((a, b) => a.transactionalId.localeCompare(b.transactionalId))
    .map((md) => {
      const part = coordinatorPartitionOf(state, md.transactionalId);
      return {
        transactionalId: md.transactionalId,
        coordinator: part?.leader ?? null,
        producerId: md.producerId,
        producerEpoch: md.producerEpoch,
        state: md.state,
        transactionTimeoutMs: md.transactionTimeoutMs,
        transactionStartTimeMs: md.txnStartTime >= 0 ? md.txnStartTime : null,
        partitions: [...md.partitions],
      };
    });
}

/**
 * The active producers of a partition on its leader (or on `broker`'s replica): ProducerStateManager's entries.
 * The coordinator epoch is the leader epoch of the producer's __transaction_state partition once a marker was
 * written, else -1 (a simplification: the simulation does not keep the epoch each marker carried).
 */
export function producerStatesOf(
  state: SimState,
  topic: string,
  partition: number,
  broker: number | null = null,
): ProducerStateView[] | null {
  const p = statePartition(state, topic, partition);
  if (!p) return null;
  const replica = broker === null ? servingReplica(p) : p.replicaLogs[broker];
  if (!replica) return null;
  const open = openTransactionStarts(replica.log);
  const markers = buildMarkerIndex(replica.log);
  const txnIdOf = new Map(
    Object.values(state.areas.transactions.coordinators).map((md) => [md.producerId, md.transactionalId]),
  );
  return Object.entries(replica.producers)
    .map(([id, entry]) => {
      const producerId = Number(id);
      const last = entry.batches[entry.batches.length - 1];
      const txnId = txnIdOf.get(producerId);
      const coord = txnId === undefined ? undefined : coordinatorPartitionOf(state, txnId);
      return {
        producerId,
        producerEpoch: entry.producerEpoch,
        coordinatorEpoch: markers.has(producerId) && coord ? coord.leaderEpoch : -1,
        lastSequence: last?.lastSeq ?? -1,
        lastTimestamp: last?.timestamp ?? -1,
        currentTransactionStartOffset: open.get(producerId) ?? null,
      };
    })
    .sort((a, b) => a.producerId - b.producerId);
}
