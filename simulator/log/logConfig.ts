// Topic-level storage configs the log needs, parsed from the string map that
// `kafka-configs --alter --add-config k=v` edits. Names and defaults come from the one table of topic configs
// (cluster/topicConfig.ts TOPIC_CONFIGS: Kafka 4.0's TopicConfig / LogConfig / ServerLogConfigs).
import { LONG_MAX_STRING, TOPIC_CONFIGS } from '../cluster/topicConfig';

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

export { LONG_MAX_STRING };

/** The topic configs the log models (the others in TOPIC_CONFIGS are validated and stored, not simulated). */
export const TOPIC_STORAGE_CONFIG_NAMES = [
  'cleanup.policy',
  'segment.bytes',
  'segment.ms',
  'retention.ms',
  'retention.bytes',
  'delete.retention.ms',
  'min.compaction.lag.ms',
  'max.compaction.lag.ms',
  'min.cleanable.dirty.ratio',
] as const;

/** Their defaults, as `kafka-configs --describe --all` would show them. */
export const TOPIC_STORAGE_CONFIG_DEFAULTS: Readonly<Record<string, string>> = Object.fromEntries(
  TOPIC_STORAGE_CONFIG_NAMES.map((name) => [name, TOPIC_CONFIGS[name].default]),
);

/** Broker-level schedule configs (not per topic). */
export const LOG_RETENTION_CHECK_INTERVAL_MS = 300_000; // log.retention.check.interval.ms
export const LOG_CLEANER_BACKOFF_MS = 15_000; // log.cleaner.backoff.ms

export const DEFAULT_LOG_CONFIG: Readonly<LogConfig> = logConfigFrom({});

function parseLong(s: string, fallback: string): number {
  const t = s.trim();
  if (t === LONG_MAX_STRING) return Number.MAX_SAFE_INTEGER;
  const n = Number(t);
  return t !== '' && Number.isFinite(n) ? n : parseLong(fallback, '0');
}

/** Normalises a cleanup.policy value ("compact,delete" in either order, spaces allowed); null if invalid. */
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
 * Builds the effective LogConfig from a lookup of effective topic config values (the core's
 * topicConfig(state, topic, name), which applies topic override → broker synonym → default).
 * Values were validated when set (kafka-configs --alter); anything unparsable falls back to the default.
 */
export function logConfigFromLookup(get: (name: string) => string | undefined): LogConfig {
  const str = (name: string): string => get(name) ?? TOPIC_STORAGE_CONFIG_DEFAULTS[name];
  const num = (name: string): number => parseLong(str(name), TOPIC_STORAGE_CONFIG_DEFAULTS[name]);
  return {
    cleanupPolicy: parseCleanupPolicy(str('cleanup.policy')) ?? 'delete',
    segmentBytes: num('segment.bytes'),
    segmentMs: num('segment.ms'),
    retentionMs: num('retention.ms'),
    retentionBytes: num('retention.bytes'),
    deleteRetentionMs: num('delete.retention.ms'),
    minCompactionLagMs: num('min.compaction.lag.ms'),
    maxCompactionLagMs: num('max.compaction.lag.ms'),
    minCleanableDirtyRatio: num('min.cleanable.dirty.ratio'),
  };
}

/** LogConfig from a plain override map (tests, benchmarks): missing keys take Kafka's defaults. */
export function logConfigFrom(overrides: Readonly<Record<string, string>>): LogConfig {
  return logConfigFromLookup((name) => overrides[name]);
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
