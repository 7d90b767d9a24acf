// MirrorMaker 2 between two real clusters of the simulation (east -> west): naming, cycles, where the internal
// topics live, heartbeats, checkpoints and sync.group.offsets.enabled, IdentityReplicationPolicy, the
// region failure and failback.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readModel } from '../index';
import { eventsOf, sim } from '../testing/sim.testkit';
import { shouldReplicateTopic } from './mirrorClusters';
import { HEARTBEAT_INTERVAL_MS } from './mirrorTasks';
import { defaultReplicationPolicy, identityReplicationPolicy } from './replicationPolicy';
import {
  advance,
  commit,
  eastToWest,
  flows,
  inWest,
  must,
  produce,
  twoRegions,
  values,
} from './twoRegions.testkit';

const topicsOf = (s: ReturnType<typeof twoRegions>, where: 'east' | 'west') =>
  ((where === 'east' ? readModel(s) : readModel(s).cluster('west'))?.topics() ?? [])
    .map((t) => t.name)
    .sort();

describe('MirrorSourceConnector#shouldReplicateTopic', () => {
  const all = () => true;
  it('no cycles with DefaultReplicationPolicy (MirrorSourceConnectorTest#testNoCycles)', () => {
    const p = defaultReplicationPolicy();
    for (const t of [
      'target.topic1',
      'target.source.topic1',
      'source.target.topic1',
      'target.source.target.topic1',
      'source.target.source.topic1',
    ])
      expect(shouldReplicateTopic(p, t, 'target', all), t).toBe(false);
    expect(shouldReplicateTopic(p, 'topic1', 'target', all)).toBe(true);
    expect(shouldReplicateTopic(p, 'source.topic1', 'target', all)).toBe(true);
  });

  it('IdentityReplicationPolicy cannot see cycles, except of heartbeats (MirrorSourceConnectorTest#testIdentityReplication)', () => {
    const p = identityReplicationPolicy('source');
    for (const t of ['target.topic1', 'target.source.topic1', 'topic1', 'othersource.topic1'])
      expect(shouldReplicateTopic(p, t, 'target', all), t).toBe(true);
    for (const t of ['target.heartbeats', 'target.source.heartbeats', 'source.target.heartbeats'])
      expect(shouldReplicateTopic(p, t, 'target', all), t).toBe(false);
  });

  it('heartbeats are replicated despite the topic filter (MirrorSourceConnectorTest#testReplicatesHeartbeatsDespiteFilter)', () => {
    const none = () => false;
    expect(shouldReplicateTopic(defaultReplicationPolicy(), 'heartbeats', 'target', none)).toBe(true);
    expect(shouldReplicateTopic(defaultReplicationPolicy(), 'us-west.heartbeats', 'target', none)).toBe(true);
    expect(shouldReplicateTopic(defaultReplicationPolicy('_'), 'us-west.heartbeats', 'target', none)).toBe(
      false,
    );
  });
});

describe('MirrorMaker 2 between two clusters (east -> west)', () => {
  it('DefaultReplicationPolicy: west gets east.orders and not orders; offset syncs stay on the source, checkpoints and heartbeats go to the target', () => {
    const s = twoRegions();
    produce(s, 5);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 1000);
    expect(topicsOf(s, 'west')).toEqual(['east.checkpoints.internal', 'east.orders', 'heartbeats']);
    // offset-syncs.topic.location = source (MirrorSourceConfig)
    expect(topicsOf(s, 'east')).toEqual(['mm2-offset-syncs.west.internal', 'orders']);
    expect(values(s, 'west', 'east.orders')).toEqual(['order 0', 'order 1', 'order 2', 'order 3', 'order 4']);
    expect(values(s, 'east', 'mm2-offset-syncs.west.internal')).toHaveLength(1);
  });

  it("offsets are the target log's own: records produced in west first shift east.orders nowhere, a west topic named orders stays apart", () => {
    const s = twoRegions();
    produce(s, 3, 'west');
    produce(s, 4);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 1000);
    expect(values(s, 'west', 'orders')).toEqual(['order 0', 'order 1', 'order 2']);
    expect(values(s, 'west', 'east.orders')).toHaveLength(4);
  });

  it("MirrorHeartbeatTask writes to the target's heartbeats topic while the flow runs (emit.heartbeats.enabled)", () => {
    const s = twoRegions();
    produce(s, 1);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 5 * HEARTBEAT_INTERVAL_MS);
    expect(values(s, 'west', 'heartbeats')).toHaveLength(5);
    const off = twoRegions();
    produce(off, 1);
    must(off, { type: 'mirrorStart', spec: eastToWest('emit.heartbeats.enabled = false') });
    advance(off, 5 * HEARTBEAT_INTERVAL_MS);
    expect(topicsOf(off, 'west')).not.toContain('heartbeats');
  });

  it("the checkpoint reads the source group's offset and lands on the target's checkpoints topic (MirrorCheckpointTask)", () => {
    const s = twoRegions();
    produce(s, 150);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 2000);
    commit(s, 'east', 'orders-app', 'orders', 130);
    advance(s, 60_000);
    expect(readModel(s).translateOffsets('orders-app', 'east')).toEqual([
      { topic: 'east.orders', partition: 0, offset: 102, upstreamOffset: 130 },
    ]);
    expect(values(s, 'west', 'east.checkpoints.internal')).toHaveLength(1);
    // Without sync.group.offsets.enabled, west's group has nothing committed.
    expect(readModel(s).cluster('west')?.group('orders-app')).toBeNull();
  });

  it('sync.group.offsets.enabled commits translated offsets on the target only while the group is empty there, and only forward (MirrorCheckpointTask#syncGroupOffset)', () => {
    const s = twoRegions();
    produce(s, 150);
    must(s, { type: 'mirrorStart', spec: eastToWest('sync.group.offsets.enabled = true') });
    advance(s, 2000);
    commit(s, 'east', 'orders-app', 'orders', 130);
    advance(s, 60_000);
    const west = () => readModel(s).cluster('west')?.group('orders-app')?.offsets[0]?.offset;
    expect(west()).toBe(102);
    // The target group already read further: MM2 does not move it back.
    commit(s, 'west', 'orders-app', 'east.orders', 140);
    commit(s, 'east', 'orders-app', 'orders', 131);
    advance(s, 60_000);
    expect(west()).toBe(140);
    // An active member on the target: no more syncs (ConsumerGroupState.EMPTY only).
    must(
      s,
      inWest({
        type: 'consumerCreate',
        name: 'w1',
        config: { groupId: 'orders-app', topics: ['east.orders'], enableAutoCommit: false },
      }),
    );
    advance(s, 5000);
    const synced = eventsOf(s, 'mirrorGroupOffsetsSynced').length;
    commit(s, 'east', 'orders-app', 'orders', 149);
    advance(s, 60_000);
    expect(eventsOf(s, 'mirrorGroupOffsetsSynced')).toHaveLength(synced);
  });

  it('IdentityReplicationPolicy keeps the name (west gets orders), and refuses the reverse flow on the same topics: nothing could stop the loop', () => {
    const s = twoRegions();
    produce(s, 3);
    const [spec] = flows(
      'east->west.enabled = true\ntopics = orders\nreplication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy',
    );
    must(s, { type: 'mirrorStart', spec });
    advance(s, 1000);
    expect(values(s, 'west', 'orders')).toEqual(['order 0', 'order 1', 'order 2']);
    expect(topicsOf(s, 'west')).not.toContain('east.orders');
    const back = s.dispatch({ type: 'mirrorStart', spec: { ...spec, source: 'west', target: 'east' } });
    expect(back.ok || back.error.message).toContain('forever');
  });

  it("active/active with DefaultReplicationPolicy: each region gets the other's orders under its prefix, nothing comes back (MirrorSourceConnector#isCycle)", () => {
    const s = twoRegions();
    produce(s, 2);
    produce(s, 3, 'west');
    for (const spec of flows('east->west.enabled = true\nwest->east.enabled = true\ntopics = orders'))
      must(s, { type: 'mirrorStart', spec });
    advance(s, 2000);
    expect(values(s, 'west', 'east.orders')).toHaveLength(2);
    expect(values(s, 'east', 'west.orders')).toHaveLength(3);
    expect(topicsOf(s, 'east')).not.toContain('west.east.orders');
    expect(topicsOf(s, 'west')).not.toContain('east.west.orders');
  });

  it("region down: the unmirrored records are the RPO, east's clients are refused, west's keep working; region up resumes the flow", () => {
    const s = twoRegions();
    produce(s, 10);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 1000);
    produce(s, 3, 'east', 10);
    const down = must(s, { type: 'mirrorRegionDown', alias: 'east' });
    expect(down.ok && down.data.unmirrored).toBe(3);
    const refused = s.dispatch({ type: 'producerSend', producer: 'app', topic: 'orders', value: 'x' });
    expect(refused.ok || refused.error.code).toBe('TIMEOUT_EXCEPTION');
    must(s, inWest({ type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 }));
    must(s, inWest({ type: 'producerCreate', name: 'shop' }));
    must(s, inWest({ type: 'producerSend', producer: 'shop', topic: 'orders', value: 'in west' }));
    advance(s, 5000);
    expect(values(s, 'west', 'east.orders')).toHaveLength(10);
    const up = must(s, { type: 'mirrorRegionUp', alias: 'east' });
    expect(up.ok && up.data.flows).toEqual(['east->west']);
    advance(s, 1000);
    expect(values(s, 'west', 'east.orders')).toHaveLength(13);
  });

  it("failback: with east back, west->east brings west's new orders home as west.orders and leaves east.orders alone", () => {
    const s = twoRegions();
    produce(s, 10);
    must(s, { type: 'mirrorStart', spec: eastToWest() });
    advance(s, 1000);
    must(s, { type: 'mirrorRegionDown', alias: 'east' });
    produce(s, 4, 'west');
    must(s, { type: 'mirrorRegionUp', alias: 'east' });
    must(s, { type: 'mirrorStart', spec: flows('west->east.enabled = true\ntopics = orders')[0] });
    advance(s, 1000);
    expect(values(s, 'east', 'west.orders')).toHaveLength(4);
    expect(topicsOf(s, 'east')).not.toContain('west.east.orders');
  });

  it('sync.group.offsets.enabled in a single-cluster simulation is refused with a clear error', () => {
    const s = sim();
    must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
    const r = s.dispatch({ type: 'mirrorStart', spec: eastToWest('sync.group.offsets.enabled = true') });
    expect(r.ok || r.error.code).toBe('CONFIG_EXCEPTION');
  });

  it('unknown cluster aliases get a clear error', () => {
    const s = twoRegions();
    produce(s, 1);
    const r = s.dispatch({ type: 'mirrorStart', spec: { ...eastToWest(), target: 'north' } });
    expect(r.ok || r.error.message).toBe(
      "Unknown cluster alias 'north': the simulation's clusters are east, west (the aliases in clusters = … name them).",
    );
  });

  it('property: a group failing over to west from its translated offset never skips a mirrored record (OffsetSyncStore#translateDownstream, RemoteClusterUtils.translateOffsets)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 30 }),
        (before, committedRaw, lagMax, after) => {
          const s = twoRegions();
          produce(s, before);
          must(s, { type: 'mirrorStart', spec: eastToWest(`offset.lag.max = ${lagMax}`) });
          advance(s, 1000);
          const committed = Math.min(committedRaw, before);
          commit(s, 'east', 'g', 'orders', committed);
          advance(s, 60_000);
          if (after > 0) produce(s, after, 'east', before);
          must(s, { type: 'mirrorRegionDown', alias: 'east' });
          const [t] = readModel(s).translateOffsets('g', 'east');
          if (!t) return true; // nothing translatable: the group starts by auto.offset.reset
          const mirrored = values(s, 'west', 'east.orders');
          // Every order the group had not consumed in east and that reached west is at or after the offset.
          for (let i = committed; i < before + after; i++) {
            const at = mirrored.indexOf(`order ${i}`);
            if (at >= 0 && at < t.offset) return false;
          }
          return t.offset <= mirrored.length;
        },
      ),
      { seed: 42, numRuns: 30 },
    );
  });
});
