// End of a join phase: next generation (ClassicGroup#initNextGeneration), the leader's assignment with
// the selected assignor, SyncGroup to every member, and the cooperative follow-up rebalance (KIP-429).
import { parseTpKey, tpKeyOf } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { cooperativeStickyAssign } from '../assignors/cooperativeStickyAssignor';
import { ASSIGNORS, selectGroupAssignor } from '../assignors/index';
import type { GroupAssignment, Subscription, TopicPartition } from '../assignors/types';
import { prepareRebalance, transitionTo } from './groupState';
import type { ClassicGroup, MemberClients } from './types';

const list = (ps: readonly TopicPartition[]) => (ps.length === 0 ? 'nothing' : ps.map(tpKeyOf).join(', '));

export function completeJoin(ctx: Ctx, group: ClassicGroup, now: number, clients: MemberClients): void {
  group.generationId += 1;
  group.joinDeadline = null;
  group.joinStartedAt = null;
  group.initialJoin = false;
  const why = group.rebalanceReason ?? 'rebalance';
  group.rebalanceReason = null;
  if (group.members.length === 0) {
    group.protocolName = null;
    group.leaderId = null;
    transitionTo(
      ctx,
      group,
      'Empty',
      `group ${group.groupId}: no members left after ${why}; generation ${group.generationId}, group is Empty`,
    );
    return;
  }
  const assignor =
    selectGroupAssignor(group.members.map((m) => m.strategies)) ?? group.members[0].strategies[0];
  group.protocolName = assignor;
  if (group.leaderId === null || !group.members.some((m) => m.memberId === group.leaderId)) {
    group.leaderId = group.members[0].memberId;
  }
  const leader = group.members.find((m) => m.memberId === group.leaderId)!;
  transitionTo(
    ctx,
    group,
    'CompletingRebalance',
    `group ${group.groupId}: all ${group.members.length} member(s) joined; generation ${group.generationId}; leader ${leader.label} computes the assignment with ${group.protocolName}`,
  );

  const subscriptions = new Map<string, Subscription>(
    group.members.map((m) => [
      m.memberId,
      {
        topics: m.topics,
        ownedPartitions: m.owned,
        generation: m.ownedGeneration,
        groupInstanceId: m.groupInstanceId,
      },
    ]),
  );
  const counts = new Map<string, number>();
  for (const m of group.members) {
    for (const t of m.topics) {
      const n = ctx.state.topics[t]?.partitions.length;
      if (n !== undefined) counts.set(t, n);
    }
  }
  group.assignedPartitionCounts = Object.fromEntries(counts);
  let assignment: GroupAssignment;
  let withheld: TopicPartition[] = [];
  if (assignor === 'cooperative-sticky') {
    const r = cooperativeStickyAssign(counts, subscriptions);
    assignment = r.assignment;
    withheld = [...r.withheld.keys()].map(parseTpKey);
  } else {
    assignment = ASSIGNORS[assignor].assign(counts, subscriptions);
  }

  const protocol = leader.protocol;
  const summary = group.members
    .map((m) => `${m.label} -> ${list(assignment.get(m.memberId) ?? [])}`)
    .join('; ');
  transitionTo(
    ctx,
    group,
    'Stable',
    `group ${group.groupId}: leader's SyncGroup delivered generation ${group.generationId} (${summary})`,
  );
  const reason =
    `group ${group.groupId}: ${why} -> generation ${group.generationId} with ${group.protocolName} (${protocol === 'EAGER' ? 'eager' : 'cooperative'}): ${summary}` +
    (withheld.length > 0
      ? `; ${list(withheld)} held back until the current owner revokes it (cooperative: it moves in a second rebalance)`
      : '');
  ctx.emit('groupAssignment', reason, {
    groupId: group.groupId,
    generationId: group.generationId,
    assignor,
    protocol,
    leaderId: leader.memberId,
    assignment: Object.fromEntries(group.members.map((m) => [m.memberId, assignment.get(m.memberId) ?? []])),
    withheld,
  });

  const revokers: string[] = [];
  for (const m of group.members) {
    const next = assignment.get(m.memberId) ?? [];
    const nextKeys = new Set(next.map(tpKeyOf));
    const revoked = m.assignment.filter((p) => !nextKeys.has(tpKeyOf(p)));
    if (revoked.length > 0) {
      // Cooperative: only partitions that move are revoked, after the assignment arrives.
      clients.revoke(ctx, group.groupId, m.memberId, revoked);
      ctx.emit(
        'groupPartitionsRevoked',
        `group ${group.groupId}: ${m.label} revokes only ${list(revoked)} (moving to another member) and rejoins; its other partitions keep being processed`,
        { groupId: group.groupId, memberId: m.memberId, label: m.label, partitions: revoked },
      );
      revokers.push(m.label);
    }
    m.assignment = [...next];
    m.owned = [...next];
    m.ownedGeneration = group.generationId;
    m.joined = true;
    m.rejoinAt = null;
    clients.assign(ctx, group.groupId, m.memberId, [...next], group.generationId);
  }
  if (revokers.length > 0) {
    prepareRebalance(
      ctx,
      group,
      now,
      `${revokers.join(', ')} revoked partitions that must move (cooperative follow-up)`,
    );
    for (const m of group.members) if (revokers.includes(m.label) && m.heartbeating) m.rejoinAt = now;
  }
}
