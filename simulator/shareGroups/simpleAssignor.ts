// The share-group "simple" assignor (org.apache.kafka.coordinator.group.assignor.SimpleAssignor, Kafka 4.0 source
// snapshot): every member is assigned every partition of every topic it subscribes to, so several members share
// each partition and the share-partition's acquisition locks decide who gets which record.

export interface ShareMemberSubscription {
  memberId: string;
  subscribedTopics: string[];
}

export interface ShareTopicPartition {
  topic: string;
  partition: number;
}

export type SimpleAssignResult =
  | { ok: true; assignment: Record<string, ShareTopicPartition[]> }
  | { ok: false; error: string };

/**
 * Members with no subscription get no entry, as in SimpleAssignor#assignHeterogeneous. An unknown topic fails the
 * assignment like PartitionAssignorException (the real message names the topic id; we name the topic).
 */
export function simpleAssign(
  members: ShareMemberSubscription[],
  partitionsPerTopic: Record<string, number>,
): SimpleAssignResult {
  const assignment: Record<string, ShareTopicPartition[]> = {};
  for (const m of members) {
    if (m.subscribedTopics.length === 0) continue;
    const tps: ShareTopicPartition[] = [];
    for (const topic of [...m.subscribedTopics].sort()) {
      const n = Object.hasOwn(partitionsPerTopic, topic) ? partitionsPerTopic[topic] : -1;
      if (n === -1) {
        return {
          ok: false,
          error: `Members are subscribed to topic ${topic} which doesn't exist in the topic metadata.`,
        };
      }
      for (let p = 0; p < n; p++) tps.push({ topic, partition: p });
    }
    assignment[m.memberId] = tps;
  }
  return { ok: true, assignment };
}
