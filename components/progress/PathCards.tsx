'use client';

import Link from 'next/link';
import { formatMinutes } from '@/lib/progress/format';
import type { CurriculumModel } from '@/lib/progress/model.server';
import type { LearningPath } from '@/lib/progress/paths';
import { ProgressBar } from './ProgressBar';
import { pathProgress } from './pathProgress';
import { Reserved } from './Reserved';
import { useCurriculumProgress } from './useCurriculumProgress';

// The list of learning paths with each one's progress and next step.

export function PathCards({ paths, model }: { paths: LearningPath[]; model: CurriculumModel }) {
  const progress = useCurriculumProgress(model);
  const topics = new Map(progress.topics.map((topic) => [topic.id, topic]));
  return (
    <ul className="mt-8 grid gap-6 md:grid-cols-2">
      {paths.map((path) => {
        const state = pathProgress(path, topics, progress.byTopic);
        return (
          <li
            key={path.id}
            data-path-id={path.id}
            className="flex flex-col rounded-xl border border-slate-200 p-5 dark:border-slate-800"
          >
            <h2 className="text-xl font-semibold text-slate-900 dark:text-white">
              <Link href={`/paths/${path.id}/`} className="hover:underline">
                {path.title}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{path.audience}</p>
            <p className="mt-3 text-slate-700 dark:text-slate-300">{path.summary}</p>
            <p className="mt-3 text-sm text-slate-700 dark:text-slate-300">
              {state.available} topics with a lesson · about {formatMinutes(state.totalMinutes)}
              {state.unavailable > 0 ? ` · ${state.unavailable} not yet available` : ''}
            </p>
            <div className="mt-auto pt-4">
              <Reserved shown={progress.hydrated}>
                <ProgressBar percent={state.counts.percent} label={`${path.title} path completion`} />
                <p
                  className="mt-1 text-sm text-slate-700 dark:text-slate-300"
                  data-path-percent={progress.hydrated ? state.counts.percent : undefined}
                >
                  {state.counts.done} of {state.counts.total} done ({state.counts.percent}%)
                  {state.minutesLeft > 0 ? ` · about ${formatMinutes(state.minutesLeft)} left` : ''}
                </p>
                {state.next ? (
                  <p className="mt-2 text-sm">
                    Next step:{' '}
                    <Link
                      href={state.next.href ?? '#'}
                      className="font-medium text-brand-700 underline dark:text-brand-300"
                    >
                      {state.next.title}
                    </Link>
                  </p>
                ) : null}
              </Reserved>
              <Link
                href={`/paths/${path.id}/`}
                className="mt-3 inline-block rounded-lg border border-brand-700 px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-brand-50 dark:border-brand-300 dark:text-brand-200 dark:hover:bg-brand-950"
              >
                Open the {path.title} path
              </Link>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
