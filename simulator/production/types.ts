// The production area's state: the rolling restart the Strimzi cluster operator runs on the simulated cluster
// when a StrimziPodSet or pod is annotated strimzi.io/manual-rolling-update=true (KafkaRoller's order and
// KafkaAvailability's rule, kafkaRoller.ts), on the virtual clock.

/** Which nodes a roll covers: a StrimziPodSet of brokers, of controllers, or one pod. */
export type RollScope = { kind: 'brokers' } | { kind: 'controllers' } | { kind: 'node'; id: number };

export type RollPhase =
  /** The pod was deleted (SIGTERM: a broker shuts down cleanly); Kubernetes creates it again. */
  | 'terminating'
  /** The new pod runs; KafkaRoller waits for it to become ready before it moves on. */
  | 'starting';

export type RollState = {
  id: number;
  /** What asked for the roll, in words (the annotation and the object it is on). */
  trigger: string;
  /** KafkaRoller's order, fixed when the roll starts. */
  order: number[];
  done: number[];
  current: { node: number; phase: RollPhase; since: number } | null;
  /** The node KafkaAvailability keeps waiting, with Strimzi's reason and how often it was asked. */
  blocked: { node: number; reason: string; attempts: number } | null;
  status: 'rolling' | 'completed' | 'failed';
  startedAt: number;
  finishedAt: number | null;
};

export type ProductionState = { roll: RollState | null; nextRollId: number };

declare module '../engine/registry' {
  interface AreaStates {
    production: ProductionState;
  }
  interface CommandMap {
    /**
     * kubectl annotate strimzipodset|pod … strimzi.io/manual-rolling-update=true: the cluster operator rolls
     * the nodes in KafkaRoller's order, one at a time, never taking a partition below min.insync.replicas.
     */
    productionRoll: { scope: RollScope; trigger: string };
  }
  interface CommandResultMap {
    productionRoll: { order: number[] };
  }
  interface EventMap {
    productionRollStarted: { rollId: number; order: number[] };
    productionNodeRestarting: { rollId: number; node: number };
    productionNodeRolled: { rollId: number; node: number };
    productionRollBlocked: { rollId: number; node: number; attempts: number };
    productionRollCompleted: { rollId: number };
    productionRollFailed: { rollId: number; node: number };
  }
  interface TaskMap {
    /** The roll's next step (stale when another roll replaced it or it finished). */
    productionRollStep: { rollId: number };
  }
}
