// The transactions area: transaction coordinators and transactional producers (state.areas.transactions),
// markers, zombie fencing and transaction timeouts (KIP-98).
import { defineArea } from '../engine/registry';
import { adminAbortCommands } from './adminAbort';
import { transactionCommands, transactionGuards, transactionHooks } from './commands';
import { completionCommands, completionTasks } from './completion';
import { fencingCommands, fencingHooks } from './fencing';

export const transactionsArea = defineArea({
  name: 'transactions',
  init: (state) => {
    state.areas.transactions = { coordinators: {}, clients: {}, nextProducerIdBase: 0 };
  },
  commands: { ...transactionCommands, ...fencingCommands, ...completionCommands, ...adminAbortCommands },
  tasks: completionTasks,
  // fencing's hook was registered first; the two hooks are on different events.
  hooks: [...fencingHooks, ...transactionHooks],
  guards: transactionGuards,
});

// Public surface (re-exported by simulator/index.ts):
export type { TxnOffset } from './commands';
export { TRANSACTION_STATE_PARTITIONS } from './coordinator';
export { transactionCoordinatorPartition } from './coordinatorPartition';
export { lastStableOffset } from './readCommitted';
export type { ClientTxnState, TransactionMetadata, TransactionsArea, TxnState } from './types';
export { TRANSACTION_STATE_TOPIC } from './types';
