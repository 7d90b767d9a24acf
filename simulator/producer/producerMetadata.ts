// The producer's cached view of a topic's partitions (Metadata / ProducerMetadata in the Java client). A running
// producer keeps partitioning over the count it last fetched until the cache is older than metadata.max.age.ms
// (5 minutes by default), so records sent just after `kafka-topics.sh --alter --partitions` still hash over the
// old count. Simplified: the refresh happens at the first send after the cache expired (the Java client refreshes
// in the background, which a learner only sees at the next send), and it completes at once.
import type { Topic } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { Producer } from './types';

/** How many partitions the producer partitions over for this send, refreshing its metadata when it must. */
export function knownPartitionCount(ctx: Ctx, producer: Producer, topic: Topic, explicit?: number): number {
  const actual = topic.partitions.length;
  const cached = producer.metadata[topic.name];
  const expired = cached !== undefined && ctx.now - cached.fetchedAt >= producer.config.metadataMaxAgeMs;
  // A partition the cache does not know, or a topic that shrank (deleted and re-created), forces an update:
  // KafkaProducer#waitOnMetadata requests one and waits for it.
  const unknownPartition = cached !== undefined && explicit !== undefined && explicit >= cached.partitions;
  const shrunk = cached !== undefined && cached.partitions > actual;
  if (cached === undefined || expired || unknownPartition || shrunk) {
    if (cached !== undefined && cached.partitions !== actual) {
      const why = unknownPartition
        ? `a record for partition ${explicit}, which its metadata did not know`
        : shrunk
          ? 'a topic with fewer partitions than it knew'
          : `metadata.max.age.ms=${producer.config.metadataMaxAgeMs} passed`;
      ctx.emit(
        'producerMetadataRefreshed',
        `${producer.name}: metadata refresh (${why}) finds ${actual} partitions of ${topic.name}, not ${cached.partitions}; keys now hash over ${actual}`,
        { producer: producer.name, topic: topic.name, from: cached.partitions, to: actual },
      );
    }
    // Expiry keeps the background cadence (a refresh every metadata.max.age.ms since the first fetch).
    const age = producer.config.metadataMaxAgeMs;
    const fetchedAt =
      expired && !unknownPartition && !shrunk && age > 0
        ? cached.fetchedAt + Math.floor((ctx.now - cached.fetchedAt) / age) * age
        : ctx.now;
    producer.metadata[topic.name] = { partitions: actual, fetchedAt };
  }
  return producer.metadata[topic.name].partitions;
}
