// ISR maintenance by the partition leader (Partition#maybeExpandIsr / #maybeShrinkIsr, ReplicaManager's
// "isr-expiration" task every replica.lag.time.max.ms / 2). The leader asks the controller (AlterPartition);
// the controller writes a PartitionChangeRecord. The expiration task is only scheduled while some ISR follower
// is behind, so an idle cluster schedules nothing.

import { allPartitions, isBrokerAlive, isBrokerUnfenced } from '../cluster/lookup';
import { brokerConfigNumber } from '../cluster/topicConfig';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { TaskHandlers } from '../engine/registry';
import { hasActiveController } from '../kraft/metadataLog';
import { alterPartitionIsr } from '../kraft/partitionChange';

/** Replica#isCaughtUp: at the leader's LEO, or caught up within replica.lag.time.max.ms. */
export function isCaughtUp(ctx: Ctx, part: Partition, id: number): boolean {
  const leader = part.replicaLogs[part.leader!];
  const fs = part.replicaLogs[id].follower;
  if (fs.fetchOffset >= leader.log.logEndOffset) return true;
  return ctx.now - fs.lastCaughtUpTime <= brokerConfigNumber(ctx.state, 'replica.lag.time.max.ms');
}

/** Leader epoch start offset of the current epoch in the leader's log (joining needs to reach it). */
function currentEpochStart(part: Partition): number {
  const epochs = part.replicaLogs[part.leader!].log.epochs;
  for (let i = epochs.length - 1; i >= 0; i--) if (epochs[i][0] === part.leaderEpoch) return epochs[i][1];
  return 0;
}

/** Partition#isFollowerInSync + maybeExpandIsr: a caught-up, unfenced follower rejoins the ISR. */
export function maybeExpandIsr(ctx: Ctx, part: Partition, id: number): void {
  if (part.isr.includes(id) || part.leader === null) return;
  const leader = part.replicaLogs[part.leader];
  const fetchOffset = part.replicaLogs[id].follower.fetchOffset;
  if (fetchOffset < leader.highWatermark || fetchOffset < currentEpochStart(part)) return;
  if (!isBrokerUnfenced(ctx.state, id) || !hasActiveController(ctx) || !isBrokerAlive(ctx.state, part.leader))
    return;
  alterPartitionIsr(
    ctx,
    part,
    [...part.isr, id],
    'expand',
    `broker ${id} caught up to the high watermark ${leader.highWatermark}, so leader ${part.leader} adds it back to the ISR`,
  );
}

/** Make sure the leader's isr-expiration check is scheduled (at its next 15 s tick) while a follower lags. */
export function ensureIsrCheck(ctx: Ctx, brokerId: number): void {
  const b = ctx.state.brokers[brokerId];
  if (!b || b.isrCheckAt !== null) return;
  const period = brokerConfigNumber(ctx.state, 'replica.lag.time.max.ms') / 2;
  const ticks = Math.floor((ctx.now - b.startedAt) / period) + 1;
  b.isrCheckAt = b.startedAt + ticks * period;
  ctx.scheduleAt(b.isrCheckAt, { type: 'isrExpiration', brokerId, generation: b.generation });
}

export const isrTasks = {
  isrExpiration: (ctx, t) => {
    const b = ctx.state.brokers[t.brokerId];
    if (!b || b.generation !== t.generation) return;
    b.isrCheckAt = null;
    if (!isBrokerAlive(ctx.state, t.brokerId)) return;
    const lagMax = brokerConfigNumber(ctx.state, 'replica.lag.time.max.ms');
    let stillLagging = false;
    for (const part of allPartitions(ctx.state)) {
      if (part.leader !== t.brokerId) continue;
      const leo = part.replicaLogs[part.leader].log.logEndOffset;
      const out = part.isr.filter((id) => id !== part.leader && !isCaughtUp(ctx, part, id));
      if (out.length > 0 && hasActiveController(ctx)) {
        const lag = out
          .map(
            (id) =>
              `${id} (at ${part.replicaLogs[id].follower.fetchOffset} of ${leo}, last caught up ${ctx.now - part.replicaLogs[id].follower.lastCaughtUpTime} ms ago)`,
          )
          .join(', ');
        alterPartitionIsr(
          ctx,
          part,
          part.isr.filter((id) => !out.includes(id)),
          'shrink',
          `leader ${part.leader} removes ${lag} from the ISR: not caught up within replica.lag.time.max.ms=${lagMax}`,
        );
      }
      if (part.isr.some((id) => id !== part.leader && part.replicaLogs[id].follower.fetchOffset < leo))
        stillLagging = true;
    }
    if (stillLagging) ensureIsrCheck(ctx, t.brokerId);
  },
} satisfies TaskHandlers;
