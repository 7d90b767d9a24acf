import { tpKey } from '../cluster/topicPartition';
import type { Ctx } from '../engine/context';
import {
  type CommandHandlers,
  fail,
  type Guard,
  guard,
  type Hook,
  type KafkaError,
  okVoid,
  on,
} from '../engine/registry';
import { clientError, transactional } from './client';
import { setTxnState, txnArea } from './coordinator';
import type { TxnOffset } from './types';

export type { TxnOffset };

/** Sends from a transactional producer are only legal inside a transaction (TransactionManager#maybeAddPartition). */
function guardSend(ctx: Ctx, producer: string): KafkaError | null {
  if (!transactional(ctx, producer)) return null;
  const err = clientError(ctx, producer, 'send');
  if (err) return err;
  const client = txnArea(ctx).clients[producer];
  if (client.state.kind !== 'inTransaction')
    return { code: 'ILLEGAL_STATE', message: 'Cannot call send in state READY' };
  const md = txnArea(ctx).coordinators[client.transactionalId];
  // The coordinator answers AddPartitionsToTxn with CONCURRENT_TRANSACTIONS while the previous transaction's
  // markers are still being written (the real client retries until it completes; the console reports it).
  if (md && (md.state === 'PrepareCommit' || md.state === 'PrepareAbort'))
    return {
      code: 'CONCURRENT_TRANSACTIONS',
      message: `The producer attempted to update a transaction while another concurrent operation on the same transaction was ongoing (the previous transaction is in ${md.state}, waiting for markers to ${md.partitions.join(', ')}).`,
    };
  return null;
}

/** AddPartitionsToTxn: the first record for a partition registers it with the coordinator. */
function addPartition(ctx: Ctx, producerName: string, topic: string, partition: number): void {
  const t = transactional(ctx, producerName);
  if (!t) return;
  const md = txnArea(ctx).coordinators[t.transactionalId];
  const client = txnArea(ctx).clients[producerName];
  if (!md || !client || client.state.kind !== 'inTransaction' || md.producerEpoch !== client.producerEpoch)
    return;
  const tp = tpKey(topic, partition);
  if (md.partitions.includes(tp)) return;
  md.partitions.push(tp);
  ctx.emit('txnPartitionAdded', `transaction ${md.transactionalId}: ${tp} added (AddPartitionsToTxn)`, {
    transactionalId: md.transactionalId,
    topic,
    partition,
  });
  if (md.state !== 'Ongoing') {
    md.txnStartTime = ctx.now;
    md.txnSerial += 1;
    setTxnState(
      ctx,
      md,
      'Ongoing',
      `first partition added; transaction.timeout.ms=${md.transactionTimeoutMs}`,
    );
    ctx.schedule(md.transactionTimeoutMs, {
      type: 'txnTimeout',
      transactionalId: md.transactionalId,
      txnSerial: md.txnSerial,
    });
  } else {
    setTxnState(ctx, md, 'Ongoing', `${tp} joins the transaction`);
  }
}

export const transactionCommands = {
  producerBeginTransaction: (ctx, cmd) => {
    const err = clientError(ctx, cmd.producer, 'beginTransaction');
    if (err) return { ok: false, error: err };
    const client = txnArea(ctx).clients[cmd.producer];
    if (client.state.kind === 'inTransaction') {
      return fail(
        'ILLEGAL_STATE',
        `TransactionalId ${client.transactionalId}: Invalid transition attempted from state IN_TRANSACTION to state IN_TRANSACTION`,
      );
    }
    client.state = { kind: 'inTransaction' };
    ctx.emit(
      'txnStateChanged',
      `${cmd.producer} began a transaction (client side only: the coordinator hears of it with the first send)`,
      {
        transactionalId: client.transactionalId,
        producerId: client.producerId,
        producerEpoch: client.producerEpoch,
        from: 'READY',
        to: 'IN_TRANSACTION',
        partitions: [],
      },
    );
    return okVoid();
  },
  producerSendOffsetsToTransaction: (ctx, cmd) => {
    const err = clientError(ctx, cmd.producer, 'sendOffsetsToTransaction');
    if (err) return { ok: false, error: err };
    const client = txnArea(ctx).clients[cmd.producer];
    if (client.state.kind !== 'inTransaction')
      return fail(
        'ILLEGAL_STATE',
        'Cannot send offsets if a transaction is not in progress (currentState= READY)',
      );
    const md = txnArea(ctx).coordinators[client.transactionalId];
    md.pendingOffsets.push({ groupId: cmd.groupId, offsets: cmd.offsets.map((o) => ({ ...o })) });
    if (md.state !== 'Ongoing') {
      md.txnStartTime = ctx.now;
      md.txnSerial += 1;
      setTxnState(ctx, md, 'Ongoing', `offsets for group ${cmd.groupId} added (AddOffsetsToTxn)`);
      ctx.schedule(md.transactionTimeoutMs, {
        type: 'txnTimeout',
        transactionalId: md.transactionalId,
        txnSerial: md.txnSerial,
      });
    } else {
      const list = cmd.offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ');
      setTxnState(
        ctx,
        md,
        'Ongoing',
        `offsets ${list} for group ${cmd.groupId} join the transaction (TxnOffsetCommit)`,
      );
    }
    return okVoid();
  },
} satisfies CommandHandlers;

export const transactionHooks: readonly Hook[] = [
  on('recordAccumulated', (ctx, event) => addPartition(ctx, event.producer, event.topic, event.partition)),
  // A partition owed a marker got a leader: retry once the brokers have applied the change (a task at now).
  on('leaderChanged', (ctx, ev) => {
    if (ev.leader === null) return;
    const tp = tpKey(ev.topic, ev.partition);
    for (const md of Object.values(txnArea(ctx).coordinators))
      if ((md.state === 'PrepareCommit' || md.state === 'PrepareAbort') && md.partitions.includes(tp))
        ctx.schedule(0, { type: 'txnMarkerRetry', transactionalId: md.transactionalId });
  }),
];

export const transactionGuards: readonly Guard[] = [
  guard('producerSend', (ctx, cmd) => guardSend(ctx, cmd.producer)),
  guard('producerSendMany', (ctx, cmd) => guardSend(ctx, cmd.producer)),
];
