// What consumers read from a partition's leader (they fetch from the leader only): its offsets, records below
// the high watermark, ListOffsets by timestamp, and what isolation.level=read_committed needs: the last stable
// offset and which transactional records were aborted (FetchIsolation, KIP-98), both from the leader's log.
import { getPartition, highWatermark, isBrokerAlive, leaderReplica } from '../cluster/lookup';
import { tpKey } from '../cluster/topicPartition';
import type { SimState } from '../engine/state';
import { readRecords } from '../log';
import { buildMarkerIndex, firstUnstableOffset, isAborted, type MarkerIndex } from '../log/transactionIndex';
import type { LogRecord } from '../log/types';
import type { IsolationLevel } from './types';

export type PartitionReadView = {
  /** A leader exists and clients can reach it. */
  leaderAvailable: boolean;
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
};

export type FetchResult =
  | { kind: 'records'; records: LogRecord[]; nextOffset: number }
  | { kind: 'offsetOutOfRange'; logStartOffset: number; logEndOffset: number };

export function partitionReadView(
  state: SimState,
  topic: string,
  partition: number,
): PartitionReadView | undefined {
  const p = getPartition(state, topic, partition);
  if (!p) return undefined;
  const leader = leaderReplica(p);
  const log = leader?.log ?? p.replicaLogs[p.replicas[0]]?.log;
  return {
    leaderAvailable: p.leader !== null && isBrokerAlive(state, p.leader),
    logStartOffset: log?.logStartOffset ?? 0,
    highWatermark: highWatermark(p),
    logEndOffset: log?.logEndOffset ?? 0,
  };
}

/** Leader read of [from, upTo), at most max records (control records included). */
export function fetchFromLeader(
  state: SimState,
  topic: string,
  partition: number,
  from: number,
  upTo: number,
  max: number,
): FetchResult {
  const p = getPartition(state, topic, partition);
  const leader = p && leaderReplica(p);
  if (!leader) return { kind: 'records', records: [], nextOffset: from };
  return readRecords(leader.log, from, upTo, max);
}

/** ListOffsets by timestamp: the first offset below the HW whose timestamp is >= ts, or null when none. */
export function offsetForTimestamp(
  state: SimState,
  topic: string,
  partition: number,
  timestamp: number,
): number | null {
  const p = getPartition(state, topic, partition);
  const leader = p && leaderReplica(p);
  if (!p || !leader) return null;
  const hw = highWatermark(p);
  for (const seg of leader.log.segments) {
    if (seg.largestTimestamp < timestamp) continue;
    for (const r of seg.records) {
      if (r.offset >= hw) return null;
      if (r.control === null && r.timestamp >= timestamp) return r.offset;
    }
  }
  return null;
}

/** The two facts read_committed needs of a partition's leader. */
export type ReadCommittedView = {
  /** Last stable offset (≤ the high watermark): the first open transaction, a marker counting once below the HW. */
  lastStableOffset(topic: string, partition: number, highWatermark: number): number;
  /** True for a transactional data record whose transaction was aborted. */
  isAborted(topic: string, partition: number, record: LogRecord): boolean;
};

/** A read_committed view of the leaders' logs; marker indexes are built once per log end while it is in use. */
export function readCommittedView(state: SimState): ReadCommittedView {
  const markers = new Map<string, { end: number; index: MarkerIndex }>();
  return {
    lastStableOffset(topic, partition, hw) {
      const p = getPartition(state, topic, partition);
      const leader = p && leaderReplica(p);
      if (!leader) return hw;
      const unstable = firstUnstableOffset(leader.log, leader.log.logStartOffset, hw);
      return unstable === null ? hw : Math.min(unstable, hw);
    },
    isAborted(topic, partition, record) {
      const p = getPartition(state, topic, partition);
      const leader = p && leaderReplica(p);
      if (!leader) return false;
      const key = tpKey(topic, partition);
      let cached = markers.get(key);
      if (!cached || cached.end !== leader.log.logEndOffset) {
        cached = { end: leader.log.logEndOffset, index: buildMarkerIndex(leader.log) };
        markers.set(key, cached);
      }
      return isAborted(cached.index, record);
    },
  };
}

/** Exclusive upper bound of what a consumer with this isolation level may read. */
export function fetchLimit(
  view: ReadCommittedView,
  topic: string,
  partition: number,
  highWatermark: number,
  isolation: IsolationLevel,
): number {
  if (isolation === 'read_uncommitted') return highWatermark;
  return Math.min(highWatermark, view.lastStableOffset(topic, partition, highWatermark));
}

export function isAbortedRecord(
  view: ReadCommittedView,
  topic: string,
  partition: number,
  record: LogRecord,
): boolean {
  return record.transactional && record.control === null && view.isAborted(topic, partition, record);
}
