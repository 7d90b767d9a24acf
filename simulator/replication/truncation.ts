// Follower truncation by leader epoch (KIP-101/KIP-279, AbstractFetcherThread#getOffsetTruncationState): before
// fetching from a new leader, a replica cuts its log back to the point where it agrees with the leader. This is
// where unreplicated (acks=1) or unclean-election data disappears, visibly.
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import {
  endOffsetForEpoch,
  latestEpoch,
  type PartitionLog,
  truncateFullyAndStartAt,
  truncateTo,
} from '../log';
import { rebuildProducerState } from './producerState';

/** Offset the follower keeps up to (exclusive), from its own epoch cache and the leader's. */
export function divergenceOffset(follower: PartitionLog, leader: PartitionLog, followerHw: number): number {
  const fEpoch = latestEpoch(follower);
  if (fEpoch < 0) return Math.min(followerHw, follower.logEndOffset); // no epoch info: fall back to the HW
  const answer = endOffsetForEpoch(leader, fEpoch);
  if (answer.leaderEpoch < 0) return Math.min(followerHw, follower.logEndOffset);
  if (answer.leaderEpoch === fEpoch) return Math.min(answer.endOffset, follower.logEndOffset);
  // The leader knows only an older epoch: keep what both have for that epoch.
  const mine = endOffsetForEpoch(follower, answer.leaderEpoch);
  const mineEnd = mine.leaderEpoch < 0 ? followerHw : mine.endOffset;
  return Math.min(answer.endOffset, mineEnd, follower.logEndOffset);
}

/** Truncate `brokerId`'s replica against the current leader's log; emits replicaTruncated when data goes. */
export function truncateFollower(ctx: Ctx, part: Partition, brokerId: number): void {
  if (part.leader === null) return;
  const rep = part.replicaLogs[brokerId];
  const leaderLog = part.replicaLogs[part.leader].log;
  const log = rep.log;
  const before = log.logEndOffset;
  let target = divergenceOffset(log, leaderLog, rep.highWatermark);
  if (target < leaderLog.logStartOffset || log.logEndOffset < leaderLog.logStartOffset) {
    // The leader no longer has what follows our log (retention moved its start): start over at its log start.
    truncateFullyAndStartAt(log, leaderLog.logStartOffset, ctx.now);
    target = leaderLog.logStartOffset;
  } else if (!truncateTo(log, target, ctx.now)) {
    return;
  }
  rep.highWatermark = Math.min(rep.highWatermark, log.logEndOffset);
  rebuildProducerState(rep);
  const removed = Math.max(0, before - target);
  ctx.emit(
    'replicaTruncated',
    removed > 0
      ? `broker ${brokerId} truncated ${part.topic}-${part.partition} from LEO ${before} to ${target}: offsets ${target}–${before - 1} are not in leader ${part.leader}'s log (leader epoch ${part.leaderEpoch}), so they are gone`
      : `broker ${brokerId} reset ${part.topic}-${part.partition} to start at offset ${target} like leader ${part.leader}`,
    {
      topic: part.topic,
      partition: part.partition,
      broker: brokerId,
      fromOffset: before,
      toOffset: target,
      removed,
    },
  );
}
