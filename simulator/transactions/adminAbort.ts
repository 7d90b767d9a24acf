// Admin#abortTransaction (KIP-664): an operator writes an ABORT marker for one producer into one partition,
// the WriteTxnMarkers request a coordinator would send, to end a hanging transaction that blocks the LSO.
// The coordinator's own state is not touched; if it still expects that partition it will write its marker too.
import { getPartition } from '../cluster/lookup';
import { type CommandHandlers, fail, okVoid } from '../engine/registry';
import { openTransactionStarts } from '../log/transactionIndex';
import { appendInternal } from './coordinator';

export const adminAbortCommands = {
  txnAdminAbort: (ctx, cmd) => {
    const part = getPartition(ctx.state, cmd.topic, cmd.partition);
    if (!part) return fail('UNKNOWN_TOPIC_OR_PARTITION', 'This server does not host this topic-partition.');
    const leader = part.leader === null ? undefined : part.replicaLogs[part.leader];
    if (!leader)
      return fail('NOT_LEADER_OR_FOLLOWER', `There is no leader for ${cmd.topic}-${cmd.partition}.`);
    const entry = leader.producers[cmd.producerId];
    // ProducerAppendInfo#checkProducerEpoch: a marker from an older epoch than the broker knows is refused.
    if (entry && cmd.producerEpoch < entry.producerEpoch)
      return fail(
        'INVALID_PRODUCER_EPOCH',
        `Producer's epoch in WriteTxnMarkers is ${cmd.producerEpoch}, which is smaller than the last seen epoch ${entry.producerEpoch}`,
      );
    const startedAt = openTransactionStarts(leader.log).get(cmd.producerId);
    const at = appendInternal(ctx, part, {
      records: [{ key: null, value: null, control: { type: 'ABORT' } }],
      producerId: cmd.producerId,
      producerEpoch: cmd.producerEpoch,
      transactional: true,
    });
    if (!at) return fail('NOT_LEADER_OR_FOLLOWER', `There is no leader for ${cmd.topic}-${cmd.partition}.`);
    const txnId =
      Object.values(ctx.state.areas.transactions.coordinators).find((md) => md.producerId === cmd.producerId)
        ?.transactionalId ?? '';
    ctx.emit(
      'txnMarkerWritten',
      startedAt === undefined
        ? `an operator wrote an ABORT marker for producer id ${cmd.producerId} into ${cmd.topic}-${cmd.partition} at offset ${at.firstOffset}; it had no open transaction there`
        : `an operator aborted the hanging transaction of producer id ${cmd.producerId} on ${cmd.topic}-${cmd.partition} (started at offset ${startedAt}): ABORT marker at offset ${at.firstOffset}, so the last stable offset can move past it`,
      {
        transactionalId: txnId,
        producerId: cmd.producerId,
        topic: cmd.topic,
        partition: cmd.partition,
        offset: at.firstOffset,
        marker: 'ABORT',
      },
    );
    return okVoid();
  },
} satisfies CommandHandlers;
