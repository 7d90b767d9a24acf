// Fetch for consumers (KafkaApis#handleFetchRequest, ReplicaManager#fetchMessages), sessionless: the broker must
// lead the partition (no follower fetching, KIP-392), the client's current leader epoch is checked
// (FENCED_LEADER_EPOCH / UNKNOWN_LEADER_EPOCH, KIP-320), reads stop at the high watermark, or at the last stable
// offset for read_committed (isolation_level 1) which also gets the aborted transactions in range (KIP-98).
// With fewer than min_bytes available the request waits up to max_wait_ms for more (DelayedFetch).
// Fetch sessions (KIP-227) are not kept: every response has session_id 0, which tells a client to send full
// fetches, and a request naming a session gets FETCH_SESSION_ID_NOT_FOUND.
import {
  abortedTransactions,
  getTopic,
  partitionView,
  readLeaderLog,
  timestampTypeOf,
  topicById,
} from '../bridge';
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import { encodeLogRecords } from '../logBatches';
import { ZERO_UUID } from '../uuid';
import type { ConnectionInfo, Handler, HandlerEnv } from './env';

const MAX_RECORDS_PER_READ = 100_000;

type Built = { body: Msg; bytes: number; anyError: boolean };

function partitionError(index: number, error: string): Msg {
  return {
    partitionIndex: index,
    errorCode: errorCode(error),
    highWatermark: -1,
    lastStableOffset: -1,
    logStartOffset: -1,
    abortedTransactions: null,
    preferredReadReplica: -1,
    records: null,
  };
}

function build(env: HandlerEnv, conn: ConnectionInfo, v: number, body: Msg): Built {
  const { sim } = env;
  const readCommitted = v >= 4 && body.isolationLevel === 1;
  let remaining = Math.max(0, body.maxBytes ?? 0x7fffffff);
  let bytes = 0;
  let anyError = false;
  const responses: Msg[] = [];
  for (const t of body.topics as Msg[]) {
    const topic = v >= 13 ? topicById(sim, t.topicId) : getTopic(sim, t.topic);
    const partitions: Msg[] = [];
    for (const p of t.partitions as Msg[]) {
      if (!topic) {
        anyError = true;
        partitions.push(
          partitionError(p.partition, v >= 13 ? 'UNKNOWN_TOPIC_ID' : 'UNKNOWN_TOPIC_OR_PARTITION'),
        );
        continue;
      }
      const view = partitionView(sim, topic.name, p.partition);
      let error: string | null = null;
      if (!view) error = 'UNKNOWN_TOPIC_OR_PARTITION';
      else if (view.leader !== conn.broker) error = 'NOT_LEADER_OR_FOLLOWER';
      else if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < view.leaderEpoch)
        error = 'FENCED_LEADER_EPOCH';
      else if (p.currentLeaderEpoch > view.leaderEpoch) error = 'UNKNOWN_LEADER_EPOCH';
      if (error || !view) {
        anyError = true;
        partitions.push(partitionError(p.partition, error ?? 'UNKNOWN_TOPIC_OR_PARTITION'));
        continue;
      }
      const upTo = readCommitted ? view.lastStableOffset : view.highWatermark;
      const read = readLeaderLog(sim, topic.name, p.partition, p.fetchOffset, upTo, MAX_RECORDS_PER_READ);
      if (read.kind !== 'records') {
        anyError = true;
        partitions.push({
          ...partitionError(
            p.partition,
            read.kind === 'offsetOutOfRange' ? 'OFFSET_OUT_OF_RANGE' : 'NOT_LEADER_OR_FOLLOWER',
          ),
          highWatermark: view.highWatermark,
          lastStableOffset: view.lastStableOffset,
          logStartOffset: view.logStartOffset,
        });
        continue;
      }
      const limit = Math.min(remaining, Math.max(0, p.partitionMaxBytes));
      const enc = read.records.length
        ? encodeLogRecords(read.records, timestampTypeOf(sim, topic.name), limit, bytes === 0)
        : { bytes: new Uint8Array(0), lastOffset: -1, batches: 0 };
      bytes += enc.bytes.length;
      remaining = Math.max(0, remaining - enc.bytes.length);
      const aborted =
        readCommitted && enc.lastOffset >= 0
          ? abortedTransactions(sim, topic.name, p.partition, p.fetchOffset, enc.lastOffset + 1).map((a) => ({
              producerId: a.producerId,
              firstOffset: a.firstOffset,
            }))
          : readCommitted
            ? []
            : null;
      partitions.push({
        partitionIndex: p.partition,
        errorCode: 0,
        highWatermark: view.highWatermark,
        lastStableOffset: view.lastStableOffset,
        logStartOffset: view.logStartOffset,
        abortedTransactions: aborted,
        preferredReadReplica: -1,
        records: enc.bytes,
      });
    }
    responses.push({
      topic: topic?.name ?? t.topic ?? '',
      topicId: topic?.topicId ?? t.topicId ?? ZERO_UUID,
      partitions,
    });
  }
  return {
    body: { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses, nodeEndpoints: [] },
    bytes,
    anyError,
  };
}

export const handleFetch: Handler = async (env, conn, header, body) => {
  const v = header.apiVersion;
  if (v >= 7 && body.sessionId !== 0)
    return {
      throttleTimeMs: 0,
      errorCode: errorCode('FETCH_SESSION_ID_NOT_FOUND'),
      sessionId: 0,
      responses: [],
      nodeEndpoints: [],
    };
  const minBytes = Math.max(1, body.minBytes);
  let built = build(env, conn, v, body);
  if (built.bytes >= minBytes || built.anyError || body.maxWaitMs <= 0) return built.body;
  await env.waitFor(() => {
    const b = build(env, conn, v, body);
    return b.bytes >= minBytes || b.anyError ? b : undefined;
  }, body.maxWaitMs);
  built = build(env, conn, v, body);
  return built.body;
};
