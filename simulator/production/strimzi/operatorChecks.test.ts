import { describe, expect, it } from 'vitest';
import { checkKafkaCluster, isForbiddenOption } from './operatorChecks';
import type { KafkaResource, NodePoolResource } from './resources';
import { KAFKA_YAML, POOL_YAML, resources } from './strimzi.testkit';

function check(kafkaYaml: string, ...pools: string[]) {
  const rs = resources(kafkaYaml, ...pools);
  const kafka = rs.find((r): r is KafkaResource => r.kind === 'Kafka');
  if (!kafka) throw new Error('no Kafka');
  return checkKafkaCluster(
    kafka,
    rs.filter((r): r is NodePoolResource => r.kind === 'KafkaNodePool'),
  );
}
const CONTROLLERS = POOL_YAML('controller', 3, '[controller]');
const BROKERS = POOL_YAML('broker', 3, '[broker]');

describe('Strimzi cluster operator checks', () => {
  it('a valid KRaft cluster passes with no warnings', () => {
    expect(check(KAFKA_YAML(), CONTROLLERS, BROKERS)).toMatchObject({ failure: null, warnings: [] });
  });

  it('pools without the strimzi.io/cluster label of this Kafka are not seen (NodePoolUtils#validateNodePools)', () => {
    const c = check(KAFKA_YAML(), POOL_YAML('dual', 3, '[controller, broker]', 'type: ephemeral', 'other'));
    expect(c.failure).toEqual({
      reason: 'InvalidResourceException',
      message:
        "KafkaNodePools are enabled, but KafkaNodePools for Kafka cluster my-cluster either don't exist or have 0 replicas. Please make sure at least one KafkaNodePool resource exists, is in the same namespace as the Kafka resource, has at least one replica, and has the strimzi.io/cluster label set to the name of the Kafka resource.",
    });
  });

  it('KRaft needs a controller pool and a broker pool with replicas (NodePoolUtils#validateKRaftProcessRoles)', () => {
    expect(check(KAFKA_YAML(), BROKERS, POOL_YAML('controller', 0, '[controller]')).failure?.message).toBe(
      'The Kafka cluster my-cluster is invalid: [At least one KafkaNodePool with the controller role and at least one replica is required when KRaft mode is enabled]',
    );
    expect(check(KAFKA_YAML(), POOL_YAML('empty', 3, '[]'), CONTROLLERS).failure?.message).toBe(
      'The Kafka cluster my-cluster is invalid: [KafkaNodePool empty has no role defined in .spec.roles, At least one KafkaNodePool with the broker role and at least one replica is required when KRaft mode is enabled]',
    );
  });

  it('persistent-claim storage needs a size; JBOD needs a volume (StorageUtils#validatePersistentStorage)', () => {
    expect(
      check(KAFKA_YAML(), CONTROLLERS, POOL_YAML('broker', 3, '[broker]', 'type: persistent-claim')).failure
        ?.message,
    ).toBe('The size is mandatory for a persistent-claim storage (KafkaNodePool.spec.storage)');
    expect(
      check(KAFKA_YAML(), CONTROLLERS, POOL_YAML('broker', 3, '[broker]', 'type: jbod\n    volumes: []'))
        .failure?.message,
    ).toBe('JbodStorage needs to contain at least one volume (KafkaNodePool.spec.storage)');
    expect(
      check(
        KAFKA_YAML(),
        CONTROLLERS,
        POOL_YAML(
          'broker',
          3,
          '[broker]',
          'type: jbod\n    volumes:\n      - id: 0\n        type: persistent-claim\n        size: 10Gi',
        ),
      ).failure,
    ).toBeNull();
  });

  it('listeners need unique names and ports; 9404 and 9999 are reserved (ListenersValidator)', () => {
    expect(
      check(KAFKA_YAML().replace('port: 9093', 'port: 9092'), CONTROLLERS, BROKERS).failure?.message,
    ).toBe('Listener configuration is not valid: [every listener needs to have a unique port number]');
    expect(
      check(KAFKA_YAML().replace('port: 9093', 'port: 9404'), CONTROLLERS, BROKERS).failure?.message,
    ).toBe('Listener configuration is not valid: [port 9404 is forbidden and cannot be used]');
  });

  it('route and ingress listeners require TLS (ListenersValidator#validateRouteAndIngressTlsOnly)', () => {
    const yaml = KAFKA_YAML().replace(
      'name: plain\n        port: 9092\n        type: internal',
      'name: external\n        port: 9094\n        type: route',
    );
    expect(check(yaml, CONTROLLERS, BROKERS).failure?.message).toBe(
      'Listener configuration is not valid: [listener external is Route or Ingress type listener and requires enabled TLS encryption]',
    );
  });

  it('spec.kafka.version must be one this operator supports (KafkaVersion.Lookup#supportedVersion)', () => {
    expect(
      check(KAFKA_YAML().replace('version: 4.3.1', 'version: 3.9.0'), CONTROLLERS, BROKERS).failure,
    ).toEqual({
      reason: 'UnsupportedKafkaVersionException',
      message:
        'Unsupported Kafka.spec.kafka.version: 3.9.0. Supported versions are: [4.2.0, 4.2.1, 4.3.0, 4.3.1]',
    });
  });

  it('warns when default.replication.factor and min.insync.replicas are left at 1 on a multi-broker cluster (KafkaSpecChecker)', () => {
    expect(
      check(KAFKA_YAML('num.partitions: 3'), CONTROLLERS, BROKERS).warnings.map((w) => w.reason),
    ).toEqual(['KafkaDefaultReplicationFactor', 'KafkaMinInsyncReplicas']);
  });

  it('warns about a two-controller or even quorum and a lone ephemeral broker (KafkaSpecChecker)', () => {
    const c = check(
      KAFKA_YAML(),
      POOL_YAML('controller', 2, '[controller]'),
      POOL_YAML('broker', 1, '[broker]'),
    );
    expect(c.warnings.map((w) => w.message)).toEqual([
      'A Kafka cluster with a single broker node and ephemeral storage will lose topic messages after any restart or rolling update.',
      'Running KRaft controller quorum with two nodes is not advisable as both nodes will be needed to avoid downtime. It is recommended that a minimum of three nodes are used.',
    ]);
    expect(
      check(KAFKA_YAML(), POOL_YAML('controller', 4, '[controller]'), BROKERS).warnings[0]?.message,
    ).toBe('Running KRaft controller quorum with an odd number of nodes is recommended.');
  });

  it('options the operator manages itself are dropped with a log line; listed exceptions pass (KafkaClusterSpec.FORBIDDEN_PREFIXES)', () => {
    expect(isForbiddenOption('listeners')).toBe(true);
    expect(isForbiddenOption('ssl.keystore.location')).toBe(true);
    expect(isForbiddenOption('node.id')).toBe(true);
    expect(isForbiddenOption('ssl.cipher.suites')).toBe(false);
    expect(isForbiddenOption('broker.session.timeout.ms')).toBe(false);
    expect(isForbiddenOption('min.insync.replicas')).toBe(false);
    const c = check(
      KAFKA_YAML('min.insync.replicas: 2\n      default.replication.factor: 3\n      process.roles: broker'),
      CONTROLLERS,
      BROKERS,
    );
    expect(c.log).toEqual(['Configuration option "process.roles" is forbidden and will be ignored']);
    expect(c.effectiveConfig).toEqual({ 'min.insync.replicas': 2, 'default.replication.factor': 3 });
  });
});
