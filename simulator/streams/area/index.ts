// The Streams area: Kafka Streams applications running on the simulated cluster (state.areas.streams).
// The pure core (DSL, topology, tasks) is in the folders beside this one; this area gives it a group,
// internal topics, a producer (transactional under exactly_once_v2), the virtual clock and restores.
import { defineArea } from '../../engine/registry';
import { streamsCommands } from './commands';
import { streamsHooks } from './hooks';
import { streamsTasks } from './tasks';

export const streamsArea = defineArea({
  name: 'streams',
  init: (state) => {
    state.areas.streams = { apps: {} };
  },
  commands: streamsCommands,
  tasks: streamsTasks,
  hooks: streamsHooks,
});

export type {
  ProcessingGuarantee,
  StreamsApp,
  StreamsAppState,
  StreamsInstance,
  StreamsTask,
} from './types';
