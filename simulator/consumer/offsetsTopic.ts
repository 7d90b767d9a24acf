// __consumer_offsets: where a group's commits and metadata live, and so which broker coordinates it.
import { javaStringHashCode, kafkaUtilsAbs } from './javaCompat';

export const CONSUMER_OFFSETS_TOPIC = '__consumer_offsets';
/** offsets.topic.num.partitions default. */
export const OFFSETS_TOPIC_PARTITIONS = 50;

/** GroupCoordinatorService#partitionFor: Utils.abs(groupId.hashCode()) % offsets.topic.num.partitions. */
export function offsetsPartitionFor(groupId: string, numPartitions = OFFSETS_TOPIC_PARTITIONS): number {
  return kafkaUtilsAbs(javaStringHashCode(groupId)) % numPartitions;
}
