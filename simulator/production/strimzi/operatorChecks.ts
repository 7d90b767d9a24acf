// What the Strimzi cluster operator checks on top of the CRD schema when it reconciles a Kafka cluster, with
// its own messages. A failed check ends the reconciliation: the Kafka gets a NotReady condition whose reason
// is the Java exception's simple name. Warnings become Warning conditions in .status.conditions.
import type { KafkaResource, NodePoolResource, Storage } from './resources';

/** Supported Kafka versions of the mirrored Strimzi snapshot (kafka-versions.yaml, `supported: true`). */
export const SUPPORTED_KAFKA_VERSIONS = ['4.2.0', '4.2.1', '4.3.0', '4.3.1'] as const;
/** kafka-versions.yaml `default: true`: used when spec.kafka.version is not set. */
export const DEFAULT_KAFKA_VERSION = '4.3.1';

export type Condition = { type: 'Warning'; reason: string; message: string };
export type ReconcileFailure = {
  reason: 'InvalidResourceException' | 'UnsupportedKafkaVersionException';
  message: string;
};

export type ClusterCheck = {
  failure: ReconcileFailure | null;
  warnings: Condition[];
  /** Operator log lines for options it drops from spec.kafka.config. */
  log: string[];
  /** spec.kafka.config without the forbidden options: what reaches the brokers. */
  effectiveConfig: KafkaResource['config'];
};

/** Pools the operator sees for a Kafka: same namespace and strimzi.io/cluster label equal to its name. */
export const poolsOf = (kafka: KafkaResource, pools: readonly NodePoolResource[]) =>
  pools.filter((p) => p.cluster === kafka.name);

// KafkaClusterSpec.FORBIDDEN_PREFIXES / FORBIDDEN_PREFIX_EXCEPTIONS: options the operator manages itself.
const FORBIDDEN_PREFIXES = [
  'listeners',
  'advertised.',
  'broker.',
  'listener.',
  'host.name',
  'port',
  'inter.broker.listener.name',
  'sasl.',
  'ssl.',
  'security.',
  'password.',
  'log.dir',
  'zookeeper.connect',
  'zookeeper.set.acl',
  'zookeeper.ssl',
  'zookeeper.clientCnxnSocket',
  'authorizer.',
  'super.user',
  'cruise.control.metrics.topic',
  'cruise.control.metrics.reporter.bootstrap.servers',
  'node.id',
  'process.roles',
  'controller.',
  'metadata.log.dir',
  'zookeeper.metadata.migration.enable',
  'client.quota.callback.static.kafka.admin.',
  'client.quota.callback.static.produce',
  'client.quota.callback.static.fetch',
  'client.quota.callback.static.storage.per.volume.limit.min.available.',
  'client.quota.callback.static.excluded.principal.name.list',
  'prometheus.metrics.reporter.',
  'cordoned.log.dirs',
];
const FORBIDDEN_EXCEPTIONS = new Set([
  'zookeeper.connection.timeout.ms',
  'sasl.server.max.receive.size',
  'ssl.cipher.suites',
  'ssl.protocol',
  'ssl.enabled.protocols',
  'ssl.secure.random.implementation',
  'cruise.control.metrics.topic.num.partitions',
  'cruise.control.metrics.topic.replication.factor',
  'cruise.control.metrics.topic.retention.ms',
  'cruise.control.metrics.topic.auto.create.retries',
  'cruise.control.metrics.topic.auto.create.timeout.ms',
  'cruise.control.metrics.topic.min.insync.replicas',
  'broker.session.timeout.ms',
  'broker.heartbeat.interval.ms',
  'controller.socket.timeout.ms',
  'controller.quorum.election.backoff.max.ms',
  'controller.quorum.election.timeout.ms',
  'controller.quorum.fetch.timeout.ms',
]);

/** AbstractConfiguration#filterForbidden: case-insensitive prefix match, exceptions matched exactly. */
export function isForbiddenOption(key: string): boolean {
  const lower = key.toLowerCase();
  return FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p.toLowerCase())) && !FORBIDDEN_EXCEPTIONS.has(key);
}

const replicasWith = (pools: readonly NodePoolResource[], role: 'broker' | 'controller') =>
  pools.filter((p) => p.roles.includes(role)).reduce((n, p) => n + p.replicas, 0);

const usesEphemeral = (s: Storage) =>
  s.type === 'ephemeral' || (s.type === 'jbod' && s.volumes.some((v) => v.type === 'ephemeral'));

/** NodePoolUtils#validateNodePools (and its validateKRaftProcessRoles). */
function checkNodePools(kafka: KafkaResource, pools: readonly NodePoolResource[]): string | null {
  if (pools.length === 0 || pools.every((p) => p.replicas === 0))
    return `KafkaNodePools are enabled, but KafkaNodePools for Kafka cluster ${kafka.name} either don't exist or have 0 replicas. Please make sure at least one KafkaNodePool resource exists, is in the same namespace as the Kafka resource, has at least one replica, and has the strimzi.io/cluster label set to the name of the Kafka resource.`;
  const errors: string[] = [];
  let broker = false;
  let controller = false;
  for (const p of pools) {
    if (p.roles.length === 0) errors.push(`KafkaNodePool ${p.name} has no role defined in .spec.roles`);
    else if (p.replicas > 0) {
      broker ||= p.roles.includes('broker');
      controller ||= p.roles.includes('controller');
    }
  }
  if (!broker)
    errors.push(
      'At least one KafkaNodePool with the broker role and at least one replica is required when KRaft mode is enabled',
    );
  if (!controller)
    errors.push(
      'At least one KafkaNodePool with the controller role and at least one replica is required when KRaft mode is enabled',
    );
  return errors.length > 0 ? `The Kafka cluster ${kafka.name} is invalid: [${errors.join(', ')}]` : null;
}

/** StorageUtils#validatePersistentStorage, called by KafkaPool with path "KafkaNodePool.spec.storage". */
function checkStorage(pool: NodePoolResource): string | null {
  const path = 'KafkaNodePool.spec.storage';
  const s = pool.storage;
  if (s.type === 'jbod' && s.volumes.length === 0)
    return `JbodStorage needs to contain at least one volume (${path})`;
  const volumes = s.type === 'jbod' ? s.volumes : [s];
  if (volumes.some((v) => v.type === 'persistent-claim' && (v.size === null || v.size === '')))
    return `The size is mandatory for a persistent-claim storage (${path})`;
  return null;
}

// ListenersValidator: FORBIDDEN_PORTS (9404 JMX exporter, 9999 JMX) and LOWEST_ALLOWED_PORT_NUMBER 9092.
const FORBIDDEN_PORTS = [9404, 9999];

/**
 * ListenersValidator#validate. Simplified: Strimzi collects the messages in a HashSet (its order is not
 * meaningful); here they keep the order the checks ran in. Ingress/TLSRoute host rules are not modelled.
 */
function checkListeners(kafka: KafkaResource): string | null {
  const errors: string[] = [];
  const add = (e: string) => {
    if (!errors.includes(e)) errors.push(e);
  };
  const names = kafka.listeners.map((l) => l.name);
  if (new Set(names).size !== names.length) add('every listener needs to have a unique name');
  const ports = kafka.listeners.map((l) => l.port);
  if (new Set(ports).size !== ports.length) add('every listener needs to have a unique port number');
  for (const l of kafka.listeners) {
    if (FORBIDDEN_PORTS.includes(l.port) || l.port < 9092)
      add(`port ${l.port} is forbidden and cannot be used`);
    if ((l.type === 'route' || l.type === 'ingress') && !l.tls)
      add(`listener ${l.name} is Route or Ingress type listener and requires enabled TLS encryption`);
  }
  return errors.length > 0 ? `Listener configuration is not valid: [${errors.join(', ')}]` : null;
}

/** KafkaSpecChecker#run: advice the operator puts into the Kafka's status as Warning conditions. */
function specWarnings(kafka: KafkaResource, pools: readonly NodePoolResource[]): Condition[] {
  const warnings: Condition[] = [];
  const warn = (reason: string, message: string) => warnings.push({ type: 'Warning', reason, message });
  const brokers = replicasWith(pools, 'broker');
  const controllers = replicasWith(pools, 'controller');
  for (const [key, reason] of [
    ['default.replication.factor', 'KafkaDefaultReplicationFactor'],
    ['min.insync.replicas', 'KafkaMinInsyncReplicas'],
  ] as const)
    if (kafka.config[key] === undefined && brokers > 1)
      warn(
        reason,
        `${key} option is not configured. It defaults to 1 which does not guarantee reliability and availability. You should configure this option in .spec.kafka.config.`,
      );
  const onlyPool = (role: 'broker' | 'controller') =>
    pools.find((p) => p.replicas > 0 && p.roles.includes(role));
  const brokerPool = onlyPool('broker');
  if (brokers === 1 && brokerPool && usesEphemeral(brokerPool.storage))
    warn(
      'KafkaStorage',
      'A Kafka cluster with a single broker node and ephemeral storage will lose topic messages after any restart or rolling update.',
    );
  const controllerPool = onlyPool('controller');
  if (controllers === 1 && controllerPool && usesEphemeral(controllerPool.storage))
    warn(
      'KafkaStorage',
      'A Kafka cluster with a single controller node and ephemeral storage will lose data after any restart or rolling update.',
    );
  if (controllers === 2)
    warn(
      'KafkaKRaftControllerNodeCount',
      'Running KRaft controller quorum with two nodes is not advisable as both nodes will be needed to avoid downtime. It is recommended that a minimum of three nodes are used.',
    );
  else if (controllers % 2 === 0)
    warn(
      'KafkaKRaftControllerNodeCount',
      'Running KRaft controller quorum with an odd number of nodes is recommended.',
    );
  if (kafka.listeners.some((l) => l.type === 'ingress'))
    warn('DeprecatedObjects', 'ingress type listeners are deprecated.');
  return warnings;
}

/**
 * The operator's checks for one Kafka cluster and the pools labelled for it, in reconciliation order; the first
 * failing check stops the reconciliation (each throws in Strimzi). `pools` may include other clusters' pools.
 */
export function checkKafkaCluster(kafka: KafkaResource, allPools: readonly NodePoolResource[]): ClusterCheck {
  const pools = poolsOf(kafka, allPools);
  const log: string[] = [];
  const effectiveConfig: KafkaResource['config'] = {};
  for (const [k, v] of Object.entries(kafka.config)) {
    if (isForbiddenOption(k)) log.push(`Configuration option "${k}" is forbidden and will be ignored`);
    else effectiveConfig[k] = v;
  }
  const result = (failure: ReconcileFailure | null, warnings: Condition[] = []): ClusterCheck => ({
    failure,
    warnings,
    log,
    effectiveConfig,
  });
  const version = kafka.version ?? DEFAULT_KAFKA_VERSION;
  if (!(SUPPORTED_KAFKA_VERSIONS as readonly string[]).includes(version))
    return result({
      reason: 'UnsupportedKafkaVersionException',
      message: `Unsupported Kafka.spec.kafka.version: ${version}. Supported versions are: [${SUPPORTED_KAFKA_VERSIONS.join(', ')}]`,
    });
  const failed =
    checkNodePools(kafka, pools) ?? pools.map(checkStorage).find((e) => e !== null) ?? checkListeners(kafka);
  if (failed) return result({ reason: 'InvalidResourceException', message: failed });
  return result(null, specWarnings(kafka, pools));
}
