// The Strimzi lesson's pure core: parse and validate custom resources, then plan what the operators do.
export { type FieldError, formatInvalid, validateResource, validateSchema } from './crdSchema';
export { DYNAMIC_BROKER_OPTIONS } from './dynamicConfig';
export { type ApplyResult, formatApply } from './kubectlApply';
export { assignNodeIds, type PoolAssignment } from './nodeIds';
export {
  type ClusterCheck,
  type Condition,
  checkKafkaCluster,
  DEFAULT_KAFKA_VERSION,
  isForbiddenOption,
  type ReconcileFailure,
  SUPPORTED_KAFKA_VERSIONS,
} from './operatorChecks';
export {
  EMPTY_CLUSTER,
  type LiveCluster,
  planReconcile,
  type ReconcileOutcome,
  rollingRestart,
  type StrimziClusterState,
  type StrimziEvent,
} from './planner';
export * from './resources';
