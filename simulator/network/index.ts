// The network area: loss of produce requests and responses (state.network).
import { defineArea } from '../engine/registry';
import { initialNetwork, networkCommands } from './faults';

export const networkArea = defineArea({
  name: 'network',
  init: (state) => {
    state.network = initialNetwork();
  },
  commands: networkCommands,
});
