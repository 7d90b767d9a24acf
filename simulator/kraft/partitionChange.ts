// Applying a partition leader/ISR change the way KRaft does: the active controller writes a
// PartitionChangeRecord (leader epoch +1 when the leader changes, partition epoch +1 always), then the brokers
// act on it: the new leader starts a new epoch at its LEO, followers truncate by epoch and fetch from it.
// Simplification: brokers learn the record instantly (no metadata propagation delay).
import type { ElectionKind } from '../cluster/events';
import { fmtIds } from '../cluster/lookup';
import type { BrokerId, FollowerState, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { assignEpoch } from '../log';
import { failDelayedProduces } from '../replication/delayedProduce';
import { startAllFetchers } from '../replication/fetcher';
import { maybeIncrementHighWatermark } from '../replication/highWatermark';
import { appendMetadata } from './metadataLog';

export function freshFollowerState(now: number, inIsr: boolean): FollowerState {
  return {
    fetchOffset: -1,
    lastCaughtUpTime: inIsr ? now : 0,
    lastFetchTime: now,
    lastFetchLeaderLogEndOffset: -1,
    fetch: 'idle',
    sentHighWatermark: -1,
  };
}

function topicIdOf(ctx: Ctx, part: Partition): string {
  return ctx.state.topics[part.topic].topicId;
}

function writeChange(ctx: Ctx, part: Partition, cause: string): void {
  const offset = appendMetadata(ctx, {
    type: 'PartitionChangeRecord',
    topicId: topicIdOf(ctx, part),
    partitionId: part.partition,
    leader: part.leader ?? -1,
    isr: [...part.isr],
    leaderEpoch: part.leaderEpoch,
    partitionEpoch: part.partitionEpoch,
    cause,
  });
  const record = ctx.state.quorum.log[offset];
  ctx.emit(
    'metadataRecordAppended',
    `controller ${ctx.state.quorum.leaderId} wrote PartitionChangeRecord for ${part.topic}-${part.partition} at metadata offset ${offset}`,
    { record },
  );
}

/** ISR-only change (AlterPartition from the leader, or the controller removing a fenced broker). */
export function alterPartitionIsr(
  ctx: Ctx,
  part: Partition,
  newIsr: BrokerId[],
  cause: 'shrink' | 'expand' | 'fenced',
  reason: string,
): void {
  const previousIsr = part.isr;
  part.isr = newIsr;
  part.partitionEpoch++;
  writeChange(ctx, part, reason);
  ctx.emit(
    'isrChanged',
    `${part.topic}-${part.partition}: ISR ${fmtIds(previousIsr)} → ${fmtIds(newIsr)}: ${reason}`,
    {
      topic: part.topic,
      partition: part.partition,
      isr: [...newIsr],
      previousIsr: [...previousIsr],
      cause,
    },
  );
  if (cause === 'expand') {
    const rep = part.replicaLogs[newIsr[newIsr.length - 1]];
    rep.follower.lastCaughtUpTime = ctx.now;
  }
  // A smaller ISR can let the HW move (min LEO over fewer replicas), a larger one can satisfy min ISR again.
  maybeIncrementHighWatermark(ctx, part);
}

/** Leader change (election, offline, preferred/unclean election) with the ISR that goes with it. */
export function changeLeader(
  ctx: Ctx,
  part: Partition,
  newLeader: BrokerId | null,
  newIsr: BrokerId[],
  election: ElectionKind,
  reason: string,
): void {
  const previousLeader = part.leader;
  const previousIsr = part.isr;
  part.leader = newLeader;
  part.isr = newIsr;
  part.leaderEpoch++;
  part.partitionEpoch++;
  part.fetchSession++;
  writeChange(ctx, part, reason);
  const oldEpoch = part.leaderEpoch - 1;
  ctx.emit(
    'leaderChanged',
    `partition ${part.topic}-${part.partition}: ${reason}; leader epoch ${oldEpoch} → ${part.leaderEpoch}`,
    {
      topic: part.topic,
      partition: part.partition,
      leader: newLeader,
      previousLeader,
      leaderEpoch: part.leaderEpoch,
      isr: [...newIsr],
      election,
    },
  );
  if (previousIsr.join(',') !== newIsr.join(',')) {
    ctx.emit(
      'isrChanged',
      `${part.topic}-${part.partition}: ISR ${fmtIds(previousIsr)} → ${fmtIds(newIsr)} with the leader change`,
      {
        topic: part.topic,
        partition: part.partition,
        isr: [...newIsr],
        previousIsr: [...previousIsr],
        cause: 'election',
      },
    );
  }
  if (previousLeader !== null && previousLeader !== newLeader) failDelayedProduces(ctx, part, previousLeader);
  for (const id of part.replicas) {
    const rep = part.replicaLogs[id];
    rep.follower = freshFollowerState(ctx.now, newIsr.includes(id));
  }
  if (newLeader !== null) {
    const leaderLog = part.replicaLogs[newLeader].log;
    // makeLeader: the new epoch starts at the leader's current LEO (LeaderEpochFileCache#assign).
    assignEpoch(leaderLog, part.leaderEpoch, leaderLog.logEndOffset);
    startAllFetchers(ctx, part);
    maybeIncrementHighWatermark(ctx, part);
  }
}

/** Restart every follower's fetch loop (after a broker came back or a link healed). */
export function restartFetchers(ctx: Ctx, part: Partition): void {
  part.fetchSession++;
  for (const id of part.replicas) {
    if (id === part.leader) continue;
    part.replicaLogs[id].follower.fetch = 'idle';
  }
  startAllFetchers(ctx, part);
}
