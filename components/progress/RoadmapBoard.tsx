'use client';

import Link from 'next/link';
import { COMPLETION_RULE, tally } from '@/lib/progress';
import type { CurriculumModel, ModelSection } from '@/lib/progress/model.server';
import { ContinueCard } from './ContinueCard';
import { ProgressBar } from './ProgressBar';
import { Reserved } from './Reserved';
import { StatusBadge } from './StatusBadge';
import { TopicStatusControl } from './TopicStatusControl';
import { type CurriculumProgress, useCurriculumProgress } from './useCurriculumProgress';

// The whole curriculum level by level, with each topic's status and the learner's controls. The server
// renders the same list without statuses; they appear once stored progress is loaded.

function completionText(statuses: ReturnType<typeof tally>): string {
  const skipped = statuses.skipped > 0 ? `, ${statuses.skipped} skipped` : '';
  return `${statuses.done} of ${statuses.total} done${skipped} (${statuses.percent}%)`;
}

function SectionCard({ section, progress }: { section: ModelSection; progress: CurriculumProgress }) {
  const sectionTally = tally(
    section.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
  );
  return (
    // A group, not a region landmark: a level and its only section may share a title.
    <div
      role="group"
      aria-labelledby={`section-${section.id}`}
      data-section-id={section.id}
      className="flex flex-col rounded-xl border border-slate-200 p-4 dark:border-slate-800"
    >
      <h3 id={`section-${section.id}`} className="font-semibold text-slate-900 dark:text-white">
        {section.title}
      </h3>
      <Reserved shown={progress.hydrated} className="mt-2">
        <ProgressBar percent={sectionTally.percent} label={`${section.title} completion`} size="sm" />
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{completionText(sectionTally)}</p>
      </Reserved>
      <ul className="mt-3 space-y-2">
        {section.topics.map((topic) => {
          const topicState = progress.byTopic.get(topic.id);
          return (
            <li
              key={topic.id}
              data-topic-id={topic.id}
              data-status={progress.hydrated ? topicState?.status : undefined}
            >
              {topic.href ? (
                <Link
                  href={topic.href}
                  className="font-medium text-brand-700 hover:underline dark:text-brand-300"
                >
                  {topic.title}
                </Link>
              ) : (
                <span className="text-slate-700 dark:text-slate-300">
                  {topic.title}{' '}
                  <span className="whitespace-nowrap text-xs text-slate-600 dark:text-slate-400">
                    (not yet available)
                  </span>
                </span>
              )}
              {topicState ? (
                <Reserved
                  shown={progress.hydrated}
                  className="mt-1 flex flex-wrap items-center justify-between gap-2"
                >
                  <StatusBadge status={topicState.status} byLearner={topicState.source === 'learner'} />
                  <TopicStatusControl topicId={topic.id} title={topic.title} progress={topicState} />
                </Reserved>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function RoadmapBoard({ model }: { model: CurriculumModel }) {
  const progress = useCurriculumProgress(model);
  const overall = tally(
    progress.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
  );
  return (
    <>
      <div className="mt-6 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <ContinueCard model={model} progress={progress} />
        <section
          aria-labelledby="overall-heading"
          className="rounded-xl border border-slate-200 p-5 dark:border-slate-800"
        >
          <h2 id="overall-heading" className="text-lg font-semibold text-slate-900 dark:text-white">
            Your progress
          </h2>
          <Reserved shown={progress.hydrated} className="mt-3">
            <div data-overall-progress={progress.hydrated ? overall.percent : undefined}>
              <ProgressBar percent={overall.percent} label="Whole roadmap completion" />
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{completionText(overall)}</p>
            </div>
          </Reserved>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">{COMPLETION_RULE}</p>
        </section>
      </div>
      {model.levels.map((level) => {
        const levelTally = tally(
          level.sections.flatMap((section) =>
            section.topics.map((topic) => progress.byTopic.get(topic.id)?.status ?? 'not-started'),
          ),
        );
        return (
          <section
            key={level.id}
            aria-labelledby={`level-${level.id}`}
            className="mt-10"
            data-level-id={level.id}
          >
            <div className="flex flex-wrap items-end justify-between gap-2">
              <h2 id={`level-${level.id}`} className="text-2xl font-semibold text-slate-900 dark:text-white">
                {level.label}
              </h2>
              <Reserved shown={progress.hydrated}>
                <p className="text-sm text-slate-700 dark:text-slate-300">{completionText(levelTally)}</p>
              </Reserved>
            </div>
            <Reserved shown={progress.hydrated} className="mt-2">
              <ProgressBar percent={levelTally.percent} label={`${level.label} completion`} />
            </Reserved>
            <div className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
              {level.sections.map((section) => (
                <SectionCard key={section.id} section={section} progress={progress} />
              ))}
            </div>
          </section>
        );
      })}
    </>
  );
}
