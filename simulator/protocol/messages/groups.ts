// Classic group protocol: FindCoordinator, JoinGroup, SyncGroup, Heartbeat, LeaveGroup, OffsetCommit, OffsetFetch,
// DescribeGroups, ListGroups (protocol.html "The Messages").
import { f, message, s } from '../schema';

export const FindCoordinatorRequest = message('FindCoordinatorRequest', 10, 'request', '0-6', '3+', [
  f('Key string 0-3'),
  f('KeyType int8 1+ d:0'),
  f('CoordinatorKeys []string 4+'),
]);

export const FindCoordinatorResponse = message('FindCoordinatorResponse', 10, 'response', '0-6', '3+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 0-3'),
  f('ErrorMessage string 1-3 n:1-3'),
  f('NodeId int32 0-3'),
  f('Host string 0-3'),
  f('Port int32 0-3'),
  s('Coordinators []Coordinator 4+', [
    f('Key string 4+'),
    f('NodeId int32 4+'),
    f('Host string 4+'),
    f('Port int32 4+'),
    f('ErrorCode int16 4+'),
    f('ErrorMessage string 4+ n:4+'),
  ]),
]);

export const JoinGroupRequest = message('JoinGroupRequest', 11, 'request', '0-9', '6+', [
  f('GroupId string 0+'),
  f('SessionTimeoutMs int32 0+'),
  f('RebalanceTimeoutMs int32 1+ d:-1'),
  f('MemberId string 0+'),
  f('GroupInstanceId string 5+ n:5+ d:null'),
  f('ProtocolType string 0+'),
  s('Protocols []JoinGroupRequestProtocol 0+', [f('Name string 0+'), f('Metadata bytes 0+')]),
  f('Reason string 8+ n:8+ d:null'),
]);

export const JoinGroupResponse = message('JoinGroupResponse', 11, 'response', '0-9', '6+', [
  f('ThrottleTimeMs int32 2+'),
  f('ErrorCode int16 0+'),
  f('GenerationId int32 0+ d:-1'),
  f('ProtocolType string 7+ n:7+ d:null'),
  f('ProtocolName string 0+ n:7+'),
  f('Leader string 0+'),
  f('SkipAssignment bool 9+ d:false'),
  f('MemberId string 0+'),
  s('Members []JoinGroupResponseMember 0+', [
    f('MemberId string 0+'),
    f('GroupInstanceId string 5+ n:5+ d:null'),
    f('Metadata bytes 0+'),
  ]),
]);

export const SyncGroupRequest = message('SyncGroupRequest', 14, 'request', '0-5', '4+', [
  f('GroupId string 0+'),
  f('GenerationId int32 0+'),
  f('MemberId string 0+'),
  f('GroupInstanceId string 3+ n:3+ d:null'),
  f('ProtocolType string 5+ n:5+ d:null'),
  f('ProtocolName string 5+ n:5+ d:null'),
  s('Assignments []SyncGroupRequestAssignment 0+', [f('MemberId string 0+'), f('Assignment bytes 0+')]),
]);

export const SyncGroupResponse = message('SyncGroupResponse', 14, 'response', '0-5', '4+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 0+'),
  f('ProtocolType string 5+ n:5+ d:null'),
  f('ProtocolName string 5+ n:5+ d:null'),
  f('Assignment bytes 0+'),
]);

export const HeartbeatRequest = message('HeartbeatRequest', 12, 'request', '0-4', '4+', [
  f('GroupId string 0+'),
  f('GenerationId int32 0+'),
  f('MemberId string 0+'),
  f('GroupInstanceId string 3+ n:3+ d:null'),
]);

export const HeartbeatResponse = message('HeartbeatResponse', 12, 'response', '0-4', '4+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 0+'),
]);

export const LeaveGroupRequest = message('LeaveGroupRequest', 13, 'request', '0-5', '4+', [
  f('GroupId string 0+'),
  f('MemberId string 0-2'),
  s('Members []MemberIdentity 3+', [
    f('MemberId string 3+'),
    f('GroupInstanceId string 3+ n:3+ d:null'),
    f('Reason string 5+ n:5+ d:null'),
  ]),
]);

export const LeaveGroupResponse = message('LeaveGroupResponse', 13, 'response', '0-5', '4+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 0+'),
  s('Members []MemberResponse 3+', [
    f('MemberId string 3+'),
    f('GroupInstanceId string 3+ n:3+'),
    f('ErrorCode int16 3+'),
  ]),
]);

export const OffsetCommitRequest = message('OffsetCommitRequest', 8, 'request', '0-9', '8+', [
  f('GroupId string 0+'),
  f('GenerationIdOrMemberEpoch int32 1+ d:-1'),
  f('MemberId string 1+'),
  f('GroupInstanceId string 7+ n:7+ d:null'),
  f('RetentionTimeMs int64 2-4 d:-1'),
  s('Topics []OffsetCommitRequestTopic 0+', [
    f('Name string 0+'),
    s('Partitions []OffsetCommitRequestPartition 0+', [
      f('PartitionIndex int32 0+'),
      f('CommittedOffset int64 0+'),
      f('CommittedLeaderEpoch int32 6+ d:-1'),
      f('CommitTimestamp int64 1 d:-1'),
      f('CommittedMetadata string 0+ n:0+'),
    ]),
  ]),
]);

export const OffsetCommitResponse = message('OffsetCommitResponse', 8, 'response', '0-9', '8+', [
  f('ThrottleTimeMs int32 3+'),
  s('Topics []OffsetCommitResponseTopic 0+', [
    f('Name string 0+'),
    s('Partitions []OffsetCommitResponsePartition 0+', [
      f('PartitionIndex int32 0+'),
      f('ErrorCode int16 0+'),
    ]),
  ]),
]);

export const OffsetFetchRequest = message('OffsetFetchRequest', 9, 'request', '0-9', '6+', [
  f('GroupId string 0-7'),
  s('Topics []OffsetFetchRequestTopic 0-7 n:2-7', [f('Name string 0-7'), f('PartitionIndexes []int32 0-7')]),
  s('Groups []OffsetFetchRequestGroup 8+', [
    f('GroupId string 8+'),
    f('MemberId string 9+ n:9+ d:null'),
    f('MemberEpoch int32 9+ d:-1'),
    s('Topics []OffsetFetchRequestTopics 8+ n:8+', [f('Name string 8+'), f('PartitionIndexes []int32 8+')]),
  ]),
  f('RequireStable bool 7+ d:false'),
]);

export const OffsetFetchResponse = message('OffsetFetchResponse', 9, 'response', '0-9', '6+', [
  f('ThrottleTimeMs int32 3+'),
  s('Topics []OffsetFetchResponseTopic 0-7', [
    f('Name string 0-7'),
    s('Partitions []OffsetFetchResponsePartition 0-7', [
      f('PartitionIndex int32 0-7'),
      f('CommittedOffset int64 0-7'),
      f('CommittedLeaderEpoch int32 5-7 d:-1'),
      f('Metadata string 0-7 n:0-7'),
      f('ErrorCode int16 0-7'),
    ]),
  ]),
  f('ErrorCode int16 2-7 d:0'),
  s('Groups []OffsetFetchResponseGroup 8+', [
    f('GroupId string 8+'),
    s('Topics []OffsetFetchResponseTopics 8+', [
      f('Name string 8+'),
      s('Partitions []OffsetFetchResponsePartitions 8+', [
        f('PartitionIndex int32 8+'),
        f('CommittedOffset int64 8+'),
        f('CommittedLeaderEpoch int32 8+ d:-1'),
        f('Metadata string 8+ n:8+'),
        f('ErrorCode int16 8+'),
      ]),
    ]),
    f('ErrorCode int16 8+ d:0'),
  ]),
]);

export const DescribeGroupsRequest = message('DescribeGroupsRequest', 15, 'request', '0-5', '5+', [
  f('Groups []string 0+'),
  f('IncludeAuthorizedOperations bool 3+'),
]);

export const DescribeGroupsResponse = message('DescribeGroupsResponse', 15, 'response', '0-5', '5+', [
  f('ThrottleTimeMs int32 1+'),
  s('Groups []DescribedGroup 0+', [
    f('ErrorCode int16 0+'),
    f('GroupId string 0+'),
    f('GroupState string 0+'),
    f('ProtocolType string 0+'),
    f('ProtocolData string 0+'),
    s('Members []DescribedGroupMember 0+', [
      f('MemberId string 0+'),
      f('GroupInstanceId string 4+ n:4+ d:null'),
      f('ClientId string 0+'),
      f('ClientHost string 0+'),
      f('MemberMetadata bytes 0+'),
      f('MemberAssignment bytes 0+'),
    ]),
    f('AuthorizedOperations int32 3+ d:-2147483648'),
  ]),
]);

export const ListGroupsRequest = message('ListGroupsRequest', 16, 'request', '0-5', '3+', [
  f('StatesFilter []string 4+'),
  f('TypesFilter []string 5+'),
]);

export const ListGroupsResponse = message('ListGroupsResponse', 16, 'response', '0-5', '3+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 0+'),
  s('Groups []ListedGroup 0+', [
    f('GroupId string 0+'),
    f('ProtocolType string 0+'),
    f('GroupState string 4+'),
    f('GroupType string 5+'),
  ]),
]);
