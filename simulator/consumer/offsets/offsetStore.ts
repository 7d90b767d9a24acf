// Committed offsets (OffsetCommit / OffsetFetch). The committed offset is the next record to read
// (commitSync javadoc: lastProcessedMessageOffset + 1). Commits are validated like the coordinator does
// (unknown member, stale generation, rebalance in progress) and persisted to __consumer_offsets.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { newGroup } from '../group/groupState';
import {
  CONSUMER_OFFSETS_TOPIC,
  coordinatorAvailable,
  offsetsTopicReplicationFactor,
  writeOffsetCommits,
} from '../group/offsetsTopic';
import type { CommitMode, ConsumerArea, ConsumerClient, GroupRecord, OffsetEntry } from '../types';
import { recordLagSample } from './lag';

/** The group's record, created on first use (a commit or a join names a group into existence). */
export function groupRecord(area: ConsumerArea, groupId: string): GroupRecord {
  let rec = area.groups[groupId];
  if (!rec) {
    rec = {
      group: newGroup(groupId),
      offsets: {},
      emptySince: null,
      processed: {},
      lagHistory: [],
      timerAt: null,
    };
    area.groups[groupId] = rec;
  }
  return rec;
}

export function committedOffset(
  area: ConsumerArea,
  groupId: string,
  topic: string,
  partition: number,
): number | null {
  return area.groups[groupId]?.offsets[tpKey(topic, partition)]?.offset ?? null;
}

export function storeOffsets(
  ctx: Ctx,
  groupId: string,
  offsets: OffsetEntry[],
  consumer: string | null,
  mode: CommitMode,
  why: string,
): void {
  const area = ctx.state.areas.consumers;
  if (offsets.length === 0) return;
  const rec = groupRecord(area, groupId);
  for (const o of offsets) {
    rec.offsets[tpKey(o.topic, o.partition)] = {
      offset: o.offset,
      commitTimestamp: ctx.now,
      leaderEpoch: null,
    };
  }
  writeOffsetCommits(ctx, groupId, offsets);
  const list = offsets.map((o) => `${tpKey(o.topic, o.partition)}=${o.offset}`).join(', ');
  ctx.emit(
    'offsetsCommitted',
    `group ${groupId}: ${consumer ?? 'admin'} committed ${list} (${why}); a restart resumes from these offsets`,
    { groupId, consumer, mode, offsets },
  );
  recordLagSample(ctx, groupId);
}

export type CommitError = { exception: string; message: string };

/** Why the coordinator would reject an OffsetCommit from this client now, or null if it accepts it. */
export function commitRejection(ctx: Ctx, client: ConsumerClient): CommitError | null {
  const g = ctx.state.areas.consumers.groups[client.config.groupId]?.group;
  if (!coordinatorAvailable(ctx.state, client.config.groupId)) {
    return {
      exception: 'CoordinatorNotAvailableException',
      message: ctx.state.topics[CONSUMER_OFFSETS_TOPIC]
        ? 'The coordinator is not available (the leader of its __consumer_offsets partition is offline).'
        : `The coordinator is not available: __consumer_offsets is not created while fewer than offsets.topic.replication.factor (${offsetsTopicReplicationFactor(ctx.state)}) brokers are alive.`,
    };
  }
  const member = g?.members.find((m) => m.memberId === client.memberId);
  if (!g || client.memberId === null || !member) {
    return {
      exception: 'CommitFailedException',
      message:
        'Commit cannot be completed since the group has already rebalanced and assigned the partitions to another member (UNKNOWN_MEMBER_ID).',
    };
  }
  if (g.generationId !== client.generationId) {
    return {
      exception: 'CommitFailedException',
      message: `Commit cannot be completed: generation ${client.generationId} is stale, the group is at generation ${g.generationId} (ILLEGAL_GENERATION).`,
    };
  }
  if (g.state === 'CompletingRebalance') {
    return {
      exception: 'RebalanceInProgressException',
      message: 'The group is rebalancing (REBALANCE_IN_PROGRESS).',
    };
  }
  return null;
}

/** The client's current positions for its assigned partitions: what commitSync() with no arguments sends. */
export function positionsToCommit(client: ConsumerClient): OffsetEntry[] {
  const out: OffsetEntry[] = [];
  for (const p of client.assignment) {
    const pos = client.positions[tpKey(p.topic, p.partition)];
    if (pos !== undefined) out.push({ topic: p.topic, partition: p.partition, offset: pos });
  }
  return out;
}
