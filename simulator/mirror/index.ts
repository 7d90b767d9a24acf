// The mirror area: MirrorMaker 2 flows in the simulation (see types.ts for the single-cluster simplification).
import { defineArea } from '../engine/registry';
import { mirrorCommands, mirrorGuards, mirrorHooks, mirrorTasks } from './mirrorFlow';
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
