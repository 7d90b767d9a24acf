import { describe, expect, it } from 'vitest';
import type { TopicProgress, TopicStatus } from '@/lib/progress';
import { primaryAction } from './topicActions';

const progress = (
  status: TopicStatus,
  source: 'learner' | 'rule',
  ruleStatus: TopicStatus,
): TopicProgress => ({
  status,
  source,
  ruleStatus,
  check: null,
});

describe('the one-click status action beside a topic', () => {
  it.each(['not-started', 'in-progress', 'skipped'] as const)(
    'offers “Mark done” while the topic is %s',
    (status) => {
      expect(primaryAction(progress(status, 'rule', status))).toEqual({
        label: 'Mark done',
        next: 'done',
      });
      expect(primaryAction(progress(status, 'learner', 'not-started')).next).toBe('done');
    },
  );

  it('takes a learner’s own done mark back to the automatic rule when the rule alone does not say done', () => {
    expect(primaryAction(progress('done', 'learner', 'in-progress'))).toEqual({
      label: 'Mark not done',
      next: null,
    });
  });

  it('marks in progress a topic the rule itself calls done, since handing it back would leave it done', () => {
    expect(primaryAction(progress('done', 'rule', 'done')).next).toBe('in-progress');
    expect(primaryAction(progress('done', 'learner', 'done')).next).toBe('in-progress');
  });
});
