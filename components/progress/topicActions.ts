import type { TopicProgress, TopicStatus } from '@/lib/progress';

// The one-click action beside a topic: mark it done, or take the mark back. Taking it back hands the topic to
// the automatic rule when the rule alone does not call it done (so it really stops being done); when the rule
// does call it done, handing it back would change nothing, so it is marked in progress instead.

export type PrimaryAction = {
  /** Visible words of the button, around the topic's title (which is read out, not shown, in a row that shows it). */
  before: string;
  after: string;
  /** The status to store: a learner's mark, or null to follow the rule. */
  next: TopicStatus | null;
};

export function primaryAction(progress: TopicProgress): PrimaryAction {
  if (progress.status !== 'done') return { before: 'Mark', after: 'done', next: 'done' };
  return { before: 'Mark', after: 'not done', next: progress.ruleStatus === 'done' ? 'in-progress' : null };
}
