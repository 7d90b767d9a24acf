// Plain data shared by the assignors and the group coordinator (ConsumerPartitionAssignor's vocabulary).
import type { TopicPartition } from '../../cluster/topicPartition';

export type { TopicPartition };

/** EAGER: revoke everything before joining. COOPERATIVE: keep owned partitions, revoke only what moves (KIP-429). */
export type RebalanceProtocol = 'EAGER' | 'COOPERATIVE';

export type AssignorName = 'range' | 'roundrobin' | 'sticky' | 'cooperative-sticky';

/** ConsumerPartitionAssignor.Subscription as a member sends it in JoinGroup. */
export type Subscription = {
  readonly topics: readonly string[];
  /** Partitions the member owned (cooperative) or was last assigned (sticky user data). */
  readonly ownedPartitions: readonly TopicPartition[];
  /** Generation those partitions belong to; null when unknown (DEFAULT_GENERATION -1 in Kafka). */
  readonly generation: number | null;
  readonly groupInstanceId: string | null;
};

/** memberId -> subscription; the Map's insertion order plays the role of the coordinator's member order. */
export type Subscriptions = ReadonlyMap<string, Subscription>;

/** memberId -> assigned partitions (every subscribed member appears, possibly with an empty list). */
export type GroupAssignment = Map<string, TopicPartition[]>;

/** topic -> partition count, for topics that exist (metadata known). */
export type PartitionsPerTopic = ReadonlyMap<string, number>;

export type PartitionAssignor = {
  readonly name: AssignorName;
  /** Highest-preference first, as ConsumerPartitionAssignor#supportedProtocols. */
  readonly supportedProtocols: readonly RebalanceProtocol[];
  assign(partitionsPerTopic: PartitionsPerTopic, subscriptions: Subscriptions): GroupAssignment;
};
