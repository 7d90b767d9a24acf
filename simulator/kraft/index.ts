// The KRaft area: the controller quorum and its __cluster_metadata log (state.quorum), broker sessions,
// leader elections, preferred-leader rebalancing and partition reassignment.
import { defineArea } from '../engine/registry';
import { brokerLifecycleTasks } from './brokerLifecycle';
import { leaderRebalanceCommands, leaderRebalanceTasks } from './leaderRebalance';
import { metadataFetcherHooks } from './metadataFetchers';
import { initialQuorum, quorumCommands, quorumTasks } from './quorum';
import { reassignmentCommands, reassignmentHooks } from './reassignment';

export const kraftArea = defineArea({
  name: 'kraft',
  init: (state, init) => {
    state.quorum = initialQuorum(init.controllers ?? 3);
  },
  commands: { ...quorumCommands, ...leaderRebalanceCommands, ...reassignmentCommands },
  tasks: { ...quorumTasks, ...brokerLifecycleTasks, ...leaderRebalanceTasks },
  hooks: [...reassignmentHooks, ...metadataFetcherHooks],
});
