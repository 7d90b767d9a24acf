// The extension door: what a new area needs from the engine and from the areas it builds on (see
// simulator/AREA_TEMPLATE.md). Areas import from here or from the engine's modules; the app never does (it
// uses simulator/index.ts). Nothing this file re-exports may import it back.

// The cluster: reading brokers, topics and partitions; topic and broker configs; creating internal topics.
export {
  allPartitions,
  getPartition,
  highWatermark,
  isBrokerAlive,
  isBrokerUnfenced,
  leaderReplica,
  logEndOffset,
} from './cluster/lookup';
export {
  BROKER_CONFIG_DEFAULTS,
  brokerConfig,
  brokerConfigNumber,
  effectiveMinIsr,
  TOPIC_CONFIGS,
  topicConfig,
  topicConfigBool,
  topicConfigNumber,
} from './cluster/topicConfig';
export { parseTpKey, type TopicPartition, tp, tpKey, tpKeyOf } from './cluster/topicPartition';
export { type CreateTopicSpec, createTopicInternal } from './cluster/topics';
export type { Broker, BrokerId, Partition, Replica, Topic } from './cluster/types';
// The engine: defining an area, the handle every handler gets, the clock, results.
export { nextTaskTime, runUntil } from './engine/clock';
export { Ctx } from './engine/context';
export type { KafkaErrorCode } from './engine/errors';
export { ERROR_MESSAGES, RETRIABLE_ERRORS } from './engine/errors';
export {
  type AreaDefinition,
  type AreaStates,
  type Command,
  type CommandGuard,
  type CommandHandler,
  type CommandHandlers,
  type CommandMap,
  type CommandOf,
  type CommandResultMap,
  defineArea,
  type EventHook,
  type EventMap,
  type EventOf,
  type EventType,
  fail,
  type Guard,
  guard,
  type Hook,
  type KafkaError,
  type Outcome,
  ok,
  okVoid,
  on,
  onSignal,
  type SignalHook,
  type SignalMap,
  type SimEvent,
  type TaskHandler,
  type TaskHandlers,
  type TaskMap,
  type TaskOf,
} from './engine/registry';
export type { SimInit, SimState } from './engine/state';

// Replication: a coordinator's own appends (offsets, transaction state, markers) and the parsed log config.
export { appendAsCoordinator } from './replication/coordinatorAppend';
export { logConfigFor } from './replication/logConfigCache';
