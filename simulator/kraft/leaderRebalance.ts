// Preferred leader election: on demand (kafka-leader-election.sh, ElectLeaders API) and automatically
// (auto.leader.rebalance.enable=true: every leader.imbalance.check.interval.seconds=300 the controller moves
// leadership back to the preferred replica when a broker's imbalance exceeds leader.imbalance.per.broker.percentage=10).
// The automatic check is scheduled only while some partition is led by a non-preferred replica.
import { fmtIds, isBrokerUnfenced } from '../cluster/lookup';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, type KafkaError, ok, type TaskHandlers } from '../engine/registry';
import { chooseLeader } from './election';
import type { ElectionResultEntry } from './types';

export type { ElectionResultEntry };

import { hasActiveController } from './metadataLog';
import { changeLeader } from './partitionChange';

const CHECK_INTERVAL_MS = 300_000;
const IMBALANCE_PERCENT = 10;

const isPreferredLeading = (p: Partition): boolean => p.leader === p.replicas[0];

function canPreferredLead(ctx: Ctx, p: Partition): boolean {
  const pref = p.replicas[0];
  return p.isr.includes(pref) && isBrokerUnfenced(ctx.state, pref);
}

function electPreferred(ctx: Ctx, p: Partition, why: string): void {
  const pref = p.replicas[0];
  changeLeader(
    ctx,
    p,
    pref,
    [...p.isr],
    'preferred',
    `${why}: preferred replica ${pref} (first in replicas ${fmtIds(p.replicas)}) takes leadership back from ${p.leader ?? 'none'}`,
  );
}

export function scheduleLeaderImbalanceCheck(ctx: Ctx): void {
  const ctl = ctx.state.quorum;
  if (ctl.leaderImbalanceCheckAt !== null && ctl.leaderImbalanceCheckAt >= ctx.now) return;
  if (ctx.state.brokerConfig['auto.leader.rebalance.enable'] === 'false') return;
  const at = (Math.floor(ctx.now / CHECK_INTERVAL_MS) + 1) * CHECK_INTERVAL_MS;
  ctl.leaderImbalanceCheckAt = at;
  ctx.scheduleAt(at, { type: 'leaderImbalanceCheck', at });
}

export const leaderRebalanceCommands = {
  electLeaders: (ctx, cmd) => {
    if (!hasActiveController(ctx)) {
      return {
        ok: false,
        error: { code: 'NOT_CONTROLLER', message: 'No active controller: the KRaft quorum has no leader.' },
      };
    }
    const targets: Partition[] = [];
    const results: ElectionResultEntry[] = [];
    if (cmd.partitions) {
      for (const { topic, partition } of cmd.partitions) {
        const p = ctx.state.topics[topic]?.partitions[partition];
        if (p) targets.push(p);
        else
          results.push({
            topic,
            partition,
            leader: null,
            error: {
              code: 'UNKNOWN_TOPIC_OR_PARTITION',
              message: 'This server does not host this topic-partition.',
            },
          });
      }
    } else {
      for (const name in ctx.state.topics) targets.push(...ctx.state.topics[name].partitions);
    }
    for (const p of targets) {
      let error: KafkaError | null = null;
      if (cmd.electionType === 'preferred') {
        if (isPreferredLeading(p))
          error = { code: 'ELECTION_NOT_NEEDED', message: 'Leader election not needed for topic partition.' };
        else if (!canPreferredLead(ctx, p))
          error = {
            code: 'PREFERRED_LEADER_NOT_AVAILABLE',
            message: `Failed to elect leader for partition ${p.topic}-${p.partition} under strategy PreferredReplicaPartitionLeaderElectionStrategy`,
          };
        else electPreferred(ctx, p, 'preferred leader election requested');
      } else if (p.leader !== null) {
        error = { code: 'ELECTION_NOT_NEEDED', message: 'Leader election not needed for topic partition.' };
      } else {
        const choice = chooseLeader(p, p.isr, (id) => isBrokerUnfenced(ctx.state, id), true);
        if (choice.kind === 'none') {
          error = {
            code: 'ELIGIBLE_LEADERS_NOT_AVAILABLE',
            message: `Failed to elect leader for partition ${p.topic}-${p.partition} under strategy UncleanLeaderElectionStrategy`,
          };
        } else if (choice.kind === 'clean') {
          changeLeader(
            ctx,
            p,
            choice.leader,
            [...p.isr],
            'clean',
            `unclean election requested, but ISR member ${choice.leader} is available and is elected`,
          );
        } else {
          changeLeader(
            ctx,
            p,
            choice.leader,
            [choice.leader],
            'unclean',
            `unclean leader election requested: ${choice.leader} (not in ISR ${fmtIds(p.isr)}) becomes leader; records it never received are lost`,
          );
        }
      }
      results.push({ topic: p.topic, partition: p.partition, error, leader: p.leader });
    }
    return ok({ results });
  },
} satisfies CommandHandlers;

export const leaderRebalanceTasks = {
  leaderImbalanceCheck: (ctx) => {
    const ctl = ctx.state.quorum;
    if (ctl.leaderImbalanceCheckAt !== ctx.now) return;
    ctl.leaderImbalanceCheckAt = null;
    if (!hasActiveController(ctx)) return;
    const byPreferred = new Map<BrokerId, Partition[]>();
    let anyNotPreferred = false;
    for (const name in ctx.state.topics) {
      for (const p of ctx.state.topics[name].partitions) {
        const list = byPreferred.get(p.replicas[0]) ?? [];
        list.push(p);
        byPreferred.set(p.replicas[0], list);
        if (!isPreferredLeading(p)) anyNotPreferred = true;
      }
    }
    if (!anyNotPreferred) return;
    let pending = false;
    for (const [broker, parts] of [...byPreferred.entries()].sort((a, b) => a[0] - b[0])) {
      const notLed = parts.filter((p) => !isPreferredLeading(p));
      if ((notLed.length * 100) / parts.length <= IMBALANCE_PERCENT) continue;
      for (const p of notLed) {
        if (canPreferredLead(ctx, p))
          electPreferred(
            ctx,
            p,
            `auto leader rebalance (broker ${broker} leads too few of its preferred partitions)`,
          );
        else pending = true;
      }
    }
    if (pending) scheduleLeaderImbalanceCheck(ctx);
  },
} satisfies TaskHandlers;
