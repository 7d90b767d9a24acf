// Kafka Streams, the pure core: DSL text -> topology (with Kafka's names and describe() text) -> tasks that
// process records as pure functions. See README.md in this folder.

export type { OpAst, ProgramAst, StatementAst } from './dsl/dslAst';
export { formatDslError, OPERATIONS, parseDsl } from './dsl/dslParser';
export { formatDslDuration, parseDuration } from './dsl/duration';
export type { DslError } from './dsl/scanner';
export { FUNCTIONS } from './expr/exprAst';
export { toJava } from './java/toJava';
export { decodeChange, encodeChange } from './runtime/compile';
export { formatChange, formatWindowedKey } from './runtime/format';
export { partitionForKey } from './runtime/partitioner';
export { CACHE_ENTRY_OVERHEAD_BYTES } from './runtime/recordCache';
export {
  applyChangelogRecord,
  beginRestore,
  changelogOf,
  parseWindowedText,
  RESTORE_BATCH_RECORDS,
  type RestoreEvent,
  type Restoring,
  restoreBatch,
  restoreStore,
} from './runtime/restore';
export { type StoreRow, storeRows } from './runtime/storeView';
export {
  commitTask,
  createGlobalState,
  createTask,
  type ProcessOptions,
  processGlobalRecord,
  processRecord,
  type StepResult,
  taskIdOf,
} from './runtime/task';
export type {
  ChangelogRecord,
  GlobalState,
  InputRecord,
  OutputRecord,
  StoreState,
  StreamsEvent,
  StreamsEventType,
  TaskState,
} from './runtime/types';
export { assignTasks, type ClientAssignment, type StreamsClient } from './tasks/assignment';
export { type PartitionPlan, planPartitions, streamsClientNames, type TaskDesc } from './tasks/partitions';
export { describeTopology } from './topology/describe';
export { type BuildResult, buildTopology } from './topology/dslBuilder';
export {
  internalTopicConfigs,
  WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS,
} from './topology/internalTopics';
export { changelogTopicFor, decorateTopic } from './topology/naming';
export type {
  InternalTopicSpec,
  ProcOp,
  StoreSpec,
  Subtopology,
  Topology,
  TopologyNode,
} from './topology/types';
