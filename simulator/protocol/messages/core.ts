// ApiVersions, Metadata, Produce, Fetch, ListOffsets (protocol.html "The Messages").
import { f, message, s } from '../schema';

export const ApiVersionsRequest = message('ApiVersionsRequest', 18, 'request', '0-4', '3+', [
  f('ClientSoftwareName string 3+'),
  f('ClientSoftwareVersion string 3+'),
]);

export const ApiVersionsResponse = message('ApiVersionsResponse', 18, 'response', '0-4', '3+', [
  f('ErrorCode int16 0+'),
  s('ApiKeys []ApiVersion 0+', [f('ApiKey int16 0+'), f('MinVersion int16 0+'), f('MaxVersion int16 0+')]),
  f('ThrottleTimeMs int32 1+'),
  s('SupportedFeatures []SupportedFeatureKey 3+ t:0@3+', [
    f('Name string 3+'),
    f('MinVersion int16 3+'),
    f('MaxVersion int16 3+'),
  ]),
  f('FinalizedFeaturesEpoch int64 3+ t:1@3+ d:-1'),
  s('FinalizedFeatures []FinalizedFeatureKey 3+ t:2@3+', [
    f('Name string 3+'),
    f('MaxVersionLevel int16 3+'),
    f('MinVersionLevel int16 3+'),
  ]),
  f('ZkMigrationReady bool 3+ t:3@3+ d:false'),
]);

export const MetadataRequest = message('MetadataRequest', 3, 'request', '0-12', '9+', [
  s('Topics []MetadataRequestTopic 0+ n:1+', [f('TopicId uuid 10+'), f('Name string 0+ n:10+')]),
  f('AllowAutoTopicCreation bool 4+ d:true'),
  f('IncludeClusterAuthorizedOperations bool 8-10'),
  f('IncludeTopicAuthorizedOperations bool 8+'),
]);

export const MetadataResponse = message('MetadataResponse', 3, 'response', '0-12', '9+', [
  f('ThrottleTimeMs int32 3+'),
  s('Brokers []MetadataResponseBroker 0+', [
    f('NodeId int32 0+'),
    f('Host string 0+'),
    f('Port int32 0+'),
    f('Rack string 1+ n:1+ d:null'),
  ]),
  f('ClusterId string 2+ n:2+ d:null'),
  f('ControllerId int32 1+ d:-1'),
  s('Topics []MetadataResponseTopic 0+', [
    f('ErrorCode int16 0+'),
    f('Name string 0+ n:12+'),
    f('TopicId uuid 10+'),
    f('IsInternal bool 1+ d:false'),
    s('Partitions []MetadataResponsePartition 0+', [
      f('ErrorCode int16 0+'),
      f('PartitionIndex int32 0+'),
      f('LeaderId int32 0+'),
      f('LeaderEpoch int32 7+ d:-1'),
      f('ReplicaNodes []int32 0+'),
      f('IsrNodes []int32 0+'),
      f('OfflineReplicas []int32 5+'),
    ]),
    f('TopicAuthorizedOperations int32 8+ d:-2147483648'),
  ]),
  f('ClusterAuthorizedOperations int32 8-10 d:-2147483648'),
]);

export const ProduceRequest = message('ProduceRequest', 0, 'request', '0-11', '9+', [
  f('TransactionalId string 3+ n:3+ d:null'),
  f('Acks int16 0+'),
  f('TimeoutMs int32 0+'),
  s('TopicData []TopicProduceData 0+', [
    f('Name string 0+'),
    s('PartitionData []PartitionProduceData 0+', [f('Index int32 0+'), f('Records records 0+ n:0+')]),
  ]),
]);

const nodeEndpoint = (v: string) => [
  f(`NodeId int32 ${v}`),
  f(`Host string ${v}`),
  f(`Port int32 ${v}`),
  f(`Rack string ${v} n:${v} d:null`),
];

export const ProduceResponse = message('ProduceResponse', 0, 'response', '0-11', '9+', [
  s('Responses []TopicProduceResponse 0+', [
    f('Name string 0+'),
    s('PartitionResponses []PartitionProduceResponse 0+', [
      f('Index int32 0+'),
      f('ErrorCode int16 0+'),
      f('BaseOffset int64 0+'),
      f('LogAppendTimeMs int64 2+ d:-1'),
      f('LogStartOffset int64 5+ d:-1'),
      s('RecordErrors []BatchIndexAndErrorMessage 8+', [
        f('BatchIndex int32 8+'),
        f('BatchIndexErrorMessage string 8+ n:8+ d:null'),
      ]),
      f('ErrorMessage string 8+ n:8+ d:null'),
      s('CurrentLeader LeaderIdAndEpoch 10+ t:0@10+', [
        f('LeaderId int32 10+ d:-1'),
        f('LeaderEpoch int32 10+ d:-1'),
      ]),
    ]),
  ]),
  f('ThrottleTimeMs int32 1+ d:0'),
  s('NodeEndpoints []NodeEndpoint 10+ t:0@10+', nodeEndpoint('10+')),
]);

export const FetchRequest = message('FetchRequest', 1, 'request', '0-17', '12+', [
  f('ClusterId string 12+ n:12+ t:0@12+ d:null'),
  f('ReplicaId int32 0-14 d:-1'),
  s('ReplicaState ReplicaState 15+ t:1@15+', [
    f('ReplicaId int32 15+ d:-1'),
    f('ReplicaEpoch int64 15+ d:-1'),
  ]),
  f('MaxWaitMs int32 0+'),
  f('MinBytes int32 0+'),
  f('MaxBytes int32 3+ d:0x7fffffff'),
  f('IsolationLevel int8 4+ d:0'),
  f('SessionId int32 7+ d:0'),
  f('SessionEpoch int32 7+ d:-1'),
  s('Topics []FetchTopic 0+', [
    f('Topic string 0-12'),
    f('TopicId uuid 13+'),
    s('Partitions []FetchPartition 0+', [
      f('Partition int32 0+'),
      f('CurrentLeaderEpoch int32 9+ d:-1'),
      f('FetchOffset int64 0+'),
      f('LastFetchedEpoch int32 12+ d:-1'),
      f('LogStartOffset int64 5+ d:-1'),
      f('PartitionMaxBytes int32 0+'),
      f('ReplicaDirectoryId uuid 17+ t:0@17+'),
    ]),
  ]),
  s('ForgottenTopicsData []ForgottenTopic 7+', [
    f('Topic string 7-12'),
    f('TopicId uuid 13+'),
    f('Partitions []int32 7+'),
  ]),
  f('RackId string 11+ d:'),
]);

export const FetchResponse = message('FetchResponse', 1, 'response', '0-17', '12+', [
  f('ThrottleTimeMs int32 1+'),
  f('ErrorCode int16 7+'),
  f('SessionId int32 7+ d:0'),
  s('Responses []FetchableTopicResponse 0+', [
    f('Topic string 0-12'),
    f('TopicId uuid 13+'),
    s('Partitions []PartitionData 0+', [
      f('PartitionIndex int32 0+'),
      f('ErrorCode int16 0+'),
      f('HighWatermark int64 0+'),
      f('LastStableOffset int64 4+ d:-1'),
      f('LogStartOffset int64 5+ d:-1'),
      s('DivergingEpoch EpochEndOffset 12+ t:0@12+', [
        f('Epoch int32 12+ d:-1'),
        f('EndOffset int64 12+ d:-1'),
      ]),
      s('CurrentLeader LeaderIdAndEpoch 12+ t:1@12+', [
        f('LeaderId int32 12+ d:-1'),
        f('LeaderEpoch int32 12+ d:-1'),
      ]),
      s('SnapshotId SnapshotId 12+ t:2@12+', [f('EndOffset int64 0+ d:-1'), f('Epoch int32 0+ d:-1')]),
      s('AbortedTransactions []AbortedTransaction 4+ n:4+', [
        f('ProducerId int64 4+'),
        f('FirstOffset int64 4+'),
      ]),
      f('PreferredReadReplica int32 11+ d:-1'),
      f('Records records 0+ n:0+'),
    ]),
  ]),
  s('NodeEndpoints []NodeEndpoint 16+ t:0@16+', nodeEndpoint('16+')),
]);

export const ListOffsetsRequest = message('ListOffsetsRequest', 2, 'request', '0-10', '6+', [
  f('ReplicaId int32 0+'),
  f('IsolationLevel int8 2+'),
  s('Topics []ListOffsetsTopic 0+', [
    f('Name string 0+'),
    s('Partitions []ListOffsetsPartition 0+', [
      f('PartitionIndex int32 0+'),
      f('CurrentLeaderEpoch int32 4+ d:-1'),
      f('Timestamp int64 0+'),
      f('MaxNumOffsets int32 0 d:1'),
    ]),
  ]),
  f('TimeoutMs int32 10+'),
]);

export const ListOffsetsResponse = message('ListOffsetsResponse', 2, 'response', '0-10', '6+', [
  f('ThrottleTimeMs int32 2+'),
  s('Topics []ListOffsetsTopicResponse 0+', [
    f('Name string 0+'),
    s('Partitions []ListOffsetsPartitionResponse 0+', [
      f('PartitionIndex int32 0+'),
      f('ErrorCode int16 0+'),
      f('OldStyleOffsets []int64 0'),
      f('Timestamp int64 1+ d:-1'),
      f('Offset int64 1+ d:-1'),
      f('LeaderEpoch int32 4+ d:-1'),
    ]),
  ]),
]);
