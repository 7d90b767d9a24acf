// The storage area: each broker's log retention check and log cleaner on the virtual clock
// (state.areas.storage). The logs themselves and the pure retention/compaction functions are in simulator/log.
import { defineArea } from '../engine/registry';
import { storageHooks, storageTasks } from './jobs';

export const storageArea = defineArea({
  name: 'storage',
  init: (state) => {
    state.areas.storage = { brokers: {} };
  },
  tasks: storageTasks,
  hooks: storageHooks,
});

export { cleanerStatus, RETENTION_INITIAL_DELAY_MS } from './jobs';
export type { StorageAreaState, StorageBrokerState } from './types';
