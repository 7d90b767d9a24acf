// The mirror area: MirrorMaker 2 flows in the simulation (see types.ts for the single-cluster simplification).
import { defineArea } from '../engine/registry';
import { mirrorGuards } from './mirrorClusters';
import { mirrorCommands } from './mirrorFlow';
import { mirrorHooks, mirrorTasks } from './mirrorTasks';
import './types';

export const mirrorArea = defineArea({
  name: 'mirror',
  init: (state) => {
    state.areas.mirror = { flows: {}, downRegions: [] };
  },
  commands: mirrorCommands,
  tasks: mirrorTasks,
  hooks: mirrorHooks,
  guards: mirrorGuards,
});
