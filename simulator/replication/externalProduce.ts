// A produce request from an external client (a real Kafka client speaking the wire protocol to `kafka-sim
// --listen`): its record batches go through the same leader path as the simulated producers
// (ReplicaManager#appendRecords → handleProduce: leadership, min ISR, validation, idempotent sequence checks), and
// the answer is an event, `externalProduceAnswered`, once every partition has one: at once for acks=0/1 and for
// errors, and for acks=all when the high watermark passes the batch (DelayedProduce), the leader moves
// (NOT_LEADER_OR_FOLLOWER) or the request's timeout passes (REQUEST_TIMED_OUT, DelayedProduce#onExpire).
import { effectiveMinIsr, topicConfig } from '../cluster/topicConfig';
import type { Ctx } from '../engine/context';
import { type CommandHandler, defineArea, fail, ok, on, type TaskHandler } from '../engine/registry';
import { recordSize } from '../log';
import { handleProduce } from './produceHandler';

export type ExternalRecord = {
  timestamp: number;
  key: string | null;
  value: string | null;
  headers: Array<[string, string]>;
};

export type ExternalBatch = {
  producerId: number;
  producerEpoch: number;
  baseSequence: number;
  transactional: boolean;
  records: ExternalRecord[];
};

export type ExternalPartitionResult = {
  topic: string;
  partition: number;
  /** Kafka error name, or null. */
  error: string | null;
  message: string | null;
  baseOffset: number;
  logAppendTime: number;
  logStartOffset: number;
};

type PendingPartition = {
  topic: string;
  partition: number;
  baseOffset: number;
  lastOffset: number;
  leaderEpoch: number;
  logAppendTime: number;
  result: ExternalPartitionResult | null;
};

type PendingRequest = {
  client: string;
  connection: number;
  correlationId: number;
  partitions: PendingPartition[];
};

export type ExternalClientsState = {
  /** acks=all requests waiting in the purgatory, by request key. */
  pending: Record<string, PendingRequest>;
  nextRequestKey: number;
};

declare module '../engine/registry' {
  interface CommandMap {
    externalProduce: {
      /** Client label (client.id and connection number), shown in events as the producer. */
      client: string;
      /** The listener's connection number and the request's correlation id: echoed in the answer event. */
      connection: number;
      correlationId: number;
      broker: number;
      acks: 0 | 1 | -1;
      timeoutMs: number;
      partitions: Array<{ topic: string; partition: number; batch: ExternalBatch }>;
    };
  }
  interface CommandResultMap {
    externalProduce: { answered: boolean };
  }
  interface EventMap {
    externalProduceAnswered: {
      client: string;
      connection: number;
      correlationId: number;
      results: ExternalPartitionResult[];
    };
  }
  interface TaskMap {
    externalProduceTimeout: { key: string };
  }
  interface AreaStates {
    externalClients: ExternalClientsState;
  }
}

/** What handleProduce did with the batch, gathered from the events it emits while it runs. */
type Capture = {
  producer: string;
  outcome:
    | null
    | { kind: 'appended'; baseOffset: number; lastOffset: number }
    | { kind: 'duplicate'; baseOffset: number }
    | { kind: 'rejected'; error: string };
};
let capture: Capture | null = null;

const onRecordsAppended1 = on('recordsAppended', (_ctx, ev) => {
  if (capture && ev.producer === capture.producer)
    capture.outcome = { kind: 'appended', baseOffset: ev.baseOffset, lastOffset: ev.lastOffset };
});
const onDuplicateBatch2 = on('duplicateBatch', (_ctx, ev) => {
  if (capture && ev.producer === capture.producer)
    capture.outcome = { kind: 'duplicate', baseOffset: ev.baseOffset };
});
const onProduceRejected3 = on('produceRejected', (_ctx, ev) => {
  if (capture && ev.producer === capture.producer) capture.outcome = { kind: 'rejected', error: ev.error };
});

function logStart(ctx: Ctx, topic: string, partition: number): number {
  const p = ctx.state.topics[topic]?.partitions[partition];
  if (!p || p.leader === null) return -1;
  return p.replicaLogs[p.leader].log.logStartOffset;
}

function result(
  ctx: Ctx,
  topic: string,
  partition: number,
  error: string | null,
  baseOffset = -1,
  logAppendTime = -1,
): ExternalPartitionResult {
  return {
    topic,
    partition,
    error,
    message: null,
    baseOffset: error ? -1 : baseOffset,
    logAppendTime: error ? -1 : logAppendTime,
    logStartOffset: error ? -1 : logStart(ctx, topic, partition),
  };
}

function answer(ctx: Ctx, req: PendingRequest): void {
  const results = req.partitions.map((p) => p.result as ExternalPartitionResult);
  const errors = results.filter((r) => r.error).length;
  ctx.emit(
    'externalProduceAnswered',
    `broker answers ${req.client}'s produce request #${req.correlationId}: ${results.length - errors} partition${results.length - errors === 1 ? '' : 's'} written${errors ? `, ${errors} failed (${results.flatMap((r) => r.error ?? []).join(', ')})` : ''}`,
    { client: req.client, connection: req.connection, correlationId: req.correlationId, results },
  );
}

function settle(ctx: Ctx, key: string): void {
  const req = ctx.state.areas.externalClients.pending[key];
  if (!req || req.partitions.some((p) => p.result === null)) return;
  delete ctx.state.areas.externalClients.pending[key];
  answer(ctx, req);
}

const externalProduceHandler: CommandHandler<'externalProduce'> = (ctx, cmd) => {
  if (!ctx.state.brokers[cmd.broker]) return fail('BROKER_NOT_AVAILABLE', `No broker ${cmd.broker}`);
  if (cmd.acks !== 0 && cmd.acks !== 1 && cmd.acks !== -1)
    return fail('INVALID_REQUIRED_ACKS', `Invalid required acks ${cmd.acks}`);
  const acks = cmd.acks === -1 ? 'all' : cmd.acks;
  const partitions: PendingPartition[] = [];
  for (const { topic, partition, batch } of cmd.partitions) {
    const requestId = ctx.state.nextRequestId++;
    capture = { producer: cmd.client, outcome: null };
    const part = ctx.state.topics[topic]?.partitions[partition];
    const leaderEpoch = part?.leaderEpoch ?? -1;
    try {
      handleProduce(ctx, {
        type: 'produceRequest',
        producer: cmd.client,
        requestId,
        broker: cmd.broker,
        topic,
        partition,
        batchId: requestId,
        acks,
        producerId: batch.producerId,
        producerEpoch: batch.producerEpoch,
        baseSequence: batch.baseSequence,
        records: batch.records.map((r) => ({
          recordId: -1,
          ...r,
          sizeBytes: recordSize(r.key, r.value, r.headers),
        })),
        timeoutMs: cmd.timeoutMs,
        transactional: batch.transactional,
      });
    } finally {
      const outcome = capture!.outcome;
      capture = null;
      const appendTime =
        part && topicConfig(ctx.state, topic, 'message.timestamp.type') === 'LogAppendTime' ? ctx.now : -1;
      const pp: PendingPartition = {
        topic,
        partition,
        baseOffset: -1,
        lastOffset: -1,
        leaderEpoch,
        logAppendTime: appendTime,
        result: null,
      };
      if (!outcome) pp.result = result(ctx, topic, partition, 'NOT_LEADER_OR_FOLLOWER');
      else if (outcome.kind === 'rejected') pp.result = result(ctx, topic, partition, outcome.error);
      else {
        pp.baseOffset = outcome.baseOffset;
        pp.lastOffset =
          outcome.kind === 'appended' ? outcome.lastOffset : outcome.baseOffset + batch.records.length - 1;
        const hw = part && part.leader !== null ? part.replicaLogs[part.leader].highWatermark : -1;
        if (acks !== 'all' || pp.lastOffset < hw)
          pp.result = result(ctx, topic, partition, null, pp.baseOffset, appendTime);
      }
      partitions.push(pp);
    }
  }
  if (cmd.acks === 0) return ok({ answered: false });
  const req: PendingRequest = {
    client: cmd.client,
    connection: cmd.connection,
    correlationId: cmd.correlationId,
    partitions,
  };
  if (partitions.every((p) => p.result !== null)) {
    answer(ctx, req);
    return ok({ answered: true });
  }
  const area = ctx.state.areas.externalClients;
  const key = String(area.nextRequestKey++);
  area.pending[key] = req;
  ctx.schedule(Math.max(0, cmd.timeoutMs), { type: 'externalProduceTimeout', key });
  return ok({ answered: false });
};

function eachWaiting(
  ctx: Ctx,
  topic: string,
  partition: number,
  fn: (p: PendingPartition) => void,
): string[] {
  const touched: string[] = [];
  for (const [key, req] of Object.entries(ctx.state.areas.externalClients.pending)) {
    for (const p of req.partitions) {
      if (p.result === null && p.topic === topic && p.partition === partition) {
        fn(p);
        if (p.result !== null) touched.push(key);
      }
    }
  }
  return touched;
}

const onHighWatermarkAdvanced5 = on('highWatermarkAdvanced', (ctx, ev) => {
  const part = ctx.state.topics[ev.topic]?.partitions[ev.partition];
  if (!part) return;
  const minIsr = effectiveMinIsr(ctx.state, ev.topic, part.replicas.length);
  const keys = eachWaiting(ctx, ev.topic, ev.partition, (p) => {
    if (p.lastOffset >= ev.to) return;
    p.result =
      part.isr.length < minIsr
        ? result(ctx, p.topic, p.partition, 'NOT_ENOUGH_REPLICAS_AFTER_APPEND')
        : result(ctx, p.topic, p.partition, null, p.baseOffset, p.logAppendTime);
  });
  for (const k of keys) settle(ctx, k);
});

const onLeaderChanged6 = on('leaderChanged', (ctx, ev) => {
  const keys = eachWaiting(ctx, ev.topic, ev.partition, (p) => {
    p.result = result(ctx, p.topic, p.partition, 'NOT_LEADER_OR_FOLLOWER');
  });
  for (const k of keys) settle(ctx, k);
});

const externalProduceTimeoutTask: TaskHandler<'externalProduceTimeout'> = (ctx, t) => {
  const req = ctx.state.areas.externalClients.pending[t.key];
  if (!req) return;
  for (const p of req.partitions)
    if (p.result === null) p.result = result(ctx, p.topic, p.partition, 'REQUEST_TIMED_OUT');
  settle(ctx, t.key);
};

export const externalClientsArea = defineArea({
  name: 'externalClients',
  init: (state) => {
    state.areas.externalClients = { pending: {}, nextRequestKey: 0 };
  },
  commands: { externalProduce: externalProduceHandler },
  tasks: { externalProduceTimeout: externalProduceTimeoutTask },
  hooks: [
    onRecordsAppended1,
    onDuplicateBatch2,
    onProduceRejected3,
    onHighWatermarkAdvanced5,
    onLeaderChanged6,
  ],
});
