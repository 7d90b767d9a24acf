// Group-side glue: applies the coordinator's decisions to the consumer clients (GroupHooks), keeps each
// group's timer armed on the virtual clock, and expires the offsets of groups left Empty too long.
import type { ClusterAccess } from './clusterAccess';
import type { ConsumerArea, ConsumerClient } from './consumerTypes';
import { advanceGroup, nextGroupDeadline, transitionTo } from './groupCoordinator';
import type { GroupHooks } from './groupTypes';
import { recordLagSample } from './lag';
import { positionsToCommit, storeOffsets } from './offsetStore';
import type { TopicPartition } from './types';
import { tpKey } from './types';

export function clientByMember(area: ConsumerArea, memberId: string): ConsumerClient | undefined {
  return Object.values(area.consumers).find((c) => c.memberId === memberId);
}

/** offsets.retention.minutes default: 10080 (7 days). */
export const OFFSETS_RETENTION_MS = 10_080 * 60_000;

const keys = (ps: readonly TopicPartition[]) =>
  ps.length === 0 ? 'no partitions' : ps.map(tpKey).join(', ');

/** Bridges coordinator decisions to the clients of one group. */
export function groupHooks(area: ConsumerArea, io: ClusterAccess, groupId: string): GroupHooks {
  return {
    partitionCount: (t) => io.partitionCount(t),
    onRevoke(memberId, partitions) {
      const c = clientByMember(area, memberId);
      if (!c) return;
      const revoked = new Set(partitions.map(tpKey));
      if (c.config.enableAutoCommit && c.status === 'running') {
        // ConsumerCoordinator#onJoinPrepare / onPartitionsRevoked: auto-commit before giving partitions up
        const offsets = positionsToCommit(c).filter((o) => revoked.has(`${o.topic}-${o.partition}`));
        storeOffsets(
          area,
          io,
          groupId,
          offsets,
          c.name,
          'auto',
          'auto-commit before revoking partitions in a rebalance',
        );
      }
      c.assignment = c.assignment.filter((p) => !revoked.has(tpKey(p)));
      for (const k of revoked) delete c.positions[k];
    },
    onAssign(memberId, partitions, generationId) {
      const c = clientByMember(area, memberId);
      if (!c) return;
      const now = new Set(partitions.map(tpKey));
      for (const k of Object.keys(c.positions)) if (!now.has(k)) delete c.positions[k];
      c.assignment = partitions;
      c.generationId = generationId;
      io.emit({
        type: 'partitionsAssigned',
        reason: `${c.name} now owns ${keys(partitions)} (generation ${generationId})`,
        consumer: c.name,
        generationId,
        partitions,
      });
    },
    onRemoved(memberId) {
      const c = clientByMember(area, memberId);
      if (!c) return;
      c.memberId = null;
      c.assignment = [];
      c.positions = {};
    },
    onFenced(memberId) {
      const c = clientByMember(area, memberId);
      if (!c) return;
      c.status = 'fenced';
      c.memberId = null;
      c.assignment = [];
      c.positions = {};
      io.emit({
        type: 'consumerStopped',
        reason: `${c.name} is fenced: a newer instance uses group.instance.id ${c.config.groupInstanceId} (FencedInstanceIdException)`,
        consumer: c.name,
        how: 'fenced',
      });
    },
    emit(event) {
      io.emit({ type: 'groupEvent', reason: event.reason, groupId, event });
    },
  };
}

/** After any change to a group: track Empty time, sample lag and make sure its next deadline is scheduled. */
export function settleGroup(area: ConsumerArea, io: ClusterAccess, groupId: string): void {
  const rec = area.groups[groupId];
  if (!rec) return;
  if (rec.group.state === 'Empty') rec.emptySince ??= io.now;
  else rec.emptySince = null;
  let next = nextGroupDeadline(rec.group);
  if (rec.emptySince !== null && rec.group.state === 'Empty') {
    const expiry = rec.emptySince + OFFSETS_RETENTION_MS;
    next = next === null ? expiry : Math.min(next, expiry);
  }
  if (next !== null && (rec.timerAt === null || rec.timerAt <= io.now || next < rec.timerAt)) {
    rec.timerAt = next;
    io.wakeAt(next, { kind: 'group-timer', groupId });
  }
}

/** The coordinator's timer fired: run every due deadline. */
export function onGroupTimer(area: ConsumerArea, io: ClusterAccess, groupId: string): void {
  const rec = area.groups[groupId];
  if (!rec) return;
  if (rec.timerAt !== null && rec.timerAt <= io.now) rec.timerAt = null;
  advanceGroup(rec.group, io.now, groupHooks(area, io, groupId));
  if (
    rec.group.state === 'Empty' &&
    rec.emptySince !== null &&
    io.now >= rec.emptySince + OFFSETS_RETENTION_MS
  ) {
    expireGroupOffsets(area, io, groupId);
    return;
  }
  recordLagSample(area, io, groupId);
  settleGroup(area, io, groupId);
}

/**
 * offsets.retention.minutes (7 days): once a group has been Empty that long its committed offsets expire
 * and the group becomes Dead (GroupMetadataManager cleanup; ClassicGroupState Empty -> Dead).
 */
function expireGroupOffsets(area: ConsumerArea, io: ClusterAccess, groupId: string): void {
  const rec = area.groups[groupId];
  const expired = Object.keys(rec.offsets).length;
  rec.offsets = {};
  transitionTo(
    rec.group,
    'Dead',
    `group ${groupId}: Empty for offsets.retention.minutes=${OFFSETS_RETENTION_MS / 60_000}; its ${expired} committed offset(s) expired and the group is removed`,
    groupHooks(area, io, groupId),
  );
  rec.emptySince = null;
  rec.timerAt = null;
}
