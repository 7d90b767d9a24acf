// The cluster map against the real simulator: its reading of the cluster, the marks a produce → replicate → ack →
// consume → commit journey makes (from the events alone, in the core's order), the layouts for a laptop, a phone
// and a projector, and the markup a screen reader reads.
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import defaultPreset from '@/content/playground/playground-default.json';
import type { SimEvent } from '@/simulator';
import { SimController } from '../sim-runtime/SimController';
import { SimContext } from '../sim-runtime/useSimulation';
import { ClusterMapView } from './ClusterMapView';
import { clusterMapLayout, locateAnchor, logWindow, offsetLabel, rowMetrics } from './clusterMapLayout';
import { flowsFor, type MarkContext, marksFor } from './clusterMapMarks';
import { clusterMapModel } from './clusterMapModel';

const spec = { seed: defaultPreset.seed, brokers: defaultPreset.brokers, setup: defaultPreset.setup };

function controller() {
  const c = new SimController(spec);
  const events: SimEvent[][] = [];
  c.onEvents((batch) => events.push(batch));
  return { c, events };
}

function ctxOf(c: SimController): MarkContext {
  const read = c.read();
  return {
    leaderOf: (tp) => {
      const cut = tp.lastIndexOf('-');
      return read.partition(tp.slice(0, cut), Number(tp.slice(cut + 1)))?.leader ?? null;
    },
    coordinatorOf: (g) => read.group(g)?.coordinator ?? null,
    groupOf: (name) => read.consumer(name)?.groupId ?? null,
  };
}

describe('the cluster map reads the read model', () => {
  it('every replica sits in its broker with its role, and each partition has exactly one leader row', () => {
    const { c } = controller();
    const model = clusterMapModel(c.read());
    expect(model.brokers.map((b) => b.id)).toEqual([1, 2, 3]);
    // orders: 3 partitions × replication factor 3 over 3 brokers.
    expect(model.brokers.map((b) => b.replicas.length)).toEqual([3, 3, 3]);
    for (const p of model.partitions) {
      const rows = model.brokers.flatMap((b) => b.replicas).filter((r) => r.tp === p.tp);
      expect(rows.filter((r) => r.role === 'leader').map((r) => r.broker)).toEqual([p.leader]);
    }
    expect(model.groups.map((g) => g.groupId)).toEqual(['orders-app']);
    expect(model.groups[0].members.flatMap((m) => m.owned.map((o) => o.tp)).sort()).toEqual([
      'orders-0',
      'orders-1',
      'orders-2',
    ]);
    expect(model.producers.map((p) => [p.name, p.acks])).toEqual([['p1', 'all']]);
  });

  it('a stopped broker: its replicas are offline and, after the controller fences it, out of the ISR (replica.lag.time.max.ms, broker.session.timeout.ms)', () => {
    const { c } = controller();
    const leader = c.read().partition('orders', 0)?.leader as number;
    c.run(`broker stop ${leader}`);
    c.run('clock advance 15s');
    const model = clusterMapModel(c.read());
    const stopped = model.brokers.find((b) => b.id === leader);
    expect(stopped?.state).toBe('stopped');
    expect(stopped?.replicas.every((r) => r.role === 'offline')).toBe(true);
    const p0 = model.partitions.find((p) => p.tp === 'orders-0');
    expect(p0?.leader).not.toBe(leader);
    expect(p0?.isr).not.toContain(leader);
  });

  it("each replica carries its own LEO and HW: a follower learns the leader's HW only from a later fetch response (Partition#updateFollowerFetchState)", () => {
    const { c } = controller();
    c.run('producer send p1 orders --partition 0 --key k v');
    c.run('producer flush p1');
    const rows = clusterMapModel(c.read())
      .brokers.flatMap((b) => b.replicas)
      .filter((r) => r.tp === 'orders-0');
    const leader = c.read().partition('orders', 0)?.leader;
    expect(rows.map((r) => r.logEndOffset)).toEqual([1, 1, 1]);
    expect(rows.find((r) => r.broker === leader)?.highWatermark).toBe(1);
    for (const r of rows) expect(r.highWatermark).toBeLessThanOrEqual(1);
  });
});

describe('marks come from the events, in the order Kafka moves a record', () => {
  it('produce → replicate ×2 → HW → ack, then consume and commit, each naming the real brokers', () => {
    const { c, events } = controller();
    const leader = c.read().partition('orders', 0)?.leader as number;
    c.run('producer send p1 orders --partition 0 --key user-1 signed-up');
    c.run('producer flush p1');
    const owner = c
      .read()
      .group('orders-app')
      ?.members.find((m) => m.owned.some((tp) => tp.topic === 'orders' && tp.partition === 0))
      ?.name as string;
    // The first poll resets the position (auto.offset.reset=latest); the next one fetches what comes after.
    c.run(`consumer poll ${owner}`);
    c.run('producer send p1 orders --partition 0 --key user-2 again');
    c.run('producer flush p1');
    c.run(`consumer poll ${owner}`);
    c.run(`consumer commit ${owner}`);
    const marks = marksFor(events.flat(), ctxOf(c));
    const stages = marks.map((m) => m.stage);
    expect(stages.slice(0, 1)).toEqual(['produce']);
    expect(marks[0]).toMatchObject({
      to: { kind: 'replica', tp: 'orders-0', broker: leader },
      offset: 0,
      text: 'record offset 0 of orders-0 reached leader broker 1'.replace('broker 1', `broker ${leader}`),
    });
    const replicate = marks.filter((m) => m.stage === 'replicate' && m.offset === 0);
    expect(replicate.map((m) => m.from)).toEqual([
      { kind: 'replica', tp: 'orders-0', broker: leader },
      { kind: 'replica', tp: 'orders-0', broker: leader },
    ]);
    expect(new Set(replicate.map((m) => (m.to.kind === 'replica' ? m.to.broker : -1)))).toEqual(
      new Set([1, 2, 3].filter((b) => b !== leader)),
    );
    // acks=all: the ack comes after the followers' fetches and the HW move (Partition#maybeIncrementLeaderHW).
    const at = (s: string) => stages.indexOf(s as never);
    const lastAt = (s: string) => stages.lastIndexOf(s as never);
    expect(at('replicate')).toBeLessThan(at('hw'));
    expect(at('hw')).toBeLessThan(at('ack'));
    expect(lastAt('ack')).toBeLessThan(at('consume'));
    expect(at('consume')).toBeLessThan(at('commit'));
    expect(marks.find((m) => m.stage === 'consume')).toMatchObject({
      from: { kind: 'replica', tp: 'orders-0', broker: leader },
      to: { kind: 'member', name: owner },
      offset: 1,
    });
    expect(marks.find((m) => m.stage === 'commit')?.to).toEqual({
      kind: 'broker',
      id: c.read().group('orders-app')?.coordinator,
    });
    // Steps never go back, and the two followers' fetches share one.
    expect(marks.every((m, i) => i === 0 || m.step >= marks[i - 1].step)).toBe(true);
    expect(new Set(replicate.map((m) => m.step)).size).toBe(1);
  });

  it('acks=1: the acknowledgement does not wait for the high watermark (ProducerConfig acks)', () => {
    const { c, events } = controller();
    c.run('producer create one --acks 1');
    c.run('producer send one orders --partition 1 x');
    c.run('producer flush one');
    const stages = marksFor(events.flat(), ctxOf(c)).map((m) => m.stage);
    expect(stages.indexOf('produce')).toBe(0);
    const ack = stages.indexOf('ack');
    expect(ack).toBeGreaterThan(0);
    const hw = stages.indexOf('hw');
    expect(hw === -1 || hw > ack).toBe(true);
  });

  it('stopping the leader: once the controller fences it (broker.session.timeout.ms), a leadership mark from the old leader to the new', () => {
    const { c, events } = controller();
    const leader = c.read().partition('orders', 0)?.leader as number;
    c.run(`broker stop ${leader}`);
    c.run('clock advance 15s');
    const moved = marksFor(events.flat(), ctxOf(c)).filter(
      (m) => m.stage === 'leader' && m.tp === 'orders-0',
    );
    expect(moved.length).toBeGreaterThan(0);
    expect(moved[0].from).toEqual({ kind: 'replica', tp: 'orders-0', broker: leader });
    expect(moved.at(-1)?.to).toEqual({
      kind: 'replica',
      tp: 'orders-0',
      broker: c.read().partition('orders', 0)?.leader,
    });
  });

  it('a rebalance: partitions leave their old owners and reach their new ones, as the group reports them', () => {
    const { c, events } = controller();
    c.run('consumer create c3 --group orders-app --topics orders');
    c.run('clock advance 10s');
    for (const name of ['c1', 'c2', 'c3']) c.run(`consumer poll ${name}`);
    c.run('clock advance 1s');
    for (const name of ['c1', 'c2', 'c3']) c.run(`consumer poll ${name}`);
    const marks = marksFor(events.flat(), ctxOf(c));
    const assigned = marks.filter((m) => m.stage === 'assign');
    expect(assigned.length).toBeGreaterThan(0);
    for (const m of [...assigned, ...marks.filter((x) => x.stage === 'revoke')]) {
      const member = m.stage === 'assign' ? m.to : m.from;
      expect(member.kind).toBe('member');
      expect(m.stage === 'assign' ? m.from : m.to).toEqual({ kind: 'group', groupId: 'orders-app' });
    }
    // The last assignment each member received is what it owns now.
    const owned = new Map(
      (c.read().group('orders-app')?.members ?? []).map((m) => [
        m.name,
        m.owned
          .map((tp) => `${tp.topic}-${tp.partition}`)
          .sort()
          .join(','),
      ]),
    );
    const lastText = (name: string) =>
      assigned.filter((m) => m.to.kind === 'member' && m.to.name === name).at(-1)?.text;
    expect(lastText('c3')).toContain(owned.get('c3')?.split(',')[0] ?? 'none');
  });

  it('a flood aggregates into one flow per path whose rate is records per virtual second', () => {
    const { c, events } = controller();
    for (let i = 0; i < 40; i++) c.run(`producer send p1 orders --partition 2 v${i}`);
    c.run('clock advance 1s');
    const marks = marksFor(events.flat(), ctxOf(c));
    const flows = flowsFor(marks);
    const produced = flows.filter((f) => f.stage === 'produce');
    expect(produced).toHaveLength(1);
    expect(produced[0].count).toBe(40);
    expect(produced[0].rate).toBeGreaterThan(0);
    // Nothing is counted twice: the flows carry every record the marks carried.
    const records = (s: string) =>
      marks.filter((m) => m.stage === s).reduce((n, m) => n + Math.max(1, m.count), 0);
    for (const f of flows)
      expect(flows.filter((g) => g.stage === f.stage).reduce((n, g) => n + g.count, 0)).toBe(
        records(f.stage),
      );
  });
});

describe('the layout fits a laptop, a phone and a projector', () => {
  const model = () => clusterMapModel(new SimController(spec).read());

  it('wide: producers left of the brokers, brokers left of the groups, no box outside the picture', () => {
    const l = clusterMapLayout(model(), { width: 1200, font: 13 });
    expect(l.narrow).toBe(false);
    const right = (b: { x: number; w: number }) => b.x + b.w;
    expect(Math.max(...l.producers.map(right))).toBeLessThan(Math.min(...l.brokers.map((b) => b.x)));
    expect(Math.max(...l.brokers.map(right))).toBeLessThan(Math.min(...l.groups.map((g) => g.x)));
    for (const b of [...l.producers, ...l.brokers, ...l.groups]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(right(b)).toBeLessThanOrEqual(l.width);
      expect(b.y + b.h).toBeLessThanOrEqual(l.height);
    }
  });

  it('the presenter column at 1920 px (about 980 px at 20 px labels) stacks producers, brokers, groups and keeps every broker', () => {
    const l = clusterMapLayout(model(), { width: 980, font: 20 });
    expect(l.mode).toBe('stacked');
    expect(l.brokers.map((b) => b.broker.id)).toEqual([1, 2, 3]);
    expect(new Set(l.brokers.map((b) => b.x)).size).toBeGreaterThan(1);
    const producersBottom = Math.max(...l.producers.map((p) => p.y + p.h));
    expect(Math.min(...l.brokers.map((b) => b.y))).toBeGreaterThan(producersBottom);
    expect(Math.min(...l.groups.map((g) => g.y))).toBeGreaterThan(
      Math.max(...l.brokers.map((b) => b.y + b.h)),
    );
  });

  it('a 375 px phone shows one broker, the one chosen', () => {
    const l = clusterMapLayout(model(), { width: 343, font: 13, broker: 2 });
    expect(l.narrow).toBe(true);
    expect(l.brokers.map((b) => b.broker.id)).toEqual([2]);
    expect(locateAnchor(l, { kind: 'replica', tp: 'orders-0', broker: 1 })).toBeNull();
  });

  it('labels fit their boxes at any width and font, presenter size included (property)', () => {
    const m = model();
    fc.assert(
      // From the narrowest phone (320 px less the page's padding) up; the projector's 20 px from a laptop's width.
      fc.property(fc.integer({ min: 0, max: 1700 }), fc.constantFrom(13, 16, 20), (extra, font) => {
        const width = font * 24 + extra;
        const l = clusterMapLayout(m, { width, font });
        for (const b of l.brokers) {
          expect(b.x + b.w).toBeLessThanOrEqual(width + 0.01);
          for (const r of b.replicas) {
            const win = logWindow(r.replica, r.log, font);
            expect(r.log.x + (win.to - win.from) * win.cell).toBeLessThanOrEqual(r.log.x + r.log.w + 0.01);
            // The HW · LEO text fits between the log and the row's end.
            expect(r.log.x + r.log.w + rowMetrics(m, font).numbersW).toBeLessThanOrEqual(r.x + r.w + 0.01);
          }
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe('the markup says what the picture shows', () => {
  it('replicas expose role, HW and LEO; the summary lists leaders, ISR and the group; no mark is invented', () => {
    const { c } = controller();
    const html = renderToStaticMarkup(
      createElement(SimContext.Provider, { value: c }, createElement(ClusterMapView)),
    );
    const leader = c.read().partition('orders', 0)?.leader;
    expect(html).toContain(`data-replica="orders-0@${leader}" data-role="leader"`);
    expect(html).toMatch(
      /aria-label="orders-0 on broker \d: in-sync follower, high watermark 0, log end offset 0"/,
    );
    expect(html).toContain(`orders-0: leader broker ${leader}, in sync`);
    expect(html).toContain('data-member="c1"');
    expect(html).not.toContain('data-mark=');
  });
});

describe('the broker columns hold still as the logs grow', () => {
  const grown = (offset: number) => {
    const m = clusterMapModel(controller().c.read());
    return {
      ...m,
      brokers: m.brokers.map((b) => ({
        ...b,
        replicas: b.replicas.map((r) => ({ ...r, highWatermark: offset, logEndOffset: offset })),
      })),
    };
  };
  const columns = (offset: number, width: number, font: number) =>
    new Set(clusterMapLayout(grown(offset), { width, font }).brokers.map((b) => b.x)).size;

  it('the same number of broker columns at offset 0 and at offset 5,000,000, at any width and font (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 600, max: 2400 }),
        fc.constantFrom(13, 16, 20),
        fc.constantFrom(9, 99, 999, 9_999, 12_345, 987_654, 5_000_000),
        (width, font, offset) => {
          expect(columns(offset, width, font)).toBe(columns(0, width, font));
        },
      ),
      { seed: 42, numRuns: 80 },
    );
  });

  it('a laptop-wide map keeps three broker columns at five-digit offsets', () => {
    expect(columns(0, 1400, 13)).toBe(3);
    expect(columns(12_345, 1400, 13)).toBe(3);
  });

  it('offsets print exactly below 10,000, then rounded down in thousands and millions, in four characters at most', () => {
    expect([0, 9_999, 10_000, 12_999, 999_999, 1_000_000, 12_345_678].map(offsetLabel)).toEqual([
      '0',
      '9999',
      '10k',
      '12k',
      '999k',
      '1.0M',
      '12M',
    ]);
  });
});

describe('a rebalance on the map says what the timeline says, eager beside cooperative', () => {
  // Two members own four partitions; a third joins. The same scene with each protocol.
  function rebalance(assignor: 'range' | 'cooperative-sticky') {
    const c = new SimController({
      seed: defaultPreset.seed,
      brokers: defaultPreset.brokers,
      setup: [
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 4 --replication-factor 3',
        `consumer create c1 --group g --topics orders --assignor ${assignor}`,
        `consumer create c2 --group g --topics orders --assignor ${assignor}`,
        'clock advance 5s',
        'consumer poll c1',
        'consumer poll c2',
        'clock advance 1s',
      ],
    });
    const owned = (read = c.read()) =>
      new Map(
        (read.group('g')?.members ?? []).map((m) => [
          m.name,
          m.owned.map((tp) => `${tp.topic}-${tp.partition}`),
        ]),
      );
    let before = owned();
    const marks: ReturnType<typeof marksFor> = [];
    const events: SimEvent[] = [];
    c.onEvents((batch) => {
      const now = c.read();
      const prior = before;
      events.push(...batch);
      marks.push(
        ...marksFor(batch, {
          ...ctxOf(c),
          protocolOf: (id) => now.group(id)?.rebalanceProtocol ?? null,
          ownedBefore: (name) => prior.get(name) ?? null,
        }),
      );
      before = owned(now);
    });
    const start = owned();
    c.run(`consumer create c3 --group g --topics orders --assignor ${assignor}`);
    for (let i = 0; i < 4; i++) {
      c.run('clock advance 3s');
      for (const name of ['c1', 'c2', 'c3']) c.run(`consumer poll ${name}`);
    }
    return { start, end: owned(), marks, events };
  }
  const movedTo = (marks: ReturnType<typeof marksFor>, name: string) =>
    marks
      .filter((m) => m.stage === 'assign' && m.to.kind === 'member' && m.to.name === name)
      .flatMap((m) => m.text.match(/was assigned (.*) \(generation/)?.[1].split(', ') ?? []);

  it('eager (range): every member gives up all it owned before any partition is handed out again (ConsumerCoordinator#onJoinPrepare)', () => {
    const { start, end, marks, events } = rebalance('range');
    const revokes = marks.filter((m) => m.stage === 'revoke');
    // One revoke mark per timeline revocation, for the same member, and each one is everything the member owned.
    const revoked = events.filter((e) => e.type === 'groupPartitionsRevoked');
    expect(revokes).toHaveLength(revoked.length);
    expect(revokes.map((m) => m.from)).toEqual(
      revoked.map((e) => ({ kind: 'member', name: e.type === 'groupPartitionsRevoked' ? e.label : '' })),
    );
    for (const e of revoked) expect(e.reason).toMatch(/revokes all .* \(eager rebalance\)/);
    for (const m of revokes) {
      const name = m.from.kind === 'member' ? m.from.name : '';
      expect(m.text).toBe(
        `consumer ${name} gave up all its partitions (${start.get(name)?.join(', ')}) before rejoining: an eager rebalance of g pauses them all`,
      );
    }
    const firstAssign = marks.findIndex((m) => m.stage === 'assign');
    expect(marks.findLastIndex((m) => m.stage === 'revoke')).toBeLessThan(firstAssign);
    // Everything travels back from the group, including what a member gets again.
    for (const [name, tps] of end) expect(movedTo(marks, name).sort()).toEqual([...tps].sort());
  });

  it('cooperative (cooperative-sticky): only the partitions that change owner are revoked and travel (KIP-429)', () => {
    const { start, end, marks, events } = rebalance('cooperative-sticky');
    const moving = [...end].flatMap(([name, tps]) => tps.filter((tp) => !start.get(name)?.includes(tp)));
    expect(moving.length).toBeGreaterThan(0);
    const revokes = marks.filter((m) => m.stage === 'revoke');
    const revoked = events.filter((e) => e.type === 'groupPartitionsRevoked');
    expect(revokes).toHaveLength(revoked.length);
    for (const e of revoked)
      expect(e.reason).toMatch(/revokes only .*its other partitions keep being processed/);
    const revokedTps = revokes.flatMap(
      (m) => m.text.match(/gave up only (.*), which/)?.[1].split(', ') ?? [],
    );
    expect(revokedTps.sort()).toEqual([...moving].sort());
    // A member that keeps its partitions gets no mark for them; the newcomer receives exactly what moved.
    for (const [name, tps] of end) {
      const fresh = tps.filter((tp) => !start.get(name)?.includes(tp));
      expect(movedTo(marks, name).sort()).toEqual(fresh.sort());
    }
    // The revocation comes before the partition reaches its new owner.
    const revokeAt = marks.findIndex((m) => m.stage === 'revoke');
    const arriveAt = marks.findIndex(
      (m) => m.stage === 'assign' && m.to.kind === 'member' && m.to.name === 'c3',
    );
    expect(revokeAt).toBeGreaterThanOrEqual(0);
    expect(revokeAt).toBeLessThan(arriveAt);
  });
});
