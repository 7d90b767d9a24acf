// initTransactions and zombie fencing (KIP-98): a new instance with the same transactional.id bumps the epoch,
// finishes what the previous instance left open, and turns that instance into a fenced zombie.
import type { Ctx } from '../engine/context';
import { type CommandHandlers, type Hook, type KafkaError, ok, on } from '../engine/registry';
import { transactional, transactionTimeoutMs } from './client';
import { completeTransaction } from './completion';
import {
  coordinatorFor,
  ensureTransactionStateTopic,
  setTxnState,
  transactionTimeoutMax,
  txnArea,
} from './coordinator';

/** initTransactions: find the coordinator, finish or abort what a previous instance left, bump the epoch. */
export function initTransactions(
  ctx: Ctx,
  name: string,
): { ok: true; producerId: number; producerEpoch: number } | { ok: false; error: KafkaError } {
  const t = transactional(ctx, name);
  if (!t)
    return {
      ok: false,
      error: { code: 'ILLEGAL_STATE', message: `Producer ${name} has no transactional.id.` },
    };
  const timeout = transactionTimeoutMs(t.producer);
  if (timeout > transactionTimeoutMax(ctx)) {
    return {
      ok: false,
      error: {
        code: 'INVALID_TRANSACTION_TIMEOUT',
        message: `The transaction timeout is larger than the maximum value allowed by the broker (as configured by transaction.max.timeout.ms).`,
      },
    };
  }
  const topicError = ensureTransactionStateTopic(ctx);
  if (topicError) return { ok: false, error: topicError };
  const coordinator = coordinatorFor(ctx, t.transactionalId);
  if ('code' in coordinator) return { ok: false, error: coordinator };
  const area = txnArea(ctx);
  let md = area.coordinators[t.transactionalId];
  if (!md) {
    md = {
      transactionalId: t.transactionalId,
      producerId: t.producer.producerId,
      producerEpoch: 0,
      state: 'Empty',
      partitions: [],
      pendingOffsets: [],
      txnStartTime: -1,
      transactionTimeoutMs: timeout,
      txnSerial: 0,
      lastUpdate: ctx.now,
    };
    area.coordinators[t.transactionalId] = md;
    setTxnState(
      ctx,
      md,
      'Empty',
      `${name} called initTransactions(); coordinator is broker ${coordinator.broker}`,
    );
  } else {
    if (md.state === 'Ongoing') {
      // A previous instance left a transaction open: fence it and abort its transaction (zombie fencing).
      md.producerEpoch += 1;
      setTxnState(
        ctx,
        md,
        'PrepareEpochFence',
        `${name} called initTransactions() while a previous instance's transaction was open`,
      );
      completeTransaction(ctx, md, 'ABORT', 'the open transaction of the previous instance is aborted');
    }
    md.producerEpoch += 1;
    md.transactionTimeoutMs = timeout;
    md.txnSerial += 1;
    setTxnState(
      ctx,
      md,
      md.state,
      `${name} called initTransactions(): producer epoch bumped to ${md.producerEpoch}`,
    );
  }
  // Any other open producer with the same transactional.id is now a zombie.
  for (const [other, client] of Object.entries(area.clients)) {
    if (other !== name && client.transactionalId === t.transactionalId && client.state.kind !== 'fenced') {
      client.state = { kind: 'fenced', why: `${name} initialised the same transactional.id` };
      ctx.emit(
        'producerFenced',
        `${other} is fenced: ${name} initialised transactional.id ${t.transactionalId} with epoch ${md.producerEpoch}; ${other}'s next call fails with PRODUCER_FENCED`,
        { producer: other, transactionalId: t.transactionalId, producerEpoch: md.producerEpoch, by: name },
      );
    }
  }
  t.producer.producerId = md.producerId;
  t.producer.producerEpoch = md.producerEpoch;
  t.producer.sequences = {};
  area.clients[name] = {
    transactionalId: t.transactionalId,
    state: { kind: 'ready' },
    producerId: md.producerId,
    producerEpoch: md.producerEpoch,
  };
  return { ok: true, producerId: md.producerId, producerEpoch: md.producerEpoch };
}

export const fencingCommands = {
  producerInitTransactions: (ctx, cmd) => {
    const r = initTransactions(ctx, cmd.producer);
    return r.ok
      ? ok({ producerId: r.producerId, producerEpoch: r.producerEpoch })
      : { ok: false, error: r.error };
  },
} satisfies CommandHandlers;

export const fencingHooks: readonly Hook[] = [
  // The console creates transactional producers and expects them ready to begin, as an application would have
  // called initTransactions() right after constructing the producer.
  on('producerCreated', (ctx, event) => {
    if (transactional(ctx, event.producer)) initTransactions(ctx, event.producer);
  }),
];
