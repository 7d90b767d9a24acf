// What the group coordinator keeps for a group whose members are real clients speaking the wire protocol
// (kafka-sim --listen), beside the ClassicGroup every view reads: the opaque protocol metadata and
// assignments the clients exchange (hex strings: state and commands are plain JSON), the requests waiting
// for the join phase or the leader's SyncGroup, and the member ids handed out with MEMBER_ID_REQUIRED.

export type WireProtocol = { name: string; metadata: string };

export type WireMember = {
  protocolType: string;
  /** JoinGroup protocols in the member's order of preference; metadata as hex. */
  protocols: WireProtocol[];
  /** Last SyncGroup assignment as hex (the consumer protocol's ConsumerProtocolAssignment). */
  assignment: string;
  /** Request key of a JoinGroup waiting for the join phase to end, or null. */
  awaitingJoin: number | null;
  /** Request key of a SyncGroup waiting for the leader's assignment, or null. */
  awaitingSync: number | null;
};

export type WireGroupState = {
  protocolType: string | null;
  members: Record<string, WireMember>;
  /** KIP-394: member ids answered with MEMBER_ID_REQUIRED, and when they expire (their session timeout). */
  pendingMembers: Record<string, number>;
  /** CompletingRebalance: when members that have not sent SyncGroup are removed (the pending-sync timeout). */
  syncDeadline: number | null;
};
