'use client';

import { setTopicStatus, statusLabels, type TopicProgress, type TopicStatus } from '@/lib/progress';

// Lets the learner set a topic's status by hand, or hand it back to the automatic rule.

const choices: TopicStatus[] = ['done', 'in-progress', 'skipped', 'not-started'];

export function TopicStatusControl({
  topicId,
  title,
  progress,
}: {
  topicId: string;
  title: string;
  progress: TopicProgress;
}) {
  const value = progress.source === 'learner' ? progress.status : 'auto';
  return (
    <select
      aria-label={`Set status of ${title}`}
      title={
        progress.source === 'learner'
          ? `Set by you; the rule alone says ${statusLabels[progress.ruleStatus].toLowerCase()}`
          : 'Status follows the completion rule'
      }
      value={value}
      onChange={(event) => {
        const next = event.target.value;
        setTopicStatus(topicId, next === 'auto' ? null : (next as TopicStatus));
      }}
      className="rounded-md border border-slate-300 bg-white py-0.5 pr-6 pl-2 text-xs text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
    >
      <option value="auto">Automatic</option>
      {choices.map((status) => (
        <option key={status} value={status}>
          Mark {statusLabels[status].toLowerCase()}
        </option>
      ))}
    </select>
  );
}
