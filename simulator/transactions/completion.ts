// Ending a transaction: commit or abort by the application, expiry by transaction.timeout.ms, or a crash that
// leaves it open. The coordinator writes PrepareCommit/PrepareAbort, the markers, then Complete*.
import { storeOffsets } from '../consumer/offsets/offsetStore';
import { runUntil } from '../engine/clock';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, okVoid, type TaskHandlers } from '../engine/registry';
import { clientError, flushProducer, PRODUCER_FENCED_MESSAGE } from './client';
import { coordinatorFor, setTxnState, txnArea, writeMarkers } from './coordinator';
import type { TransactionMetadata } from './types';

/** Let the coordinator finish a transaction: markers into every partition, then Complete*. */
export function completeTransaction(
  ctx: Ctx,
  md: TransactionMetadata,
  result: 'COMMIT' | 'ABORT',
  why: string,
): void {
  setTxnState(ctx, md, result === 'COMMIT' ? 'PrepareCommit' : 'PrepareAbort', why);
  const missed = writeMarkers(ctx, md, result);
  if (result === 'COMMIT') {
    // Offsets sent with sendOffsetsToTransaction become the group's committed offsets only now.
    // Simplification: Kafka also writes them to __consumer_offsets as transactional records plus a marker.
    for (const pending of md.pendingOffsets) {
      storeOffsets(
        ctx,
        pending.groupId,
        pending.offsets,
        null,
        'admin',
        `transaction ${md.transactionalId} committed`,
      );
    }
  }
  md.pendingOffsets = [];
  if (missed.length > 0) {
    // TransactionMarkerChannelManager keeps retrying a marker until the partition has a leader again; the
    // transaction stays in Prepare* with those partitions until then (see retryMarkers).
    md.partitions = missed;
    ctx.emit(
      'txnStateChanged',
      `transaction ${md.transactionalId}: markers for ${missed.join(', ')} wait for a leader; until then those partitions' last stable offset stays put and the transaction stays in ${md.state}`,
      {
        transactionalId: md.transactionalId,
        producerId: md.producerId,
        producerEpoch: md.producerEpoch,
        from: md.state,
        to: md.state,
        partitions: missed,
      },
    );
    return;
  }
  md.partitions = [];
  setTxnState(ctx, md, result === 'COMMIT' ? 'CompleteCommit' : 'CompleteAbort', `${result} markers written`);
}

/** Write the markers a Prepare* transaction still owes to partitions that have a leader again. */
export function retryMarkers(ctx: Ctx, md: TransactionMetadata): void {
  if (md.state !== 'PrepareCommit' && md.state !== 'PrepareAbort') return;
  const result = md.state === 'PrepareCommit' ? 'COMMIT' : 'ABORT';
  const missed = writeMarkers(ctx, md, result);
  if (missed.length === md.partitions.length) return;
  md.partitions = missed;
  if (missed.length === 0)
    setTxnState(
      ctx,
      md,
      result === 'COMMIT' ? 'CompleteCommit' : 'CompleteAbort',
      `the last ${result} markers written`,
    );
}

function endTransaction(ctx: Ctx, name: string, result: 'COMMIT' | 'ABORT') {
  const action = result === 'COMMIT' ? 'commitTransaction' : 'abortTransaction';
  const err = clientError(ctx, name, action);
  if (err) return { ok: false as const, error: err };
  const client = txnArea(ctx).clients[name];
  if (client.state.kind !== 'inTransaction') {
    const to = result === 'COMMIT' ? 'COMMITTING_TRANSACTION' : 'ABORTING_TRANSACTION';
    return fail(
      'ILLEGAL_STATE',
      `TransactionalId ${client.transactionalId}: Invalid transition attempted from state READY to state ${to}`,
    );
  }
  // Both flush first: a commit must include every record sent; an abort must know which partitions to mark.
  flushProducer(ctx, name);
  const md = txnArea(ctx).coordinators[client.transactionalId];
  if (md.producerEpoch !== client.producerEpoch) {
    client.state = { kind: 'fenced', why: 'the coordinator moved to a newer epoch' };
    return fail('PRODUCER_FENCED', PRODUCER_FENCED_MESSAGE);
  }
  const coordinator = coordinatorFor(ctx, client.transactionalId);
  if ('code' in coordinator) return { ok: false as const, error: coordinator };
  const failed = ctx.state.producers[name].completed.some(
    (d) => d.error !== null && d.time >= md.txnStartTime,
  );
  if (result === 'COMMIT' && failed) {
    // A send of this transaction failed: commit is refused and the application must abort.
    return fail(
      'ILLEGAL_STATE',
      'Cannot commit transaction: a send in this transaction failed; call abortTransaction().',
    );
  }
  if (md.state === 'Ongoing') {
    completeTransaction(ctx, md, result, `${name} called ${action}()`);
  } else {
    setTxnState(
      ctx,
      md,
      result === 'COMMIT' ? 'CompleteCommit' : 'CompleteAbort',
      `${name} called ${action}() on an empty transaction`,
    );
  }
  client.state = { kind: 'ready' };
  // Let followers replicate the markers before returning, as the coordinator waits for its own writes.
  runUntil(ctx, ctx.now + ctx.state.latencyMs * 3);
  return okVoid();
}

export const completionCommands = {
  producerCommitTransaction: (ctx, cmd) => endTransaction(ctx, cmd.producer, 'COMMIT'),
  producerAbortTransaction: (ctx, cmd) => endTransaction(ctx, cmd.producer, 'ABORT'),
  producerCrash: (ctx, cmd) => {
    const producer = ctx.state.producers[cmd.producer];
    if (producer?.status !== 'open')
      return fail('INVALID_REQUEST', `Producer ${cmd.producer} does not exist.`);
    // Unsent batches die with the process; requests already on the wire still arrive.
    for (const queue of Object.values(producer.queues)) {
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i].state !== 'inflight') queue.splice(i, 1);
    }
    producer.status = 'closed';
    delete txnArea(ctx).clients[cmd.producer];
    ctx.emit(
      'producerCrashed',
      `${cmd.producer} crashed: unsent records are lost${producer.config.transactionalId ? `; its open transaction stays open until transaction.timeout.ms or until a new instance with transactional.id ${producer.config.transactionalId} calls initTransactions()` : ''}`,
      { producer: cmd.producer },
    );
    return okVoid();
  },
} satisfies CommandHandlers;

export const completionTasks = {
  txnMarkerRetry: (ctx, task) => {
    const md = txnArea(ctx).coordinators[task.transactionalId];
    if (md) retryMarkers(ctx, md);
  },
  txnTimeout: (ctx, task) => {
    const md = txnArea(ctx).coordinators[task.transactionalId];
    if (!md || md.txnSerial !== task.txnSerial || md.state !== 'Ongoing') return;
    // The coordinator aborts a transaction open longer than transaction.timeout.ms and bumps the epoch, so the
    // producer that opened it can no longer write (TransactionCoordinator#abortTimedOutTransactions).
    md.producerEpoch += 1;
    completeTransaction(
      ctx,
      md,
      'ABORT',
      `open longer than transaction.timeout.ms=${md.transactionTimeoutMs}`,
    );
    for (const [name, client] of Object.entries(txnArea(ctx).clients)) {
      if (client.transactionalId === md.transactionalId && client.state.kind !== 'fenced') {
        client.state = {
          kind: 'fenced',
          why: 'its transaction timed out and was aborted by the coordinator',
        };
        ctx.emit(
          'producerFenced',
          `${name}'s transaction timed out and was aborted; the coordinator bumped the epoch to ${md.producerEpoch}, so ${name} must be re-created`,
          {
            producer: name,
            transactionalId: md.transactionalId,
            producerEpoch: md.producerEpoch,
            by: 'transaction.timeout.ms',
          },
        );
      }
    }
  },
} satisfies TaskHandlers;
