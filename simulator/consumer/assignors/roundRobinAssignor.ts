// RoundRobinAssignor ("roundrobin"): all partitions of all subscribed topics (topics by name, partitions
// by number) dealt over the members in MemberInfo order, skipping members not subscribed to the topic.
import { javaCompareStrings } from './javaCompat';
import { sortedMemberInfos, subscribedPartitionsPerTopic } from './memberInfo';
import type {
  GroupAssignment,
  PartitionAssignor,
  PartitionsPerTopic,
  Subscriptions,
  TopicPartition,
} from './types';

export function roundRobinAssign(
  partitionsPerTopic: PartitionsPerTopic,
  subscriptions: Subscriptions,
): GroupAssignment {
  const topics = subscribedPartitionsPerTopic(partitionsPerTopic, subscriptions);
  const assignment: GroupAssignment = new Map();
  for (const memberId of subscriptions.keys()) assignment.set(memberId, []);
  const members = sortedMemberInfos(
    [...subscriptions].map(([memberId, s]) => ({ memberId, groupInstanceId: s.groupInstanceId })),
  );
  if (members.length === 0) return assignment;
  let cursor = 0;
  for (const topic of [...topics.keys()].sort(javaCompareStrings)) {
    const count = topics.get(topic) as number;
    for (let partition = 0; partition < count; partition++) {
      while (!subscriptions.get(members[cursor].memberId)?.topics.includes(topic)) {
        cursor = (cursor + 1) % members.length;
      }
      (assignment.get(members[cursor].memberId) as TopicPartition[]).push({ topic, partition });
      cursor = (cursor + 1) % members.length;
    }
  }
  return assignment;
}

export const roundRobinAssignor: PartitionAssignor = {
  name: 'roundrobin',
  supportedProtocols: ['EAGER'],
  assign: roundRobinAssign,
};
