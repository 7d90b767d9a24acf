// Plain, serialisable state of a classic consumer group as the group coordinator keeps it, and how the
// coordinator answers the members' clients.
import type { Ctx } from '../../engine/context';
import type { AssignorName, RebalanceProtocol, TopicPartition } from '../assignors/types';

/** ClassicGroupState display names. */
export type GroupStateName = 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable' | 'Dead';

/** ClassicGroupState valid previous states: a transition to `to` is legal only from these. */
export const VALID_PREVIOUS_STATES: Readonly<Record<GroupStateName, readonly GroupStateName[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

/** group.initial.rebalance.delay.ms (broker). */
export const GROUP_INITIAL_REBALANCE_DELAY_MS = 3_000;

export type GroupMember = {
  memberId: string;
  /** The simulation's name for the consumer, used in explanations. */
  label: string;
  groupInstanceId: string | null;
  clientId: string;
  host: string;
  topics: string[];
  strategies: AssignorName[];
  protocol: RebalanceProtocol;
  sessionTimeoutMs: number;
  /** = the consumer's max.poll.interval.ms (GroupRebalanceConfig). */
  rebalanceTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** Time the member (re)joined with this member id; heartbeats tick from here. */
  since: number;
  /** false once the client stopped heartbeating (crash, static close, poll timeout of a static member). */
  heartbeating: boolean;
  lastHeartbeatAt: number;
  /** Sent its JoinGroup in the current join phase. */
  joined: boolean;
  /** When a live member that has not yet rejoined will do so (its next heartbeat learns of the rebalance). */
  rejoinAt: number | null;
  /** Assignment received in the last SyncGroup. */
  assignment: TopicPartition[];
  /** What it reports as owned (cooperative) or last assigned (sticky user data), and that generation. */
  owned: TopicPartition[];
  ownedGeneration: number | null;
};

/** What a member sends in JoinGroup (the coordinator adds the rest of GroupMember). */
export type JoinRequest = Pick<
  GroupMember,
  | 'memberId'
  | 'label'
  | 'groupInstanceId'
  | 'clientId'
  | 'host'
  | 'topics'
  | 'strategies'
  | 'protocol'
  | 'sessionTimeoutMs'
  | 'rebalanceTimeoutMs'
  | 'heartbeatIntervalMs'
>;

export type ClassicGroup = {
  groupId: string;
  state: GroupStateName;
  generationId: number;
  /**
   * Assignor selected for the current generation (the "protocol" in ClassicGroup terms). A group of real
   * clients (kafka-sim --listen) selects among the names its members send (KafkaJS: "RoundRobinAssigner").
   */
  protocolName: AssignorName | string | null;
  leaderId: string | null;
  /** Join order; the first member added is the leader. */
  members: GroupMember[];
  /** End of the join phase: initial delay for an empty group, else the rebalance timeout. */
  joinDeadline: number | null;
  /** Start of the current join phase and whether it is the initial delayed join of an empty group. */
  joinStartedAt: number | null;
  initialJoin: boolean;
  /** InitialDelayedJoin: a new member arrived since the delay timer was last armed. */
  newMemberAdded: boolean;
  /** Why the current rebalance started, for explanations. */
  rebalanceReason: string | null;
  /**
   * Partition count per subscribed topic that the leader's last assignment used: the leader's
   * ConsumerCoordinator assignmentSnapshot, kept on the group for the simulated clients.
   */
  assignedPartitionCounts: Record<string, number> | null;
};

export type MemberRemovalCause = 'leave' | 'session-timeout' | 'rebalance-timeout';

/**
 * The coordinator's answers to its members, applied by their clients (the consumer side of JoinGroup,
 * SyncGroup and Heartbeat: ConsumerCoordinator#onJoinPrepare / #onJoinComplete). The consumer area passes
 * its clients (client/membership.ts); the coordinator itself knows nothing about them.
 */
export type MemberClients = {
  /** The member gives up these partitions (it commits first when auto-commit is on). */
  revoke(ctx: Ctx, groupId: string, memberId: string, partitions: TopicPartition[]): void;
  /** SyncGroup answer: the member's full assignment for the new generation. */
  assign(
    ctx: Ctx,
    groupId: string,
    memberId: string,
    partitions: TopicPartition[],
    generationId: number,
  ): void;
  /** The member left the group or was removed; its client no longer owns anything. */
  removed(ctx: Ctx, groupId: string, memberId: string, cause: MemberRemovalCause): void;
  /** A newer instance with the same group.instance.id took over: this client is fenced. */
  fenced(ctx: Ctx, groupId: string, memberId: string): void;
};
