// A partition's log (segments and records, markers included) and what a consumer can read from it.
import { topicConfig } from '../cluster/topicConfig';
import type { SimState } from '../engine/state';
import type { LogRecord } from '../log/types';
import { readCommittedRecords, readUncommittedRecords } from '../transactions/readCommitted';
import { partitionOf, servingReplica, statePartition, stateTopic } from './cluster';
import type { Isolation, PartitionLogView, RecordKind, RecordView } from './types';

function recordKind(r: LogRecord): RecordKind {
  if (r.control) return r.control.type === 'COMMIT' ? 'commit-marker' : 'abort-marker';
  return r.value === null ? 'tombstone' : 'data';
}

function timestampType(state: SimState, topic: string): RecordView['timestampType'] {
  if (!stateTopic(state, topic)) return 'CreateTime';
  return topicConfig(state, topic, 'message.timestamp.type') === 'LogAppendTime'
    ? 'LogAppendTime'
    : 'CreateTime';
}

function recordView(
  topic: string,
  partition: number,
  type: RecordView['timestampType'],
  r: LogRecord,
): RecordView {
  return {
    topic,
    partition,
    offset: r.offset,
    timestamp: r.timestamp,
    timestampType: type,
    key: r.key,
    value: r.value,
    headers: r.headers,
    kind: recordKind(r),
    transactional: r.transactional,
  };
}

export function partitionLogOf(state: SimState, topic: string, partition: number): PartitionLogView | null {
  const p = statePartition(state, topic, partition);
  const rep = p && servingReplica(p);
  if (!p || !rep) return null;
  const view = partitionOf(state, p);
  const type = timestampType(state, topic);
  const segs = rep.log.segments;
  return {
    topic,
    partition,
    broker: rep.brokerId,
    segments: segs.map((s, i) => ({
      baseOffset: s.baseOffset,
      endOffset: i + 1 < segs.length ? segs[i + 1].baseOffset : rep.log.logEndOffset,
      records: s.records.map((r) => recordView(topic, partition, type, r)),
      active: i === segs.length - 1,
      cleaned: s.cleaned,
      sizeBytes: s.sizeBytes,
      largestTimestamp: s.largestTimestamp,
    })),
    logStartOffset: rep.log.logStartOffset,
    highWatermark: view.highWatermark,
    logEndOffset: rep.log.logEndOffset,
    lastStableOffset: view.lastStableOffset,
    cleanerCheckpoint: rep.log.cleanerCheckpoint,
  };
}

/**
 * Records a client fetching from `offset` receives, at most `max`: from the leader, below the HW
 * (read_uncommitted) or the LSO without aborted records (read_committed, FetchIsolation, KIP-98); never
 * control records. Nothing without a leader.
 */
export function recordsOf(
  state: SimState,
  topic: string,
  partition: number,
  offset: number,
  max: number,
  isolation: Isolation,
): RecordView[] {
  const p = statePartition(state, topic, partition);
  const leader = p && p.leader !== null ? p.replicaLogs[p.leader] : undefined;
  if (!leader) return [];
  const from = Math.max(offset, leader.log.logStartOffset);
  const records =
    isolation === 'read_committed'
      ? readCommittedRecords(leader.log, leader.highWatermark, from)
      : readUncommittedRecords(leader.log, leader.highWatermark, from);
  const type = timestampType(state, topic);
  return records.slice(0, Math.max(0, max)).map((r) => recordView(topic, partition, type, r));
}

/**
 * ListOffsets for a timestamp spec: -1 latest (the HW), -2 earliest and -4 earliest-local (log start),
 * -3 max-timestamp (offset of the record with the largest timestamp), else the first offset whose timestamp
 * is at least `time`; null when nothing matches.
 */
export function offsetForTimeOf(
  state: SimState,
  topic: string,
  partition: number,
  time: number,
): number | null {
  const p = statePartition(state, topic, partition);
  if (!p) return null;
  const view = partitionOf(state, p);
  if (time === -1) return view.highWatermark;
  if (time === -2 || time === -4) return view.logStartOffset;
  const leader = p.leader === null ? undefined : p.replicaLogs[p.leader];
  if (!leader) return null;
  const records = leader.log.segments
    .flatMap((s) => s.records)
    .filter((r) => r.control === null && r.offset < view.highWatermark);
  if (time === -3) {
    let best: LogRecord | null = null;
    for (const r of records) if (!best || r.timestamp > best.timestamp) best = r;
    return best ? best.offset : null;
  }
  if (time < 0) return view.highWatermark;
  return records.find((r) => r.timestamp >= time)?.offset ?? null;
}
