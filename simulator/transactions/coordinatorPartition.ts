import { javaStringHashCode, kafkaUtilsAbs } from '../consumer/assignors/javaCompat';

/**
 * The __transaction_state partition that owns a transactional.id, hence its coordinator (the partition's leader):
 * abs(transactionalId.hashCode()) % transaction.state.log.num.partitions (TransactionStateManager#partitionFor).
 */
export function transactionCoordinatorPartition(transactionalId: string, partitions: number): number {
  return kafkaUtilsAbs(javaStringHashCode(transactionalId)) % partitions;
}
