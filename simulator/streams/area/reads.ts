// What a stream thread's consumers read from partition leaders: the main consumer reads input below the high
// watermark (below the last stable offset under exactly_once_v2, which sets isolation.level=read_committed),
// skipping transaction markers and aborted records; the restore consumer reads changelogs the same way.

import {
  fetchFromLeader,
  fetchLimit,
  isAbortedRecord,
  partitionReadView,
  type ReadCommittedView,
  readCommittedView,
} from '../../consumer/leaderReads';
import type { Ctx } from '../../engine/context';

export type FetchedRecord = {
  offset: number;
  key: string | null;
  value: string | null;
  timestamp: number;
};

/** Records from `from` (at most `max` data records) and the offset after the last one read. */
export function fetchRecords(
  ctx: Ctx,
  view: ReadCommittedView,
  topic: string,
  partition: number,
  from: number,
  max: number,
  readCommitted: boolean,
): { records: FetchedRecord[]; next: number } {
  const pv = partitionReadView(ctx.state, topic, partition);
  if (!pv?.leaderAvailable) return { records: [], next: from };
  const limit = fetchLimit(
    view,
    topic,
    partition,
    pv.highWatermark,
    readCommitted ? 'read_committed' : 'read_uncommitted',
  );
  const out: FetchedRecord[] = [];
  let pos = Math.max(from, pv.logStartOffset);
  while (out.length < max && pos < limit) {
    const res = fetchFromLeader(ctx.state, topic, partition, pos, limit, max - out.length);
    if (res.kind !== 'records' || res.records.length === 0) break;
    for (const r of res.records) {
      if (r.control !== null) continue;
      if (readCommitted && isAbortedRecord(view, topic, partition, r)) continue;
      out.push({ offset: r.offset, key: r.key, value: r.value, timestamp: r.timestamp });
    }
    pos = res.nextOffset;
  }
  return { records: out, next: pos };
}

/** Where a changelog restore ends: the HW, or the LSO for read_committed. */
export function changelogEnd(ctx: Ctx, topic: string, partition: number, readCommitted: boolean): number {
  const pv = partitionReadView(ctx.state, topic, partition);
  if (!pv) return 0;
  return fetchLimit(
    readCommittedView(ctx.state),
    topic,
    partition,
    pv.highWatermark,
    readCommitted ? 'read_committed' : 'read_uncommitted',
  );
}

export { readCommittedView };
