// The group coordinator as the protocol layer needs it (GroupCoordinator in Kafka's group-coordinator module:
// JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch, DescribeGroups, ListGroups), in one
// version-independent shape. The simulator's consumer area implements it; the handlers adapt every wire version.
// Membership calls may complete later (a JoinGroup waits for the rebalance), hence promises.

export type JoinGroupCall = {
  groupId: string;
  memberId: string;
  groupInstanceId: string | null;
  clientId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  protocolType: string;
  protocols: Array<{ name: string; metadata: Uint8Array }>;
  /** JoinGroup v4+: an unknown member first gets MEMBER_ID_REQUIRED with its new id (KIP-394). */
  requireKnownMemberId: boolean;
  reason: string | null;
};

export type JoinGroupAnswer = {
  error: string | null;
  generationId: number;
  protocolType: string | null;
  protocolName: string | null;
  leader: string;
  memberId: string;
  members: Array<{ memberId: string; groupInstanceId: string | null; metadata: Uint8Array }>;
};

export type SyncGroupCall = {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignments: Array<{ memberId: string; assignment: Uint8Array }>;
};

export type SyncGroupAnswer = {
  error: string | null;
  protocolType: string | null;
  protocolName: string | null;
  assignment: Uint8Array;
};

export type OffsetCommitCall = {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId: string | null;
  offsets: Array<{
    topic: string;
    partition: number;
    offset: number;
    leaderEpoch: number;
    metadata: string | null;
  }>;
};

export type OffsetFetchCall = {
  groupId: string;
  /** null = every partition the group has committed. */
  partitions: Array<{ topic: string; partition: number }> | null;
  requireStable: boolean;
};

export type CommittedOffset = {
  topic: string;
  partition: number;
  offset: number;
  leaderEpoch: number;
  metadata: string | null;
  error: string | null;
};

export type DescribedGroup = {
  groupId: string;
  error: string | null;
  state: string;
  protocolType: string;
  protocol: string;
  members: Array<{
    memberId: string;
    groupInstanceId: string | null;
    clientId: string;
    clientHost: string;
    metadata: Uint8Array;
    assignment: Uint8Array;
  }>;
};

export interface GroupCoordinatorPort {
  /** The broker coordinating this group (or transactional id), or an error name such as COORDINATOR_NOT_AVAILABLE. */
  coordinatorFor(key: string, keyType: 'group' | 'transaction'): { broker: number } | { error: string };
  joinGroup(call: JoinGroupCall): Promise<JoinGroupAnswer>;
  syncGroup(call: SyncGroupCall): Promise<SyncGroupAnswer>;
  heartbeat(call: {
    groupId: string;
    generationId: number;
    memberId: string;
    groupInstanceId: string | null;
  }): {
    error: string | null;
  };
  leaveGroup(call: {
    groupId: string;
    members: Array<{ memberId: string; groupInstanceId: string | null; reason: string | null }>;
  }): {
    error: string | null;
    members: Array<{ memberId: string; groupInstanceId: string | null; error: string | null }>;
  };
  commitOffsets(call: OffsetCommitCall): Array<{ topic: string; partition: number; error: string | null }>;
  fetchOffsets(call: OffsetFetchCall): { error: string | null; offsets: CommittedOffset[] };
  describeGroups(groupIds: string[]): DescribedGroup[];
  /** The groups `broker` coordinates (each broker lists only its own; clients ask every broker). */
  listGroups(filter: { broker: number; states: string[]; types: string[] }): Array<{
    groupId: string;
    protocolType: string;
    state: string;
    type: string;
  }>;
}
