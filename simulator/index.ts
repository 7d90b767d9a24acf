// The simulator's door for the rest of the app (the console in kafka-cli/, components, tests): the Simulation,
// its command and event types, the read model every reader uses, challenge goals and classroom scenarios.
// The areas (simulator/areas.ts) are installed by simulation.ts, so importing anything from here makes every
// command available; areas themselves import the engine or simulator/extend.ts, never this door.

// running Kafka in production: MM2's properties, the capacity arithmetic (simulator/mirror, simulator/production)
export { FIRST_CLUSTER_HOSTS } from './clusters/index';
// The Connect area's SQLite (sql.js, lazy: loadSqlite() before the first database command)
export { installedSqlite, installSqlite } from './connect/database/engine';
export { loadSqlite } from './connect/database/loader';
export type { KafkaErrorCode } from './engine/errors';
export type {
  Command,
  CommandOf,
  CommandType,
  EventOf,
  EventType,
  KafkaError,
  Outcome,
  SimEvent,
} from './engine/registry';
export type { SimInit, SimState } from './engine/state';
// challenge goals (simulator/goals)
export { evaluateGoal, type Goal, type GoalCondition, type GoalResult, validateGoal } from './goals/index';
// one duration formatter for narration, chips and the console ("1d 2h", "1.5s")
export { formatDuration } from './log/format';
// monitoring console pieces (JmxTool's options and output, Go's float formatting) for kafka-jmx.sh and promtool
export { jmxUrlHost, parseJmxToolArgs, runJmxTool } from './metrics/console/jmxTool';
export { goFloatF } from './metrics/format';
export { parsePromQL } from './metrics/promql/parser';
export { parseMm2Config } from './mirror/mm2Config';
// librdkafka's partitioners, for the console's kcat (its default is not the Java client's murmur2)
export {
  LIBRDKAFKA_DEFAULT_PARTITIONER,
  LIBRDKAFKA_PARTITIONERS,
  type LibrdkafkaPartitioner,
  librdkafkaPartition,
} from './producer/librdkafkaPartitioners';
// the Java client's key hash (Utils#murmur2 / #toPositive), for views that show a key's partition
export { murmur2, partitionForKey, toPositive } from './producer/murmur2';
export {
  type CapacityInputs,
  type CapacityLine,
  capacityInputProblems,
  planCapacity,
} from './production/capacity';
// the read model every reader uses (simulator/read)
export {
  type BrokerView,
  type ConnectView,
  type ConsumerView,
  type ControllerView,
  checkStreamsDsl,
  type GroupMemberView,
  type GroupPartitionView,
  type GroupView,
  type Isolation,
  type MirrorFlowView,
  type NetworkView,
  type PartitionLogView,
  type PartitionView,
  type PendingSend,
  type ProducerBatchView,
  type ProducerView,
  type ProductionView,
  type ReadModel,
  type RecordView,
  type ReplicaView,
  type RollView,
  readModel,
  type SchemaByteSpanView,
  type SchemaLevelVerdictView,
  type SchemaRecordBytesView,
  type SchemaRegistryView,
  type SchemaSubjectView,
  type SchemaVersionView,
  type SegmentView,
  type StreamsAppView,
  type StreamsNodeView,
  type StreamsTaskView,
  type StreamsWindowedView,
  type TopicConfigEntry,
  type TopicView,
  topicConfigNames,
} from './read/index';
export type { AlertRuleView, BurrowGroupView, BurrowPartitionView, MonitoringView } from './read/monitoring';
// the RabbitMQ broker beside the cluster, for the Kafka-vs-RabbitMQ side by side (simulator/rabbitmq)
export type {
  RabbitConsumerView,
  RabbitDeliveryView,
  RabbitMessageView,
  RabbitQueueView,
  RabbitView,
} from './read/rabbitmq';
// the security area as views read it (listeners, ACLs, last authorizer decisions, handshakes)
export type { SecurityView } from './read/security';
// share groups (KIP-932) as the console and the share-group view read them (simulator/shareGroups)
export type {
  ShareGroupsView,
  ShareGroupView,
  SharePartitionView,
  ShareRecordView,
} from './read/shareGroups';
export type { TenantPoint, TenantSeries } from './read/tenantSeries';
// classroom scenarios (simulator/scenario)
export {
  describeProblems,
  type Scenario,
  type ScenarioStep,
  validateScenario,
} from './scenario/index';
// Confluent Schema Registry (pure core; its libraries load with schemaRegistry.loadSchemaFormats())
export * as schemaRegistry from './schemaRegistry/public';
export { formatShareGroupMembers, formatShareGroupState } from './shareGroups/shareGroupCommand';
export { type CommandResult, type HistoryStep, Simulation } from './simulation';
