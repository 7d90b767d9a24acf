// Applying a partition leader/ISR change the way KRaft does: the active controller writes a
// PartitionChangeRecord (leader epoch +1 when the leader changes, partition epoch +1 always), then the brokers
// act on it (metadataPublisher.ts): the new leader starts a new epoch at its LEO, followers truncate by epoch
// and fetch from it.
import { fmtIds } from '../cluster/lookup';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { appendMetadata } from './metadataLog';
import { publishPartitionChange } from './metadataPublisher';
import type { ElectionKind } from './types';

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
  publishPartitionChange(ctx, part, {
    kind: 'isr',
    joined: cause === 'expand' ? newIsr[newIsr.length - 1] : null,
  });
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
  publishPartitionChange(ctx, part, { kind: 'leader', previousLeader, leader: newLeader, isr: newIsr });
}
