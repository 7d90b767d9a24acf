import { describe, expect, it } from 'vitest';
import { calendarDays, currentStreak, longestStreak, shiftDay } from './activity';
import { type Requirements, ruleStatus, tally, topicProgress } from './rules';
import { emptyProgress, type ProgressData } from './types';

const T = Date.UTC(2026, 10, 20, 12);
const requirements: Requirements = { consumers: { challenges: ['consumers-zero-lag'], quiz: true } };
const topic = { id: 'rebalancing', lesson: 'consumers' };

function withEvidence(read: boolean, solved: boolean, quizPercent: number | null): ProgressData {
  const data = emptyProgress(T);
  data.lessons.consumers = { firstVisitedAt: T, lastVisitedAt: T, visits: 1, readToEndAt: read ? T : null };
  if (solved) {
    data.challenges['consumers-zero-lag'] = {
      topics: [],
      solved: true,
      attempts: 1,
      firstSolvedAt: T,
      lastAttemptAt: T,
    };
  }
  if (quizPercent !== null) {
    const attempt = {
      at: T,
      score: quizPercent,
      total: 100,
      percent: quizPercent,
      passed: quizPercent >= 70,
    };
    data.quizzes.consumers = { best: attempt, history: [attempt] };
  }
  return data;
}

describe('completion rule', () => {
  it('done only when the lesson is read, its challenges solved and its quiz passed', () => {
    expect(topicProgress(withEvidence(true, true, 80), topic, requirements).status).toBe('done');
    expect(topicProgress(withEvidence(false, true, 80), topic, requirements).status).toBe('in-progress');
    expect(topicProgress(withEvidence(true, false, 80), topic, requirements).status).toBe('in-progress');
    expect(topicProgress(withEvidence(true, true, 60), topic, requirements).status).toBe('in-progress');
    expect(topicProgress(withEvidence(true, true, null), topic, requirements).status).toBe('in-progress');
  });

  it('a lesson with no challenge and no quiz is done when read to the end', () => {
    expect(topicProgress(withEvidence(true, false, null), topic, {}).status).toBe('done');
  });

  it('untouched topics and topics without a lesson are not started', () => {
    expect(topicProgress(emptyProgress(T), topic, requirements).status).toBe('not-started');
    expect(topicProgress(emptyProgress(T), { id: 'kcat', lesson: null }, requirements).status).toBe(
      'not-started',
    );
    expect(ruleStatus(null)).toBe('not-started');
  });

  it("the learner's mark wins over the rule and keeps the rule's view beside it", () => {
    const data = withEvidence(true, true, 80);
    data.marks.rebalancing = { status: 'skipped', at: T };
    expect(topicProgress(data, topic, requirements)).toMatchObject({
      status: 'skipped',
      source: 'learner',
      ruleStatus: 'done',
    });
  });

  it('completion counts done topics out of those not skipped', () => {
    expect(tally(['done', 'skipped', 'not-started', 'in-progress'])).toEqual({
      total: 4,
      done: 1,
      skipped: 1,
      inProgress: 1,
      percent: 33,
    });
    expect(tally(['skipped']).percent).toBe(100);
    expect(tally([]).percent).toBe(0);
  });
});

describe('activity', () => {
  it('shifts days across month and year ends', () => {
    expect(shiftDay('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDay('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('the current streak counts back from today, or from yesterday when today is still empty', () => {
    const activity = { '2026-11-18': 1, '2026-11-19': 2, '2026-11-20': 1 };
    expect(currentStreak(activity, '2026-11-20')).toBe(3);
    expect(currentStreak(activity, '2026-11-21')).toBe(3);
    expect(currentStreak(activity, '2026-11-22')).toBe(0);
  });

  it('the longest streak finds the longest run of consecutive days', () => {
    expect(
      longestStreak({ '2026-01-30': 1, '2026-01-31': 1, '2026-02-01': 1, '2026-02-05': 3, '2026-02-06': 0 }),
    ).toBe(3);
    expect(longestStreak({})).toBe(0);
  });

  it('the calendar covers whole weeks starting on Monday and ends in the week of today', () => {
    const days = calendarDays('2026-11-25', 2); // a Wednesday
    expect(days).toHaveLength(14);
    expect(days[0]).toBe('2026-11-16');
    expect(days).toContain('2026-11-25');
  });
});
