'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import {
  COMPLETION_RULE,
  markLessonRead,
  type Requirements,
  topicProgress,
  useProgressData,
  useProgressHydrated,
  visitLesson,
} from '@/lib/progress';
import type { ModelLevel } from '@/lib/progress/model.server';
import { LessonMap } from './LessonMap';
import type { LevelLayout } from './roadmapMapLayout';
import { StatusBadge } from './StatusBadge';
import { TopicStatusActions } from './TopicStatusActions';

type LessonTopic = { id: string; title: string; lesson: string };

// Records the visit, marks the lesson read when its end scrolls into view, and shows the completion rule
// with where the learner stands on it for this lesson.
export function LessonProgressPanel({
  sectionId,
  topics,
  requirements,
  map = null,
}: {
  sectionId: string;
  topics: LessonTopic[];
  requirements: Requirements;
  /** The lesson's level drawn as a map focused on this section, when the section is on the roadmap. */
  map?: { level: ModelLevel; layout: LevelLayout; requirements: Requirements } | null;
}) {
  const sentinel = useRef<HTMLDivElement>(null);
  const visited = useRef(false);
  const hydrated = useProgressHydrated();
  const data = useProgressData();

  useEffect(() => {
    if (visited.current) return;
    visited.current = true;
    visitLesson(sectionId);
  }, [sectionId]);

  useEffect(() => {
    const node = sentinel.current;
    if (!node) return;
    if (typeof IntersectionObserver === 'undefined') {
      markLessonRead(sectionId);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        markLessonRead(sectionId);
        observer.disconnect();
      }
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, [sectionId]);

  const needs = requirements[sectionId] ?? { challenges: [], quiz: false };
  const lesson = data.lessons[sectionId];
  const quiz = data.quizzes[sectionId];
  const solved = needs.challenges.filter((id) => data.challenges[id]?.solved).length;

  const steps: Array<{ label: string; met: boolean; detail: string }> = [
    {
      label: 'Read the lesson to the end',
      met: Boolean(lesson?.readToEndAt),
      detail: lesson?.readToEndAt ? 'done' : 'not yet',
    },
  ];
  if (needs.challenges.length > 0) {
    steps.push({
      label:
        needs.challenges.length === 1
          ? 'Solve the challenge'
          : `Solve the ${needs.challenges.length} challenges`,
      met: solved === needs.challenges.length,
      detail: `${solved} of ${needs.challenges.length} solved`,
    });
  }
  if (needs.quiz) {
    steps.push({
      label: 'Pass the quiz',
      met: Boolean(quiz?.best.passed),
      detail: quiz
        ? `best ${quiz.best.score} of ${quiz.best.total} (${quiz.best.percent}%)`
        : 'not tried yet',
    });
  }

  return (
    <section
      aria-labelledby="lesson-progress-heading"
      data-lesson-end={sectionId}
      className="mt-12 rounded-xl border border-slate-200 p-4 sm:p-6 dark:border-slate-800"
    >
      <div ref={sentinel} className="h-px" aria-hidden="true" />
      <h2 id="lesson-progress-heading" className="text-xl font-semibold text-slate-900 dark:text-white">
        Your progress in this lesson
      </h2>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{COMPLETION_RULE}</p>
      <div className={map ? 'mt-4 grid gap-6 md:grid-cols-[minmax(0,1fr)_15rem] md:items-start' : 'mt-4'}>
        <div>
          {hydrated ? (
            <>
              <ul className="space-y-1" aria-label="What this lesson asks">
                {steps.map((step) => (
                  <li key={step.label} className="flex items-center gap-2 text-sm">
                    <span
                      aria-hidden="true"
                      className={`inline-block w-4 shrink-0 text-center ${
                        step.met
                          ? 'text-emerald-700 dark:text-emerald-400'
                          : 'text-slate-600 dark:text-slate-400'
                      }`}
                    >
                      {step.met ? '✓' : '○'}
                    </span>
                    {/* On a phone the state has a line of its own, so a step that becomes met while the learner reads
                    (its text gets shorter) does not re-wrap and move the lines below it. */}
                    <span className="text-slate-900 dark:text-slate-100">
                      {`${step.label} — `}
                      <span className="block sm:inline">{`${step.met ? 'met' : 'not met'}, ${step.detail}`}</span>
                    </span>
                  </li>
                ))}
              </ul>
              <ul
                className="mt-4 divide-y divide-slate-200 dark:divide-slate-800"
                aria-label="Topics of this lesson"
              >
                {topics.map((topic) => {
                  const progress = topicProgress(data, topic, requirements);
                  return (
                    <li
                      key={topic.id}
                      data-topic-id={topic.id}
                      className="flex flex-wrap items-center gap-2 py-2"
                    >
                      <span className="basis-full text-sm font-medium text-slate-900 sm:basis-auto sm:flex-1 dark:text-slate-100">
                        {topic.title}
                      </span>
                      <StatusBadge status={progress.status} byLearner={progress.source === 'learner'} />
                      <TopicStatusActions topicId={topic.id} title={topic.title} progress={progress} />
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">Loading your progress…</p>
          )}
        </div>
        {map ? (
          <LessonMap
            level={map.level}
            layout={map.layout}
            requirements={map.requirements}
            sectionId={sectionId}
          />
        ) : null}
      </div>
      <p className="mt-4 text-sm">
        <Link href="/roadmap/" className="text-brand-700 underline dark:text-brand-300">
          See all topics on the roadmap
        </Link>{' '}
        ·{' '}
        <Link href="/progress/" className="text-brand-700 underline dark:text-brand-300">
          Your progress
        </Link>
      </p>
    </section>
  );
}
