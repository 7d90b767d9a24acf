// The consumer clients the learner drives: create (subscribe + join), poll, process, commit, close,
// crash. Each client talks to its group's coordinator (group/coordinator.ts); the coordinator's answers
// come back through membership.ts.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { rebalanceProtocolFor } from '../assignors/index';
import { joinGroup, leaveGroup, resumeHeartbeating, stopHeartbeating } from '../group/coordinator';
import { settleGroup } from '../groupTimer';
import { recordLagSample } from '../offsets/lag';
import {
  type CommitError,
  commitRejection,
  groupRecord,
  positionsToCommit,
  storeOffsets,
} from '../offsets/offsetStore';
import type { ConsumerArea, ConsumerClient, ConsumerConfig, OffsetEntry, PolledRecord } from '../types';
import { fetchForPoll } from './fetcher';
import { memberClients } from './membership';

export type ClientOutcome<T> = { ok: true; value: T } | { ok: false; error: CommitError };
const err = <T>(exception: string, message: string): ClientOutcome<T> => ({
  ok: false,
  error: { exception, message },
});

/** java.util.UUID.randomUUID().toString() shape (ClassicGroup#generateMemberId), from the seeded RNG. */
export function memberUuid(ctx: Ctx): string {
  const hex = Array.from({ length: 32 }, () => ctx.randomInt(16));
  hex[12] = 4; // version 4
  hex[16] = 8 + (hex[16] % 4); // IETF variant
  const s = hex.map((d) => d.toString(16)).join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function join(ctx: Ctx, c: ConsumerClient): void {
  const area = ctx.state.areas.consumers;
  const rec = groupRecord(area, c.config.groupId);
  const prefix = c.config.groupInstanceId ?? c.clientId;
  c.memberId = `${prefix}-${memberUuid(ctx)}`;
  joinGroup(
    ctx,
    rec.group,
    {
      memberId: c.memberId,
      label: c.name,
      groupInstanceId: c.config.groupInstanceId,
      clientId: c.clientId,
      host: `/10.0.0.${(Object.keys(area.consumers).indexOf(c.name) % 250) + 2}`,
      topics: c.config.topics,
      strategies: c.config.strategies,
      protocol: c.protocol,
      sessionTimeoutMs: c.config.sessionTimeoutMs,
      rebalanceTimeoutMs: c.config.maxPollIntervalMs,
      heartbeatIntervalMs: c.config.heartbeatIntervalMs,
    },
    ctx.now,
    memberClients,
  );
  settleGroup(ctx, c.config.groupId);
}

function armPollTimer(ctx: Ctx, c: ConsumerClient): void {
  c.lastPollAt = ctx.now;
  c.pollEpoch += 1;
  ctx.scheduleAt(ctx.now + c.config.maxPollIntervalMs, {
    type: 'consumerPollTimeout',
    consumer: c.name,
    pollEpoch: c.pollEpoch,
  });
}

/** subscribe() + the first poll's JoinGroup. A stopped client with the same name is replaced. */
export function createConsumer(
  ctx: Ctx,
  name: string,
  config: ConsumerConfig,
): ClientOutcome<ConsumerClient> {
  const area = ctx.state.areas.consumers;
  const existing = area.consumers[name];
  if (existing && existing.status === 'running')
    return err('IllegalStateException', `consumer ${name} already exists`);
  if (config.topics.length === 0)
    return err('IllegalArgumentException', 'subscribe() needs at least one topic');
  const seq = config.clientId ?? config.groupInstanceId ?? String(area.clientSequence++);
  const c: ConsumerClient = {
    name,
    config,
    // ConsumerConfig#maybeOverrideClientId: consumer-<group.id>-<group.instance.id or sequence>
    clientId: config.clientId ?? existing?.clientId ?? `consumer-${config.groupId}-${seq}`,
    memberId: null,
    protocol: rebalanceProtocolFor(config.strategies),
    status: 'running',
    createdAt: ctx.now,
    assignment: [],
    generationId: -1,
    positions: {},
    unprocessed: [],
    lastPollAt: ctx.now,
    pollEpoch: 0,
    nextAutoCommitAt: ctx.now + config.autoCommitIntervalMs,
  };
  area.consumers[name] = c;
  armPollTimer(ctx, c);
  join(ctx, c);
  ctx.emit(
    'consumerCreated',
    `${name} subscribed to ${config.topics.join(', ')} in group ${config.groupId} (${c.protocol === 'EAGER' ? 'eager' : 'cooperative'} rebalancing, assignors ${config.strategies.join(', ')})`,
    { consumer: name, groupId: config.groupId, memberId: c.memberId as string },
  );
  return { ok: true, value: c };
}

export function running(area: ConsumerArea, name: string): ClientOutcome<ConsumerClient> {
  const c = area.consumers[name];
  if (!c) return err('IllegalArgumentException', `no consumer named ${name}`);
  if (c.status === 'fenced')
    return err(
      'FencedInstanceIdException',
      `${name} was fenced by a newer instance with the same group.instance.id`,
    );
  if (c.status !== 'running') return err('IllegalStateException', 'This consumer has already been closed.');
  return { ok: true, value: c };
}

/** KafkaConsumer#poll: auto-commit when due, rejoin if the member was removed, then fetch. */
export function pollConsumer(ctx: Ctx, name: string, max?: number): ClientOutcome<PolledRecord[]> {
  const area = ctx.state.areas.consumers;
  const r = running(area, name);
  if (!r.ok) return r;
  const c = r.value;
  armPollTimer(ctx, c);
  if (c.config.enableAutoCommit && ctx.now >= c.nextAutoCommitAt && c.memberId !== null) {
    // auto-commit happens inside poll(): it commits what earlier polls returned, processed or not
    c.nextAutoCommitAt = ctx.now + c.config.autoCommitIntervalMs;
    const offsets = positionsToCommit(c).filter(
      (o) => area.groups[c.config.groupId]?.offsets[tpKey(o.topic, o.partition)]?.offset !== o.offset,
    );
    if (offsets.length > 0 && commitRejection(ctx, c) === null) {
      storeOffsets(
        ctx,
        c.config.groupId,
        offsets,
        c.name,
        'auto',
        `auto.commit.interval.ms=${c.config.autoCommitIntervalMs} elapsed, committed during poll()`,
      );
    }
  }
  if (c.memberId === null) {
    join(ctx, c);
    return { ok: true, value: [] };
  }
  resumeHeartbeating(groupRecord(area, c.config.groupId).group, c.memberId, ctx.now);
  settleGroup(ctx, c.config.groupId);
  const res = fetchForPoll(ctx, c, Math.min(max ?? c.config.maxPollRecords, c.config.maxPollRecords));
  if (!res.ok) return res;
  c.unprocessed.push(...res.records);
  const byPartition = new Map<string, number[]>();
  for (const rec of res.records) {
    const k = tpKey(rec.topic, rec.partition);
    byPartition.set(k, [...(byPartition.get(k) ?? []), rec.offset]);
  }
  const detail = [...byPartition]
    .map(([k, os]) => `${k}@${os[0]}${os.length > 1 ? `..${os[os.length - 1]}` : ''}`)
    .join(', ');
  ctx.emit(
    'consumerPolled',
    res.records.length === 0
      ? `${name} polled: nothing new${c.assignment.length === 0 ? ' (it owns no partitions right now)' : ''}`
      : `${name} polled ${res.records.length} record(s): ${detail}; they are not processed yet`,
    {
      consumer: name,
      records: res.records.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset })),
    },
  );
  recordLagSample(ctx, c.config.groupId);
  return { ok: true, value: res.records };
}

/** The application processes polled records (all, or the first `count`). Re-processing is flagged. */
export function processRecords(ctx: Ctx, name: string, count?: number): ClientOutcome<PolledRecord[]> {
  const area = ctx.state.areas.consumers;
  const r = running(area, name);
  if (!r.ok) return r;
  const c = r.value;
  const batch = c.unprocessed.splice(0, count ?? c.unprocessed.length);
  const rec = groupRecord(area, c.config.groupId);
  const duplicates: OffsetEntry[] = [];
  for (const x of batch) {
    const k = tpKey(x.topic, x.partition);
    if (!rec.processed[k]) rec.processed[k] = [];
    const seen = rec.processed[k];
    if (seen.includes(x.offset))
      duplicates.push({ topic: x.topic, partition: x.partition, offset: x.offset });
    seen.push(x.offset);
  }
  ctx.emit(
    'consumerProcessed',
    batch.length === 0
      ? `${name} had nothing to process`
      : `${name} processed ${batch.length} record(s)` +
          (duplicates.length > 0
            ? `; ${duplicates.map((d) => `${tpKey(d.topic, d.partition)}@${d.offset}`).join(', ')} had been processed before (duplicates: at-least-once redelivery)`
            : ''),
    {
      consumer: name,
      records: batch.map((x) => ({ topic: x.topic, partition: x.partition, offset: x.offset })),
      duplicates,
    },
  );
  return { ok: true, value: batch };
}

/** commitSync() / commitAsync() with no arguments: commit the current positions. */
export function commitConsumer(
  ctx: Ctx,
  name: string,
  mode: 'sync' | 'async' = 'sync',
  explicit?: OffsetEntry[],
): ClientOutcome<OffsetEntry[]> {
  const r = running(ctx.state.areas.consumers, name);
  if (!r.ok) return r;
  const c = r.value;
  const rejection = commitRejection(ctx, c);
  if (rejection) {
    ctx.emit('offsetCommitFailed', `${name}: commit failed: ${rejection.exception}: ${rejection.message}`, {
      groupId: c.config.groupId,
      consumer: name,
      error: rejection.exception,
    });
    return { ok: false, error: rejection };
  }
  const offsets = explicit ?? positionsToCommit(c);
  const unprocessed = c.unprocessed.length;
  storeOffsets(
    ctx,
    c.config.groupId,
    offsets,
    name,
    mode,
    `commit${mode === 'sync' ? 'Sync' : 'Async'}()` +
      (unprocessed > 0
        ? ` with ${unprocessed} polled record(s) still unprocessed: if ${name} crashes now they are lost (at-most-once)`
        : ''),
  );
  return { ok: true, value: offsets };
}

/** close(): auto-commit, then LeaveGroup — except static members, which just stop heartbeating. */
export function closeConsumer(ctx: Ctx, name: string): ClientOutcome<void> {
  const area = ctx.state.areas.consumers;
  const r = running(area, name);
  if (!r.ok) return r;
  const c = r.value;
  const rec = groupRecord(area, c.config.groupId);
  if (c.config.enableAutoCommit && c.memberId !== null && commitRejection(ctx, c) === null) {
    storeOffsets(ctx, c.config.groupId, positionsToCommit(c), name, 'auto', 'auto-commit on close()');
  }
  c.status = 'closed';
  c.unprocessed = [];
  const memberId = c.memberId;
  if (memberId !== null) {
    if (c.config.groupInstanceId === null) {
      leaveGroup(ctx, rec.group, memberId, ctx.now, `${name} closed and sent LeaveGroup`, memberClients);
    } else {
      // AbstractCoordinator#maybeLeaveGroup: only dynamic members send LeaveGroup
      stopHeartbeating(rec.group, memberId, ctx.now);
    }
  }
  c.assignment = [];
  c.positions = {};
  ctx.emit(
    'consumerStopped',
    c.config.groupInstanceId === null
      ? `${name} closed: it left group ${c.config.groupId} at once`
      : `${name} closed: as a static member (group.instance.id ${c.config.groupInstanceId}) it sends no LeaveGroup; its slot is kept until session.timeout.ms=${c.config.sessionTimeoutMs} passes`,
    { consumer: name, how: 'closed' },
  );
  settleGroup(ctx, c.config.groupId);
  return { ok: true, value: undefined };
}

/** The process dies: no commit, no LeaveGroup; the coordinator notices only when the session times out. */
export function crashConsumer(ctx: Ctx, name: string): ClientOutcome<void> {
  const area = ctx.state.areas.consumers;
  const r = running(area, name);
  if (!r.ok) return r;
  const c = r.value;
  const lost = c.unprocessed.length;
  c.status = 'crashed';
  c.unprocessed = [];
  if (c.memberId !== null) stopHeartbeating(groupRecord(area, c.config.groupId).group, c.memberId, ctx.now);
  const member = area.groups[c.config.groupId]?.group.members.find((m) => m.memberId === c.memberId);
  ctx.emit(
    'consumerStopped',
    `${name} crashed without committing` +
      (lost > 0 ? ` (${lost} polled record(s) were never processed)` : '') +
      (member
        ? `; the coordinator will notice at ${member.lastHeartbeatAt + member.sessionTimeoutMs} ms (last heartbeat + session.timeout.ms) and only then rebalance its partitions`
        : ''),
    { consumer: name, how: 'crashed' },
  );
  settleGroup(ctx, c.config.groupId);
  return { ok: true, value: undefined };
}

/** max.poll.interval.ms expired without a poll: the heartbeat thread leaves the group (static: stops heartbeating). */
export function onPollTimeout(ctx: Ctx, name: string, pollEpoch: number): void {
  const area = ctx.state.areas.consumers;
  const c = area.consumers[name];
  if (c?.status !== 'running' || c.pollEpoch !== pollEpoch || c.memberId === null) return;
  const rec = groupRecord(area, c.config.groupId);
  const why = `${name} did not call poll() within max.poll.interval.ms=${c.config.maxPollIntervalMs} (processing too slow)`;
  if (c.config.groupInstanceId === null) {
    leaveGroup(
      ctx,
      rec.group,
      c.memberId,
      ctx.now,
      `${why}; its heartbeat thread sent LeaveGroup`,
      memberClients,
    );
  } else {
    stopHeartbeating(rec.group, c.memberId, ctx.now);
  }
  ctx.emit('consumerStopped', `${why}; it rejoins on its next poll, and commits until then fail`, {
    consumer: name,
    how: 'poll-timeout',
  });
  settleGroup(ctx, c.config.groupId);
}
