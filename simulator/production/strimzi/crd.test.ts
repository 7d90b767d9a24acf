import { describe, expect, it } from 'vitest';
import { KAFKA_YAML, POOL_YAML, rejection, resources, TOPIC_YAML, USER_YAML } from './strimzi.testkit';

// Rules from Strimzi's CRDs (install/cluster-operator/04x-Crd-*.yaml, kafka.strimzi.io/v1) as the Kubernetes
// API server reports them (k8s.io/apimachinery field.Error) and kubectl prints them (one cause inline, several
// as a list). A CRD with CEL rules (Kafka, KafkaUser) skips them after a Required/Unsupported/type error and says so.
const SKIPPED_CEL =
  '* <nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';
describe('Strimzi CRD schemas', () => {
  it('parses a KRaft cluster, its node pools, a topic and a user into typed resources', () => {
    const [kafka, pool, topic, user] = resources(
      KAFKA_YAML(),
      POOL_YAML('broker', 3, '[broker]', 'type: persistent-claim\n    size: 100Gi'),
      TOPIC_YAML('orders', 'partitions: 6\n  replicas: 3\n  config:\n    retention.ms: 604800000'),
      USER_YAML(
        'alice',
        'authentication:\n    type: scram-sha-512\n  authorization:\n    type: simple\n    acls:\n      - resource:\n          type: topic\n          name: orders\n        operations: [Read, Describe]',
      ),
    );
    expect(kafka).toMatchObject({ kind: 'Kafka', name: 'my-cluster', version: '4.3.1' });
    expect(kafka?.kind === 'Kafka' && kafka.config).toEqual({
      'default.replication.factor': 3,
      'min.insync.replicas': 2,
    });
    expect(pool).toMatchObject({
      kind: 'KafkaNodePool',
      cluster: 'my-cluster',
      replicas: 3,
      roles: ['broker'],
      storage: { type: 'persistent-claim', size: '100Gi', deleteClaim: false },
    });
    expect(topic).toMatchObject({
      topicName: 'orders',
      partitions: 6,
      replicas: 3,
      config: { 'retention.ms': 604800000 },
    });
    expect(user).toMatchObject({
      authentication: 'scram-sha-512',
      acls: [
        { type: 'allow', host: '*', resource: { type: 'topic', name: 'orders', patternType: 'literal' } },
      ],
    });
  });

  it('kafka.strimzi.io/v1beta2 is no longer served: Strimzi 1.0.0 removed it from the CRDs (CHANGELOG 1.0.0)', () => {
    expect(rejection(KAFKA_YAML().replace('kafka.strimzi.io/v1', 'kafka.strimzi.io/v1beta2'))).toBe(
      'error: resource mapping not found for name: "my-cluster" namespace: "" from "kafka.yaml": no matches for kind "Kafka" in version "kafka.strimzi.io/v1beta2"\nensure CRDs are installed first',
    );
  });

  it('v1beta2-era fields are unknown in v1 and refused by strict field validation (040-Crd-kafka.yaml has no spec.kafka.replicas or spec.zookeeper)', () => {
    const old = KAFKA_YAML()
      .replace('    version: 4.3.1', '    version: 4.3.1\n    replicas: 3')
      .replace('spec:\n', 'spec:\n  zookeeper:\n    replicas: 3\n');
    expect(rejection(old)).toBe(
      'Error from server (BadRequest): error when creating "kafka.yaml": Kafka in version "v1" cannot be handled as a Kafka: strict decoding error: unknown field "spec.zookeeper", unknown field "spec.kafka.replicas"',
    );
    expect(rejection(TOPIC_YAML('t', 'partition: 3'))).toBe(
      'Error from server (BadRequest): error when creating "kafka.yaml": KafkaTopic in version "v1" cannot be handled as a KafkaTopic: strict decoding error: unknown field "spec.partition"',
    );
  });

  it('a document without apiVersion is refused by kubectl before it reaches the server', () => {
    expect(rejection(KAFKA_YAML().replace('apiVersion: kafka.strimzi.io/v1', ''))).toBe(
      'error: error validating "kafka.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
  });

  it('broken YAML is a parse error', () => {
    expect(rejection('kind: Kafka\n  spec: [')).toMatch(/^error: error parsing kafka\.yaml: /);
  });

  it('listener port: minimum 9092 (040-Crd-kafka.yaml listeners.port)', () => {
    expect(rejection(KAFKA_YAML().replace('port: 9092', 'port: 9000'))).toBe(
      'The Kafka "my-cluster" is invalid: spec.kafka.listeners[0].port: Invalid value: 9000: spec.kafka.listeners[0].port in body should be greater than or equal to 9092',
    );
  });

  it('listener name: pattern ^[a-z0-9]{1,11}$ (040-Crd-kafka.yaml listeners.name)', () => {
    expect(rejection(KAFKA_YAML().replace('name: plain', 'name: Plain-Text'))).toBe(
      `The Kafka "my-cluster" is invalid: spec.kafka.listeners[0].name: Invalid value: "Plain-Text": spec.kafka.listeners[0].name in body should match '^[a-z0-9]{1,11}$'`,
    );
  });

  it('listener: name, port, type and tls are required; type is an enum (040-Crd-kafka.yaml)', () => {
    expect(
      rejection(KAFKA_YAML().replace('        tls: false\n', '').replace('type: internal', 'type: external')),
    ).toBe(
      [
        'The Kafka "my-cluster" is invalid: ',
        '* spec.kafka.listeners[0].tls: Required value',
        '* spec.kafka.listeners[0].type: Unsupported value: "external": supported values: "internal", "route", "tlsroute", "loadbalancer", "nodeport", "ingress", "cluster-ip"',
        SKIPPED_CEL,
      ].join('\n'),
    );
  });

  it('spec.kafka.listeners needs at least one item (minItems: 1)', () => {
    const yaml = KAFKA_YAML().replace(/ {4}listeners:[\s\S]*?tls: true\n/, '    listeners: []\n');
    expect(rejection(yaml)).toBe(
      'The Kafka "my-cluster" is invalid: spec.kafka.listeners: Invalid value: 0: spec.kafka.listeners in body should have at least 1 items',
    );
  });

  it('rack: the CEL rule "topologyKey property is required" for type topology-label (040-Crd-kafka.yaml rack)', () => {
    const yaml = KAFKA_YAML().replace('    config:', '    rack:\n      type: topology-label\n    config:');
    expect(rejection(yaml.replace('type: topology-label', 'topologyKey: ""'))).toBe(
      'The Kafka "my-cluster" is invalid: spec.kafka.rack: Invalid value: "object": topologyKey property is required',
    );
    // An absent field makes the CEL expression itself fail, and the server reports that instead of the message.
    expect(rejection(yaml)).toBe(
      'The Kafka "my-cluster" is invalid: spec.kafka.rack: Invalid value: "object": no such key: topologyKey evaluating rule: (has(self.type) && self.type != "topology-label") || self.topologyKey != ""',
    );
    expect(() =>
      resources(yaml.replace('type: topology-label', 'topologyKey: topology.kubernetes.io/zone')),
    ).not.toThrow();
  });

  it('KafkaNodePool: replicas, storage and roles are required, roles are controller/broker, replicas ≥ 0 (045-Crd-kafkanodepool.yaml)', () => {
    expect(rejection(POOL_YAML('a', -1, '[worker]'))).toBe(
      [
        'The KafkaNodePool "a" is invalid: ',
        '* spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0',
        '* spec.roles[0]: Unsupported value: "worker": supported values: "controller", "broker"',
      ].join('\n'),
    );
    const noStorage = POOL_YAML('a', 3, '[broker]').replace(/ {2}storage:\n.*\n/, '');
    expect(rejection(noStorage)).toBe('The KafkaNodePool "a" is invalid: spec.storage: Required value');
  });

  it('storage type: ephemeral, persistent-claim or jbod; a JBOD volume cannot itself be jbod (045-Crd-kafkanodepool.yaml)', () => {
    expect(rejection(POOL_YAML('a', 3, '[broker]', 'type: local'))).toBe(
      'The KafkaNodePool "a" is invalid: spec.storage.type: Unsupported value: "local": supported values: "ephemeral", "persistent-claim", "jbod"',
    );
    expect(
      rejection(POOL_YAML('a', 3, '[broker]', 'type: jbod\n    volumes:\n      - id: 0\n        type: jbod')),
    ).toBe(
      'The KafkaNodePool "a" is invalid: spec.storage.volumes[0].type: Unsupported value: "jbod": supported values: "ephemeral", "persistent-claim"',
    );
  });

  it('KafkaTopic: partitions ≥ 1, 1 ≤ replicas ≤ 32767, integers only (043-Crd-kafkatopic.yaml)', () => {
    expect(rejection(TOPIC_YAML('t', 'partitions: 0\n  replicas: 40000'))).toBe(
      [
        'The KafkaTopic "t" is invalid: ',
        '* spec.partitions: Invalid value: 0: spec.partitions in body should be greater than or equal to 1',
        '* spec.replicas: Invalid value: 40000: spec.replicas in body should be less than or equal to 32767',
      ].join('\n'),
    );
    expect(rejection(TOPIC_YAML('t', 'partitions: "three"'))).toBe(
      'The KafkaTopic "t" is invalid: spec.partitions: Invalid value: "string": spec.partitions in body must be of type integer: "string"',
    );
  });

  it('a blocking error on a CRD with CEL rules skips them: the rack rule is not evaluated (customResourceStrategy#Validate)', () => {
    const yaml = KAFKA_YAML()
      .replace('    config:', '    rack:\n      type: topology-label\n    config:')
      .replace('tls: false', 'tls: "no"');
    expect(rejection(yaml)).toBe(
      [
        'The Kafka "my-cluster" is invalid: ',
        '* spec.kafka.listeners[0].tls: Invalid value: "string": spec.kafka.listeners[0].tls in body must be of type boolean: "string"',
        SKIPPED_CEL,
      ].join('\n'),
    );
  });

  it('KafkaUser: authentication type is tls, tls-external or scram-sha-512 (044-Crd-kafkauser.yaml)', () => {
    expect(rejection(USER_YAML('u', 'authentication:\n    type: scram-sha-256'))).toBe(
      [
        'The KafkaUser "u" is invalid: ',
        '* spec.authentication.type: Unsupported value: "scram-sha-256": supported values: "tls", "tls-external", "scram-sha-512"',
        SKIPPED_CEL,
      ].join('\n'),
    );
  });

  it("KafkaUser: CEL rule \"'validityDays' and 'renewalDays' can be configured only with 'type: tls'\" (044-Crd-kafkauser.yaml)", () => {
    expect(rejection(USER_YAML('u', 'authentication:\n    type: scram-sha-512\n    validityDays: 30'))).toBe(
      `The KafkaUser "u" is invalid: spec.authentication: Invalid value: "object": 'validityDays' and 'renewalDays' can be configured only with 'type: tls'`,
    );
    expect(
      rejection(USER_YAML('u', 'authentication:\n    type: tls\n    validityDays: 30\n    renewalDays: 30')),
    ).toBe(
      `The KafkaUser "u" is invalid: spec.authentication: Invalid value: "object": 'renewalDays' must be less than 'validityDays'.`,
    );
  });

  it('KafkaUser simple authorization: acls and type are required, each ACL needs resource and operations (044-Crd-kafkauser.yaml)', () => {
    expect(rejection(USER_YAML('u', 'authorization:\n    type: simple'))).toBe(
      ['The KafkaUser "u" is invalid: ', '* spec.authorization.acls: Required value', SKIPPED_CEL].join('\n'),
    );
    expect(
      rejection(
        USER_YAML(
          'u',
          'authorization:\n    type: simple\n    acls:\n      - resource:\n          type: topic\n        operations: [Produce]',
        ),
      ),
    ).toBe(
      [
        'The KafkaUser "u" is invalid: ',
        '* spec.authorization.acls[0].operations[0]: Unsupported value: "Produce": supported values: "Read", "Write", "Create", "Delete", "Alter", "Describe", "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All"',
        SKIPPED_CEL,
      ].join('\n'),
    );
  });

  it('metadata.name is required (ObjectMeta validation)', () => {
    expect(rejection(TOPIC_YAML('t', 'partitions: 1').replace('  name: t\n', ''))).toBe(
      'The KafkaTopic "" is invalid: metadata.name: Required value: name or generateName is required',
    );
  });
});
