// The security area: listeners and principals, the authorizer's ACLs, SCRAM credentials and client quotas
// in state.areas.security (the core's SecurityState), with every client request of the console checked by
// securityRequest. No security configured (the default) behaves exactly as a cluster without it.
import { defineArea } from '../../extend';
import { emptySecurityState } from '../securityState';
import { securityCommands } from './commands';
import './types';

export const securityArea = defineArea({
  name: 'security',
  init: (state) => {
    state.areas.security = {
      core: emptySecurityState(),
      decisions: [],
      handshakes: [],
      throttles: [],
      traffic: [],
      nextSeq: 1,
      clients: {},
    };
  },
  commands: securityCommands,
});
