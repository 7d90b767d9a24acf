// The partition leader handling a produce request (ReplicaManager#appendRecords → Partition#appendRecordsToLeader):
// leadership and min-ISR checks, record validation, idempotent sequence checks, the append itself, then the
// response now (acks=1, or acks=all when the HW already covers it) or later from the purgatory (acks=all).
import { isBrokerAlive } from '../cluster/lookup';
import { effectiveMinIsr, topicConfig } from '../cluster/topicConfig';
import { tpKey } from '../cluster/topicPartition';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { ERROR_MESSAGES } from '../engine/errors';
import type { TaskHandlers, TaskOf } from '../engine/registry';
import { appendAsLeader, validateRecordsForAppend } from '../log';
import { wakeParkedFetches } from './delayedFetch';
import { maybeIncrementHighWatermark } from './highWatermark';
import { ensureIsrCheck } from './isr';
import { logConfigFor } from './logConfigCache';
import { type ProduceResult, sendProduceResponse } from './produceResponse';
import { checkSequence, trackAppended } from './producerState';

type ProduceRequest = TaskOf<'produceRequest'>;

/**
 * Why the leader refused an append. `detail` is the broker-side exception text: Kafka logs it
 * (ReplicaManager#appendToLocalLog → processFailedRecord: "Error processing append operation on partition …",
 * at INFO for InvalidProducerEpochException, ERROR otherwise), but the response carries it only for a
 * RecordValidationException (LogAppendResult#errorMessage, hasCustomErrorMessage); for every other error the
 * client builds the exception from the Errors enum's default message.
 */
type Refusal = { code: string; detail: string | null; custom: boolean };

// The exception classes processFailedRecord logs, by error code (Errors.java).
const LOGGED_EXCEPTION: Readonly<Record<string, string>> = {
  NOT_ENOUGH_REPLICAS: 'org.apache.kafka.common.errors.NotEnoughReplicasException',
  OUT_OF_ORDER_SEQUENCE_NUMBER: 'org.apache.kafka.common.errors.OutOfOrderSequenceException',
  INVALID_PRODUCER_EPOCH: 'org.apache.kafka.common.errors.InvalidProducerEpochException',
  INVALID_RECORD: 'org.apache.kafka.common.InvalidRecordException',
};

function brokerLogLine(req: ProduceRequest, refusal: Refusal): string | null {
  const cls = LOGGED_EXCEPTION[refusal.code];
  if (refusal.detail === null || cls === undefined) return null;
  const level = refusal.code === 'INVALID_PRODUCER_EPOCH' ? 'INFO' : 'ERROR';
  return `${level} [ReplicaManager broker=${req.broker}] Error processing append operation on partition ${req.topic}-${req.partition} ${cls}: ${refusal.detail}`;
}

function reject(ctx: Ctx, part: Partition | undefined, req: ProduceRequest, refusal: Refusal): false {
  const { code } = refusal;
  const brokerLog = brokerLogLine(req, refusal);
  ctx.emit(
    'produceRejected',
    `broker ${req.broker} rejected ${req.producer}'s batch for ${req.topic}-${req.partition}: ${code}${brokerLog ? `; broker ${req.broker}'s log: ${brokerLog}` : ''}`,
    {
      topic: req.topic,
      partition: req.partition,
      broker: req.broker,
      producer: req.producer,
      requestId: req.requestId,
      error: code,
      brokerLog,
    },
  );
  if (req.acks === 0) return false;
  const message =
    refusal.custom && refusal.detail !== null
      ? refusal.detail
      : (ERROR_MESSAGES[code] ?? refusal.detail ?? code);
  const result: ProduceResult = { kind: 'error', code, message };
  if (part) sendProduceResponse(ctx, req.broker, part, req, result);
  else if (isBrokerAlive(ctx.state, req.broker))
    ctx.schedule(ctx.state.latencyMs, {
      type: 'produceResponse',
      producer: req.producer,
      requestId: req.requestId,
      batchId: req.batchId,
      topic: req.topic,
      partition: req.partition,
      broker: req.broker,
      result,
    });
  return false;
}

/** Handle a produce request at `req.broker`; true when records were appended. */
export function handleProduce(ctx: Ctx, req: ProduceRequest): boolean {
  const state = ctx.state;
  if (!isBrokerAlive(state, req.broker)) {
    const b = state.brokers[req.broker];
    // A stopped broker refuses the connection at once (the producer retries after retry.backoff.ms); a request to
    // an isolated broker just never arrives, and the producer waits request.timeout.ms.
    if (b && b.process === 'stopped' && b.network === 'connected' && req.acks !== 0) {
      ctx.schedule(state.latencyMs, {
        type: 'produceResponse',
        producer: req.producer,
        requestId: req.requestId,
        batchId: req.batchId,
        topic: req.topic,
        partition: req.partition,
        broker: req.broker,
        result: {
          kind: 'error',
          code: 'NETWORK_EXCEPTION',
          message: `Connection to node ${req.broker} could not be established. Node may not be available.`,
        },
      });
    }
    return false;
  }
  const part = state.topics[req.topic]?.partitions[req.partition];
  if (!part)
    return reject(ctx, undefined, req, { code: 'UNKNOWN_TOPIC_OR_PARTITION', detail: null, custom: false });
  if (part.leader !== req.broker)
    return reject(ctx, part, req, { code: 'NOT_LEADER_OR_FOLLOWER', detail: null, custom: false });
  const minIsr = effectiveMinIsr(state, part.topic, part.replicas.length);
  if (req.acks === 'all' && part.isr.length < minIsr) {
    return reject(ctx, part, req, {
      code: 'NOT_ENOUGH_REPLICAS',
      // Partition#appendRecordsToLeader's text
      detail: `The size of the current ISR [${part.isr.join(', ')}] is insufficient to satisfy the min.isr requirement of ${minIsr} for partition ${part.topic}-${part.partition}`,
      custom: false,
    });
  }
  const tp = tpKey(part.topic, part.partition);
  const cfg = logConfigFor(state, part.topic);
  const invalid = validateRecordsForAppend(cfg, tp, req.records);
  if (invalid)
    return reject(ctx, part, req, { code: 'INVALID_RECORD', detail: invalid.message, custom: true });
  const leader = part.replicaLogs[part.leader];
  if (req.producerId >= 0) {
    const check = checkSequence(
      leader,
      req.producerId,
      req.producerEpoch,
      req.baseSequence,
      req.records.length,
      tp,
    );
    if (check.kind === 'error')
      return reject(ctx, part, req, { code: check.code, detail: check.message, custom: false });
    if (check.kind === 'duplicate') {
      ctx.emit(
        'duplicateBatch',
        `broker ${req.broker}: ${req.producer}'s batch (producer id ${req.producerId}, sequence ${req.baseSequence}) is a retry of one already written at offset ${check.firstOffset}; nothing is appended and the original offsets are returned`,
        {
          topic: part.topic,
          partition: part.partition,
          broker: req.broker,
          producer: req.producer,
          producerId: req.producerId,
          baseSequence: req.baseSequence,
          baseOffset: check.firstOffset,
        },
      );
      if (req.acks === 0) return false;
      const pending = {
        requestId: req.requestId,
        producer: req.producer,
        batchId: req.batchId,
        baseOffset: check.firstOffset,
        lastOffset: check.lastOffset,
        logAppendTime: check.timestamp,
        expiresAt: ctx.now + req.timeoutMs,
      };
      if (req.acks === 1 || check.lastOffset < leader.highWatermark)
        sendProduceResponse(ctx, req.broker, part, pending, {
          kind: 'ok',
          baseOffset: check.firstOffset,
          logAppendTime: -1,
          duplicate: true,
        });
      else part.pendingProduces.push(pending);
      return false;
    }
  }
  const logAppendTime = topicConfig(state, part.topic, 'message.timestamp.type') === 'LogAppendTime';
  const records = logAppendTime ? req.records.map((r) => ({ ...r, timestamp: ctx.now })) : req.records;
  const appended = appendAsLeader(
    leader.log,
    {
      leaderEpoch: part.leaderEpoch,
      records,
      producerId: req.producerId,
      producerEpoch: req.producerEpoch,
      baseSequence: req.baseSequence,
      transactional: req.transactional ?? false,
    },
    cfg,
    ctx.now,
  );
  if (req.producerId >= 0) trackAppended(leader, appended.records);
  const n = appended.records.length;
  ctx.emit(
    'recordsAppended',
    `leader ${req.broker} appended ${n} record${n === 1 ? '' : 's'} from ${req.producer} to ${tp} at offset${n === 1 ? '' : 's'} ${appended.firstOffset}${n === 1 ? '' : `–${appended.lastOffset}`} (leader epoch ${part.leaderEpoch})`,
    {
      topic: part.topic,
      partition: part.partition,
      broker: req.broker,
      baseOffset: appended.firstOffset,
      lastOffset: appended.lastOffset,
      count: n,
      leaderEpoch: part.leaderEpoch,
      producer: req.producer,
      requestId: req.requestId,
    },
  );
  const pending = {
    requestId: req.requestId,
    producer: req.producer,
    batchId: req.batchId,
    baseOffset: appended.firstOffset,
    lastOffset: appended.lastOffset,
    logAppendTime: logAppendTime ? ctx.now : -1,
    expiresAt: ctx.now + req.timeoutMs,
  };
  if (req.acks === 'all') part.pendingProduces.push(pending);
  wakeParkedFetches(ctx, part);
  if (part.isr.length > 1) ensureIsrCheck(ctx, req.broker);
  maybeIncrementHighWatermark(ctx, part); // an ISR of one advances at once
  if (req.acks === 1)
    sendProduceResponse(ctx, req.broker, part, pending, {
      kind: 'ok',
      baseOffset: appended.firstOffset,
      logAppendTime: pending.logAppendTime,
    });
  return true;
}

export const produceTasks = {
  produceRequest: (ctx, t) => {
    handleProduce(ctx, t);
  },
} satisfies TaskHandlers;
