// The clusters area: more than one Kafka cluster in one simulation (see types.ts).
import { defineArea } from '../engine/registry';
import { clusterCommands, clusterTasks } from './clusters';

export { clusterCtx, clusterNameOf, clusterNames, clusterState, FIRST_CLUSTER_HOSTS } from './clusters';

export const clustersArea = defineArea({
  name: 'clusters',
  commands: clusterCommands,
  tasks: clusterTasks,
});
