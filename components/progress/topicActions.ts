import type { TopicProgress, TopicStatus } from '@/lib/progress';

// The one-click action beside a topic: mark it done, or take the mark back. Taking it back hands the topic to
// the automatic rule when the rule alone does not call it done (so it really stops being done); when the rule
// does call it done, handing it back would change nothing, so it is marked in progress instead.

export type PrimaryAction = {
  /** The button's visible words; its accessible name adds the topic's title after them (WCAG 2.5.3 Label in Name). */
  label: string;
  /** The status to store: a learner's mark, or null to follow the rule. */
  next: TopicStatus | null;
};

export function primaryAction(progress: TopicProgress): PrimaryAction {
  if (progress.status !== 'done') return { label: 'Mark done', next: 'done' };
  return { label: 'Mark not done', next: progress.ruleStatus === 'done' ? 'in-progress' : null };
}
