// Topic-level configs the console knows by name, with the broker config each one falls back to and
// its default (kafka-facts §7.1; TopicConfig / ServerLogConfigs). Used by kafka-configs --describe
// for the `synonyms={...}` list, by validation of config names, and by tab completion.

export type TopicConfigInfo = { broker: string; default: string };

export const TOPIC_CONFIGS: Record<string, TopicConfigInfo> = {
  'cleanup.policy': { broker: 'log.cleanup.policy', default: 'delete' },
  'compression.type': { broker: 'compression.type', default: 'producer' },
  'delete.retention.ms': { broker: 'log.cleaner.delete.retention.ms', default: '86400000' },
  'file.delete.delay.ms': { broker: 'log.segment.delete.delay.ms', default: '60000' },
  'max.compaction.lag.ms': { broker: 'log.cleaner.max.compaction.lag.ms', default: '9223372036854775807' },
  'max.message.bytes': { broker: 'message.max.bytes', default: '1048588' },
  'message.timestamp.type': { broker: 'log.message.timestamp.type', default: 'CreateTime' },
  'message.timestamp.after.max.ms': { broker: 'log.message.timestamp.after.max.ms', default: '3600000' },
  'message.timestamp.before.max.ms': {
    broker: 'log.message.timestamp.before.max.ms',
    default: '9223372036854775807',
  },
  'min.cleanable.dirty.ratio': { broker: 'log.cleaner.min.cleanable.ratio', default: '0.5' },
  'min.compaction.lag.ms': { broker: 'log.cleaner.min.compaction.lag.ms', default: '0' },
  'min.insync.replicas': { broker: 'min.insync.replicas', default: '1' },
  'retention.bytes': { broker: 'log.retention.bytes', default: '-1' },
  'retention.ms': { broker: 'log.retention.hours', default: '168' },
  'segment.bytes': { broker: 'log.segment.bytes', default: '1073741824' },
  'segment.ms': { broker: 'log.roll.hours', default: '168' },
  'segment.jitter.ms': { broker: 'log.roll.jitter.hours', default: '0' },
  'unclean.leader.election.enable': { broker: 'unclean.leader.election.enable', default: 'false' },
};

export function isKnownTopicConfig(name: string): boolean {
  return Object.hasOwn(TOPIC_CONFIGS, name);
}
