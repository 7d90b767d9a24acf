// End of a join phase: next generation (ClassicGroup#initNextGeneration), the leader's assignment with
// the selected assignor, SyncGroup to every member, and the cooperative follow-up rebalance (KIP-429).
import { ASSIGNORS, selectGroupAssignor } from './assignors';
import { cooperativeStickyAssign } from './cooperativeStickyAssignor';
import { prepareRebalance, transitionTo } from './groupCoordinator';
import type { ClassicGroup, GroupHooks } from './groupTypes';
import type { GroupAssignment, Subscription, TopicPartition } from './types';
import { tpKey } from './types';

const list = (ps: readonly TopicPartition[]) => (ps.length === 0 ? 'nothing' : ps.map(tpKey).join(', '));

export function completeJoin(group: ClassicGroup, now: number, hooks: GroupHooks): void {
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
      group,
      'Empty',
      `group ${group.groupId}: no members left after ${why}; generation ${group.generationId}, group is Empty`,
      hooks,
    );
    return;
  }
  group.protocolName =
    selectGroupAssignor(group.members.map((m) => m.strategies)) ?? group.members[0].strategies[0];
  if (group.leaderId === null || !group.members.some((m) => m.memberId === group.leaderId)) {
    group.leaderId = group.members[0].memberId;
  }
  const leader = group.members.find((m) => m.memberId === group.leaderId)!;
  transitionTo(
    group,
    'CompletingRebalance',
    `group ${group.groupId}: all ${group.members.length} member(s) joined; generation ${group.generationId}; leader ${leader.label} computes the assignment with ${group.protocolName}`,
    hooks,
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
      const n = hooks.partitionCount(t);
      if (n !== undefined) counts.set(t, n);
    }
  }
  let assignment: GroupAssignment;
  let withheld: TopicPartition[] = [];
  if (group.protocolName === 'cooperative-sticky') {
    const r = cooperativeStickyAssign(counts, subscriptions);
    assignment = r.assignment;
    withheld = [...r.withheld.keys()].map((k) => {
      const i = k.lastIndexOf('-');
      return { topic: k.slice(0, i), partition: Number(k.slice(i + 1)) };
    });
  } else {
    assignment = ASSIGNORS[group.protocolName].assign(counts, subscriptions);
  }

  const protocol = leader.protocol;
  const summary = group.members
    .map((m) => `${m.label} -> ${list(assignment.get(m.memberId) ?? [])}`)
    .join('; ');
  transitionTo(
    group,
    'Stable',
    `group ${group.groupId}: leader's SyncGroup delivered generation ${group.generationId} (${summary})`,
    hooks,
  );
  hooks.emit({
    kind: 'assignment',
    groupId: group.groupId,
    generationId: group.generationId,
    assignor: group.protocolName,
    protocol,
    leaderId: leader.memberId,
    assignment: Object.fromEntries(group.members.map((m) => [m.memberId, assignment.get(m.memberId) ?? []])),
    withheld,
    reason:
      `group ${group.groupId}: ${why} -> generation ${group.generationId} with ${group.protocolName} (${protocol === 'EAGER' ? 'eager' : 'cooperative'}): ${summary}` +
      (withheld.length > 0
        ? `; ${list(withheld)} held back until the current owner revokes it (cooperative: it moves in a second rebalance)`
        : ''),
  });

  const revokers: string[] = [];
  for (const m of group.members) {
    const next = assignment.get(m.memberId) ?? [];
    const nextKeys = new Set(next.map(tpKey));
    const revoked = m.assignment.filter((p) => !nextKeys.has(tpKey(p)));
    if (revoked.length > 0) {
      // Cooperative: only partitions that move are revoked, after the assignment arrives.
      hooks.onRevoke(m.memberId, revoked);
      hooks.emit({
        kind: 'partitions-revoked',
        groupId: group.groupId,
        memberId: m.memberId,
        label: m.label,
        partitions: revoked,
        reason: `group ${group.groupId}: ${m.label} revokes only ${list(revoked)} (moving to another member) and rejoins; its other partitions keep being processed`,
      });
      revokers.push(m.label);
    }
    m.assignment = [...next];
    m.owned = [...next];
    m.ownedGeneration = group.generationId;
    m.joined = true;
    m.rejoinAt = null;
    hooks.onAssign(m.memberId, [...next], group.generationId);
  }
  if (revokers.length > 0) {
    prepareRebalance(
      group,
      now,
      `${revokers.join(', ')} revoked partitions that must move (cooperative follow-up)`,
      hooks,
    );
    for (const m of group.members) if (revokers.includes(m.label) && m.heartbeating) m.rejoinAt = now;
  }
}
