// Where a record with this key lands: the producer's default partitioner for keyed records
// (Utils.toPositive(Utils.murmur2(keyBytes)) % numPartitions), which Kafka Streams' RecordCollector uses for sinks
// and repartition topics when no StreamPartitioner is given.

import { murmur2 } from '../../producer/murmur2';

export function partitionForKey(key: string, partitions: number): number {
  return (murmur2(key) & 0x7fffffff) % partitions;
}
