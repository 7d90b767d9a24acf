// Produce (KafkaApis#handleProduceRequest): each partition's records field must hold exactly one record batch v2
// (v3+, else INVALID_RECORD); its CRC is checked (CORRUPT_MESSAGE) and a codec the server cannot read answers
// UNSUPPORTED_COMPRESSION_TYPE. Valid batches become one `externalProduce` command; its answer event carries the
// per-partition results. acks=0 gets no response at all, as in Kafka.
import type { ExternalBatch, ExternalPartitionResult } from '../../replication/externalProduce';
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import { CorruptRecordError, decodeBatches, UnsupportedCompressionError } from '../recordBatch';
import { bytesToSimString } from '../textCodec';
import type { Handler } from './env';

type Slot = { topic: string; partition: number; error: string | null; result?: ExternalPartitionResult };

function toExternal(records: Uint8Array | null, env: Parameters<Handler>[0]): ExternalBatch | string {
  if (records === null || records.length === 0) return 'INVALID_RECORD';
  let batches: ReturnType<typeof decodeBatches>;
  try {
    batches = decodeBatches(records, env.decompress);
  } catch (e) {
    if (e instanceof UnsupportedCompressionError) return 'UNSUPPORTED_COMPRESSION_TYPE';
    if (e instanceof CorruptRecordError) return 'CORRUPT_MESSAGE';
    return 'CORRUPT_MESSAGE';
  }
  if (batches.length !== 1 || batches[0].records.length === 0) return 'INVALID_RECORD';
  const b = batches[0];
  if (b.control) return 'INVALID_RECORD'; // clients never write control batches (only coordinators do)
  // No transaction APIs are served, so no partition can have been added to a transaction: KIP-890's verification
  // answers INVALID_TXN_STATE for such a batch (it would otherwise hold the last stable offset forever).
  if (b.transactional) return 'INVALID_TXN_STATE';
  return {
    producerId: b.producerId,
    producerEpoch: b.producerEpoch,
    baseSequence: b.baseSequence,
    transactional: b.transactional,
    records: b.records.map((r) => ({
      timestamp: b.baseTimestamp + r.timestampDelta,
      key: r.key === null ? null : bytesToSimString(r.key),
      value: r.value === null ? null : bytesToSimString(r.value),
      headers: r.headers.map((h): [string, string] => [
        h.key,
        h.value === null ? '' : bytesToSimString(h.value),
      ]),
    })),
  };
}

function responseOf(slots: Slot[]): Msg {
  const byTopic = new Map<string, Msg[]>();
  for (const s of slots) {
    const r = s.result;
    const list = byTopic.get(s.topic) ?? [];
    byTopic.set(s.topic, list);
    list.push({
      index: s.partition,
      errorCode: errorCode(r ? r.error : s.error),
      baseOffset: r && !r.error ? r.baseOffset : -1,
      logAppendTimeMs: r && !r.error ? r.logAppendTime : -1,
      logStartOffset: r && !r.error ? r.logStartOffset : -1,
      recordErrors: [],
      errorMessage: null,
    });
  }
  return {
    responses: [...byTopic].map(([name, partitionResponses]) => ({ name, partitionResponses })),
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

export const handleProduce: Handler = async (env, conn, header, body) => {
  const acks = body.acks as number;
  const slots: Slot[] = [];
  const partitions: Array<{ topic: string; partition: number; batch: ExternalBatch }> = [];
  for (const t of body.topicData as Msg[]) {
    for (const p of t.partitionData as Msg[]) {
      const slot: Slot = { topic: t.name, partition: p.index, error: null };
      slots.push(slot);
      if (header.apiVersion < 3) {
        slot.error = 'UNSUPPORTED_VERSION'; // removed in Kafka 4.0 (KIP-896), advertised only for KAFKA-18659
        continue;
      }
      if (acks !== 0 && acks !== 1 && acks !== -1) {
        slot.error = 'INVALID_REQUIRED_ACKS';
        continue;
      }
      const batch = toExternal(p.records, env);
      if (typeof batch === 'string') slot.error = batch;
      else partitions.push({ topic: t.name, partition: p.index, batch });
    }
  }
  if (partitions.length === 0) return acks === 0 ? null : responseOf(slots);
  const cmd = {
    type: 'externalProduce' as const,
    client: conn.label,
    connection: conn.id,
    correlationId: header.correlationId,
    broker: conn.broker,
    acks: acks as 0 | 1 | -1,
    timeoutMs: body.timeoutMs,
    partitions,
  };
  const r = env.dispatch(cmd);
  if (acks === 0) return null;
  const matches = (ev: { type: string }) =>
    ev.type === 'externalProduceAnswered' &&
    (ev as unknown as { connection: number }).connection === conn.id &&
    (ev as unknown as { correlationId: number }).correlationId === header.correlationId;
  let answered = r.events.find(matches) as unknown as { results: ExternalPartitionResult[] } | undefined;
  if (!r.ok) {
    for (const s of slots) if (!s.error) s.error = r.error.code;
    return responseOf(slots);
  }
  if (!answered) {
    // acks=all: the simulation answers when the HW passes the batch, the leader moves, or timeout_ms passes.
    answered = (await env.waitForEvent(matches, body.timeoutMs + 60_000)) as typeof answered;
  }
  if (!answered) return responseOf(slots.map((s) => ({ ...s, error: s.error ?? 'REQUEST_TIMED_OUT' })));
  for (const res of answered.results) {
    const slot = slots.find(
      (s) => s.topic === res.topic && s.partition === res.partition && !s.error && !s.result,
    );
    if (slot) slot.result = res;
  }
  return responseOf(slots);
};
