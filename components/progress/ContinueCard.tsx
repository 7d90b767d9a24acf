'use client';

import Link from 'next/link';
import { useProgress } from '@/lib/progress';
import type { CurriculumModel } from '@/lib/progress/model.server';
import { Reserved } from './Reserved';
import type { CurriculumProgress } from './useCurriculumProgress';

// "Continue where you left off": the last lesson visited, and the next topic not yet done or skipped.

export function ContinueCard({ model, progress }: { model: CurriculumModel; progress: CurriculumProgress }) {
  const lastLesson = useProgress((state) => state.lastLesson);
  const sections = model.levels.flatMap((level) => level.sections);
  // Before stored progress is read this is the card of a new learner, drawn invisibly to hold its place.
  const last =
    progress.hydrated && lastLesson
      ? sections.find((section) => section.id === lastLesson.sectionId)
      : undefined;
  const next = progress.topics.find((topic) => {
    const status = progress.byTopic.get(topic.id)?.status;
    return topic.href && status !== 'done' && status !== 'skipped';
  });
  return (
    <Reserved shown={progress.hydrated}>
      <section
        aria-labelledby="continue-heading"
        className="rounded-xl border border-brand-200 bg-brand-50 p-5 dark:border-brand-800 dark:bg-brand-950/60"
      >
        <h2 id="continue-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
          {last ? 'Continue where you left off' : 'Start learning'}
        </h2>
        <div className="mt-3 flex flex-wrap gap-3">
          {last ? (
            <Link
              href={`/learn/${last.id}/`}
              className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 dark:bg-brand-400 dark:text-slate-950 dark:hover:bg-brand-300"
            >
              Back to {last.title}
            </Link>
          ) : null}
          {next?.href ? (
            <Link
              href={next.href}
              className={
                last
                  ? 'rounded-lg border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-white dark:border-brand-300 dark:text-brand-200 dark:hover:bg-slate-900'
                  : 'rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 dark:bg-brand-400 dark:text-slate-950 dark:hover:bg-brand-300'
              }
            >
              Up next: {next.title}
            </Link>
          ) : (
            <p className="text-sm text-slate-700 dark:text-slate-300">
              Every topic with a lesson so far is done or skipped.
            </p>
          )}
        </div>
      </section>
    </Reserved>
  );
}
