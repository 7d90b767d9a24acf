// A new simulation's state: the engine's own fields, then every installed area's init in area order, then
// every area's start (which may emit events, such as the cluster's bootstrap, and draw random numbers).
import { Ctx } from './context';
import { installedAreas, type SimEvent } from './registry';
import { seedToRng } from './rng';
import type { SimInit, SimState } from './state';

export function createInitialState(init: SimInit, sink: SimEvent[]): SimState {
  const seed = init.seed ?? 42;
  const building = {
    seed,
    rng: seedToRng(seed),
    now: 0,
    nextEventSeq: 0,
    nextTaskSeq: 0,
    tasks: [],
    areas: {},
  } as unknown as SimState;
  const areas = installedAreas();
  for (const area of areas) area.init?.(building, init);
  // Areas' own fields first, their slices last, so a printed state reads top-down.
  const { areas: slices, ...fields } = building;
  const state = { ...fields, areas: slices } as SimState;
  const ctx = new Ctx(state, sink);
  for (const area of areas) area.start?.(ctx, init);
  return state;
}
