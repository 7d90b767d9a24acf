// What the active controller does when brokers come and go (ReplicationControlManager): fencing removes the broker
// from ISRs and moves its leaderships; unfencing lets offline partitions elect again.
import { fmtIds, isBrokerAlive, isBrokerUnfenced } from '../cluster/lookup';
import { topicConfigBool } from '../cluster/topicConfig';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { chooseLeader, isrWithout } from './election';
import { scheduleLeaderImbalanceCheck } from './leaderRebalance';
import { publishPartitionChange } from './metadataPublisher';
import { alterPartitionIsr, changeLeader } from './partitionChange';

function partitionsWith(ctx: Ctx, id: BrokerId): Partition[] {
  const out: Partition[] = [];
  for (const name in ctx.state.topics)
    for (const p of ctx.state.topics[name].partitions) if (p.replicas.includes(id)) out.push(p);
  return out;
}

const uncleanEnabled = (ctx: Ctx, part: Partition): boolean =>
  topicConfigBool(ctx.state, part.topic, 'unclean.leader.election.enable');

/** Elect for a partition whose leader is gone (or none), excluding `gone`. */
export function electAfterLeaderLoss(ctx: Ctx, part: Partition, gone: BrokerId | null, why: string): void {
  const isr = gone === null ? [...part.isr] : isrWithout(part.isr, gone);
  const acceptable = (id: BrokerId) => id !== gone && isBrokerUnfenced(ctx.state, id);
  const choice = chooseLeader(part, isr, acceptable, uncleanEnabled(ctx, part));
  if (choice.kind === 'clean') {
    changeLeader(
      ctx,
      part,
      choice.leader,
      isr,
      'clean',
      `${why}; ${choice.leader} elected from ISR ${fmtIds(isr)}`,
    );
  } else if (choice.kind === 'unclean') {
    changeLeader(
      ctx,
      part,
      choice.leader,
      [choice.leader],
      'unclean',
      `${why}; no ISR member of ${fmtIds(isr)} is available, so ${choice.leader} (not in the ISR) is elected because unclean.leader.election.enable=true — records it never received are lost`,
    );
  } else if (part.leader !== null) {
    changeLeader(
      ctx,
      part,
      null,
      isr,
      'none',
      `${why}; no eligible replica in ISR ${fmtIds(isr)} is available, so the partition is offline (Leader: none)`,
    );
  }
  scheduleLeaderImbalanceCheck(ctx);
}

/** Controller fenced broker `id`: move its leaderships, drop it from ISRs (never emptying one). */
export function onBrokerFenced(ctx: Ctx, id: BrokerId, why: string): void {
  for (const part of partitionsWith(ctx, id)) {
    if (part.leader === id) electAfterLeaderLoss(ctx, part, id, `leader ${id} ${why}`);
    else if (part.isr.includes(id) && part.isr.length > 1) {
      alterPartitionIsr(
        ctx,
        part,
        isrWithout(part.isr, id),
        'fenced',
        `broker ${id} ${why}, so the controller removes it from the ISR`,
      );
    }
  }
}

/** Broker `id` is unfenced again: offline partitions may elect it, and its followers start fetching. */
export function onBrokerUnfenced(ctx: Ctx, id: BrokerId): void {
  for (const part of partitionsWith(ctx, id)) {
    if (part.leader === null) {
      const acceptable = (b: BrokerId) => isBrokerUnfenced(ctx.state, b);
      const choice = chooseLeader(part, part.isr, acceptable, uncleanEnabled(ctx, part));
      if (choice.kind === 'clean') {
        changeLeader(
          ctx,
          part,
          choice.leader,
          [...part.isr],
          'clean',
          `broker ${id} is back; ${choice.leader} elected from ISR ${fmtIds(part.isr)}`,
        );
      } else if (choice.kind === 'unclean') {
        changeLeader(
          ctx,
          part,
          choice.leader,
          [choice.leader],
          'unclean',
          `broker ${id} is back but no ISR member of ${fmtIds(part.isr)} is; ${choice.leader} is elected uncleanly (unclean.leader.election.enable=true)`,
        );
      }
    } else if (isBrokerAlive(ctx.state, id)) {
      publishPartitionChange(ctx, part, { kind: 'replicas' });
    }
  }
  scheduleLeaderImbalanceCheck(ctx);
}
