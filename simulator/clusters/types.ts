// More than one Kafka cluster in one simulation (two regions, each with its own cluster). The simulation's
// state is its first cluster; every other cluster is a whole cluster state of its own in `state.clusters`
// (brokers, controllers, topics, logs, groups, clients), sharing the one clock, task queue and event sequence.
import type { Command, Task } from '../engine/registry';

declare module '../engine/registry' {
  interface CommandMap {
    /**
     * Start another KRaft cluster beside the first one: `brokers` brokers (ids 1..N, default 3) and
     * `controllers` controllers of its own. `first` names the simulation's first cluster if it has no name yet.
     */
    clusterCreate: { name: string; brokers?: number; controllers?: number; first?: string };
    /** Run `command` in the cluster `cluster` (a client or admin request sent to that cluster's brokers). */
    clusterRun: { cluster: string; command: Command };
    /** The cluster the console talks to when a line names none (`cluster use west`). */
    clusterUse: { name: string };
  }
  interface CommandResultMap {
    clusterCreate: { name: string; clusterId: string };
    /** The inner command's data. */
    clusterRun: unknown;
  }
  interface EventMap {
    clusterCreated: { name: string; first: string; brokers: number[]; clusterId: string };
    clusterInUse: { name: string };
  }
  interface TaskMap {
    /** A task of another cluster, run in that cluster's context. */
    clusterTask: { cluster: string; task: Task };
  }
}
