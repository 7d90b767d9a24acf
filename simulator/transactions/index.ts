// Transactions' public surface (re-exported by simulator/index.ts).
export type { TxnOffset } from './commands';
export { TRANSACTION_STATE_PARTITIONS } from './coordinator';
export { transactionCoordinatorPartition } from './coordinatorPartition';
export { lastStableOffset } from './readCommitted';
export type { ClientTxnState, TransactionMetadata, TransactionsArea, TxnState } from './types';
export { TRANSACTION_STATE_TOPIC } from './types';
