// Public API of the Kafka Connect control-plane core: REST handler, internal-topic records, config replay.
export { connectorInfo, connectorStateInfo, emptyConnectCluster, handleConnectRequest } from './handler';
export { generateTaskConfigs, leastLoadedWorker, settledState } from './herder';
export {
  CONFIG_TOPIC,
  type ConfigSnapshot,
  connectorConfigRecord,
  connectorStatusRecord,
  rebuildConfigState,
  removeConnectorRecords,
  restartRequestRecord,
  STATUS_TOPIC,
  targetStateRecord,
  taskConfigRecords,
  taskStatusRecord,
} from './internalTopics';
export * from './plugins';
export type * from './types';
export {
  baseConfigDefs,
  type ConfigInfos,
  type ConfigKeyInfo,
  type ConfigValueInfo,
  configErrorsMessage,
  findPlugin,
  validateConnectorConfig,
} from './validate';
