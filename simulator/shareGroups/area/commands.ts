// The share-groups area's commands: each validates first, then runs one pure share-partition transition per
// partition and records what it returned (KIP-932; kafka.server.share.SharePartition, GroupCoordinatorService).
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../../engine/registry';
import { getPartition, highWatermark, leaderReplica, type TopicPartition } from '../../extend';
import { validateShareGroupConfig } from '../config';
import { acknowledge, acquire, initSharePartition, releaseMemberRecords } from '../sharePartition';
import { simpleAssign } from '../simpleAssignor';
import type { ShareGroupConfig } from '../types';
import { recordTransition } from './record';
import type { ShareFetchedRecord, ShareGroupState, ShareGroupsAreaState } from './types';

const CONFIG_NAMES: Record<keyof ShareGroupConfig, string> = {
  recordLockDurationMs: 'group.share.record.lock.duration.ms',
  deliveryCountLimit: 'group.share.delivery.count.limit',
  partitionMaxRecordLocks: 'group.share.partition.max.record.locks',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * SimpleAssignor over the topics that exist now: every member gets every partition of its subscribed topics
 * (a subscription to a missing topic assigns nothing, as the coordinator's topic metadata lacks it).
 */
function reassign(ctx: Ctx, group: ShareGroupState): void {
  const counts: Record<string, number> = {};
  for (const m of group.members)
    for (const t of m.topics) {
      const topic = ctx.state.topics[t];
      if (topic) counts[t] = topic.partitions.length;
    }
  const members = group.members.map((m) => ({
    memberId: m.memberId,
    subscribedTopics: m.topics.filter((t) => Object.hasOwn(counts, t)),
  }));
  const r = simpleAssign(members, counts);
  const assignment: Record<string, TopicPartition[]> = r.ok ? r.assignment : {};
  if (same(assignment, group.assignment)) return;
  group.assignment = assignment;
  const n = Object.values(assignment).reduce((s, tps) => s + tps.length, 0);
  ctx.emit(
    'shareGroupAssignmentChanged',
    `share group ${group.groupId} reassigned by the simple assignor: each of its ${group.members.length} member(s) gets every partition of its topics (${n} assignments; several members share each partition)`,
    { groupId: group.groupId, assignment },
  );
}

/** The group, created on first use (a share group exists once a member joins or a group config is set). */
function groupFor(area: ShareGroupsAreaState, groupId: string): ShareGroupState {
  if (!area.groups[groupId])
    area.groups[groupId] = {
      groupId,
      autoOffsetReset: 'latest', // share.auto.offset.reset default (GroupConfig)
      members: [],
      assignment: {},
      partitions: {},
      settled: {},
    };
  return area.groups[groupId];
}

function memberOf(ctx: Ctx, groupId: string, memberId: string) {
  const group = ctx.state.areas.shareGroups.groups[groupId];
  if (!group) return { error: fail('GROUP_ID_NOT_FOUND', `Group ${groupId} not found.`) } as const;
  if (!group.members.some((m) => m.memberId === memberId))
    return {
      error: fail('UNKNOWN_MEMBER_ID', `Member ${memberId} is not a member of share group ${groupId}.`),
    } as const;
  return { group } as const;
}

export const shareGroupCommands = {
  shareGroupJoin: (ctx, cmd) => {
    if (cmd.groupId.trim() === '') return fail('INVALID_GROUP_ID', 'The group id is invalid.');
    if (cmd.memberId === '') return fail('INVALID_REQUEST', 'A share group member needs a member id.');
    const memberId = cmd.memberId ?? ctx.uuid();
    const area = ctx.state.areas.shareGroups;
    const group = groupFor(area, cmd.groupId);
    const existing = group.members.find((m) => m.memberId === memberId);
    const topics = [...new Set(cmd.topics)].sort();
    if (existing) existing.topics = topics;
    else
      group.members.push({
        memberId,
        clientId: cmd.clientId,
        host: cmd.host ?? '/127.0.0.1',
        topics,
      });
    ctx.emit(
      'shareGroupMemberJoined',
      `${memberId} (${cmd.clientId}) joined share group ${cmd.groupId} subscribed to ${topics.join(', ')}`,
      { groupId: cmd.groupId, memberId, topics },
    );
    reassign(ctx, group);
    return ok({ memberId });
  },

  shareGroupLeave: (ctx, cmd) => {
    const found = memberOf(ctx, cmd.groupId, cmd.memberId);
    if (found.error) return found.error;
    const { group } = found;
    const config = ctx.state.areas.shareGroups.config;
    for (const sp of Object.values(group.partitions)) {
      const r = releaseMemberRecords(sp, cmd.memberId, config);
      if (r.ok && r.events.length > 0) recordTransition(ctx, group.groupId, r.state, r.events);
    }
    group.members = group.members.filter((m) => m.memberId !== cmd.memberId);
    ctx.emit(
      'shareGroupMemberLeft',
      `${cmd.memberId} left share group ${cmd.groupId}${group.members.length === 0 ? ': the group is Empty' : ''}`,
      { groupId: cmd.groupId, memberId: cmd.memberId },
    );
    reassign(ctx, group);
    return okVoid();
  },

  shareGroupPoll: (ctx, cmd) => {
    const found = memberOf(ctx, cmd.groupId, cmd.memberId);
    if (found.error) return found.error;
    const { group } = found;
    reassign(ctx, group);
    const config = ctx.state.areas.shareGroups.config;
    const records: ShareFetchedRecord[] = [];
    for (const tp of group.assignment[cmd.memberId] ?? []) {
      if (records.length >= cmd.maxRecords) break;
      const p = getPartition(ctx.state, tp.topic, tp.partition);
      const leader = p ? leaderReplica(p) : undefined;
      if (!p || !leader) continue; // no leader: the share fetch of this partition fails and is retried
      const key = `${tp.topic}-${tp.partition}`;
      const hw = highWatermark(p);
      if (!group.partitions[key]) {
        // SharePartition initialisation: share.auto.offset.reset decides where the group starts (KIP-932).
        const sp = initSharePartition({
          groupId: group.groupId,
          topic: tp.topic,
          partition: tp.partition,
          logStartOffset: leader.log.logStartOffset,
          logEndOffset: hw,
          autoOffsetReset: group.autoOffsetReset,
        });
        group.partitions[key] = sp;
        ctx.emit(
          'sharePartitionInitialized',
          `share group ${group.groupId} starts reading ${key} at offset ${sp.startOffset} (share.auto.offset.reset=${group.autoOffsetReset})`,
          { groupId: group.groupId, ...tp, startOffset: sp.startOffset },
        );
      }
      const r = acquire(
        group.partitions[key],
        {
          memberId: cmd.memberId,
          maxRecords: cmd.maxRecords - records.length,
          logEndOffset: hw,
          nowMs: ctx.now,
        },
        config,
      );
      if (!r.ok || r.value.length === 0) continue;
      recordTransition(ctx, group.groupId, r.state, r.events);
      for (const range of r.value)
        for (let o = range.firstOffset; o <= range.lastOffset; o++)
          records.push({ ...tp, offset: o, deliveryCount: range.deliveryCount });
      // group.share.record.lock.duration.ms: the timer that takes the records back if they are not acknowledged.
      ctx.schedule(config.recordLockDurationMs, {
        type: 'shareLockTimeout',
        groupId: group.groupId,
        ...tp,
      });
    }
    return ok({ records });
  },

  shareGroupAcknowledge: (ctx, cmd) => {
    const found = memberOf(ctx, cmd.groupId, cmd.memberId);
    if (found.error) return found.error;
    const sp = found.group.partitions[`${cmd.topic}-${cmd.partition}`];
    if (!sp)
      return fail(
        'UNKNOWN_TOPIC_OR_PARTITION',
        `Share group ${cmd.groupId} has not fetched ${cmd.topic}-${cmd.partition}.`,
      );
    const r = acknowledge(
      sp,
      { memberId: cmd.memberId, batches: cmd.batches },
      ctx.state.areas.shareGroups.config,
    );
    if (!r.ok) return fail(r.error.code, r.error.message);
    recordTransition(ctx, cmd.groupId, r.state, r.events);
    return okVoid();
  },

  shareGroupSetAutoOffsetReset: (ctx, cmd) => {
    const area = ctx.state.areas.shareGroups;
    if (cmd.autoOffsetReset !== 'latest' && cmd.autoOffsetReset !== 'earliest')
      return fail(
        'INVALID_CONFIG',
        `Invalid value ${cmd.autoOffsetReset} for configuration share.auto.offset.reset: String must be one of: latest, earliest`,
      );
    const group = groupFor(area, cmd.groupId);
    group.autoOffsetReset = cmd.autoOffsetReset;
    ctx.emit(
      'shareGroupConfigChanged',
      `share group ${cmd.groupId}: share.auto.offset.reset=${cmd.autoOffsetReset} (applies to share-partitions the group has not started reading yet)`,
      { groupId: cmd.groupId, name: 'share.auto.offset.reset', value: cmd.autoOffsetReset },
    );
    return okVoid();
  },

  shareGroupSetBrokerConfig: (ctx, cmd) => {
    const area = ctx.state.areas.shareGroups;
    const next = { ...area.config, ...cmd.config };
    const error = validateShareGroupConfig(next);
    if (error) return fail('INVALID_CONFIG', error);
    for (const key of Object.keys(cmd.config) as (keyof ShareGroupConfig)[]) {
      if (next[key] === area.config[key]) continue;
      ctx.emit(
        'shareGroupConfigChanged',
        `broker config ${CONFIG_NAMES[key]}=${next[key]} (was ${area.config[key]})`,
        { groupId: null, name: CONFIG_NAMES[key], value: String(next[key]) },
      );
    }
    area.config = next;
    return okVoid();
  },
} satisfies CommandHandlers;
