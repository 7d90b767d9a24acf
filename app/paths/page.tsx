import type { Metadata } from 'next';
import { PathCards } from '@/components/progress/PathCards';
import { curriculumModel } from '@/lib/progress/model.server';
import { learningPaths } from '@/lib/progress/paths';

export const metadata: Metadata = {
  title: 'Learning paths',
  description:
    'Curated routes through the Kafka roadmap for application developers, platform operators and architects.',
};

export default function PathsPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Learning paths</h1>
      <p className="mt-2 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Ordered routes through the roadmap for different goals. Each path picks the topics that matter for the
        job, in the order that builds on itself; your progress on a topic counts in every path that includes
        it.
      </p>
      <PathCards paths={learningPaths} model={curriculumModel()} />
    </div>
  );
}
