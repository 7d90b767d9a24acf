// ListOffsets (KafkaApis#handleListOffsetRequest, UnifiedLog#fetchOffsetByTimestamp): -2 earliest = log start
// offset, -1 latest = high watermark (or last stable offset for read_committed, v2+), -3 max timestamp (v7+,
// KIP-734) = the record with the largest timestamp, -4 earliest local (v8+, KIP-405; without tiered storage the
// log start offset), a timestamp = the first record at or after it (offset -1 when none). Only the leader answers.
import { getTopic, leaderRecords, partitionView } from '../bridge';
import type { Msg } from '../codec';
import { errorCode } from '../errors';
import type { Handler } from './env';

const LATEST = -1;
const EARLIEST = -2;
const MAX_TIMESTAMP = -3;
const EARLIEST_LOCAL = -4;

export const handleListOffsets: Handler = async (env, conn, header, body) => {
  const { sim } = env;
  const v = header.apiVersion;
  const readCommitted = v >= 2 && body.isolationLevel === 1;
  const topics = (body.topics as Msg[]).map((t) => ({
    name: t.name,
    partitions: (t.partitions as Msg[]).map((p) => {
      const fail = (e: string) => ({
        partitionIndex: p.partitionIndex,
        errorCode: errorCode(e),
        oldStyleOffsets: [],
        timestamp: -1,
        offset: -1,
        leaderEpoch: -1,
      });
      const view = getTopic(sim, t.name) ? partitionView(sim, t.name, p.partitionIndex) : undefined;
      if (!view) return fail('UNKNOWN_TOPIC_OR_PARTITION');
      if (view.leader !== conn.broker) return fail('NOT_LEADER_OR_FOLLOWER');
      if (p.currentLeaderEpoch >= 0 && p.currentLeaderEpoch < view.leaderEpoch)
        return fail('FENCED_LEADER_EPOCH');
      if (p.currentLeaderEpoch > view.leaderEpoch) return fail('UNKNOWN_LEADER_EPOCH');
      const upper = readCommitted ? view.lastStableOffset : view.highWatermark;
      let offset = -1;
      let timestamp = -1;
      let leaderEpoch = view.leaderEpoch;
      if (p.timestamp === LATEST) offset = upper;
      else if (p.timestamp === EARLIEST || p.timestamp === EARLIEST_LOCAL) offset = view.logStartOffset;
      else if (p.timestamp === MAX_TIMESTAMP) {
        const recs = leaderRecords(sim, t.name, p.partitionIndex, upper).filter((r) => r.control === null);
        for (const r of recs)
          if (r.timestamp > timestamp)
            [offset, timestamp, leaderEpoch] = [r.offset, r.timestamp, r.leaderEpoch];
      } else if (p.timestamp >= 0) {
        const hit = leaderRecords(sim, t.name, p.partitionIndex, upper).find(
          (r) => r.control === null && r.timestamp >= p.timestamp,
        );
        if (hit) [offset, timestamp, leaderEpoch] = [hit.offset, hit.timestamp, hit.leaderEpoch];
      } else return fail('INVALID_REQUEST');
      return {
        partitionIndex: p.partitionIndex,
        errorCode: 0,
        oldStyleOffsets: offset >= 0 ? [offset] : [],
        timestamp,
        offset,
        leaderEpoch: offset >= 0 ? leaderEpoch : -1,
      };
    }),
  }));
  return { throttleTimeMs: 0, topics };
};
