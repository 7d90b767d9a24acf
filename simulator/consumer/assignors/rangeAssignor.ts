// RangeAssignor ("range"): per topic, members subscribed to it in MemberInfo order take consecutive
// ranges; with P partitions and N members the first P % N members get one extra (RangeAssignor.java).
// The rack-aware pre-pass (client.rack + broker racks) is not modelled: the simulator has no racks.
import { compareTopicPartition, sortedMemberInfos, subscribedPartitionsPerTopic } from './memberInfo';
import type {
  GroupAssignment,
  PartitionAssignor,
  PartitionsPerTopic,
  Subscriptions,
  TopicPartition,
} from './types';

export function rangeAssign(
  partitionsPerTopic: PartitionsPerTopic,
  subscriptions: Subscriptions,
): GroupAssignment {
  const topics = subscribedPartitionsPerTopic(partitionsPerTopic, subscriptions);
  const assignment: GroupAssignment = new Map();
  for (const memberId of subscriptions.keys()) assignment.set(memberId, []);
  for (const [topic, count] of topics) {
    const members = sortedMemberInfos(
      [...subscriptions]
        .filter(([, s]) => s.topics.includes(topic))
        .map(([memberId, s]) => ({ memberId, groupInstanceId: s.groupInstanceId })),
    );
    const perMember = Math.floor(count / members.length);
    const extra = count % members.length;
    members.forEach((m, i) => {
      const start = perMember * i + Math.min(i, extra);
      const len = perMember + (i < extra ? 1 : 0);
      const list = assignment.get(m.memberId) as TopicPartition[];
      for (let p = start; p < start + len; p++) list.push({ topic, partition: p });
    });
  }
  for (const list of assignment.values()) list.sort(compareTopicPartition);
  return assignment;
}

export const rangeAssignor: PartitionAssignor = {
  name: 'range',
  supportedProtocols: ['EAGER'],
  assign: rangeAssign,
};
