import type { TopicStatus } from '@/lib/progress';
import { statusLabels } from '@/lib/progress';

// A topic's status: an icon and words as well as a colour, so colour is never the only signal.

const styles: Record<TopicStatus, { icon: string; className: string }> = {
  'not-started': {
    icon: '○',
    className:
      'border-slate-300 bg-white text-slate-700 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-300',
  },
  'in-progress': {
    icon: '◐',
    className:
      'border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-600 dark:bg-amber-950/50 dark:text-amber-200',
  },
  done: {
    icon: '✓',
    className:
      'border-emerald-500 bg-emerald-50 text-emerald-900 dark:border-emerald-600 dark:bg-emerald-950/50 dark:text-emerald-200',
  },
  skipped: {
    icon: '↷',
    className:
      'border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950/50 dark:text-violet-200',
  },
};

export function StatusBadge({ status, byLearner = false }: { status: TopicStatus; byLearner?: boolean }) {
  const style = styles[status];
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${style.className}`}
    >
      <span aria-hidden="true">{style.icon}</span>
      {statusLabels[status]}
      {byLearner ? <span className="sr-only"> (set by you)</span> : null}
    </span>
  );
}
