// How the brokers learn what the controller committed. In Kafka every broker replays __cluster_metadata: its
// MetadataLoader hands each MetadataDelta to the broker's publishers, and BrokerMetadataPublisher calls
// ReplicaManager#applyDelta, which makes local replicas leaders or followers. Here the controller raises one
// signal per partition change, right after the change's events, and the replication area applies it
// (replication/replicaManager.ts): kraft never calls into replication.
// Simplification: brokers learn the change at once, in the same step. A metadata propagation delay would
// live here: schedule a task per broker and raise the signal when it fires.
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import type { PartitionChange } from './types';

export function publishPartitionChange(ctx: Ctx, part: Partition, change: PartitionChange): void {
  ctx.signal('partitionChangePublished', { topic: part.topic, partition: part.partition, change });
}
