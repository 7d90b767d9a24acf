// Stream threads as consumer group members, rebalances on the virtual clock, standbys and checkpoints, and the
// purge of repartition topics.
import { describe, expect, it } from 'vitest';
import { describeGroupMembers, describeGroupState } from '../../consumer/group/describe';
import { readModel, type SimEvent } from '../../index';
import { advance, cluster, must, produce, read, start } from './streamsArea.testkit';

const COUNT = 'stream clicks | groupByKey | count as click-counts | toStream | to click-totals';

function events(s: ReturnType<typeof cluster>, ms: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let t = 0; t < ms; t += 100) out.push(...s.dispatch({ type: 'advanceClock', ms: 100 }).events);
  return out;
}

describe('stream threads are members of group application.id (StreamThread, StreamsPartitionAssignor)', () => {
  it('kafka-consumer-groups --members lists one <app>-<processId>-StreamThread-N-consumer per thread with its tasks’ partitions', () => {
    const s = cluster({ clicks: 4, 'click-totals': 4 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'app',
      dsl: COUNT,
      configs: { 'num.stream.threads': '2' },
    });
    start(s, 'app', 'a');
    const area = s.state.areas.consumers;
    const members = describeGroupMembers(area, 'app');
    const pid = s.state.areas.streams.apps.app.instances.a.processId;
    expect(members.map((m) => m.clientId)).toEqual([
      `app-${pid}-StreamThread-1-consumer`,
      `app-${pid}-StreamThread-2-consumer`,
    ]);
    // ClassicGroup#generateMemberId: client id + '-' + UUID
    for (const m of members) expect(m.consumerId.startsWith(`${m.clientId}-`)).toBe(true);
    // 4 tasks over 2 threads: 2 partitions each, every partition owned once
    expect(members.map((m) => m.partitions.length)).toEqual([2, 2]);
    expect(
      members
        .flatMap((m) => m.partitions.map((p) => p.partition))
        .sort()
        .join(),
    ).toBe('0,1,2,3');
    expect(describeGroupState(area, s.state, 'app')).toMatchObject({
      assignmentStrategy: 'stream',
      state: 'Stable',
      members: 2,
    });
  });

  it('tasks are spread over threads, not instances: an instance with 2 threads takes twice the tasks of one with 1', () => {
    const s = cluster({ clicks: 6, 'click-totals': 6 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT, configs: { 'num.stream.threads': '2' } });
    start(s, 'app', 'a');
    start(s, 'app', 'b');
    const app = s.state.areas.streams.apps.app;
    const perThread = Object.values(app.instances).flatMap((i) =>
      i.threads.map(
        (th) => Object.values(app.tasks).filter((t) => t.owner === i.name && t.thread === th.index).length,
      ),
    );
    expect(perThread.sort()).toEqual([1, 1, 2, 2]);
  });

  it('a transactional.id per thread under exactly_once_v2: <application.id>-<processId>-<thread index>', () => {
    const s = cluster({ clicks: 2 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'eos',
      dsl: 'stream clicks | to out',
      configs: { 'processing.guarantee': 'exactly_once_v2', 'num.stream.threads': '2' },
    });
    must(s, { type: 'createTopic', topic: 'out', partitions: 2, replicationFactor: 3 });
    start(s, 'eos', 'a');
    const a = s.state.areas.streams.apps.eos.instances.a;
    expect(a.threads.map((th) => th.transactionalId)).toEqual([
      `eos-${a.processId}-1`,
      `eos-${a.processId}-2`,
    ]);
  });

  it('the co-partitioning error names the group leader’s thread consumer (StreamsPartitionAssignor log prefix)', () => {
    const s = cluster({ left: 2, right: 3 });
    must(s, { type: 'streamsAppCreate', app: 'j', dsl: 'r = table right\nstream left | join r | to joined' });
    const r = s.dispatch({ type: 'streamsInstanceStart', app: 'j', instance: 'a' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toMatch(
        /^Invalid topology: stream-thread \[j-[\w-]{22}-StreamThread-1-consumer\] Topics not co-partitioned: \[\{left=2, right=3\}\]$/,
      );
    expect(s.state.areas.streams.apps.j.instances).toEqual({});
  });

  it('num.stream.threads must be a number (ConfigDef Type.INT)', () => {
    const s = cluster({ clicks: 1 });
    const r = s.dispatch({
      type: 'streamsAppCreate',
      app: 'x',
      dsl: COUNT,
      configs: { 'num.stream.threads': 'two' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.message).toBe(
        'Invalid value two for configuration num.stream.threads: Not a number of type INT',
      );
    expect(s.state.areas.streams.apps).toEqual({});
  });
});

describe('a rebalance takes time on the virtual clock (classic group protocol)', () => {
  it('an empty group waits group.initial.rebalance.delay.ms=3000 before the first assignment', () => {
    const s = cluster({ clicks: 2, 'click-totals': 2 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'a' });
    expect(s.state.areas.streams.apps.app.state).toBe('REBALANCING');
    expect(s.state.areas.consumers.groups.app.group.state).toBe('PreparingRebalance');
    advance(s, 2900);
    expect(Object.values(s.state.areas.streams.apps.app.tasks).some((t) => t.owner)).toBe(false);
    advance(s, 200);
    expect(s.state.areas.streams.apps.app.state).toBe('RUNNING');
    expect(s.state.areas.consumers.groups.app.group.state).toBe('Stable');
  });

  it('cooperative: a second instance makes the owner revoke only the moving task, handed over in a follow-up rebalance', () => {
    const s = cluster({ clicks: 2, 'click-totals': 2 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    start(s, 'app', 'a');
    produce(s, 'clicks', [['u1', 'x', 1]]);
    advance(s, 1000);
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'b' });
    const evs = events(s, 10_000);
    const revoked = evs.filter((e) => e.type === 'streamsTasksRevoked');
    expect(revoked).toHaveLength(1);
    const assigned = evs.filter((e) => e.type === 'streamsTasksAssigned');
    // generation 2 keeps a's other task and revokes one; generation 3 gives it to b
    expect(assigned).toHaveLength(2);
    const revokedTask = revoked[0].type === 'streamsTasksRevoked' ? revoked[0].tasks[0] : '';
    const app = s.state.areas.streams.apps.app;
    expect(app.tasks[revokedTask!].owner).toBe('b');
    // neither phase ends at once: the first waits for a's next heartbeat, the follow-up for b's
    // (heartbeat.interval.ms=3000)
    expect(assigned[0].time).toBeGreaterThan(revoked[0].time - 1);
    expect(assigned[1].time - assigned[0].time).toBeGreaterThan(0);
    expect(assigned[1].time - assigned[0].time).toBeLessThanOrEqual(3000);
  });

  it('a crashed member holds the join phase until session.timeout.ms=45000 removes it', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    start(s, 'app', 'a');
    must(s, { type: 'streamsInstanceCrash', app: 'app', instance: 'a' });
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'b' });
    advance(s, 30_000);
    expect(s.state.areas.streams.apps.app.state).toBe('REBALANCING');
    expect(s.state.areas.streams.apps.app.tasks['0_0'].owner).toBe('a');
    advance(s, 20_000);
    expect(s.state.areas.streams.apps.app.tasks['0_0'].owner).toBe('b');
    expect(describeGroupMembers(s.state.areas.consumers, 'app')).toHaveLength(1);
  });
});

function restores(evs: SimEvent[]): Array<{ total: number; from?: string; reason: string }> {
  return evs
    .filter((e) => e.type === 'streamsRestore' && e.reason.includes('restor'))
    .map((e) => {
      const d = e as unknown as { total: number; from?: string; reason: string; done: boolean };
      return { total: d.total, from: d.from, reason: e.reason };
    })
    .filter((r) => r.from !== undefined);
}

describe('standby replicas and .checkpoint files (ProcessorStateManager, StandbyTask)', () => {
  it('num.standby.replicas=1: the task fails over to the standby’s instance, which restores only the tail', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'app',
      dsl: COUNT,
      configs: { 'num.standby.replicas': '1' },
    });
    start(s, 'app', 'a');
    start(s, 'app', 'b');
    const app = s.state.areas.streams.apps.app;
    const active = app.tasks['0_0'].owner!;
    const other = active === 'a' ? 'b' : 'a';
    expect(Object.keys(app.instances[other].standbys)).toEqual(['0_0']);
    produce(
      s,
      'clicks',
      Array.from({ length: 20 }, (_, i) => ['u1', 'x', i + 1] as [string, string, number]),
    );
    advance(s, 2000);
    // the standby follows the changelog
    expect(app.instances[other].standbys['0_0'].positions['click-counts']).toBe(20);
    must(s, { type: 'streamsInstanceCrash', app: 'app', instance: active });
    const evs = events(s, 60_000);
    const r = restores(evs);
    expect(r).toHaveLength(1);
    expect(r[0].from).toBe('standby');
    expect(r[0].total).toBe(0);
    expect(s.state.areas.streams.apps.app.tasks['0_0'].owner).toBe(other);
  });

  it('at_least_once: an instance that closed cleanly restarts from its .checkpoint and restores only the tail', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, { type: 'streamsAppCreate', app: 'app', dsl: COUNT });
    start(s, 'app', 'a');
    produce(
      s,
      'clicks',
      Array.from({ length: 5 }, (_, i) => ['u1', 'x', i + 1] as [string, string, number]),
    );
    advance(s, 1000);
    must(s, { type: 'streamsInstanceStop', app: 'app', instance: 'a' });
    expect(s.state.areas.streams.apps.app.instances.a.stateDir['0_0'].checkpoint['click-counts']).toBe(5);
    advance(s, 46_000);
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'a' });
    const r = restores(events(s, 4000));
    expect(r.map((x) => [x.from, x.total])).toEqual([['checkpoint', 0]]);
    produce(s, 'clicks', [['u1', 'x', 9]]);
    advance(s, 31_000);
    expect(read(s, 'click-totals').at(-1)).toBe('u1=6');
  });

  it('exactly_once_v2: after a crash no checkpoint exists, so the whole changelog is restored', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'app',
      dsl: COUNT,
      configs: { 'processing.guarantee': 'exactly_once_v2' },
    });
    start(s, 'app', 'a');
    produce(
      s,
      'clicks',
      Array.from({ length: 5 }, (_, i) => ['u1', 'x', i + 1] as [string, string, number]),
    );
    advance(s, 1000);
    must(s, { type: 'streamsInstanceCrash', app: 'app', instance: 'a' });
    advance(s, 46_000);
    must(s, { type: 'streamsInstanceStart', app: 'app', instance: 'a' });
    const r = restores(events(s, 4000));
    expect(r).toHaveLength(1);
    expect(r[0].from).toBe('log-start');
    expect(r[0].total).toBeGreaterThanOrEqual(5);
    expect(r[0].reason).toContain('the whole changelog');
  });
});

describe('repartition topics are purged (TaskManager#maybePurgeCommittedRecords, repartition.purge.interval.ms)', () => {
  it('after a commit past repartition.purge.interval.ms the consumed records are deleted: the log start offset moves up', () => {
    const s = cluster({ clicks: 1, 'click-totals': 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'app',
      dsl: 'stream clicks | selectKey value | groupByKey | count as by-value | toStream | to click-totals',
      configs: { 'commit.interval.ms': '1000' },
    });
    start(s, 'app', 'a');
    produce(s, 'clicks', [
      ['k1', 'x', 1],
      ['k2', 'y', 2],
      ['k3', 'x', 3],
    ]);
    const topic = 'app-by-value-repartition';
    const logStart = () => {
      const p = s.state.topics[topic].partitions[0];
      return p.replicaLogs[p.leader!].log.logStartOffset;
    };
    advance(s, 5000);
    expect(logStart()).toBe(0); // not yet 30 s since the last purge
    produce(s, 'clicks', [['k4', 'x', 4]]);
    const evs = events(s, 31_000);
    expect(evs.some((e) => e.type === 'streamsRepartitionPurged')).toBe(true);
    expect(logStart()).toBe(4);
    // the counts are unaffected: the records were consumed before they were deleted
    expect(read(s, 'click-totals').at(-1)).toBe('x=3');
  });
});

describe('GlobalKTable (StreamsBuilder#globalTable, GlobalStreamThread)', () => {
  const DSL =
    'c = globalTable customers as customer-store\nstream orders | join c on value with concat(left, " for ", right) | to enriched';

  it('every instance reads the whole topic into its own copy (no group, no changelog) and joins by the key mapper', () => {
    // customers has 3 partitions, orders 2: a global table needs no co-partitioning
    const s = cluster({ customers: 3, orders: 2, enriched: 2 });
    produce(s, 'customers', [
      ['c1', 'Ada', 1],
      ['c2', 'Linus', 2],
    ]);
    must(s, { type: 'streamsAppCreate', app: 'g', dsl: DSL });
    start(s, 'g', 'a');
    start(s, 'g', 'b');
    const app = s.state.areas.streams.apps.g;
    for (const i of Object.values(app.instances)) {
      expect(i.global?.consumer).toBe(`g-${i.processId}-global-consumer`);
      expect(Object.keys(i.global!.positions)).toHaveLength(3);
    }
    expect(s.state.topics['g-customer-store-changelog']).toBeUndefined();
    produce(s, 'orders', [
      ['o1', 'c1', 10],
      ['o2', 'c2', 11],
      ['o3', 'c9', 12],
    ]);
    advance(s, 2000);
    // inner join: o3 has no customer and is dropped
    expect(read(s, 'enriched').sort()).toEqual(['o1=c1 for Ada', 'o2=c2 for Linus']);
    // a later update of the global topic reaches every copy
    produce(s, 'customers', [['c9', 'Grace', 20]]);
    produce(s, 'orders', [['o4', 'c9', 21]]);
    advance(s, 2000);
    expect(read(s, 'enriched')).toContain('o4=c9 for Grace');
    // the global consumer is not a member of the application's group
    expect(describeGroupMembers(s.state.areas.consumers, 'g').map((m) => m.clientId)).not.toContain(
      `g-${app.instances.a.processId}-global-consumer`,
    );
  });
});

describe('the window view read model (KStreamWindowAggregate close rule)', () => {
  it('a window is closed once windowEnd + grace <= the processor’s stream time; late records are listed as dropped', () => {
    const s = cluster({ clicks: 1, out: 1 });
    must(s, {
      type: 'streamsAppCreate',
      app: 'w',
      dsl: 'stream clicks | groupByKey | windowedBy tumbling 5s grace 1s | count as per-5s | toStream | to out',
    });
    start(s, 'w', 'a');
    produce(s, 'clicks', [
      ['A', 'x', 1000],
      ['A', 'x', 5500],
    ]);
    advance(s, 1000);
    const before = readModel(s).streamsApp('w')!.windowed[0];
    expect(before.streamTime).toBe(5500);
    expect(before.windows.map((v) => [v.start, v.closed])).toEqual([
      [0, false], // 5000 + 1000 > 5500: still accepting records
      [5000, false],
    ]);
    produce(s, 'clicks', [
      ['A', 'x', 6000],
      ['A', 'x', 4000],
    ]);
    advance(s, 1000);
    const after = readModel(s).streamsApp('w')!.windowed[0];
    expect(after.windows.find((v) => v.start === 0)).toMatchObject({ closed: true, value: '1' });
    expect(after.late).toEqual([{ key: 'A', timestamp: 4000 }]);
  });
});
