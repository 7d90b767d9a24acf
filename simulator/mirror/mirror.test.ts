import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applySync,
  emptySyncStore,
  initialPartitionSyncState,
  markReadToEnd,
  type OffsetSync,
  type SyncStore,
  shouldSyncOffsets,
  translateDownstream,
} from './offsetSyncs';
import {
  countHopsForTopic,
  defaultReplicationPolicy,
  identityReplicationPolicy,
  isHeartbeatsTopic,
  isInternalTopic,
  isRemoteTopic,
  originalTopic,
} from './replicationPolicy';

describe('MM2 replication policies (MirrorClientTest, ReplicationPolicyTest vectors)', () => {
  const policy = defaultReplicationPolicy();

  it('DefaultReplicationPolicy names remote topics <source>.<topic>, multi-hop source2.source1.topic', () => {
    expect(policy.formatRemoteTopic('us-west', 'foo-topic')).toBe('us-west.foo-topic');
    expect(policy.topicSource('source2.source1.topic')).toBe('source2');
    expect(policy.upstreamTopic('source2.source1.topic')).toBe('source1.topic');
    expect(originalTopic(policy, 'source2.source1.topic')).toBe('topic');
    expect(policy.topicSource('topic1')).toBeNull();
  });

  it('remote topics are the ones with a source prefix (MirrorClientTest#remoteTopicsTest)', () => {
    const topics = [
      'topic1',
      'topic2',
      'topic3',
      'source1.topic4',
      'source1.source2.topic5',
      'source3.source4.source5.topic6',
    ];
    expect(topics.filter((t) => isRemoteTopic(policy, t))).toEqual([
      'source1.topic4',
      'source1.source2.topic5',
      'source3.source4.source5.topic6',
    ]);
  });

  it('heartbeat and checkpoint topics (MirrorClientTest#heartbeatTopicsTest, #checkpointsTopicsTest)', () => {
    const hb = [
      'topic1',
      'topic2',
      'heartbeats',
      'source1.heartbeats',
      'source2.source1.heartbeats',
      'source3.heartbeats',
    ];
    expect(hb.filter((t) => isHeartbeatsTopic(policy, t))).toEqual(hb.slice(2));
    const cp = [
      'topic1',
      'topic2',
      'checkpoints.internal',
      'source1.checkpoints.internal',
      'source2.source1.checkpoints.internal',
      'source3.checkpoints.internal',
    ];
    expect(cp.filter((t) => policy.isCheckpointsTopic(t))).toEqual(cp.slice(3));
  });

  it('counts replication hops, -1 for an unknown source (MirrorClientTest#countHopsForTopicTest)', () => {
    expect(countHopsForTopic(policy, 'source3.source2.source1.topic', 'source1')).toBe(3);
    expect(countHopsForTopic(policy, 'source3.source2.source1.topic', 'source3')).toBe(1);
    expect(countHopsForTopic(policy, 'source3.source2.source1.topic', 'source4')).toBe(-1);
    expect(countHopsForTopic(policy, 'source1.source2.heartbeats', 'source2')).toBe(2);
  });

  it('internal topics: __ or . prefixes, .internal/-internal suffixes (ReplicationPolicyTest#testInternalTopic)', () => {
    for (const t of [
      '__consumer_offsets',
      '.hiddentopic',
      'mm2-offsets.CLUSTER.internal',
      'mm2-offsets-CLUSTER-internal',
    ])
      expect(isInternalTopic(policy, t)).toBe(true);
    expect(isInternalTopic(policy, 'mm2-offsets_CLUSTER_internal')).toBe(false);
  });

  it('internal topic names: mm2-offset-syncs.<alias>.internal and <alias>.checkpoints.internal; a custom separator applies to them unless disabled', () => {
    expect(policy.offsetSyncsTopic('west')).toBe('mm2-offset-syncs.west.internal');
    expect(policy.checkpointsTopic('east')).toBe('east.checkpoints.internal');
    const underscores = defaultReplicationPolicy('__');
    expect(underscores.offsetSyncsTopic('CLUSTER')).toBe('mm2-offset-syncs__CLUSTER__internal');
    expect(underscores.checkpointsTopic('CLUSTER')).toBe('CLUSTER__checkpoints__internal');
    expect(defaultReplicationPolicy('__', false).checkpointsTopic('CLUSTER')).toBe(
      'CLUSTER.checkpoints.internal',
    );
  });

  it('IdentityReplicationPolicy keeps topic names but still prefixes heartbeats', () => {
    const identity = identityReplicationPolicy('east');
    expect(identity.formatRemoteTopic('east', 'orders')).toBe('orders');
    expect(identity.formatRemoteTopic('east', 'heartbeats')).toBe('east.heartbeats');
    expect(identity.topicSource('orders')).toBe('east');
    expect(identity.upstreamTopic('orders')).toBe('orders');
  });
});

describe('MM2 offset syncs (OffsetSyncWriter.PartitionState#update)', () => {
  it('syncs on the first record, then only when a translation would be offset.lag.max behind', () => {
    let s = initialPartitionSyncState();
    const syncedAt: number[] = [];
    for (let i = 0; i < 250; i++) {
      const r = shouldSyncOffsets(s, i, i, 100);
      s = r.state;
      if (r.sync) syncedAt.push(i);
    }
    expect(syncedAt).toEqual([0, 101, 202]);
  });

  it('syncs when an upstream offset is skipped (compaction, transaction markers) or downstream is truncated', () => {
    let s = shouldSyncOffsets(initialPartitionSyncState(), 0, 0).state;
    expect(shouldSyncOffsets(s, 1, 1).sync).toBe(false);
    s = shouldSyncOffsets(s, 1, 1).state;
    expect(shouldSyncOffsets(s, 5, 2).sync).toBe(true);
    expect(shouldSyncOffsets(s, 2, 0).sync).toBe(true);
  });
});

describe('MM2 offset translation (OffsetSyncStoreTest vectors)', () => {
  let nextId = 1;
  const sync = (store: SyncStore, upstream: number, downstream: number, mustReadToEnd = true): SyncStore =>
    applySync(store, { id: nextId++, upstream, downstream } satisfies OffsetSync, mustReadToEnd);
  const tr = (store: SyncStore, upstream: number): number | null => {
    const t = translateDownstream(store, upstream);
    return t.kind === 'translated' ? t.downstream : t.kind === 'too-old' ? -1 : null;
  };
  const started = (syncs: Array<[number, number]> = []) =>
    syncs.reduce((s, [u, d]) => sync(s, u, d), markReadToEnd(emptySyncStore()));

  it('testOffsetTranslation: one past the sync, exact on the sync, -1 before any sync, resets', () => {
    let s = started([[100, 200]]);
    expect(tr(s, 150)).toBe(201);
    s = sync(s, 150, 251);
    expect(tr(s, 150)).toBe(251);
    expect(tr(s, 5)).toBe(-1);
    s = sync(s, 200, 10);
    expect(tr(s, 200)).toBe(10);
    s = sync(s, 20, 20);
    expect(tr(s, 20)).toBe(20);
  });

  it('testNoTranslationIfStoreNotStarted: nothing translates before the syncs topic was read to the end once', () => {
    let s = sync(emptySyncStore(), 100, 200);
    expect(tr(s, 100)).toBeNull();
    s = markReadToEnd(s);
    expect(tr(s, 0)).toBe(-1);
    expect(tr(s, 100)).toBe(200);
    expect(tr(s, 200)).toBe(201);
    expect(tr(started(), 0)).toBeNull();
  });

  /** OffsetSyncStoreTest#assertSparseSync */
  const assertSparseSync = (s: SyncStore, syncOffset: number, previousOffset: number) => {
    expect(tr(s, syncOffset - 1)).toBe(previousOffset === -1 ? -1 : previousOffset + 1);
    expect(tr(s, syncOffset)).toBe(syncOffset);
    expect(tr(s, syncOffset + 1)).toBe(syncOffset + 1);
    expect(tr(s, syncOffset + 2)).toBe(syncOffset + 1);
  };

  it('testPastOffsetTranslation: syncs are kept exponentially spaced, older offsets translate coarser', () => {
    let s = emptySyncStore();
    for (let o = 0; o <= 1000; o += 10) s = sync(s, o, o); // read during start: only the last is kept
    s = markReadToEnd(s);
    assertSparseSync(s, 1000, -1);
    for (let o = 1010; o <= 10000; o += 10) s = sync(s, o, o);
    assertSparseSync(s, 1000, -1);
    for (const [a, b] of [
      [4840, 1000],
      [6760, 4840],
      [8680, 6760],
      [9160, 8680],
      [9640, 9160],
      [9880, 9640],
      [9940, 9880],
      [9970, 9940],
      [9990, 9970],
      [10000, 9990],
    ])
      assertSparseSync(s, a, b);
    s = sync(s, 1500, 11000);
    expect(tr(s, 1499)).toBe(-1);
    expect(tr(s, 1500)).toBe(11000);
    expect(tr(s, 2000)).toBe(11001);
  });

  it('testPastOffsetTranslationWithoutInitializationReadToEnd: every startup sync counts', () => {
    let s = emptySyncStore();
    for (let o = 0; o <= 1000; o += 10) s = sync(s, o, o, false);
    s = markReadToEnd(s);
    assertSparseSync(s, 480, 0);
    assertSparseSync(s, 720, 480);
    assertSparseSync(s, 1000, 990);
    for (let o = 1000; o <= 10000; o += 10) s = sync(s, o, o, false);
    for (const [a, b] of [
      [3840, 0],
      [7680, 3840],
      [8640, 7680],
      [9120, 8640],
      [9600, 9120],
      [9840, 9600],
      [9900, 9840],
      [9960, 9900],
      [9990, 9960],
      [10000, 9990],
    ])
      assertSparseSync(s, a, b);
  });

  it('a consumer resuming from a translated offset never skips a mirrored record (property, seeded)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 400 }),
        fc.integer({ min: 1, max: 50 }),
        fc.nat(),
        (gaps, lagMax, pick) => {
          // Upstream offsets with gaps (compaction / markers), mirrored one by one to a dense downstream log.
          const upstream: number[] = [];
          let u = 0;
          for (const g of gaps) {
            u += g;
            upstream.push(u);
          }
          let state = initialPartitionSyncState();
          let store = markReadToEnd(emptySyncStore());
          upstream.forEach((off, downstream) => {
            const r = shouldSyncOffsets(state, off, downstream, lagMax);
            state = r.state;
            if (r.sync) store = sync(store, off, downstream);
          });
          // The group committed "next to read" = some upstream offset; everything before it was processed.
          const committed = upstream[pick % upstream.length];
          const t = translateDownstream(store, committed);
          if (t.kind !== 'translated') return;
          // Never skip: the first downstream record the group would read maps to an upstream offset ≤ committed.
          const firstRead = t.downstream;
          if (firstRead < upstream.length) expect(upstream[firstRead]).toBeLessThanOrEqual(committed);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});
