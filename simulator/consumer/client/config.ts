// A consumer's configuration: Kafka's defaults (ConsumerConfig, Kafka 3.0+) filled in, then the checks
// KafkaConsumer's constructor and the broker make before a consumer may subscribe.
import { DEFAULT_ASSIGNMENT_STRATEGY } from '../assignors/index';
import type { ConsumerConfig, ConsumerCreateConfig } from '../types';

/** Consumer defaults (ConsumerConfig, Kafka 3.0+). */
export const CONSUMER_DEFAULTS = {
  sessionTimeoutMs: 45_000,
  heartbeatIntervalMs: 3_000,
  maxPollIntervalMs: 300_000,
  maxPollRecords: 500,
  autoCommitIntervalMs: 5_000,
  /** metadata.max.age.ms (CommonClientConfigs): the background metadata refresh. */
  metadataMaxAgeMs: 300_000,
} as const;

export function fullConsumerConfig(c: ConsumerCreateConfig): ConsumerConfig {
  return {
    groupId: c.groupId,
    clientId: c.clientId ?? null,
    topics: c.topics,
    strategies: c.strategies && c.strategies.length > 0 ? c.strategies : [...DEFAULT_ASSIGNMENT_STRATEGY],
    enableAutoCommit: c.enableAutoCommit ?? true,
    autoCommitIntervalMs: c.autoCommitIntervalMs ?? CONSUMER_DEFAULTS.autoCommitIntervalMs,
    isolationLevel: c.isolationLevel ?? 'read_uncommitted',
    autoOffsetReset: c.autoOffsetReset ?? 'latest',
    groupInstanceId: c.groupInstanceId ?? null,
    maxPollRecords: c.maxPollRecords ?? CONSUMER_DEFAULTS.maxPollRecords,
    sessionTimeoutMs: c.sessionTimeoutMs ?? CONSUMER_DEFAULTS.sessionTimeoutMs,
    heartbeatIntervalMs: c.heartbeatIntervalMs ?? CONSUMER_DEFAULTS.heartbeatIntervalMs,
    maxPollIntervalMs: c.maxPollIntervalMs ?? CONSUMER_DEFAULTS.maxPollIntervalMs,
    metadataMaxAgeMs: c.metadataMaxAgeMs ?? CONSUMER_DEFAULTS.metadataMaxAgeMs,
  };
}

/** Why this config cannot subscribe, or null. */
export function consumerConfigProblem(c: ConsumerConfig): string | null {
  if (!c.groupId) return 'group.id is required for subscribe()';
  if (c.topics.length === 0) return 'subscribe() needs at least one topic';
  if (c.heartbeatIntervalMs >= c.sessionTimeoutMs)
    return 'heartbeat.interval.ms must be lower than session.timeout.ms';
  if (c.sessionTimeoutMs < 6_000 || c.sessionTimeoutMs > 1_800_000) {
    // group.min.session.timeout.ms / group.max.session.timeout.ms (broker)
    return 'The session timeout is not within the range allowed by the broker (6000..1800000 ms)';
  }
  if (c.maxPollRecords < 1) return 'max.poll.records must be at least 1';
  if (c.metadataMaxAgeMs < 0) return 'metadata.max.age.ms must be at least 0';
  return null;
}
