import { describe, expect, it } from 'vitest';
import type { TopicProgress } from '@/lib/progress';
import type { ModelTopic } from '@/lib/progress/model.server';
import { pathProgress } from './pathProgress';

const topic = (id: string, href: string | null): ModelTopic => ({
  id,
  title: id,
  lesson: href ? id : null,
  href,
  minutes: 15,
});
const done: TopicProgress = { status: 'done', source: 'learner', ruleStatus: 'done', check: null };

describe('pathProgress', () => {
  it('counts only topics that have a lesson: completion and time left leave the rest out', () => {
    const topics = new Map([
      ['a', topic('a', '/learn/a/')],
      ['b', topic('b', '/learn/b/')],
      ['c', topic('c', null)],
      ['d', topic('d', null)],
    ]);
    const path = { id: 'p', title: 'P', summary: '', audience: '', topics: ['a', 'b', 'c', 'd'] };
    const state = pathProgress(path, topics, new Map([['a', done]]));
    expect(state.steps).toHaveLength(4);
    expect(state.available).toBe(2);
    expect(state.unavailable).toBe(2);
    expect(state.counts).toMatchObject({ total: 2, done: 1, percent: 50 });
    expect(state.totalMinutes).toBe(30);
    expect(state.minutesLeft).toBe(15);
    // everything that exists done: the path reads 100 %, not 25 %
    const finished = pathProgress(
      path,
      topics,
      new Map([
        ['a', done],
        ['b', done],
      ]),
    );
    expect(finished.counts.percent).toBe(100);
    expect(finished.minutesLeft).toBe(0);
  });
});
