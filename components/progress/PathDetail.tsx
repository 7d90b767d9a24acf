'use client';

import Link from 'next/link';
import { formatMinutes } from '@/lib/progress/format';
import type { CurriculumModel } from '@/lib/progress/model.server';
import type { LearningPath } from '@/lib/progress/paths';
import { ProgressBar } from './ProgressBar';
import { pathProgress } from './pathProgress';
import { Reserved } from './Reserved';
import { StatusBadge } from './StatusBadge';
import { TopicStatusActions } from './TopicStatusActions';
import { useCurriculumProgress } from './useCurriculumProgress';

// One learning path: its ordered topics with statuses, the progress bar, time left and the next step.

export function PathDetail({ path, model }: { path: LearningPath; model: CurriculumModel }) {
  const progress = useCurriculumProgress(model);
  const topics = new Map(progress.topics.map((topic) => [topic.id, topic]));
  const state = pathProgress(path, topics, progress.byTopic);
  return (
    <>
      <div className="mt-6 rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <p className="text-sm text-slate-700 dark:text-slate-300">
          {state.available} topics with a lesson · about {formatMinutes(state.totalMinutes)} in all
          {state.unavailable > 0
            ? ` · ${state.unavailable} more ${state.unavailable === 1 ? 'has' : 'have'} no lesson yet and ${state.unavailable === 1 ? 'is' : 'are'} not counted`
            : ''}
        </p>
        <Reserved shown={progress.hydrated} className="mt-3">
          <ProgressBar percent={state.counts.percent} label={`${path.title} path completion`} />
          <p
            className="mt-1 text-sm text-slate-700 dark:text-slate-300"
            data-path-percent={progress.hydrated ? state.counts.percent : undefined}
          >
            {state.counts.done} of {state.counts.total} done
            {state.counts.skipped ? `, ${state.counts.skipped} skipped` : ''} ({state.counts.percent}%)
            {state.minutesLeft > 0 ? ` · about ${formatMinutes(state.minutesLeft)} left` : ''}
          </p>
          {state.next?.href ? (
            <Link
              href={state.next.href}
              className="mt-4 inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 dark:bg-brand-400 dark:text-slate-950 dark:hover:bg-brand-300"
            >
              {state.started ? 'Next step' : 'Start'}: {state.next.title}
            </Link>
          ) : (
            <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
              {state.counts.percent === 100
                ? 'You have finished this path.'
                : 'The remaining topics of this path have no lesson yet.'}
            </p>
          )}
        </Reserved>
      </div>
      <ol className="mt-8 space-y-3">
        {state.steps.map((step, index) => (
          <li
            key={step.id}
            data-topic-id={step.id}
            data-status={progress.hydrated ? step.status : undefined}
            className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 p-3 dark:border-slate-800"
          >
            <span
              aria-hidden="true"
              className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200"
            >
              {index + 1}
            </span>
            <span className="min-w-[10rem] flex-1">
              {step.href ? (
                <Link
                  href={step.href}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-300"
                >
                  {step.title}
                </Link>
              ) : (
                <span className="text-slate-700 dark:text-slate-300">
                  {step.title}{' '}
                  <span className="text-xs text-slate-600 dark:text-slate-400">(not yet available)</span>
                </span>
              )}
              {step.href ? (
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  about {formatMinutes(step.minutes)}
                </span>
              ) : null}
            </span>
            {step.progress && step.href ? (
              <Reserved
                shown={progress.hydrated}
                className="flex w-full flex-wrap items-center justify-between gap-2 pl-10 sm:w-auto sm:pl-0"
              >
                <StatusBadge status={step.status} byLearner={step.progress.source === 'learner'} />
                <TopicStatusActions topicId={step.id} title={step.title} progress={step.progress} />
              </Reserved>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}
