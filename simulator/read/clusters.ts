// The simulation's clusters as readers see them: their names, and a read model per cluster (each cluster's
// own brokers, topics, groups and clients), so every tool and view reads another cluster the way it reads
// the first one.
import { clusterNames, clusterState } from '../clusters/index';
import type { SimEvent } from '../engine/registry';
import type { SimState } from '../engine/state';

export type ClusterSummaryView = {
  name: string;
  /** The cluster the simulation started with. */
  first: boolean;
  /** The console's cluster when a line names none (`cluster use`). */
  inUse: boolean;
  clusterId: string;
  brokers: number;
  topics: number;
};

type Like = {
  readonly state: SimState;
  readonly root?: SimState;
  readonly events: readonly SimEvent[];
  readonly version: number;
};

/** Every cluster of the simulation, the first one first; null for a single-cluster simulation. */
export function clustersOf(state: SimState): ClusterSummaryView[] | null {
  const names = clusterNames(state);
  if (!names) return null;
  const inUse = state.clusterInUse ?? names[0];
  return names.map((name, i) => {
    const s = clusterState(state, name) as SimState;
    return {
      name,
      first: i === 0,
      inUse: name === inUse,
      clusterId: s.clusterId,
      brokers: Object.keys(s.brokers).length,
      topics: Object.keys(s.topics).length,
    };
  });
}

const views = new WeakMap<Like, Map<string, Like>>();

/**
 * The simulation seen as cluster `name` alone (its state, its events), for a read model of it; `sim` itself
 * for the first cluster; null for an unknown name.
 */
export function clusterSimulation<S extends Like>(sim: S, name: string): Like | null {
  const state = clusterState(sim.state, name);
  if (!state) return null;
  if (state === sim.state) return sim;
  let byName = views.get(sim);
  if (!byName) {
    byName = new Map();
    views.set(sim, byName);
  }
  let view = byName.get(name);
  if (!view) {
    let cached: { version: number; events: SimEvent[] } | null = null;
    view = {
      get state() {
        return clusterState(sim.state, name) ?? sim.state;
      },
      get root() {
        return sim.state;
      },
      get events() {
        if (cached?.version !== sim.version)
          cached = {
            version: sim.version,
            events: sim.events.filter((e) => (e as { cluster?: string }).cluster === name),
          };
        return cached.events;
      },
      get version() {
        return sim.version;
      },
    };
    byName.set(name, view);
  }
  return view;
}

/** The first cluster's own events (another cluster's carry its name). */
export function firstClusterEvents(state: SimState, events: readonly SimEvent[]): readonly SimEvent[] {
  return state.clusters ? events.filter((e) => !(e as { cluster?: string }).cluster) : events;
}
