// InitProducerId, CreateTopics, DeleteTopics, DescribeConfigs (protocol.html "The Messages").
import { f, message, s } from '../schema';

export const InitProducerIdRequest = message('InitProducerIdRequest', 22, 'request', '0-5', '2+', [
  f('TransactionalId string 0+ n:0+'),
  f('TransactionTimeoutMs int32 0+'),
  f('ProducerId int64 3+ d:-1'),
  f('ProducerEpoch int16 3+ d:-1'),
]);

export const InitProducerIdResponse = message('InitProducerIdResponse', 22, 'response', '0-5', '2+', [
  f('ThrottleTimeMs int32 0+'),
  f('ErrorCode int16 0+'),
  f('ProducerId int64 0+ d:-1'),
  f('ProducerEpoch int16 0+'),
]);

export const CreateTopicsRequest = message('CreateTopicsRequest', 19, 'request', '0-7', '5+', [
  s('Topics []CreatableTopic 0+', [
    f('Name string 0+'),
    f('NumPartitions int32 0+'),
    f('ReplicationFactor int16 0+'),
    s('Assignments []CreatableReplicaAssignment 0+', [
      f('PartitionIndex int32 0+'),
      f('BrokerIds []int32 0+'),
    ]),
    s('Configs []CreatableTopicConfig 0+', [f('Name string 0+'), f('Value string 0+ n:0+')]),
  ]),
  f('timeoutMs int32 0+ d:60000'),
  f('validateOnly bool 1+ d:false'),
]);

export const CreateTopicsResponse = message('CreateTopicsResponse', 19, 'response', '0-7', '5+', [
  f('ThrottleTimeMs int32 2+'),
  s('Topics []CreatableTopicResult 0+', [
    f('Name string 0+'),
    f('TopicId uuid 7+'),
    f('ErrorCode int16 0+'),
    f('ErrorMessage string 1+ n:0+'),
    f('TopicConfigErrorCode int16 5+ t:0@5+'),
    f('NumPartitions int32 5+ d:-1'),
    f('ReplicationFactor int16 5+ d:-1'),
    s('Configs []CreatableTopicConfigs 5+ n:5+', [
      f('Name string 5+'),
      f('Value string 5+ n:5+'),
      f('ReadOnly bool 5+'),
      f('ConfigSource int8 5+ d:-1'),
      f('IsSensitive bool 5+'),
    ]),
  ]),
]);

export const DeleteTopicsRequest = message('DeleteTopicsRequest', 20, 'request', '0-6', '4+', [
  s('Topics []DeleteTopicState 6+', [f('Name string 6+ n:6+ d:null'), f('TopicId uuid 6+')]),
  f('TopicNames []string 0-5'),
  f('TimeoutMs int32 0+'),
]);

export const DeleteTopicsResponse = message('DeleteTopicsResponse', 20, 'response', '0-6', '4+', [
  f('ThrottleTimeMs int32 1+'),
  s('Responses []DeletableTopicResult 0+', [
    f('Name string 0+ n:6+'),
    f('TopicId uuid 6+'),
    f('ErrorCode int16 0+'),
    f('ErrorMessage string 5+ n:5+ d:null'),
  ]),
]);

export const DescribeConfigsRequest = message('DescribeConfigsRequest', 32, 'request', '0-4', '4+', [
  s('Resources []DescribeConfigsResource 0+', [
    f('ResourceType int8 0+'),
    f('ResourceName string 0+'),
    f('ConfigurationKeys []string 0+ n:0+'),
  ]),
  f('IncludeSynonyms bool 1+ d:false'),
  f('IncludeDocumentation bool 3+ d:false'),
]);

export const DescribeConfigsResponse = message('DescribeConfigsResponse', 32, 'response', '0-4', '4+', [
  f('ThrottleTimeMs int32 0+'),
  s('Results []DescribeConfigsResult 0+', [
    f('ErrorCode int16 0+'),
    f('ErrorMessage string 0+ n:0+'),
    f('ResourceType int8 0+'),
    f('ResourceName string 0+'),
    s('Configs []DescribeConfigsResourceResult 0+', [
      f('Name string 0+'),
      f('Value string 0+ n:0+'),
      f('ReadOnly bool 0+'),
      f('IsDefault bool 0'),
      f('ConfigSource int8 1+ d:-1'),
      f('IsSensitive bool 0+'),
      s('Synonyms []DescribeConfigsSynonym 1+', [
        f('Name string 1+'),
        f('Value string 1+ n:0+'),
        f('Source int8 1+'),
      ]),
      f('ConfigType int8 3+ d:0'),
      f('Documentation string 3+ n:0+'),
    ]),
  ]),
]);
