// Monitoring: Kafka's MBeans derived from the simulation, jmx_exporter naming and the Prometheus exposition,
// a bounded series store, a PromQL subset, Strimzi's alert rules, Burrow's lag evaluation, lag in time, and the
// console tools (curl, grep, JmxTool) as pure functions. See README.md.
export {
  type ActiveAlert,
  type AlertEvent,
  type AlertingState,
  type AlertState,
  alertsSeries,
  checkRules,
  DEFAULT_EVALUATION_INTERVAL_MS,
  evaluateRules,
  expandTemplate,
  listAlerts,
  newAlertingState,
  RESOLVED_RETENTION_MS,
} from './alerts/alerting';
export { type AlertRule, STRIMZI_ALERT_RULES } from './alerts/strimziRules';
export {
  type BurrowStatus,
  type ConsumerGroupStatus,
  calculatePartitionStatus,
  evaluateGroup,
  type PartitionStatus,
  type RuleVerdict,
  statusOnly,
} from './burrow/evaluator';
export { burrowHttp, groupStatusJson } from './burrow/http';
export {
  addBrokerOffset,
  addConsumerOffset,
  BURROW_DEFAULTS,
  type BurrowConfig,
  type BurrowState,
  type ConsumerOffset,
  fetchConsumer,
  newBurrowState,
  setConsumerOwner,
} from './burrow/storage';
export { CATALOG, type CatalogEntry, catalogEntry } from './catalog';
export { jmxBeansFor, monitoringEndpoints, nodeForHost } from './console/endpoints';
export { grep } from './console/grep';
export {
  DEFAULT_JMX_URL,
  type JmxToolRequest,
  jmxUrlHost,
  parseJmxToolArgs,
  runJmxTool,
} from './console/jmxTool';
export type { Endpoint, HttpResult, ToolOutput } from './console/types';
export { EXPOSITION_CONTENT_TYPE, renderExposition } from './exposition';
export { goFloatF, goFloatV, javaDouble } from './format';
export {
  exportMBeans,
  type JmxExporterConfig,
  type JmxRule,
  KAFKA_KRAFT_RULES,
  type MetricFamily,
  STRIMZI_CLIENT_RULES,
} from './jmxExporter';
export {
  addPoint,
  type LagTables,
  LOOKUP_TABLE_SIZE,
  type LookupTable,
  lookup,
  newLookupTable,
  recordLatestOffset,
  timeLagSeconds,
} from './lagTime';
export { type MBean, mbeanObjectName } from './mbean';
export {
  burrowRefresh,
  DEFAULT_MONITORING_CONFIG,
  lagExporterPoll,
  type MonitoringConfig,
  type MonitoringState,
  newMonitoringState,
  onMonitoringEvent,
  scrapeAndEvaluate,
} from './monitor';
export { apiQuery, apiQueryRange } from './promql/api';
export { type EvalValue, instantQuery, PromQLExecError, rangeQuery } from './promql/evaluator';
export { PromQLError } from './promql/lexer';
export { parsePromQL } from './promql/parser';
export { type MetricsRecorder, newRecorder, observe } from './recorder';
export { collectMBeans, type NodeRef, runningNodes } from './sampler';
export { DEFAULT_SCRAPE_INTERVAL_MS, scrapeAll } from './scrape';
export {
  DEFAULT_TIERS,
  instantSample,
  newStore,
  rangeSamples,
  type SeriesStore,
  type TierSpec,
} from './store';
export { DEFAULT_MONITORING_OPTIONS, type MonitoringOptions, scrapeTargets, targetFamilies } from './targets';
