import { describe, expect, it } from 'vitest';
import { DEFAULT_LOG_CONFIG, logConfigFrom, maxSegmentMs, parseCleanupPolicy } from './logConfig';

describe('topic storage configs (TopicConfig / LogConfig, Kafka 4.0 defaults)', () => {
  it('defaults: delete policy, 1 GiB / 7 d segments, 7 d retention, no size limit, 1 d tombstones, ratio 0.5', () => {
    expect(DEFAULT_LOG_CONFIG).toEqual({
      cleanupPolicy: 'delete',
      segmentBytes: 1073741824,
      segmentMs: 604800000,
      retentionMs: 604800000,
      retentionBytes: -1,
      deleteRetentionMs: 86400000,
      minCompactionLagMs: 0,
      maxCompactionLagMs: Number.MAX_SAFE_INTEGER,
      minCleanableDirtyRatio: 0.5,
    });
  });

  it('cleanup.policy accepts compact and delete in either order', () => {
    expect(parseCleanupPolicy('delete,compact')).toBe('compact,delete');
    expect(parseCleanupPolicy(' compact , delete ')).toBe('compact,delete');
    expect(parseCleanupPolicy('compact')).toBe('compact');
    expect(parseCleanupPolicy('shred')).toBeNull();
  });

  it('segment.ms for rolling is capped by max.compaction.lag.ms only on compacted topics (LogConfig#maxSegmentMs)', () => {
    expect(maxSegmentMs(logConfigFrom({ 'max.compaction.lag.ms': '1000' }))).toBe(604800000);
    expect(
      maxSegmentMs(logConfigFrom({ 'cleanup.policy': 'compact', 'max.compaction.lag.ms': '1000' })),
    ).toBe(1000);
  });
});
