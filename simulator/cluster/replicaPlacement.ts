// Replica placement without racks, like Kafka's rack-unaware assignment (AdminUtils#assignReplicasToBrokersRackUnaware):
// the first replica of partition p goes to broker (start + p) mod n, followers follow it shifted by a second seeded
// offset that grows by one after every n partitions, so leaders and followers spread round-robin.
// (KRaft's StripedReplicaPlacer stripes brokers the same round-robin way but shuffles differently: counts per broker
// match, exact ids may differ from a real cluster.)
import type { BrokerId } from './types';

export function assignReplicas(
  brokers: readonly BrokerId[],
  partitions: number,
  replicationFactor: number,
  startIndex: number,
  replicaShift: number,
  firstPartitionId = 0,
): BrokerId[][] {
  const sorted = [...brokers].sort((a, b) => a - b);
  const n = sorted.length;
  const out: BrokerId[][] = [];
  let shift = replicaShift;
  for (let p = firstPartitionId; p < firstPartitionId + partitions; p++) {
    if (p > 0 && p % n === 0) shift++;
    const first = (p + startIndex) % n;
    const replicas = [sorted[first]];
    for (let j = 0; j < replicationFactor - 1; j++) {
      const s = 1 + ((shift + j) % (n - 1));
      replicas.push(sorted[(first + s) % n]);
    }
    out.push(replicas);
  }
  return out;
}
