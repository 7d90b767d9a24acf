import type { Metadata } from 'next';
import { ProgressDashboard } from '@/components/progress/ProgressDashboard';
import { challengeTitles } from '@/lib/progress/challenges.server';
import { curriculumModel } from '@/lib/progress/model.server';
import { learningPaths } from '@/lib/progress/paths';

export const metadata: Metadata = {
  title: 'Your progress',
  description:
    'Your progress through the Kafka course, kept in this browser: levels, paths, challenges, quizzes.',
};

export default function ProgressPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Your progress</h1>
      <ProgressDashboard
        model={curriculumModel()}
        paths={learningPaths}
        challengeTitles={challengeTitles()}
      />
    </div>
  );
}
