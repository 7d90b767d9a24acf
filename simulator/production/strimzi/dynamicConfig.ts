// Which broker options a broker can take without a restart. Strimzi's KafkaRoller compares the desired and the
// current broker configuration (KafkaConfigurationDiff, driven by the config model generated from Kafka's
// DynamicBrokerConfig): if every changed option is dynamically updatable cluster-wide it applies them with
// incrementalAlterConfigs, otherwise it restarts the broker. Kafka's list: DynamicLogConfig.ReconfigurableConfigs
// (the broker synonyms of topic configs, ServerTopicConfigSynonyms) plus the thread pools
// (DynamicThreadPool.ReconfigurableConfigs). Simplified: a curated subset of that list; anything else restarts.
export const DYNAMIC_BROKER_OPTIONS: ReadonlySet<string> = new Set([
  'min.insync.replicas',
  'unclean.leader.election.enable',
  'compression.type',
  'message.max.bytes',
  'log.segment.bytes',
  'log.roll.ms',
  'log.roll.hours',
  'log.retention.ms',
  'log.retention.minutes',
  'log.retention.hours',
  'log.retention.bytes',
  'log.cleanup.policy',
  'log.cleaner.delete.retention.ms',
  'log.cleaner.min.compaction.lag.ms',
  'log.cleaner.max.compaction.lag.ms',
  'log.cleaner.min.cleanable.ratio',
  'log.index.interval.bytes',
  'log.flush.interval.messages',
  'log.flush.interval.ms',
  'log.message.timestamp.type',
  'log.preallocate',
  'num.io.threads',
  'num.network.threads',
  'num.replica.fetchers',
  'background.threads',
  'log.cleaner.threads',
]);
