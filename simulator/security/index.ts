// The security core's public API: authentication decisions, KRaft's StandardAuthorizer, the per-API
// permission gate, kafka-acls.sh and kafka-configs.sh (users/clients) as pure functions, client quotas.
// See README.md in this folder for how an area wires it.

export {
  type AclCommandContext,
  type AclCommandParse,
  type AclCommandRequest,
  type AclCommandRun,
  parseAclCommandArgs,
  runAclCommand,
} from './aclCommand';
export {
  type AclBinding,
  type AclBindingFilter,
  ANY_BINDING_FILTER,
  type ApiError,
  createAcls,
  deleteAcls,
  describeAcls,
} from './aclStore';
export {
  ACL_OPERATIONS,
  type AclOperation,
  ANONYMOUS,
  CLUSTER_NAME,
  type ConcreteOperation,
  type ConcreteResourceType,
  formatAccessControlEntry,
  formatResourcePattern,
  formatStandardAcl,
  type KafkaPrincipal,
  PATTERN_TYPES,
  type PatternType,
  parseKafkaPrincipal,
  principalToString,
  RESOURCE_TYPES,
  type ResourceType,
  type StandardAcl,
} from './aclTypes';
export {
  type ApiName,
  authorizeRequest,
  type ClientRequest,
  type RequestAuthorization,
} from './apiPermissions';
export { API_PERMISSIONS, type ApiPermissionRow } from './apiPermissionTable';
export {
  type AuthOutcome,
  authenticate,
  type Certificate,
  type ConnectionAttempt,
  type HandshakeStep,
  type Keystore,
  type Pki,
  type Truststore,
} from './authentication';
export {
  type AuthorizationAction,
  type AuthorizationDecision,
  type AuthorizerConfig,
  type AuthorizerState,
  authorize,
  authorizeByResourceType,
  buildAuditMessage,
  emptyAuthorizerState,
  formatAuditLogLine,
  type MatchingRule,
  parseAuthorizerConfig,
  type RequestContext,
  ruleToString,
  writtenByDefault,
} from './authorizer';
export { type BrokerSecurity, parseBrokerSecurityConfig, STANDARD_AUTHORIZER } from './brokerSecurity';
export {
  type ClientSecurity,
  clientSecurityFromProps,
  formatClientConfigError,
  parseClientSecurityConfig,
} from './clientConfig';
export {
  alterClientQuota,
  describeClientQuotas,
  EMPTY_QUOTA_CONFIG,
  effectiveQuota,
  entityPath,
  QUOTA_KINDS,
  type QuotaConfigState,
  type QuotaEntity,
} from './clientQuotas';
export {
  type ConfigCommandParse,
  type ConfigCommandRequest,
  parseConfigCommandArgs,
  runConfigCommand,
} from './configCommand';
export {
  type ClientException,
  formatClientException,
  SECURITY_ERRORS,
  type SecurityErrorName,
} from './errors';
export type { QuotaKind, SecurityEvent, SecurityEventType } from './events';
export { type JaasEntry, loadJaasContext, parseJaasConfig } from './jaasConfig';
export { parseJavaProperties } from './javaProperties';
export type { ToolOutput } from './jopt';
export {
  type BrokerListeners,
  connectionString,
  type Endpoint,
  formatStartupError,
  parseBrokerListeners,
  type SecurityProtocol,
} from './listeners';
export {
  DEFAULT_QUOTA_MANAGER_CONFIG,
  maxValueInQuotaWindow,
  type QuotaManagerConfig,
  type QuotaState,
  recordAndGetThrottleTime,
  recordControllerMutation,
  recordFetch,
  recordProduce,
  sensorName,
} from './quotaManager';
export { type MetricWindow, measureRate, type SampledStat } from './sampledStat';
export {
  alterScramCredentials,
  describeScramCredentials,
  SCRAM_MECHANISMS,
  type ScramMechanism,
  type ScramState,
} from './scram';
export {
  authorizerEnabled,
  checkRequest,
  configureBrokers,
  connectClient,
  emptySecurityState,
  type RequestCheck,
  runKafkaAcls,
  runKafkaConfigs,
  type SecurityState,
} from './securityState';
export { mapSslPrincipal, parseSslPrincipalMappingRules } from './sslPrincipalMapper';
