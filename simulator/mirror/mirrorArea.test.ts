import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../index';
import { advance, eventsOf, must, sim } from '../testing/sim.testkit';
import { parseMm2Config } from './mm2Config';
import type { MirrorFlowSpec } from './types';

const spec = (over: Partial<MirrorFlowSpec> = {}): MirrorFlowSpec => {
  const r = parseMm2Config('clusters = east, west\neast->west.enabled = true\neast->west.topics = orders\n');
  if (!r.ok) throw new Error(r.errors.join('; '));
  return { ...r.spec, ...over };
};

function withOrders(records: number, partitions = 1): Simulation {
  const s = sim();
  must(s, { type: 'createTopic', topic: 'orders', partitions, replicationFactor: 3 });
  must(s, { type: 'producerCreate', name: 'app' });
  produce(s, 0, records);
  return s;
}

function produce(s: Simulation, from: number, n: number): void {
  if (n === 0) return;
  must(s, {
    type: 'producerSendMany',
    producer: 'app',
    topic: 'orders',
    records: Array.from({ length: n }, (_, i) => ({
      key: `o-${from + i}`,
      value: `order ${from + i}`,
      partition: 0,
    })),
  });
  must(s, { type: 'producerFlush', producer: 'app' });
}

const remoteValues = (s: Simulation, topic = 'east.orders', p = 0) => {
  const part = s.state.topics[topic].partitions[p];
  return part.replicaLogs[part.leader ?? -1].log.segments.flatMap((seg) => seg.records.map((r) => r.value));
};

describe('MirrorMaker 2 in the simulation (connect/mirror)', () => {
  it('DefaultReplicationPolicy: orders is mirrored into east.orders with the same records, plus the offset-syncs and checkpoints topics', () => {
    const s = withOrders(5);
    const r = must(s, { type: 'mirrorStart', spec: spec() });
    expect(r.ok && r.data.topics).toEqual([{ topic: 'orders', remoteTopic: 'east.orders' }]);
    advance(s, 1000);
    expect(remoteValues(s)).toEqual(['order 0', 'order 1', 'order 2', 'order 3', 'order 4']);
    expect(s.state.topics['mm2-offset-syncs.west.internal']).toBeDefined();
    expect(s.state.topics['east.checkpoints.internal']).toBeDefined();
    expect(s.state.topics['east.orders'].partitions[0].replicas).toHaveLength(2); // replication.factor = 2
  });

  it('records produced later follow the source high watermark', () => {
    const s = withOrders(2);
    must(s, { type: 'mirrorStart', spec: spec() });
    advance(s, 1000);
    produce(s, 2, 3);
    advance(s, 1000);
    expect(remoteValues(s)).toHaveLength(5);
  });

  it('offset syncs: the first record, then whenever a translation would lag offset.lag.max behind (OffsetSyncWriter.PartitionState#update)', () => {
    const s = withOrders(250);
    must(s, { type: 'mirrorStart', spec: spec() });
    advance(s, 2000);
    const syncs = eventsOf(s, 'mirrorOffsetSynced').map((e) => e.upstream);
    // downstream − (last sync + 1) ≥ offset.lag.max: 101 − 1 = 100 is the first to qualify.
    expect(syncs).toEqual([0, 101, 202]);
  });

  it('a checkpoint translates a committed offset to at most one past the last sync (OffsetSyncStore#translateDownstream)', () => {
    const s = withOrders(150);
    must(s, { type: 'mirrorStart', spec: spec() });
    advance(s, 2000);
    must(s, {
      type: 'groupCommitOffsets',
      groupId: 'orders-app',
      offsets: [{ topic: 'orders', partition: 0, offset: 130 }],
    });
    advance(s, 60_000);
    const cp = s.state.areas.mirror.flows['east->west'].checkpoints['orders-app']['east.orders-0'];
    // Last sync at or below 130 is 101 ↔ 101: 130 translates to 102, never 130.
    expect(cp).toMatchObject({ upstreamOffset: 130, offset: 102 });
  });

  it('groups.exclude: console-consumer-* groups get no checkpoints (DefaultGroupFilter)', () => {
    const s = withOrders(3);
    must(s, { type: 'mirrorStart', spec: spec() });
    advance(s, 1000);
    must(s, {
      type: 'groupCommitOffsets',
      groupId: 'console-consumer-1',
      offsets: [{ topic: 'orders', partition: 0, offset: 1 }],
    });
    advance(s, 60_000);
    expect(s.state.areas.mirror.flows['east->west'].checkpoints['console-consumer-1']).toBeUndefined();
  });

  it("region down: records not yet mirrored are the RPO, and the region's clients are refused", () => {
    const s = withOrders(3);
    must(s, { type: 'mirrorStart', spec: spec() });
    advance(s, 1000);
    must(s, {
      type: 'producerSendMany',
      producer: 'app',
      topic: 'orders',
      records: [{ value: 'late', partition: 0 }],
    });
    must(s, { type: 'producerFlush', producer: 'app' });
    const r = must(s, { type: 'mirrorRegionDown', alias: 'east' });
    expect(r.ok && r.data.unmirrored).toBe(1);
    advance(s, 5000);
    expect(remoteValues(s)).toHaveLength(3);
    const send = s.dispatch({ type: 'producerSend', producer: 'app', topic: 'orders', value: 'x' });
    expect(send.ok).toBe(false);
  });

  it('refuses IdentityReplicationPolicy in the single-cluster simulation and a replication factor above the brokers', () => {
    const s = withOrders(1);
    expect(s.dispatch({ type: 'mirrorStart', spec: spec({ policy: 'identity' }) }).ok).toBe(false);
    expect(s.dispatch({ type: 'mirrorStart', spec: spec({ replicationFactor: 4 }) }).ok).toBe(false);
    expect(s.state.topics['east.orders']).toBeUndefined();
  });

  it('property: after any failover point, a group resuming from its checkpoint never skips a mirrored record (OffsetSyncStore#translateDownstream)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 240 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 40 }),
        (before, chunk, committedRaw, lagMax, after) => {
          // Transactions leave a commit marker after every chunk: upstream offsets run ahead of downstream
          // ones, so translating by copying the upstream offset would skip records.
          const s = sim();
          must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
          must(s, { type: 'producerCreate', name: 'app', configs: { 'transactional.id': 'tx' } });
          must(s, { type: 'producerInitTransactions', producer: 'app' });
          let sent = 0;
          const send = (n: number) => {
            for (let left = n; left > 0; left -= chunk) {
              must(s, { type: 'producerBeginTransaction', producer: 'app' });
              const k = Math.min(chunk, left);
              must(s, {
                type: 'producerSendMany',
                producer: 'app',
                topic: 'orders',
                records: Array.from({ length: k }, (_, i) => ({ value: `order ${sent + i}`, partition: 0 })),
              });
              sent += k;
              must(s, { type: 'producerCommitTransaction', producer: 'app' });
            }
          };
          send(before);
          must(s, { type: 'mirrorStart', spec: spec({ offsetLagMax: lagMax }) });
          advance(s, 1000);
          send(after);
          advance(s, 1000);
          const src = s.state.topics.orders.partitions[0];
          const upstream = src.replicaLogs[src.leader ?? -1].log.segments.flatMap((g) => g.records);
          const end = upstream.at(-1)?.offset ?? 0;
          const committed = Math.min(committedRaw, end + 1);
          must(s, {
            type: 'groupCommitOffsets',
            groupId: 'g',
            offsets: [{ topic: 'orders', partition: 0, offset: committed }],
          });
          advance(s, 60_000);
          must(s, { type: 'mirrorRegionDown', alias: 'east' });
          const cp = s.state.areas.mirror.flows['east->west'].checkpoints.g?.['east.orders-0'];
          if (!cp) return true; // nothing translatable: the group would start by auto.offset.reset
          const values = remoteValues(s);
          const unconsumed = upstream.filter((r) => r.control === null && r.offset >= committed);
          return unconsumed.every((r) => {
            const at = values.indexOf(r.value);
            return at < 0 || at >= cp.offset;
          });
        },
      ),
      { seed: 42, numRuns: 40 },
    );
  });
});

describe('connect-mirror-maker.sh properties (MirrorMakerConfig)', () => {
  it('reads clusters, the enabled flow and its prefixed settings, with MM2 defaults', () => {
    const r = parseMm2Config(
      'clusters = east, west\neast->west.enabled = true\neast->west.topics = orders, payments\noffset.lag.max = 10\n',
    );
    expect(r).toMatchObject({
      ok: true,
      spec: {
        source: 'east',
        target: 'west',
        topics: 'orders, payments',
        offsetLagMax: 10,
        replicationFactor: 2,
        groupsExclude: 'console-consumer-.*, connect-.*, __.*',
      },
    });
  });

  it('names the problem: no clusters, unknown alias, no enabled flow, bad policy class', () => {
    expect(parseMm2Config('east->west.enabled = true')).toMatchObject({ ok: false });
    const unknown = parseMm2Config('clusters = east, west\neast->north.enabled = true');
    expect(unknown.ok || unknown.errors[0]).toBe(
      "Unknown cluster alias 'north' in east->north.enabled: clusters = east, west",
    );
    const none = parseMm2Config('clusters = east, west');
    expect(none.ok || none.errors[0]).toContain('No replication flow is enabled');
    const bad = parseMm2Config('clusters = a, b\na->b.enabled = true\nreplication.policy.class = x.Y');
    expect(bad.ok || bad.errors[0]).toBe('Class x.Y could not be found.');
  });
});
