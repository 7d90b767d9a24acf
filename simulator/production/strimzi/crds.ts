// The modelled subset of Strimzi's CRD schemas, kafka.strimzi.io/v1 (the only served version since Strimzi
// 1.0.0 removed v1beta2): install/cluster-operator/040-Crd-kafka.yaml, 043-Crd-kafkatopic.yaml,
// 044-Crd-kafkauser.yaml, 045-Crd-kafkanodepool.yaml.
import type { Schema } from './crdSchema';

const str: Schema = { type: 'string' };
const bool: Schema = { type: 'boolean' };
const anyObject: Schema = { type: 'object', preserveUnknown: true };
const metadata: Schema = { type: 'object' };

const listener: Schema = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]{1,11}$' },
    port: { type: 'integer', minimum: 9092 },
    type: {
      type: 'string',
      enum: ['internal', 'route', 'tlsroute', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip'],
    },
    tls: bool,
    authentication: {
      type: 'object',
      properties: { type: { type: 'string', enum: ['tls', 'scram-sha-512', 'custom'] } },
      required: ['type'],
    },
  },
  required: ['name', 'port', 'type', 'tls'],
};

export const KAFKA_SCHEMA: Schema = {
  type: 'object',
  properties: {
    metadata,
    spec: {
      type: 'object',
      properties: {
        kafka: {
          type: 'object',
          properties: {
            version: str,
            metadataVersion: str,
            listeners: { type: 'array', items: listener, minItems: 1 },
            config: anyObject,
            authorization: {
              type: 'object',
              properties: { type: { type: 'string', enum: ['simple', 'custom'] } },
              required: ['type'],
            },
            rack: {
              type: 'object',
              properties: {
                topologyKey: str,
                envVarName: str,
                type: { type: 'string', enum: ['topology-label', 'environment-variable'] },
              },
              rules: [
                {
                  rule: '(has(self.type) && self.type != "topology-label") || self.topologyKey != ""',
                  holds: (self, has) =>
                    (has('type') && self('type') !== 'topology-label') || self('topologyKey') !== '',
                  message: 'topologyKey property is required',
                },
                {
                  rule: 'has(self.type) == false || self.type != "environment-variable" || self.envVarName != ""',
                  holds: (self, has) =>
                    !has('type') || self('type') !== 'environment-variable' || self('envVarName') !== '',
                  message: 'envVarName property is required',
                },
              ],
            },
          },
          required: ['listeners'],
          otherFields: [
            'image',
            'brokerRackInitImage',
            'livenessProbe',
            'readinessProbe',
            'jvmOptions',
            'jmxOptions',
            'metricsConfig',
            'logging',
            'template',
            'tieredStorage',
            'quotas',
          ],
        },
        entityOperator: { type: 'object', properties: { topicOperator: anyObject, userOperator: anyObject } },
      },
      required: ['kafka'],
      otherFields: ['clusterCa', 'clientsCa', 'cruiseControl', 'kafkaExporter', 'maintenanceTimeWindows'],
    },
  },
  required: ['spec'],
};

const volume = (types: readonly string[]): Schema => ({
  type: 'object',
  properties: {
    id: { type: 'integer', minimum: 0 },
    type: { type: 'string', enum: types },
    size: str,
    sizeLimit: { type: 'string', pattern: '^([0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$' },
    deleteClaim: bool,
    kraftMetadata: { type: 'string', enum: ['shared'] },
  },
  required: ['type'],
});

const jbodVolume = volume(['ephemeral', 'persistent-claim']);
const poolStorage = volume(['ephemeral', 'persistent-claim', 'jbod']);
if (poolStorage.type === 'object' && poolStorage.properties)
  poolStorage.properties.volumes = { type: 'array', items: jbodVolume };

export const NODE_POOL_SCHEMA: Schema = {
  type: 'object',
  properties: {
    metadata,
    spec: {
      type: 'object',
      properties: {
        replicas: { type: 'integer', minimum: 0 },
        storage: poolStorage,
        roles: { type: 'array', items: { type: 'string', enum: ['controller', 'broker'] } },
      },
      required: ['replicas', 'storage', 'roles'],
      otherFields: ['resources', 'jvmOptions', 'template'],
    },
  },
  required: ['spec'],
};

export const TOPIC_SCHEMA: Schema = {
  type: 'object',
  properties: {
    metadata,
    spec: {
      type: 'object',
      properties: {
        topicName: str,
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: anyObject,
      },
      otherFields: [],
    },
  },
};

const acl: Schema = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['allow', 'deny'] },
    resource: {
      type: 'object',
      properties: {
        name: str,
        patternType: { type: 'string', enum: ['literal', 'prefix'] },
        type: { type: 'string', enum: ['topic', 'group', 'cluster', 'transactionalId'] },
      },
      required: ['type'],
    },
    host: str,
    operations: {
      type: 'array',
      items: {
        type: 'string',
        enum: [
          'Read',
          'Write',
          'Create',
          'Delete',
          'Alter',
          'Describe',
          'ClusterAction',
          'AlterConfigs',
          'DescribeConfigs',
          'IdempotentWrite',
          'All',
        ],
      },
    },
  },
  required: ['resource', 'operations'],
};

export const USER_SCHEMA: Schema = {
  type: 'object',
  properties: {
    metadata,
    spec: {
      type: 'object',
      properties: {
        authentication: {
          type: 'object',
          properties: {
            type: { type: 'string', enum: ['tls', 'tls-external', 'scram-sha-512'] },
            validityDays: { type: 'integer', minimum: 1 },
            renewalDays: { type: 'integer', minimum: 1 },
          },
          required: ['type'],
          rules: [
            {
              rule: "self.type == 'tls' || (!has(self.validityDays) && !has(self.renewalDays))",
              holds: (self, has) => self('type') === 'tls' || (!has('validityDays') && !has('renewalDays')),
              message: "'validityDays' and 'renewalDays' can be configured only with 'type: tls'",
            },
            {
              rule: "self.type != 'tls' || (has(self.renewalDays) == has(self.validityDays))",
              holds: (self, has) => self('type') !== 'tls' || has('renewalDays') === has('validityDays'),
              message: "Both 'validityDays' and 'renewalDays' must be set together, or both must be unset.",
            },
            {
              rule: "self.type != 'tls' || !has(self.renewalDays) || !has(self.validityDays) || self.renewalDays < self.validityDays",
              holds: (self, has) =>
                self('type') !== 'tls' ||
                !has('renewalDays') ||
                !has('validityDays') ||
                (self('renewalDays') as number) < (self('validityDays') as number),
              message: "'renewalDays' must be less than 'validityDays'.",
            },
          ],
        },
        authorization: {
          type: 'object',
          properties: { type: { type: 'string', enum: ['simple'] }, acls: { type: 'array', items: acl } },
          required: ['acls', 'type'],
        },
      },
      otherFields: ['quotas', 'template'],
    },
  },
};

export const SCHEMAS = {
  Kafka: KAFKA_SCHEMA,
  KafkaNodePool: NODE_POOL_SCHEMA,
  KafkaTopic: TOPIC_SCHEMA,
  KafkaUser: USER_SCHEMA,
} as const;

export type StrimziKind = keyof typeof SCHEMAS;
