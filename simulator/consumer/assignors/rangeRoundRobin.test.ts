import { describe, expect, it } from 'vitest';
import { show, showSorted, subs, topicsOf } from './assignors.testkit';
import { rangeAssign } from './rangeAssignor';
import { roundRobinAssign } from './roundRobinAssignor';

const both = (topics: string[]) => ({ topics });

describe('RangeAssignor (RangeAssignorTest vectors)', () => {
  it('testOneConsumerNoTopic / NonexistentTopic: member present with an empty list', () => {
    expect(show(rangeAssign(topicsOf({}), subs({ c1: { topics: [] } })))).toEqual({ c1: '' });
    expect(show(rangeAssign(topicsOf({}), subs({ c1: { topics: ['topic1'] } })))).toEqual({ c1: '' });
  });
  it('testOneConsumerOneTopic and testOnlyAssignsPartitionsFromSubscribedTopics', () => {
    expect(show(rangeAssign(topicsOf({ topic1: 3, other: 3 }), subs({ c1: both(['topic1']) })))).toEqual({
      c1: 'topic1-0,topic1-1,topic1-2',
    });
  });
  it('testOneConsumerMultipleTopics', () => {
    expect(
      show(rangeAssign(topicsOf({ topic1: 1, topic2: 2 }), subs({ c1: both(['topic1', 'topic2']) }))),
    ).toEqual({
      c1: 'topic1-0,topic2-0,topic2-1',
    });
  });
  it('testTwoConsumersOneTopicOnePartition / TwoPartitions', () => {
    const s = subs({ consumer1: both(['topic1']), consumer2: both(['topic1']) });
    expect(show(rangeAssign(topicsOf({ topic1: 1 }), s))).toEqual({ consumer1: 'topic1-0', consumer2: '' });
    expect(show(rangeAssign(topicsOf({ topic1: 2 }), s))).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1',
    });
  });
  it('testMultipleConsumersMixedTopics: ranges are computed per topic', () => {
    const s = subs({
      consumer1: both(['topic1']),
      consumer2: both(['topic1', 'topic2']),
      consumer3: both(['topic1']),
    });
    expect(show(rangeAssign(topicsOf({ topic1: 3, topic2: 2 }), s))).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1,topic2-0,topic2-1',
      consumer3: 'topic1-2',
    });
  });
  it('testTwoConsumersTwoTopicsSixPartitions: the first members get the extra partition of every topic', () => {
    const s = subs({ consumer1: both(['topic1', 'topic2']), consumer2: both(['topic1', 'topic2']) });
    expect(show(rangeAssign(topicsOf({ topic1: 3, topic2: 3 }), s))).toEqual({
      consumer1: 'topic1-0,topic1-1,topic2-0,topic2-1',
      consumer2: 'topic1-2,topic2-2',
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions: group.instance.id orders members, not member.id', () => {
    const s = subs({
      'consumer-b': { topics: ['topic1', 'topic2'], instanceId: 'instance1' },
      'consumer-a': { topics: ['topic1', 'topic2'], instanceId: 'instance2' },
    });
    expect(show(rangeAssign(topicsOf({ topic1: 3, topic2: 3 }), s))).toEqual({
      'consumer-b': 'topic1-0,topic1-1,topic2-0,topic2-1',
      'consumer-a': 'topic1-2,topic2-2',
    });
  });
  it('testOneStaticConsumerAndOneDynamicConsumer: static members sort before dynamic ones', () => {
    const s = subs({
      'consumer-b': { topics: ['topic1', 'topic2'], instanceId: 'instance1' },
      'consumer-a': { topics: ['topic1', 'topic2'] },
    });
    expect(show(rangeAssign(topicsOf({ topic1: 3, topic2: 3 }), s))['consumer-b']).toBe(
      'topic1-0,topic1-1,topic2-0,topic2-1',
    );
  });
  it('testStaticMemberRangeAssignmentPersistent: a replacement dynamic member takes the same slot', () => {
    const t = ['topic1', 'topic2'];
    const base: [string, { topics: string[]; instanceId?: string }][] = [
      ['consumer1', { topics: t, instanceId: 'instance1' }],
      ['consumer2', { topics: t, instanceId: 'instance2' }],
      ['consumer3', { topics: t, instanceId: 'instance3' }],
    ];
    const expected = {
      consumer1: 'topic1-0,topic1-1,topic2-0',
      consumer2: 'topic1-2,topic2-1',
      consumer3: 'topic1-3,topic2-2',
    };
    const counts = topicsOf({ topic1: 5, topic2: 4 });
    expect(show(rangeAssign(counts, subs([...base, ['consumer4', { topics: t }]])))).toEqual({
      ...expected,
      consumer4: 'topic1-4,topic2-3',
    });
    expect(show(rangeAssign(counts, subs([...base, ['consumer5', { topics: t }]])))).toEqual({
      ...expected,
      consumer5: 'topic1-4,topic2-3',
    });
  });
  it('testStaticMemberRangeAssignmentPersistentAfterMemberIdChanges', () => {
    const t = ['topic1', 'topic2'];
    const counts = topicsOf({ topic1: 5, topic2: 5 });
    const byInstance = (ids: string[]) => {
      const a = rangeAssign(
        counts,
        subs(
          ids.map(
            (id, i) =>
              [id, { topics: t, instanceId: `instance${i + 1}` }] as [
                string,
                { topics: string[]; instanceId: string },
              ],
          ),
        ),
      );
      return Object.fromEntries(ids.map((id, i) => [`instance${i + 1}`, show(a)[id]]));
    };
    const expected = {
      instance1: 'topic1-0,topic1-1,topic2-0,topic2-1',
      instance2: 'topic1-2,topic1-3,topic2-2,topic2-3',
      instance3: 'topic1-4,topic2-4',
    };
    expect(byInstance(['consumer1', 'consumer2', 'consumer3'])).toEqual(expected);
    expect(byInstance(['consumer3', 'consumer1', 'consumer2'])).toEqual(expected);
  });
  it('non-rack parts of testRackAwareAssignment*: uniform, non-equal subscriptions, uniform partitions', () => {
    const all = ['t1', 't2', 't3'];
    const counts = topicsOf({ t1: 6, t2: 7, t3: 2 });
    expect(show(rangeAssign(counts, subs({ c0: both(all), c1: both(all), c2: both(all) })))).toEqual({
      c0: 't1-0,t1-1,t2-0,t2-1,t2-2,t3-0',
      c1: 't1-2,t1-3,t2-3,t2-4,t3-1',
      c2: 't1-4,t1-5,t2-5,t2-6',
    });
    expect(show(rangeAssign(counts, subs({ c0: both(all), c1: both(all), c2: both(['t1', 't3']) })))).toEqual(
      {
        c0: 't1-0,t1-1,t2-0,t2-1,t2-2,t2-3,t3-0',
        c1: 't1-2,t1-3,t2-4,t2-5,t2-6,t3-1',
        c2: 't1-4,t1-5',
      },
    );
    expect(
      show(
        rangeAssign(topicsOf({ t1: 5, t2: 5, t3: 5 }), subs({ c0: both(all), c1: both(all), c2: both(all) })),
      ),
    ).toEqual({
      c0: 't1-0,t1-1,t2-0,t2-1,t3-0,t3-1',
      c1: 't1-2,t1-3,t2-2,t2-3,t3-2,t3-3',
      c2: 't1-4,t2-4,t3-4',
    });
  });
});

describe('RoundRobinAssignor (RoundRobinAssignorTest vectors)', () => {
  it('testOneConsumerMultipleTopics', () => {
    expect(
      show(
        roundRobinAssign(topicsOf({ topic1: 1, topic2: 2 }), subs({ consumer: both(['topic1', 'topic2']) })),
      ),
    ).toEqual({ consumer: 'topic1-0,topic2-0,topic2-1' });
  });
  it('testTwoConsumersOneTopicOnePartition / TwoPartitions', () => {
    const s = subs({ consumer1: both(['topic']), consumer2: both(['topic']) });
    expect(show(roundRobinAssign(topicsOf({ topic: 1 }), s))).toEqual({
      consumer1: 'topic-0',
      consumer2: '',
    });
    expect(show(roundRobinAssign(topicsOf({ topic: 2 }), s))).toEqual({
      consumer1: 'topic-0',
      consumer2: 'topic-1',
    });
  });
  it('testMultipleConsumersMixedTopics: members not subscribed to a topic are skipped', () => {
    const s = subs({
      consumer1: both(['topic1']),
      consumer2: both(['topic1', 'topic2']),
      consumer3: both(['topic1']),
    });
    expect(show(roundRobinAssign(topicsOf({ topic1: 3, topic2: 2 }), s))).toEqual({
      consumer1: 'topic1-0',
      consumer2: 'topic1-1,topic2-0,topic2-1',
      consumer3: 'topic1-2',
    });
  });
  it('testTwoDynamicConsumersTwoTopicsSixPartitions: one global cycle across topics', () => {
    const s = subs({ consumer1: both(['topic1', 'topic2']), consumer2: both(['topic1', 'topic2']) });
    expect(show(roundRobinAssign(topicsOf({ topic1: 3, topic2: 3 }), s))).toEqual({
      consumer1: 'topic1-0,topic1-2,topic2-1',
      consumer2: 'topic1-1,topic2-0,topic2-2',
    });
  });
  it('testTwoStaticConsumersTwoTopicsSixPartitions: ordered by group.instance.id', () => {
    const s = subs({
      'consumer-b': { topics: ['topic1', 'topic2'], instanceId: 'instance1' },
      'consumer-a': { topics: ['topic1', 'topic2'], instanceId: 'instance2' },
    });
    expect(show(roundRobinAssign(topicsOf({ topic1: 3, topic2: 3 }), s))).toEqual({
      'consumer-b': 'topic1-0,topic1-2,topic2-1',
      'consumer-a': 'topic1-1,topic2-0,topic2-2',
    });
  });
  it('testStaticMemberRoundRobinAssignmentPersistent: replacement dynamic member gets the same partitions', () => {
    const t = ['topic1', 'topic2'];
    const statics: [string, { topics: string[]; instanceId: string }][] = [
      ['consumer1', { topics: t, instanceId: 'instance1' }],
      ['consumer2', { topics: t, instanceId: 'instance2' }],
      ['consumer3', { topics: t, instanceId: 'instance3' }],
    ];
    const counts = topicsOf({ topic1: 3, topic2: 3 });
    const a = show(roundRobinAssign(counts, subs([...statics, ['consumer4', { topics: t }]])));
    expect(a).toEqual({
      consumer1: 'topic1-0,topic2-1',
      consumer2: 'topic1-1,topic2-2',
      consumer3: 'topic1-2',
      consumer4: 'topic2-0',
    });
    expect(show(roundRobinAssign(counts, subs([...statics, ['consumer5', { topics: t }]]))).consumer5).toBe(
      'topic2-0',
    );
  });
  it('testStaticMemberRoundRobinAssignmentPersistentAfterMemberIdChanges', () => {
    const t = ['topic1', 'topic2'];
    const a = show(
      roundRobinAssign(
        topicsOf({ topic1: 5, topic2: 5 }),
        subs({
          m9: { topics: t, instanceId: 'instance1' },
          m1: { topics: t, instanceId: 'instance2' },
          m5: { topics: t, instanceId: 'instance3' },
        }),
      ),
    );
    expect(a).toEqual({
      m9: 'topic1-0,topic1-3,topic2-1,topic2-4',
      m1: 'topic1-1,topic1-4,topic2-2',
      m5: 'topic1-2,topic2-0,topic2-3',
    });
  });
  it('javadoc example with unequal subscriptions', () => {
    const s = subs({ C0: both(['t0']), C1: both(['t0', 't1']), C2: both(['t0', 't1', 't2']) });
    expect(showSorted(roundRobinAssign(topicsOf({ t0: 1, t1: 2, t2: 3 }), s))).toEqual({
      C0: 't0-0',
      C1: 't1-0',
      C2: 't1-1,t2-0,t2-1,t2-2',
    });
  });
});
