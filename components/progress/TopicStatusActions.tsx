'use client';

import { useCallback, useRef, useState } from 'react';
import { setTopicStatus, type TopicProgress } from '@/lib/progress';
import { StatusMenu } from './StatusMenu';
import { primaryAction } from './topicActions';

// A topic's status controls in a list (a path's steps, a lesson's topics): one button that does the usual thing
// ("Mark done: Broker", or "Mark not done: Broker" once it is), and a "More" button opening the same status menu
// as the roadmap's stops (in progress, skipped, not started, automatic). Names are the visible words with the
// topic's title read out after them, so each button says its action on its own and contains its visible text.

const buttonClass =
  'inline-flex min-h-8 items-center rounded-md border px-2.5 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600';

export function TopicStatusActions({
  topicId,
  title,
  progress,
}: {
  topicId: string;
  title: string;
  progress: TopicProgress;
}) {
  const [open, setOpen] = useState(false);
  const more = useRef<HTMLButtonElement>(null);
  const action = primaryAction(progress);
  const done = progress.status === 'done';
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) more.current?.focus();
  }, []);
  return (
    <span className="relative inline-flex flex-wrap items-center gap-2" data-status-actions={topicId}>
      <button
        type="button"
        onClick={() => setTopicStatus(topicId, action.next)}
        // The visible words first, then the title: the name "Mark done: Broker" contains what is shown (WCAG 2.5.3).
        aria-label={`${action.label}: ${title}`}
        className={`${buttonClass} ${
          done
            ? 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800'
            : 'border-emerald-700 bg-emerald-700 text-white hover:bg-emerald-800 dark:border-emerald-400 dark:bg-emerald-400 dark:text-slate-950 dark:hover:bg-emerald-300'
        }`}
      >
        {action.label}
      </button>
      <button
        ref={more}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
        onPointerDown={(event) => {
          // The menu closes itself on a press outside it; a press on this button must not reopen it at once.
          if (open) event.stopPropagation();
        }}
        className={`${buttonClass} border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`}
      >
        More<span className="sr-only"> statuses for {title}</span>
        <span aria-hidden="true" className="ml-1">
          ▾
        </span>
      </button>
      {open ? (
        <StatusMenu topicId={topicId} title={title} progress={progress} left={0} top={100} onClose={close} />
      ) : null}
    </span>
  );
}
