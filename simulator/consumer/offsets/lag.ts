// Consumer lag per partition: end offset minus committed offset, never negative. The end offset is the
// high watermark, which kafka-consumer-groups labels LOG-END-OFFSET (ListOffsets latest, READ_UNCOMMITTED);
// for groups whose consumers read_committed the lag metric uses the last stable offset instead.
import { parseTpKey, tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import type { SimState } from '../../engine/state';
import { fetchLimit, partitionReadView, readCommittedView } from '../leaderReads';
import type { ConsumerArea, IsolationLevel } from '../types';

/** Samples kept per group for charts. */
export const LAG_HISTORY_LIMIT = 600;

export type PartitionLag = {
  topic: string;
  partition: number;
  committed: number;
  endOffset: number;
  lag: number;
};

function groupIsolation(area: ConsumerArea, groupId: string): IsolationLevel {
  const clients = Object.values(area.consumers).filter((c) => c.config.groupId === groupId);
  return clients.length > 0 && clients.every((c) => c.config.isolationLevel === 'read_committed')
    ? 'read_committed'
    : 'read_uncommitted';
}

export function groupLag(state: SimState, groupId: string): PartitionLag[] {
  const area = state.areas.consumers;
  const rec = area?.groups[groupId];
  if (!rec) return [];
  const isolation = groupIsolation(area, groupId);
  const readCommitted = readCommittedView(state);
  const out: PartitionLag[] = [];
  for (const [key, c] of Object.entries(rec.offsets)) {
    const { topic, partition } = parseTpKey(key);
    const view = partitionReadView(state, topic, partition);
    if (!view) continue;
    const endOffset = fetchLimit(readCommitted, topic, partition, view.highWatermark, isolation);
    out.push({ topic, partition, committed: c.offset, endOffset, lag: Math.max(0, endOffset - c.offset) });
  }
  return out.sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition));
}

export function totalLag(state: SimState, groupId: string): number {
  return groupLag(state, groupId).reduce((s, l) => s + l.lag, 0);
}

/** Appends a sample (or replaces the one taken at the same virtual time). */
export function recordLagSample(ctx: Ctx, groupId: string): void {
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (!rec) return;
  const lags = groupLag(ctx.state, groupId);
  const sample = {
    time: ctx.now,
    lag: Object.fromEntries(lags.map((l) => [tpKey(l.topic, l.partition), l.lag])),
    total: lags.reduce((s, l) => s + l.lag, 0),
  };
  const last = rec.lagHistory[rec.lagHistory.length - 1];
  if (last && last.time === sample.time) rec.lagHistory[rec.lagHistory.length - 1] = sample;
  else rec.lagHistory.push(sample);
  if (rec.lagHistory.length > LAG_HISTORY_LIMIT)
    rec.lagHistory.splice(0, rec.lagHistory.length - LAG_HISTORY_LIMIT);
}
