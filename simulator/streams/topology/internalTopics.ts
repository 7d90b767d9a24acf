// Configs Kafka Streams creates its internal topics with (RepartitionTopicConfig,
// UnwindowedUnversionedChangelogTopicConfig, WindowedChangelogTopicConfig; InternalTopicConfig adds
// message.timestamp.type=CreateTime to all). replication.factor is -1: the broker default
// (StreamsConfig replication.factor).

import type { StoreSpec } from './types';

/** StreamsConfig windowstore.changelog.additional.retention.ms default: one day. */
export const WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS = 86_400_000;

/** RepartitionTopicConfig: Streams purges consumed data itself, so the broker keeps it forever. */
export const REPARTITION_SEGMENT_BYTES = '52428800';

export function internalTopicConfigs(
  spec: { kind: 'repartition' } | { kind: 'changelog'; store: StoreSpec },
  additionalRetentionMs = WINDOWSTORE_CHANGELOG_ADDITIONAL_RETENTION_MS,
): Record<string, string> {
  if (spec.kind === 'repartition') {
    return {
      'cleanup.policy': 'delete',
      'message.timestamp.type': 'CreateTime',
      'retention.ms': '-1',
      'segment.bytes': REPARTITION_SEGMENT_BYTES,
    };
  }
  const s = spec.store;
  const windowed = s.type === 'window' || s.type === 'session' || s.type === 'joinWindow';
  if (windowed) {
    return {
      'cleanup.policy': 'compact,delete',
      'message.timestamp.type': 'CreateTime',
      'retention.ms': String((s.retentionMs ?? 0) + additionalRetentionMs),
    };
  }
  return { 'cleanup.policy': 'compact', 'message.timestamp.type': 'CreateTime' };
}

/**
 * Partition counts of internal topics (RepartitionTopics / CopartitionedTopicsEnforcer): a repartition topic gets
 * the max partition count of the source topics of the sub-topology writing it; a changelog topic has one
 * partition per task of its sub-topology.
 */
export type PartitionCounts = Record<string, number>;
