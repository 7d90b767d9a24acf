import type { ShareAutoOffsetReset, ShareGroupConfig } from './types';

/**
 * Defaults of the Kafka 4.0 source snapshot (org.apache.kafka.coordinator.group.modern.share.ShareGroupConfig):
 * group.share.record.lock.duration.ms=30000 (valid 1000..3600000), group.share.delivery.count.limit=5
 * (valid 2..10), group.share.partition.max.record.locks=200 (valid 100..10000).
 */
export const DEFAULT_SHARE_GROUP_CONFIG: ShareGroupConfig = {
  recordLockDurationMs: 30_000,
  deliveryCountLimit: 5,
  partitionMaxRecordLocks: 200,
};

/** share.auto.offset.reset defaults to latest (GroupConfig, Kafka 4.1/4.2 group-configs docs). */
export const DEFAULT_SHARE_AUTO_OFFSET_RESET: ShareAutoOffsetReset = 'latest';

/** The ConfigDef ranges of ShareGroupConfig; the broker refuses values outside them. */
export const SHARE_GROUP_CONFIG_RANGES: Record<
  keyof ShareGroupConfig,
  { name: string; min: number; max: number }
> = {
  recordLockDurationMs: { name: 'group.share.record.lock.duration.ms', min: 1000, max: 3_600_000 },
  deliveryCountLimit: { name: 'group.share.delivery.count.limit', min: 2, max: 10 },
  partitionMaxRecordLocks: { name: 'group.share.partition.max.record.locks', min: 100, max: 10_000 },
};

/**
 * Validates a config the way ConfigDef's Range validator words it:
 * "Invalid value 1 for configuration group.share.delivery.count.limit: Value must be at least 2".
 */
export function validateShareGroupConfig(config: ShareGroupConfig): string | null {
  for (const key of Object.keys(SHARE_GROUP_CONFIG_RANGES) as (keyof ShareGroupConfig)[]) {
    const { name, min, max } = SHARE_GROUP_CONFIG_RANGES[key];
    const value = config[key];
    if (value < min) return `Invalid value ${value} for configuration ${name}: Value must be at least ${min}`;
    if (value > max)
      return `Invalid value ${value} for configuration ${name}: Value must be no more than ${max}`;
  }
  return null;
}
