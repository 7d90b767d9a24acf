// AbstractPartitionAssignor.MemberInfo ordering: static members (group.instance.id) first, ordered by
// instance id; then dynamic members ordered by member id. Used by the range and round-robin assignors.
import { javaCompareStrings } from './javaCompat';
import type { PartitionsPerTopic, Subscriptions, TopicPartition } from './types';

export type MemberInfo = { readonly memberId: string; readonly groupInstanceId: string | null };

export function compareMemberInfo(a: MemberInfo, b: MemberInfo): number {
  if (a.groupInstanceId !== null && b.groupInstanceId !== null) {
    return javaCompareStrings(a.groupInstanceId, b.groupInstanceId);
  }
  if (a.groupInstanceId !== null) return -1;
  if (b.groupInstanceId !== null) return 1;
  return javaCompareStrings(a.memberId, b.memberId);
}

export function sortedMemberInfos(members: Iterable<MemberInfo>): MemberInfo[] {
  return [...members].sort(compareMemberInfo);
}

/** Topics some member subscribes to and that exist, as AbstractPartitionAssignor#assign builds them. */
export function subscribedPartitionsPerTopic(
  allTopics: PartitionsPerTopic,
  subscriptions: Subscriptions,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const sub of subscriptions.values()) {
    for (const t of sub.topics) {
      const n = allTopics.get(t);
      if (n !== undefined && n > 0) out.set(t, n);
    }
  }
  return out;
}

export function compareTopicPartition(a: TopicPartition, b: TopicPartition): number {
  return javaCompareStrings(a.topic, b.topic) || a.partition - b.partition;
}
