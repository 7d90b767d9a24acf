// Topic configs with Kafka's names, defaults and validation (TopicConfig.java / LogConfig.java, 4.0 defaults):
// the one table of them in the simulator. A topic stores only its overrides; the effective value falls back to the broker config, then the default.
import type { SimState } from '../engine/state';

type ConfigType = 'long' | 'int' | 'double' | 'boolean' | 'string' | 'list';
export type ConfigDef = {
  type: ConfigType;
  default: string;
  /** Broker-level synonym (server.properties), consulted before the default. */
  brokerSynonym?: string;
  /**
   * The broker synonym DescribeConfigs names as DEFAULT_CONFIG when it is not brokerSynonym: the first of
   * the synonyms with a default (ServerTopicConfigSynonyms), e.g. retention.ms's log.retention.hours=168.
   */
  defaultSynonym?: { name: string; value: string };
  min?: number;
  max?: number;
  oneOf?: readonly string[];
};

/** Kafka's Long.MAX_VALUE as kafka-configs prints it (the log stores it as Number.MAX_SAFE_INTEGER, JSON-safe). */
export const LONG_MAX_STRING = '9223372036854775807';

export const TOPIC_CONFIGS: Readonly<Record<string, ConfigDef>> = {
  'cleanup.policy': {
    type: 'list',
    default: 'delete',
    brokerSynonym: 'log.cleanup.policy',
    oneOf: ['compact', 'delete'],
  },
  'compression.type': {
    type: 'string',
    default: 'producer',
    brokerSynonym: 'compression.type',
    oneOf: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'],
  },
  'delete.retention.ms': {
    type: 'long',
    default: '86400000',
    brokerSynonym: 'log.cleaner.delete.retention.ms',
    min: 0,
  },
  'file.delete.delay.ms': {
    type: 'long',
    default: '60000',
    brokerSynonym: 'log.segment.delete.delay.ms',
    min: 0,
  },
  'flush.messages': {
    type: 'long',
    default: LONG_MAX_STRING,
    brokerSynonym: 'log.flush.interval.messages',
    min: 1,
  },
  'flush.ms': {
    type: 'long',
    default: LONG_MAX_STRING,
    brokerSynonym: 'log.flush.interval.ms',
    defaultSynonym: { name: 'log.flush.scheduler.interval.ms', value: LONG_MAX_STRING },
    min: 0,
  },
  'index.interval.bytes': { type: 'int', default: '4096', brokerSynonym: 'log.index.interval.bytes', min: 0 },
  'max.compaction.lag.ms': {
    type: 'long',
    default: LONG_MAX_STRING,
    brokerSynonym: 'log.cleaner.max.compaction.lag.ms',
    min: 1,
  },
  'max.message.bytes': { type: 'int', default: '1048588', brokerSynonym: 'message.max.bytes', min: 0 },
  'message.timestamp.after.max.ms': {
    type: 'long',
    default: '3600000',
    brokerSynonym: 'log.message.timestamp.after.max.ms',
    min: 0,
  },
  'message.timestamp.before.max.ms': {
    type: 'long',
    default: LONG_MAX_STRING,
    brokerSynonym: 'log.message.timestamp.before.max.ms',
    min: 0,
  },
  'message.timestamp.type': {
    type: 'string',
    default: 'CreateTime',
    brokerSynonym: 'log.message.timestamp.type',
    oneOf: ['CreateTime', 'LogAppendTime'],
  },
  'min.cleanable.dirty.ratio': {
    type: 'double',
    default: '0.5',
    brokerSynonym: 'log.cleaner.min.cleanable.ratio',
    min: 0,
    max: 1,
  },
  'min.compaction.lag.ms': {
    type: 'long',
    default: '0',
    brokerSynonym: 'log.cleaner.min.compaction.lag.ms',
    min: 0,
  },
  'min.insync.replicas': { type: 'int', default: '1', brokerSynonym: 'min.insync.replicas', min: 1 },
  preallocate: { type: 'boolean', default: 'false', brokerSynonym: 'log.preallocate' },
  'retention.bytes': { type: 'long', default: '-1', brokerSynonym: 'log.retention.bytes' },
  'retention.ms': {
    type: 'long',
    default: '604800000',
    brokerSynonym: 'log.retention.ms',
    defaultSynonym: { name: 'log.retention.hours', value: '168' },
    min: -1,
  },
  'segment.bytes': { type: 'int', default: '1073741824', brokerSynonym: 'log.segment.bytes', min: 14 },
  'segment.index.bytes': {
    type: 'int',
    default: '10485760',
    brokerSynonym: 'log.index.size.max.bytes',
    min: 4,
  },
  'segment.jitter.ms': {
    type: 'long',
    default: '0',
    brokerSynonym: 'log.roll.jitter.ms',
    defaultSynonym: { name: 'log.roll.jitter.hours', value: '0' },
    min: 0,
  },
  'segment.ms': {
    type: 'long',
    default: '604800000',
    brokerSynonym: 'log.roll.ms',
    defaultSynonym: { name: 'log.roll.hours', value: '168' },
    min: 1,
  },
  'unclean.leader.election.enable': {
    type: 'boolean',
    default: 'false',
    brokerSynonym: 'unclean.leader.election.enable',
  },
};

/** Broker configs the core reads (server.properties names and Kafka 4.0 defaults). */
export const BROKER_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'auto.create.topics.enable': 'true',
  'num.partitions': '1',
  'default.replication.factor': '1',
  'min.insync.replicas': '1',
  'unclean.leader.election.enable': 'false',
  'replica.lag.time.max.ms': '30000',
  'broker.session.timeout.ms': '9000',
  'broker.heartbeat.interval.ms': '2000',
  'controller.quorum.election.timeout.ms': '1000',
  'transactional.id.expiration.ms': '604800000',
  'transaction.max.timeout.ms': '900000',
  'producer.id.expiration.ms': '86400000',
  'log.retention.check.interval.ms': '300000',
  'offsets.topic.num.partitions': '50',
  'offsets.topic.replication.factor': '3',
};

/** Validate one config; returns Kafka's error message (InvalidConfigurationException/ConfigException) or null. */
export function validateTopicConfig(name: string, value: string): string | null {
  const def = TOPIC_CONFIGS[name];
  if (!def) return `Unknown topic config name: ${name}`;
  const bad = (why: string) => `Invalid value ${value} for configuration ${name}: ${why}`;
  const v = value.trim();
  switch (def.type) {
    case 'long':
    case 'int': {
      if (!/^-?\d+$/.test(v)) return bad(`Not a number of type ${def.type === 'long' ? 'LONG' : 'INT'}`);
      const n = Number(v);
      if (def.type === 'int' && (n > 2147483647 || n < -2147483648)) return bad('Not a number of type INT');
      if (def.min !== undefined && n < def.min) return bad(`Value must be at least ${def.min}`);
      if (def.max !== undefined && n > def.max) return bad(`Value must be no more than ${def.max}`);
      return null;
    }
    case 'double': {
      if (v === '' || Number.isNaN(Number(v))) return bad('Not a number of type DOUBLE');
      const n = Number(v);
      if (def.min !== undefined && n < def.min) return bad(`Value must be at least ${def.min}`);
      if (def.max !== undefined && n > def.max) return bad(`Value must be no more than ${def.max}`);
      return null;
    }
    case 'boolean':
      return v.toLowerCase() === 'true' || v.toLowerCase() === 'false'
        ? null
        : bad('Expected value to be either true or false');
    case 'string':
      return def.oneOf && !def.oneOf.includes(v)
        ? bad(`String must be one of: ${def.oneOf.join(', ')}`)
        : null;
    case 'list': {
      const items = v.split(',').map((s) => s.trim());
      const wrong = items.filter((s) => !def.oneOf?.includes(s));
      return wrong.length > 0 ? bad(`String must be one of: ${def.oneOf?.join(', ')}`) : null;
    }
  }
}

/** Effective value of a topic config: topic override, else broker setting, else Kafka's default. */
export function topicConfig(state: SimState, topic: string, name: string): string {
  const override = state.topics[topic]?.configs[name];
  if (override !== undefined) return override;
  const def = TOPIC_CONFIGS[name];
  if (!def) throw new Error(`unknown topic config ${name}`);
  const broker = def.brokerSynonym ? state.brokerConfig[def.brokerSynonym] : undefined;
  return broker ?? def.default;
}

export function topicConfigNumber(state: SimState, topic: string, name: string): number {
  return Number(topicConfig(state, topic, name));
}

export function topicConfigBool(state: SimState, topic: string, name: string): boolean {
  return topicConfig(state, topic, name).toLowerCase() === 'true';
}

export function brokerConfig(state: SimState, name: string): string {
  return state.brokerConfig[name] ?? BROKER_CONFIG_DEFAULTS[name] ?? '';
}

export function brokerConfigNumber(state: SimState, name: string): number {
  return Number(brokerConfig(state, name));
}

/** Effective min ISR (3.7+, KAFKA-15583): min(min.insync.replicas, replication factor). */
export function effectiveMinIsr(state: SimState, topic: string, replicationFactor: number): number {
  return Math.min(topicConfigNumber(state, topic, 'min.insync.replicas'), replicationFactor);
}
