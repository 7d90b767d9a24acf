// The simulator's only door for the rest of the app. The areas (simulator/areas.ts) are installed by
// simulation.ts, so importing anything from here makes every command available.

export {
  allPartitions,
  getPartition,
  highWatermark,
  isBrokerAlive,
  isBrokerUnfenced,
  leaderReplica,
  logEndOffset,
  tpName,
} from './cluster/lookup';
export {
  BROKER_CONFIG_DEFAULTS,
  brokerConfig,
  effectiveMinIsr,
  TOPIC_CONFIGS,
  topicConfig,
  validateTopicConfig,
} from './cluster/topicConfig';
export { type CreateTopicSpec, createTopicInternal, validateTopicName } from './cluster/topics';
export type { Broker, BrokerId, Partition, PendingProduce, Replica, Topic } from './cluster/types';
// The console (Kafka CLI tools, kcat and simulation commands) over a Simulation.
export {
  type CommandOutput,
  type Completion,
  ConsoleSession,
  commonPrefix,
  complete,
  consoleFor,
  createConsole,
  type LineResult,
  runConsoleBlock,
  runConsoleLines,
  sessionRunBlock,
  simulationOf,
  splitBlocks,
} from './console';
// consumer groups, offsets, lag (simulator/consumer)
export {
  ASSIGNORS,
  type AssignorName,
  CONSUMER_DEFAULTS,
  CONSUMER_OFFSETS_TOPIC,
  type ConsumerArea,
  type ConsumerClient,
  type ConsumerConfig,
  type ConsumerCreateConfig,
  type ConsumerGroupView,
  consumerClients,
  consumerGroupLag,
  consumerGroupLagHistory,
  consumerGroupView,
  DEFAULT_ASSIGNMENT_STRATEGY,
  type DescribeMemberRow,
  type DescribeOffsetRow,
  type DescribeStateRow,
  describeConsumerGroupMembers,
  describeConsumerGroupOffsets,
  describeConsumerGroupState,
  type GroupRecord,
  type GroupStateName,
  type LagSample,
  listConsumerGroups,
  offsetsPartitionFor,
  type PartitionLag,
  type ReadCommittedView,
  type RebalanceProtocol,
  type ResetSpec,
  rebalanceProtocolFor,
} from './consumer/index';
export { nextTaskTime, runUntil } from './engine/clock';
export { Ctx } from './engine/context';
export type { KafkaErrorCode } from './engine/errors';
export type {
  AreaStates,
  Command,
  CommandMap,
  CommandOf,
  CommandResultMap,
  CommandType,
  EventMap,
  EventOf,
  EventType,
  KafkaError,
  SimEvent,
  Task,
  TaskMap,
} from './engine/registry';
export {
  fail,
  ok,
  okVoid,
  onEvent,
  registerArea,
  registerCommand,
  registeredCommandTypes,
  registerTask,
} from './engine/registry';
export type { SimInit, SimState } from './engine/state';
// challenge goals (simulator/goals)
export * from './goals/index';
export type { ElectionResultEntry } from './kraft/leaderRebalance';
export type { ControllerNode, MetadataRecord, Quorum } from './kraft/types';
export type { LogRecord, PartitionLog, Segment } from './log';
export {
  type CleanerDecision,
  type CleanerPassResult,
  cleanerDecision,
  type DeletedSegment,
  formatBytes,
  formatDuration,
  type LogConfig,
  readRecords,
  recordAt,
  segmentFileName,
  whyOldestSegmentKept,
} from './log';
export type { NetworkState } from './network/faults';
export {
  type DeliveryStatus,
  deliveryOf,
  hasPendingSends,
  PRODUCER_DEFAULTS,
  type SendRecord,
} from './producer/commands';
export { murmur2, partitionForKey, toPositive } from './producer/murmur2';
export type { Acks, DeliveryReport, Producer, ProducerBatch, ProducerConfig } from './producer/types';
// classroom scenarios (simulator/scenario)
export * from './scenario/index';
export { type CommandResult, Simulation, type SimulationOptions } from './simulation';
export { cleanerStatus } from './storage/index';
// transactions and exactly-once (simulator/transactions)
export * from './transactions/index';
