// The network area: loss of produce requests and responses, stalled replica fetchers (state.network).
import { defineArea } from '../engine/registry';
import { initialNetwork, networkCommands } from './faults';
import { replicaFetchFaultCommands } from './replicaFetchFaults';

export const networkArea = defineArea({
  name: 'network',
  init: (state) => {
    state.network = initialNetwork();
  },
  commands: { ...networkCommands, ...replicaFetchFaultCommands },
});
