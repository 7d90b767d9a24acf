// The storage area's jobs: each broker's log retention check (every log.retention.check.interval.ms,
// first run 30 s after start: LogManager) and log cleaner (backs off log.cleaner.backoff.ms when idle),
// run over the replicas that broker hosts, on the virtual clock. Both jobs are scheduled lazily: a
// check is queued only when something could be due (an append, a roll, a config change, a high
// watermark move, or a known future expiry), so fast-forwarding a quiet week costs a handful of tasks.
import type { BrokerId, Partition, Replica } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { type Hook, on, type TaskHandlers } from '../engine/registry';
import type { SimState } from '../engine/state';
import { segmentFileName } from '../log/format';
import { cleanLog } from '../log/logCleaner';
import { type CleanerDecision, cleanerDecision } from '../log/logCleanerManager';
import {
  isCompacted,
  isDeleteRetention,
  LOG_CLEANER_BACKOFF_MS,
  LOG_RETENTION_CHECK_INTERVAL_MS,
  type LogConfig,
} from '../log/logConfig';
import { type DeletedSegment, deleteOldSegments } from '../log/retention';
import { firstUnstableOffset } from '../log/transactionIndex';
import type { PartitionLog } from '../log/types';
import { logConfigFor } from '../replication/logConfigCache';
import type { StorageBrokerState } from './types';

/** LogManager.InitialTaskDelayMs: the retention job's first run after startup. */
export const RETENTION_INITIAL_DELAY_MS = 30_000;

function brokerSlot(ctx: Ctx, id: BrokerId): StorageBrokerState {
  const area = ctx.state.areas.storage;
  let s = area.brokers[id];
  if (s === undefined) {
    s = { retentionCheckAt: null, cleanerCheckAt: null };
    area.brokers[id] = s;
  }
  return s;
}

/** First tick of a broker job (phase = startedAt + first, period) strictly after `after`, and ≥ `notBefore`. */
function nextTick(
  startedAt: number,
  first: number,
  period: number,
  after: number,
  notBefore = after,
): number {
  const from = Math.max(after + 1, notBefore);
  const origin = startedAt + first;
  if (from <= origin) return origin;
  return origin + Math.ceil((from - origin) / period) * period;
}

function* replicasOn(
  ctx: Ctx,
  brokerId: BrokerId,
): Generator<{ part: Partition; replica: Replica; config: LogConfig }> {
  for (const name in ctx.state.topics) {
    for (const part of ctx.state.topics[name].partitions) {
      const replica = part.replicaLogs[brokerId];
      if (replica !== undefined) yield { part, replica, config: logConfigFor(ctx.state, name) };
    }
  }
}

const brokerRunning = (ctx: Ctx, id: BrokerId): boolean => ctx.state.brokers[id]?.process === 'running';

/** Queue the broker's retention check at its next tick (no later than `due` when given). */
export function ensureRetentionCheck(ctx: Ctx, brokerId: BrokerId, due = ctx.now): void {
  const b = ctx.state.brokers[brokerId];
  if (b === undefined || !brokerRunning(ctx, brokerId)) return;
  const slot = brokerSlot(ctx, brokerId);
  const at = nextTick(b.startedAt, RETENTION_INITIAL_DELAY_MS, LOG_RETENTION_CHECK_INTERVAL_MS, ctx.now, due);
  if (slot.retentionCheckAt !== null && slot.retentionCheckAt <= at) return;
  slot.retentionCheckAt = at;
  ctx.scheduleAt(at, { type: 'logRetentionCheck', brokerId, at });
}

/** Wake the broker's log cleaner at its next backoff tick (no later than `due`). */
export function ensureCleanerCheck(ctx: Ctx, brokerId: BrokerId, due = ctx.now): void {
  const b = ctx.state.brokers[brokerId];
  if (b === undefined || !brokerRunning(ctx, brokerId)) return;
  const slot = brokerSlot(ctx, brokerId);
  const at = nextTick(b.startedAt, 0, LOG_CLEANER_BACKOFF_MS, ctx.now, due);
  if (slot.cleanerCheckAt !== null && slot.cleanerCheckAt <= at) return;
  slot.cleanerCheckAt = at;
  ctx.scheduleAt(at, { type: 'logCleanerCheck', brokerId, at });
}

/** When time alone will next make a retention deletion possible for this log (null: never without a wake-up). */
function nextRetentionDue(log: PartitionLog, config: LogConfig, now: number): number | null {
  if (!isDeleteRetention(config) || config.retentionMs < 0) return null;
  const first = log.segments[0];
  if (first.records.length === 0 && log.segments.length === 1) return null;
  const ts = first.largestTimestamp >= 0 ? first.largestTimestamp : first.createdAt;
  const due = ts + config.retentionMs + 1;
  // Already expired yet kept: it waits for the high watermark, whose advance wakes the check.
  return due > now ? due : null;
}

function emitDeleted(
  ctx: Ctx,
  part: Partition,
  broker: BrokerId,
  d: DeletedSegment,
  logStartOffset: number,
  rolledAt: number | null,
): void {
  const rolled =
    rolledAt !== null && d.endOffset === rolledAt
      ? ` It was the active segment, so an empty segment ${segmentFileName(rolledAt)} was rolled first.`
      : '';
  ctx.emit(
    'logSegmentDeleted',
    `Broker ${broker}, ${part.topic}-${part.partition}: ${d.reason}${rolled} The log start offset is now ${logStartOffset}; consumers positioned below it get OFFSET_OUT_OF_RANGE and reset by auto.offset.reset.`,
    {
      topic: part.topic,
      partition: part.partition,
      broker,
      baseOffset: d.baseOffset,
      endOffset: d.endOffset,
      sizeBytes: d.sizeBytes,
      recordCount: d.recordCount,
      breach: d.breach,
      logStartOffset,
    },
  );
}

/** LSO the cleaner must stay below: the first open transaction's first offset, capped by the HW. */
export function cleanerStableOffset(replica: Replica): number {
  const unstable = firstUnstableOffset(replica.log, replica.log.cleanerCheckpoint, replica.highWatermark);
  return unstable === null ? replica.highWatermark : Math.min(unstable, replica.highWatermark);
}

/** When time alone will next change the cleaner's decision for this log (min/max compaction lag). */
function nextCleanerDue(log: PartitionLog, config: LogConfig, now: number): number | null {
  if (!isCompacted(config)) return null;
  let due: number | null = null;
  const consider = (t: number) => {
    if (t > now && (due === null || t < due)) due = t;
  };
  const segs = log.segments;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    if (i + 1 < segs.length && segs[i + 1].baseOffset <= log.cleanerCheckpoint) continue; // clean already
    if (config.minCompactionLagMs > 0 && s.largestTimestamp >= 0)
      consider(s.largestTimestamp + config.minCompactionLagMs);
    if (s.firstTimestamp > 0 && config.maxCompactionLagMs < Number.MAX_SAFE_INTEGER) {
      consider(s.firstTimestamp + config.maxCompactionLagMs + 1);
    }
  }
  return due;
}

/** After an append to one replica: report a roll, and wake the jobs that may now have work. */
function afterAppend(
  ctx: Ctx,
  topic: string,
  partition: number,
  broker: BrokerId,
  firstOffset: number,
): void {
  const part = ctx.state.topics[topic]?.partitions[partition];
  const replica = part?.replicaLogs[broker];
  if (part === undefined || replica === undefined) return;
  const config = logConfigFor(ctx.state, topic);
  const segs = replica.log.segments;
  const active = segs[segs.length - 1];
  if (segs.length > 1 && active.baseOffset >= firstOffset) {
    const prev = segs[segs.length - 2];
    const cause = prev.sizeBytes + active.sizeBytes > config.segmentBytes ? 'segment.bytes' : 'segment.ms';
    ctx.emit(
      'segmentRolled',
      `Broker ${broker}, ${topic}-${partition}: segment ${segmentFileName(prev.baseOffset)} closed and ${segmentFileName(active.baseOffset)} became the active segment, because ${
        cause === 'segment.bytes'
          ? `the append would have taken it past segment.bytes=${config.segmentBytes}`
          : `the new batch is more than segment.ms=${config.segmentMs} after the segment's first batch`
      }. Only closed segments can be deleted by retention or compacted.`,
      { topic, partition, broker, baseOffset: active.baseOffset, previousBaseOffset: prev.baseOffset, cause },
    );
    if (isCompacted(config)) ensureCleanerCheck(ctx, broker);
  }
  if (isDeleteRetention(config)) ensureRetentionCheck(ctx, broker);
}

/** For views and lessons: why the cleaner is (not) compacting this replica right now. */
export function cleanerStatus(
  state: SimState,
  topic: string,
  partition: number,
  broker: BrokerId,
): CleanerDecision | null {
  const replica = state.topics[topic]?.partitions[partition]?.replicaLogs[broker];
  if (replica === undefined) return null;
  return cleanerDecision(replica.log, logConfigFor(state, topic), cleanerStableOffset(replica), state.now);
}

export const storageTasks = {
  logRetentionCheck: (ctx, t) => {
    const slot = brokerSlot(ctx, t.brokerId);
    if (slot.retentionCheckAt !== t.at) return; // superseded by an earlier or later schedule
    slot.retentionCheckAt = null;
    if (!brokerRunning(ctx, t.brokerId)) return;
    let due: number | null = null;
    for (const { part, replica, config } of replicasOn(ctx, t.brokerId)) {
      const res = deleteOldSegments(replica.log, config, replica.highWatermark, ctx.now);
      for (const d of res.deleted)
        emitDeleted(ctx, part, t.brokerId, d, res.logStartOffsetAfter, res.rolledEmptyActiveAt);
      const next = nextRetentionDue(replica.log, config, ctx.now);
      if (next !== null && (due === null || next < due)) due = next;
    }
    if (due !== null) ensureRetentionCheck(ctx, t.brokerId, due);
  },
  logCleanerCheck: (ctx, t) => {
    const slot = brokerSlot(ctx, t.brokerId);
    if (slot.cleanerCheckAt !== t.at) return;
    slot.cleanerCheckAt = null;
    if (!brokerRunning(ctx, t.brokerId)) return;
    const logs = [...replicasOn(ctx, t.brokerId)].filter((r) => isCompacted(r.config));
    // The cleaner thread cleans the filthiest eligible log, then looks again, until none is eligible.
    for (let guard = 0; guard < 2 * logs.length + 1; guard++) {
      let best: { r: (typeof logs)[number]; d: Extract<CleanerDecision, { kind: 'clean' }> } | null = null;
      for (const r of logs) {
        const d = cleanerDecision(r.replica.log, r.config, cleanerStableOffset(r.replica), ctx.now);
        if (d.kind === 'clean' && (best === null || d.range.dirtyRatio > best.d.range.dirtyRatio))
          best = { r, d };
      }
      if (best === null) break;
      const { part, replica, config } = best.r;
      const res = cleanLog(replica.log, config, best.d.range, best.d.trigger, best.d.reason, ctx.now);
      const { reason, ...payload } = res;
      ctx.emit('logCleaned', `Broker ${t.brokerId}, ${part.topic}-${part.partition}: ${reason}`, {
        topic: part.topic,
        partition: part.partition,
        broker: t.brokerId,
        ...payload,
      });
    }
    // After each round the cleaner thread also runs retention on every compacted log
    // (LogCleanerManager#deletableLogs → UnifiedLog#deleteOldSegments): time/size for
    // compact,delete, and segments below the log start offset for compact-only logs.
    for (const { part, replica, config } of logs) {
      const res = deleteOldSegments(replica.log, config, replica.highWatermark, ctx.now);
      for (const d of res.deleted)
        emitDeleted(ctx, part, t.brokerId, d, res.logStartOffsetAfter, res.rolledEmptyActiveAt);
    }
    let due: number | null = null;
    for (const r of logs) {
      const next = nextCleanerDue(r.replica.log, r.config, ctx.now);
      if (next !== null && (due === null || next < due)) due = next;
    }
    if (due !== null) ensureCleanerCheck(ctx, t.brokerId, due);
  },
} satisfies TaskHandlers;

export const storageHooks: readonly Hook[] = [
  on('recordsAppended', (ctx, e) => afterAppend(ctx, e.topic, e.partition, e.broker, e.baseOffset)),
  on('replicaFetched', (ctx, e) => {
    if (e.count > 0) afterAppend(ctx, e.topic, e.partition, e.follower, e.fromOffset);
  }),
  on('highWatermarkAdvanced', (ctx, e) => {
    // A segment blocked by the HW (retention) or an LSO/HW-bounded range (cleaner) may now be due.
    const config = logConfigFor(ctx.state, e.topic);
    if (isDeleteRetention(config)) ensureRetentionCheck(ctx, e.broker);
    if (isCompacted(config)) ensureCleanerCheck(ctx, e.broker);
  }),
  on('topicConfigChanged', (ctx, e) => {
    // kafka-configs --alter takes effect at the next check of every broker hosting the topic.
    const brokers = new Set<BrokerId>();
    for (const part of ctx.state.topics[e.topic]?.partitions ?? [])
      for (const id of part.replicas) brokers.add(id);
    for (const id of brokers) {
      ensureRetentionCheck(ctx, id);
      ensureCleanerCheck(ctx, id);
    }
  }),
  on('brokerStarted', (ctx, e) => {
    // Jobs are phased from the (re)start; anything queued by the previous run is superseded.
    const slot = brokerSlot(ctx, e.brokerId);
    slot.retentionCheckAt = null;
    slot.cleanerCheckAt = null;
    ensureRetentionCheck(ctx, e.brokerId);
    ensureCleanerCheck(ctx, e.brokerId);
  }),
];
