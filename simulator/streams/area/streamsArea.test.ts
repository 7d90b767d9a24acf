import { describe, expect, it } from 'vitest';
import { readModel, Simulation } from '../../index';
import { advance, cluster, must, produce, read, start } from './streamsArea.testkit';

const WORDCOUNT =
  'stream text | flatMapValues split(lower(value), " ") | groupBy value | count as counts-store | toStream | to counts';

describe('a Kafka Streams application on the simulated cluster', () => {
  it('word count: group.id = application.id, <app>-<store>-changelog and <app>-<store>-repartition topics, counts on the output', () => {
    const s = cluster({ text: 2, counts: 2 });
    must(s, { type: 'streamsAppCreate', app: 'wc', dsl: WORDCOUNT });
    start(s, 'wc', 'a');
    expect(s.state.topics['wc-counts-store-changelog']).toBeDefined();
    expect(s.state.topics['wc-counts-store-repartition']).toBeDefined();
    produce(s, 'text', [
      ['1', 'hello kafka', 1000],
      ['2', 'hello streams', 2000],
    ]);
    advance(s, 31_000);
    const out = read(s, 'counts');
    expect(out.sort()).toEqual(['hello=1', 'hello=2', 'kafka=1', 'streams=1'].sort());
    expect(Object.keys(s.state.areas.consumers.groups)).toContain('wc');
    expect(Object.keys(s.state.areas.streams.apps.wc.tasks).sort()).toEqual(['0_0', '0_1', '1_0', '1_1']);
  });
});

const COUNT = 'stream clicks | groupByKey | count as click-counts | toStream | to click-totals';

function lastPerKey(records: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of records) {
    const [k, v] = r.split('=');
    out[k] = v;
  }
  return out;
}

describe('processing guarantees (StreamsConfig processing.guarantee, KIP-447)', () => {
  it('exactly_once_v2: read_committed readers see outputs only after the commit (commit.interval.ms=100)', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'eos',
      dsl: COUNT,
      configs: { 'processing.guarantee': 'exactly_once_v2' },
    });
    start(s, 'eos', 'a');
    produce(s, 'clicks', [
      ['u1', 'x', 1],
      ['u1', 'x', 2],
    ]);
    advance(s, 20);
    expect(read(s, 'click-totals', 'read_committed')).toEqual([]);
    advance(s, 500);
    expect(read(s, 'click-totals', 'read_committed')).toEqual(['u1=1', 'u1=2']);
    expect(
      s.state.areas.transactions.coordinators[
        s.state.areas.streams.apps.eos.instances.a.threads[0].transactionalId!
      ],
    ).toBeDefined();
  });

  it('at_least_once: a crash after sending but before the commit re-processes, so outputs appear twice', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, { type: 'streamsAppCreate', app: 'alos', dsl: COUNT });
    start(s, 'alos', 'a');
    produce(s, 'clicks', [
      ['u1', 'x', 1],
      ['u1', 'x', 2],
    ]);
    advance(s, 1000); // sent (linger.ms=100), not committed (commit.interval.ms=30000)
    expect(read(s, 'click-totals')).toEqual(['u1=1', 'u1=2']);
    must(s, { type: 'streamsInstanceCrash', app: 'alos', instance: 'a' });
    must(s, { type: 'streamsInstanceStart', app: 'alos', instance: 'b' });
    advance(s, 50_000); // session.timeout.ms removes a; b restores the changelog and re-reads from offset 0
    const out = read(s, 'click-totals');
    expect(out.length).toBeGreaterThan(2);
    expect(out.filter((r) => r === 'u1=2').length).toBeGreaterThanOrEqual(1);
  });

  it('exactly_once_v2: a crash mid-transaction leaves its records aborted; read_committed sees each count once', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'eos',
      dsl: COUNT,
      configs: { 'processing.guarantee': 'exactly_once_v2', 'commit.interval.ms': '1000' },
    });
    start(s, 'eos', 'a');
    produce(s, 'clicks', [
      ['u1', 'x', 1],
      ['u1', 'x', 2],
    ]);
    advance(s, 300); // sent after linger.ms=100, inside a transaction not yet committed
    expect(read(s, 'click-totals')).toEqual(['u1=1', 'u1=2']);
    expect(read(s, 'click-totals', 'read_committed')).toEqual([]);
    must(s, { type: 'streamsInstanceCrash', app: 'eos', instance: 'a' });
    must(s, { type: 'streamsInstanceStart', app: 'eos', instance: 'b' });
    advance(s, 60_000); // transaction.timeout.ms=10000 aborts a's transaction
    expect(read(s, 'click-totals')).toEqual(['u1=1', 'u1=2', 'u1=1', 'u1=2']);
    expect(read(s, 'click-totals', 'read_committed')).toEqual(['u1=1', 'u1=2']);
    expect(read(s, 'eos-click-counts-changelog', 'read_committed')).toEqual(['u1=1', 'u1=2']);
  });
});

describe('time and windows (KStreamWindowAggregate, KTableSuppressProcessorSupplier)', () => {
  const WINDOWED =
    'stream clicks | groupByKey | windowedBy tumbling 5s grace 1s | count as per-5s | suppress untilWindowCloses | toStream | to final-counts';

  it('a late record is dropped once stream time passes window end + grace; suppress emits the final count only then', () => {
    const s = cluster({ clicks: 1, 'final-counts': 1 });
    must(s, { type: 'streamsAppCreate', app: 'w', dsl: WINDOWED });
    start(s, 'w', 'a');
    produce(s, 'clicks', [
      ['A', 'x', 1000],
      ['A', 'x', 4000],
    ]);
    advance(s, 31_000);
    expect(read(s, 'final-counts')).toEqual([]); // stream time 4000: [0,5000) is still open
    produce(s, 'clicks', [
      ['A', 'x', 6500],
      ['A', 'x', 4500],
    ]);
    advance(s, 31_000);
    expect(read(s, 'final-counts')).toEqual(['[A@0/5000]=2']);
    const task = s.state.areas.streams.apps.w.tasks['0_0'];
    expect(task.state?.metrics.droppedRecords).toBe(1);
  });
});

describe('state stores and their changelog topics (ProcessorStateManager)', () => {
  it('a task that moves is restored from <app>-<store>-changelog before it processes: counts continue', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    start(s, 'app', 'a');
    produce(s, 'clicks', [
      ['u1', 'x', 1],
      ['u2', 'x', 2],
      ['u1', 'x', 3],
    ]);
    advance(s, 31_000);
    expect(read(s, 'app-click-counts-changelog')).toEqual(['u1=1', 'u2=1', 'u1=2']);
    must(s, { type: 'streamsInstanceStop', app: 'app', instance: 'a' });
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'b' });
    // b's join waits until a's members time out (session.timeout.ms=45000; close() sends no LeaveGroup)
    const r = s.dispatch({ type: 'advanceClock', ms: 50_000 });
    const restores = r.events.filter((e) => e.type === 'streamsRestore');
    expect(restores.length).toBeGreaterThan(0);
    produce(s, 'clicks', [['u1', 'x', 4]]);
    advance(s, 31_000);
    expect(lastPerKey(read(s, 'click-totals')).u1).toBe('3');
  });
});

describe('bad input changes nothing', () => {
  it('a malformed DSL line is refused with the position of the bad token', () => {
    const s = cluster({ clicks: 1 });
    const r = s.dispatch({ type: 'streamsAppCreate', app: 'x', dsl: 'stream clicks | filter | to out' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/line 1, column \d+/);
    expect(s.state.areas.streams.apps).toEqual({});
  });

  it('an unknown input topic: MissingSourceTopicException "Missing source topics. [nope]"', () => {
    const s = cluster({ clicks: 1 });
    must(s, { type: 'streamsAppCreate', app: 'x', dsl: 'stream nope | to out' });
    const r = s.dispatch({ type: 'streamsInstanceStart', app: 'x', instance: 'a' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('Missing source topics. [nope]');
    expect(s.state.areas.streams.apps.x.instances).toEqual({});
  });

  it('a join of topics with different partition counts fails (CopartitionedTopicsEnforcer)', () => {
    const s = cluster({ left: 2, right: 3 });
    must(s, { type: 'streamsAppCreate', app: 'j', dsl: 'r = table right\nstream left | join r | to joined' });
    const r = s.dispatch({ type: 'streamsInstanceStart', app: 'j', instance: 'a' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Topics not co-partitioned: [{left=2, right=3}]');
  });

  it('processing.guarantee accepts only at_least_once and exactly_once_v2 (exactly_once was removed in 4.0)', () => {
    const s = cluster({ clicks: 1 });
    const r = s.dispatch({
      type: 'streamsAppCreate',
      app: 'x',
      dsl: COUNT,
      configs: { 'processing.guarantee': 'exactly_once' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Invalid value exactly_once for configuration processing.guarantee: String must be one of: at_least_once, exactly_once_v2',
      );
  });
});

describe('kafka-streams-application-reset (StreamsResetter)', () => {
  it('refuses while the group has members, then deletes internal topics and rewinds input offsets', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    start(s, 'app', 'a');
    produce(s, 'clicks', [['u1', 'x', 1]]);
    advance(s, 31_000);
    must(s, { type: 'streamsInstanceStop', app: 'app', instance: 'a' });
    const early = s.dispatch({ type: 'streamsAppReset', app: 'app', inputTopics: ['clicks'] });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain("Consumer group 'app' is still active");
    advance(s, 46_000);
    const r = must(s, { type: 'streamsAppReset', app: 'app', inputTopics: ['clicks'] });
    expect(r.ok && r.data.deletedTopics).toEqual(['app-click-counts-changelog']);
    expect(s.state.topics['app-click-counts-changelog']).toBeUndefined();
    expect(s.state.areas.consumers.groups.app.offsets['clicks-0'].offset).toBe(0);
  });
});

describe('the Streams area is data on the virtual clock', () => {
  it('replaying the command log rebuilds the same state, and the read model shows tasks, stores and counts', () => {
    const s = cluster({ clicks: 2, 'click-totals': 2 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'a' });
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'b' });
    produce(s, 'clicks', [
      ['u1', 'x', 1],
      ['u2', 'x', 2],
      ['u3', 'x', 3],
    ]);
    advance(s, 31_000);
    const again = Simulation.replay(s.init, s.log);
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(s.state));
    const view = readModel(s).streamsApp('app')!;
    expect(view.describe.startsWith('Topologies:\n   Sub-topology: 0\n')).toBe(true);
    expect(view.instances.map((i) => i.tasks.length)).toEqual([1, 1]);
    expect(view.tasks.map((t) => t.id)).toEqual(['0_0', '0_1']);
    expect(view.tasks.flatMap((t) => t.stores.flatMap((st) => st.rows.map((r) => r.key))).sort()).toEqual([
      'u1',
      'u2',
      'u3',
    ]);
    expect(view.subtopologies[0].nodes[0]).toMatchObject({ name: 'KSTREAM-SOURCE-0000000000', records: 3 });
    // every record the source reads reaches its child, the count
    expect(view.subtopologies[0].nodes[1]).toMatchObject({
      name: 'KSTREAM-AGGREGATE-0000000001',
      records: 3,
    });
  });
});
