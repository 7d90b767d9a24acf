// The IncrementalCooperativeAssignor's state, input and output as plain data.

import { type ConnectorsAndTasks, type ConnectorTaskId, EMPTY_CONNECTORS_AND_TASKS } from './workerLoad';

/** DistributedConfig.SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT (scheduled.rebalance.max.delay.ms): 5 minutes. */
export const SCHEDULED_REBALANCE_MAX_DELAY_MS_DEFAULT = 300_000;

/** The fields the Java assignor keeps between rebalances (it lives on the leader only). */
export interface AssignorState {
  readonly previousAssignment: ConnectorsAndTasks;
  readonly previousRevocation: ConnectorsAndTasks;
  readonly revokedInPrevious: boolean;
  /** LinkedHashSet order: workers first seen empty while lost assignments waited. */
  readonly candidateWorkersForReassignment: readonly string[];
  readonly scheduledRebalance: number;
  readonly delay: number;
  readonly previousGenerationId: number;
  readonly previousMembers: readonly string[];
  readonly numSuccessiveRevokingRebalances: number;
}

/** A freshly elected leader's assignor (the constructor): no memory of earlier rounds. */
export function initialAssignorState(): AssignorState {
  return {
    previousAssignment: EMPTY_CONNECTORS_AND_TASKS,
    previousRevocation: EMPTY_CONNECTORS_AND_TASKS,
    revokedInPrevious: false,
    candidateWorkersForReassignment: [],
    scheduledRebalance: 0,
    delay: 0,
    previousGenerationId: -1,
    previousMembers: [],
    numSuccessiveRevokingRebalances: 0,
  };
}

export interface TaskAssignmentInput {
  /** The config snapshot: each configured connector and its task count (tasks 0..n-1). */
  readonly configured: Readonly<Record<string, number>>;
  readonly lastCompletedGenerationId: number;
  readonly currentGenerationId: number;
  /** What each member of this generation reports it runs, in the order it acquired them. */
  readonly memberAssignments: Readonly<Record<string, ConnectorsAndTasks>>;
  /** The leader's clock (Time#milliseconds). */
  readonly now: number;
  /** scheduled.rebalance.max.delay.ms. */
  readonly maxDelay?: number;
}

/** One worker's ExtendedAssignment content: what to start, what to stop, and what it runs afterwards. */
export interface WorkerAssignment {
  readonly assignedConnectors: readonly string[];
  readonly assignedTasks: readonly ConnectorTaskId[];
  readonly revokedConnectors: readonly string[];
  readonly revokedTasks: readonly ConnectorTaskId[];
  readonly allConnectors: readonly string[];
  readonly allTasks: readonly ConnectorTaskId[];
}

/** Connectors and tasks as read-only lists (a ConnectorsAndTasks value). */
export interface Items {
  readonly connectors: readonly string[];
  readonly tasks: readonly ConnectorTaskId[];
}

export type AssignorEvent =
  | { readonly type: 'previous-assignment-discarded'; readonly reason: string }
  | { readonly type: 'previous-revocation-not-applied'; readonly reason: string }
  | ({
      readonly type: 'deleted-revoked' | 'duplicate-revoked' | 'load-balancing-revoked' | 'assigned';
    } & Items & {
        readonly worker: string;
        readonly reason: string;
      })
  | ({ readonly type: 'lost-reassigned' | 'lost-to-candidates' } & Items & { readonly reason: string })
  | ({ readonly type: 'lost-delayed' } & Items & { readonly delay: number; readonly reason: string })
  | {
      readonly type: 'revocations-backed-off';
      readonly delay: number;
      readonly attempt: number;
      readonly reason: string;
    }
  | { readonly type: 'revocations-held-during-delay'; readonly delay: number; readonly reason: string }
  | { readonly type: 'revocation-backoff-reset'; readonly reason: string };

export interface TaskAssignmentResult {
  readonly state: AssignorState;
  /** Per member of this generation. */
  readonly assignment: Readonly<Record<string, WorkerAssignment>>;
  /** The delay sent to every member with the assignment (ExtendedAssignment#delay). */
  readonly delay: number;
  readonly events: readonly AssignorEvent[];
}

/** The same fields, writable: used only inside one computation. */
export type MutableAssignorState = {
  -readonly [K in keyof AssignorState]: AssignorState[K];
};
