// The production area: what running Kafka in production adds to the simulation (the Strimzi operator's
// rolling restart). The pure planning cores (capacity.ts, strimzi/) are used by the lesson directly.
import { defineArea } from '../engine/registry';
import { rollCommands, rollTasks } from './rollingRestart';
import './types';

export const productionArea = defineArea({
  name: 'production',
  init: (state) => {
    state.areas.production = { roll: null, nextRollId: 1 };
  },
  commands: rollCommands,
  tasks: rollTasks,
});
