'use client';

import Link from 'next/link';
import { tally, useProgressData } from '@/lib/progress';
import { dayOf } from '@/lib/progress/activity';
import { formatDate } from '@/lib/progress/format';
import type { CurriculumModel } from '@/lib/progress/model.server';
import type { LearningPath } from '@/lib/progress/paths';
import { ActivityCalendar } from './ActivityCalendar';
import { ContinueCard } from './ContinueCard';
import { DataTools } from './DataTools';
import { ProgressBar } from './ProgressBar';
import { pathProgress } from './pathProgress';
import { useCurriculumProgress } from './useCurriculumProgress';

// /progress: overall and per-level completion, paths under way, challenges, quiz history, activity and
// the export/import/reset tools.

const card = 'min-w-0 rounded-xl border border-slate-200 p-5 dark:border-slate-800';
const heading = 'text-xl font-semibold text-slate-900 dark:text-white';

export function ProgressDashboard({
  model,
  paths,
  challengeTitles,
}: {
  model: CurriculumModel;
  paths: LearningPath[];
  challengeTitles: Record<string, string>;
}) {
  const progress = useCurriculumProgress(model);
  const data = useProgressData();
  const statusOf = (id: string) => progress.byTopic.get(id)?.status ?? 'not-started';
  // Topics without a lesson yet are not the learner's unfinished work: the totals count topics that can be learned.
  const learnable = new Set(progress.topics.filter((topic) => topic.href).map((topic) => topic.id));
  const unavailable = progress.topics.length - learnable.size;
  const overall = tally(
    progress.topics.filter((topic) => learnable.has(topic.id)).map((topic) => statusOf(topic.id)),
  );
  const topics = new Map(progress.topics.map((topic) => [topic.id, topic]));
  const sectionTitles = new Map(model.levels.flatMap((level) => level.sections.map((s) => [s.id, s.title])));
  const challenges = Object.entries(data.challenges).sort((a, b) => b[1].lastAttemptAt - a[1].lastAttemptAt);
  const quizzes = Object.entries(data.quizzes).sort(
    (a, b) => (b[1].history.at(-1)?.at ?? 0) - (a[1].history.at(-1)?.at ?? 0),
  );

  if (!progress.hydrated) {
    return (
      // Screen-high, so the footer is out of view before and after the dashboard replaces it: nothing shifts.
      <p className="mt-8 min-h-screen text-slate-600 dark:text-slate-400" data-progress-loading>
        Loading your progress from this browser…
      </p>
    );
  }

  return (
    <div className="mt-6 space-y-6">
      <ContinueCard model={model} progress={progress} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="overall-heading" className={card}>
          <h2 id="overall-heading" className={heading}>
            Overall
          </h2>
          <div className="mt-3" data-overall-progress={overall.percent}>
            <ProgressBar percent={overall.percent} label="Whole roadmap completion" />
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
              {overall.done} of {overall.total} topics with a lesson done
              {overall.skipped ? `, ${overall.skipped} skipped` : ''}, {overall.inProgress} in progress (
              {overall.percent}
              %)
              {unavailable > 0 ? `. ${unavailable} more topics have no lesson yet and are not counted.` : ''}
            </p>
          </div>
          <h3 className="mt-5 font-semibold text-slate-900 dark:text-white">By level</h3>
          <ul className="mt-2 space-y-3">
            {model.levels.map((level) => {
              const levelTally = tally(
                level.sections.flatMap((s) =>
                  s.topics.filter((topic) => learnable.has(topic.id)).map((topic) => statusOf(topic.id)),
                ),
              );
              if (levelTally.total === 0) {
                return (
                  <li key={level.id} className="flex justify-between gap-2 text-sm">
                    <span className="text-slate-800 dark:text-slate-200">{level.label}</span>
                    <span className="text-slate-600 dark:text-slate-400">not yet available</span>
                  </li>
                );
              }
              return (
                <li key={level.id}>
                  <div className="flex justify-between gap-2 text-sm">
                    <span className="text-slate-800 dark:text-slate-200">{level.label}</span>
                    <span className="text-slate-600 dark:text-slate-400">
                      {levelTally.done}/{levelTally.total} · {levelTally.percent}%
                    </span>
                  </div>
                  <ProgressBar percent={levelTally.percent} label={`${level.label} completion`} size="sm" />
                </li>
              );
            })}
          </ul>
        </section>
        <section aria-labelledby="activity-heading" className={card}>
          <h2 id="activity-heading" className={heading}>
            Activity
          </h2>
          <div className="mt-3">
            <ActivityCalendar activity={data.activity} today={dayOf(Date.now())} />
          </div>
        </section>
      </div>
      <section aria-labelledby="paths-heading" className={card}>
        <h2 id="paths-heading" className={heading}>
          Learning paths
        </h2>
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {paths
            .map((path) => ({ path, state: pathProgress(path, topics, progress.byTopic) }))
            .sort((a, b) => Number(b.state.started) - Number(a.state.started))
            .map(({ path, state }) => (
              <li key={path.id} data-path-id={path.id}>
                <div className="flex justify-between gap-2 text-sm">
                  <Link
                    href={`/paths/${path.id}/`}
                    className="font-medium text-brand-700 underline dark:text-brand-300"
                  >
                    {path.title}
                  </Link>
                  <span
                    className="text-slate-600 dark:text-slate-400"
                    data-path-percent={state.counts.percent}
                  >
                    {state.started
                      ? `${state.counts.done}/${state.counts.total} · ${state.counts.percent}%`
                      : 'not started'}
                  </span>
                </div>
                <ProgressBar
                  percent={state.counts.percent}
                  label={`${path.title} path completion`}
                  size="sm"
                />
              </li>
            ))}
        </ul>
      </section>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="challenges-heading" className={card}>
          <h2 id="challenges-heading" className={heading}>
            Challenges
          </h2>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {challenges.filter(([, c]) => c.solved).length} solved of {challenges.length} tried.
          </p>
          {challenges.length > 0 ? (
            <ul className="mt-3 divide-y divide-slate-200 text-sm dark:divide-slate-800">
              {challenges.map(([id, challenge]) => (
                <li key={id} className="flex flex-wrap justify-between gap-2 py-2" data-challenge-id={id}>
                  <span className="text-slate-900 dark:text-slate-100">{challengeTitles[id] ?? id}</span>
                  <span
                    className={
                      challenge.solved
                        ? 'text-emerald-800 dark:text-emerald-300'
                        : 'text-slate-600 dark:text-slate-400'
                    }
                  >
                    {challenge.solved && challenge.firstSolvedAt
                      ? `✓ solved ${formatDate(challenge.firstSolvedAt)}`
                      : `○ not solved yet`}{' '}
                    · {challenge.attempts} {challenge.attempts === 1 ? 'try' : 'tries'}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
              Challenges you try in lessons appear here.
            </p>
          )}
        </section>
        <section aria-labelledby="quizzes-heading" className={card}>
          <h2 id="quizzes-heading" className={heading}>
            Quiz history
          </h2>
          {quizzes.length > 0 ? (
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="text-slate-600 dark:text-slate-400">
                  <tr>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Lesson
                    </th>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Best
                    </th>
                    <th scope="col" className="py-1 pr-2 font-medium">
                      Tries
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Latest
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                  {quizzes.map(([id, quiz]) => {
                    const latest = quiz.history.at(-1);
                    return (
                      <tr key={id} data-quiz-id={id}>
                        <th scope="row" className="py-2 pr-2 font-normal">
                          <Link
                            href={`/learn/${id}/`}
                            className="text-brand-700 underline dark:text-brand-300"
                          >
                            {sectionTitles.get(id) ?? id}
                          </Link>
                        </th>
                        <td className="py-2 pr-2">
                          {quiz.best.percent}% {quiz.best.passed ? '✓ passed' : '✗ not passed'}
                        </td>
                        <td className="py-2 pr-2">{quiz.history.length}</td>
                        <td className="py-2">
                          {latest ? `${latest.score}/${latest.total}, ${formatDate(latest.at)}` : '—'}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">Quizzes you take appear here.</p>
          )}
        </section>
      </div>
      <section aria-labelledby="data-heading" className={card}>
        <h2 id="data-heading" className={heading}>
          Your data
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Progress lives only in this browser’s local storage: no account, nothing sent anywhere.
        </p>
        <div className="mt-4">
          <DataTools />
        </div>
      </section>
    </div>
  );
}
