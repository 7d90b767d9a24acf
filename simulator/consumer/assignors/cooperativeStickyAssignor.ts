// CooperativeStickyAssignor ("cooperative-sticky", KIP-429): the sticky result, minus every partition that
// changes owner. The previous owner sees it missing, revokes only that partition and rejoins; the follow-up
// rebalance hands it to the new owner. Partitions that stay put are never revoked.

import { tpKeyOf } from '../../cluster/topicPartition';
import { removeFrom, stickyAssign } from './abstractSticky';
import type { GroupAssignment, PartitionAssignor, PartitionsPerTopic, Subscriptions } from './types';

/** Partitions newly assigned to one member that some other member still owns: partition key -> new owner. */
function transferringOwnership(
  subscriptions: Subscriptions,
  assignment: GroupAssignment,
): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const [member, assigned] of assignment) {
    const owned = new Set(subscriptions.get(member)!.ownedPartitions.map(tpKeyOf));
    const now = new Set(assigned.map(tpKeyOf));
    for (const k of now) if (!owned.has(k)) added.set(k, member);
    for (const k of owned) if (!now.has(k)) revoked.add(k);
  }
  for (const k of [...added.keys()]) if (!revoked.has(k)) added.delete(k);
  return added;
}

export function cooperativeStickyAssign(
  partitionsPerTopic: PartitionsPerTopic,
  subscriptions: Subscriptions,
): { assignment: GroupAssignment; withheld: Map<string, string> } {
  const { assignment, transferring } = stickyAssign(partitionsPerTopic, subscriptions);
  const withheld = transferring ?? transferringOwnership(subscriptions, assignment);
  for (const [key, member] of withheld) removeFrom(assignment.get(member)!, key);
  return { assignment, withheld };
}

export const cooperativeStickyAssignor: PartitionAssignor = {
  name: 'cooperative-sticky',
  supportedProtocols: ['COOPERATIVE', 'EAGER'],
  assign: (partitionsPerTopic, subscriptions) =>
    cooperativeStickyAssign(partitionsPerTopic, subscriptions).assignment,
};
