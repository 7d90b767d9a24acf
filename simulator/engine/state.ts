// The whole simulation state: plain serialisable data (JSON round-trips it exactly). The engine declares only
// its own fields; each area adds its own by augmenting SimState (and SimInit for its options) from its types.ts:
//
//   declare module '../engine/state' { interface SimState { brokers: Record<BrokerId, Broker> } }
//
// Areas that keep their state in a slice of `areas` augment AreaStates (engine/registry.ts) instead.
import type { AreaStates } from './registry';
import type { ScheduledTask } from './scheduler';

/** How a simulation starts. Areas add their options (brokers, controllers, ...). */
export interface SimInit {
  /** Seed of the only random number generator (default 42). */
  seed?: number;
  /** Extra options for areas that keep their state in `areas`. */
  areas?: Record<string, unknown>;
}

export interface SimState {
  seed: number;
  /** The seeded generator's whole state (engine/rng.ts). */
  rng: number;
  /** Virtual time in ms; only advanceClock and the commands that run the clock move it. */
  now: number;
  nextEventSeq: number;
  nextTaskSeq: number;
  /** Scheduled tasks: a binary heap ordered by (at, seq). */
  tasks: ScheduledTask[];
  areas: AreaStates;
  /**
   * The simulation's other clusters (`clusterCreate`), by name: each a whole cluster's state of its own
   * (brokers, controllers, topics, logs, groups, clients). Their `tasks` stay empty (every task is in this
   * queue) and their `now` follows this one. Absent in a single-cluster simulation.
   */
  clusters?: Record<string, SimState>;
  /** This first cluster's name once the simulation has more than one (`east`). */
  clusterName?: string;
  /** The cluster the console talks to when a line names none (`cluster use west`); absent: this one. */
  clusterInUse?: string;
}
