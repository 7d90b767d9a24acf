// The Kafka Connect area: a worker group on the simulated cluster (see README.md beside this folder).
import { defineArea } from '../../engine/registry';
import { connectCommands, initialConnectState } from './commands';
import { connectTasks } from './tasks';

export const connectArea = defineArea({
  name: 'connect',
  init: (state) => {
    state.areas.connect = initialConnectState();
  },
  commands: connectCommands,
  tasks: connectTasks,
});

export { sinkClientId, sinkGroupId } from './sinkGroup';
export type * from './types';
