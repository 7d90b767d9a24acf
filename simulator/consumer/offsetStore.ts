// Committed offsets (OffsetCommit / OffsetFetch). The committed offset is the next record to read
// (commitSync javadoc: lastProcessedMessageOffset + 1). Commits are validated like the coordinator does
// (unknown member, stale generation, rebalance in progress) and persisted to __consumer_offsets.
import type { ClusterAccess } from './clusterAccess';
import type { OffsetEntry } from './consumerEvents';
import type { ConsumerArea, ConsumerClient, GroupRecord } from './consumerTypes';
import { newGroup } from './groupCoordinator';
import { recordLagSample } from './lag';
import { tpKey } from './types';

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
  return area.groups[groupId]?.offsets[`${topic}-${partition}`]?.offset ?? null;
}

export function storeOffsets(
  area: ConsumerArea,
  io: ClusterAccess,
  groupId: string,
  offsets: OffsetEntry[],
  consumer: string | null,
  mode: 'sync' | 'async' | 'auto' | 'admin',
  why: string,
): void {
  if (offsets.length === 0) return;
  const rec = groupRecord(area, groupId);
  for (const o of offsets) {
    rec.offsets[`${o.topic}-${o.partition}`] = {
      offset: o.offset,
      commitTimestamp: io.now,
      leaderEpoch: null,
    };
  }
  io.writeOffsetCommits(groupId, offsets);
  const list = offsets.map((o) => `${o.topic}-${o.partition}=${o.offset}`).join(', ');
  io.emit({
    type: 'offsetsCommitted',
    reason: `group ${groupId}: ${consumer ?? 'admin'} committed ${list} (${why}); a restart resumes from these offsets`,
    groupId,
    consumer,
    mode,
    offsets,
  });
  recordLagSample(area, io, groupId);
}

export type CommitError = { exception: string; message: string };

/** Why the coordinator would reject an OffsetCommit from this client now, or null if it accepts it. */
export function commitRejection(
  area: ConsumerArea,
  io: ClusterAccess,
  client: ConsumerClient,
): CommitError | null {
  const g = area.groups[client.config.groupId]?.group;
  if (!io.coordinatorAvailable(client.config.groupId)) {
    return {
      exception: 'CoordinatorNotAvailableException',
      message:
        'The coordinator is not available (the leader of its __consumer_offsets partition is offline).',
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
    const pos = client.positions[tpKey(p)];
    if (pos !== undefined) out.push({ topic: p.topic, partition: p.partition, offset: pos });
  }
  return out;
}
