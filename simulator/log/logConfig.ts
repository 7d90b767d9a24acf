// Topic-level storage configs the log needs, parsed from the string map that
// `kafka-configs --alter --add-config k=v` edits. Defaults are Kafka 4.0's
// (TopicConfig / LogConfig / ServerLogConfigs); see kafka-facts §7.1.

export type CleanupPolicy = 'delete' | 'compact' | 'compact,delete';

export type LogConfig = {
  cleanupPolicy: CleanupPolicy;
  /** segment.bytes */
  segmentBytes: number;
  /** segment.ms */
  segmentMs: number;
  /** retention.ms; -1 = no time limit */
  retentionMs: number;
  /** retention.bytes (per partition); -1 = no size limit */
  retentionBytes: number;
  /** delete.retention.ms: how long tombstones and emptied transaction markers stay after first cleaning */
  deleteRetentionMs: number;
  /** min.compaction.lag.ms */
  minCompactionLagMs: number;
  /** max.compaction.lag.ms; Long.MAX in Kafka, Number.MAX_SAFE_INTEGER here */
  maxCompactionLagMs: number;
  /** min.cleanable.dirty.ratio */
  minCleanableDirtyRatio: number;
};

/** Kafka's Long.MAX_VALUE as printed by kafka-configs; stored as MAX_SAFE_INTEGER (JSON-safe). */
export const LONG_MAX_STRING = '9223372036854775807';

/** String defaults, as `kafka-configs --describe --all` would show them. */
export const TOPIC_STORAGE_CONFIG_DEFAULTS: Readonly<Record<string, string>> = {
  'cleanup.policy': 'delete',
  'segment.bytes': '1073741824',
  'segment.ms': '604800000',
  'retention.ms': '604800000',
  'retention.bytes': '-1',
  'delete.retention.ms': '86400000',
  'min.compaction.lag.ms': '0',
  'max.compaction.lag.ms': LONG_MAX_STRING,
  'min.cleanable.dirty.ratio': '0.5',
};

/** Broker-level schedule configs (not per topic). */
export const LOG_RETENTION_CHECK_INTERVAL_MS = 300_000; // log.retention.check.interval.ms
export const LOG_CLEANER_BACKOFF_MS = 15_000; // log.cleaner.backoff.ms

export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = logConfigFrom({});

export type ConfigError = { name: string; message: string };

function parseLong(s: string): number {
  if (s.trim() === LONG_MAX_STRING) return Number.MAX_SAFE_INTEGER;
  return Number(s.trim());
}

/** Normalises a cleanup.policy value ("compact,delete" in either order, spaces allowed). */
export function parseCleanupPolicy(raw: string): CleanupPolicy | null {
  const parts = new Set(
    raw
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  );
  if ([...parts].some((p) => p !== 'delete' && p !== 'compact') || parts.size === 0) return null;
  if (parts.has('compact') && parts.has('delete')) return 'compact,delete';
  return parts.has('compact') ? 'compact' : 'delete';
}

/**
 * Checks one storage config value the way the broker's LogConfig validation would
 * (types and lower bounds). Returns null when valid, or when the name is not a storage config.
 */
export function validateStorageConfig(name: string, value: string): ConfigError | null {
  const bad = (why: string): ConfigError => ({
    name,
    message: `Invalid value ${value} for configuration ${name}: ${why}`,
  });
  if (!(name in TOPIC_STORAGE_CONFIG_DEFAULTS)) return null;
  if (name === 'cleanup.policy') {
    return parseCleanupPolicy(value) === null ? bad('String must be one of: compact, delete') : null;
  }
  if (name === 'min.cleanable.dirty.ratio') {
    const n = Number(value);
    return Number.isFinite(n) && n >= 0 && n <= 1 ? null : bad('Value must be in the range [0, 1]');
  }
  const n = parseLong(value);
  if (!Number.isInteger(n)) return bad('Not a number of type LONG');
  // segment.bytes: topic-level minimum 14 (LogConfig); retention.* accept -1.
  const min: Record<string, number> = {
    'segment.bytes': 14,
    'segment.ms': 1,
    'retention.ms': -1,
    'retention.bytes': -1,
    'delete.retention.ms': 0,
    'min.compaction.lag.ms': 0,
    'max.compaction.lag.ms': 1,
  };
  return n < min[name] ? bad(`Value must be at least ${min[name]}`) : null;
}

/** Builds the effective LogConfig from a topic's override map (unknown or invalid keys fall back to defaults). */
export function logConfigFrom(overrides: Readonly<Record<string, string>>): LogConfig {
  const get = (name: string): string => {
    const v = overrides[name];
    return v !== undefined && validateStorageConfig(name, v) === null
      ? v
      : TOPIC_STORAGE_CONFIG_DEFAULTS[name];
  };
  return {
    cleanupPolicy: parseCleanupPolicy(get('cleanup.policy')) ?? 'delete',
    segmentBytes: parseLong(get('segment.bytes')),
    segmentMs: parseLong(get('segment.ms')),
    retentionMs: parseLong(get('retention.ms')),
    retentionBytes: parseLong(get('retention.bytes')),
    deleteRetentionMs: parseLong(get('delete.retention.ms')),
    minCompactionLagMs: parseLong(get('min.compaction.lag.ms')),
    maxCompactionLagMs: parseLong(get('max.compaction.lag.ms')),
    minCleanableDirtyRatio: Number(get('min.cleanable.dirty.ratio')),
  };
}

export const isCompacted = (c: LogConfig): boolean => c.cleanupPolicy !== 'delete';
export const isDeleteRetention = (c: LogConfig): boolean => c.cleanupPolicy !== 'compact';

/**
 * Effective segment.ms for rolling: a compacted log with max.compaction.lag.ms rolls no later
 * than that lag, so the active segment can become cleanable (KIP-354, LogConfig#maxSegmentMs).
 */
export function maxSegmentMs(c: LogConfig): number {
  return isCompacted(c) && c.maxCompactionLagMs > 0
    ? Math.min(c.maxCompactionLagMs, c.segmentMs)
    : c.segmentMs;
}
