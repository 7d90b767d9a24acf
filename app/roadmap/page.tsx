import type { Metadata } from 'next';
import { RoadmapBoard } from '@/components/progress/RoadmapBoard';
import { roadmapLayouts } from '@/components/progress/roadmapMapLayout';
import { curriculumModel } from '@/lib/progress/model.server';
import { roadmap } from '@/lib/roadmap';

export const metadata: Metadata = {
  title: 'Roadmap',
  description: 'Every topic of the Kafka course, level by level, with your progress through it.',
};

export default function RoadmapPage() {
  const model = curriculumModel();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">{roadmap.title}</h1>
      <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{roadmap.subtitle}</p>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
        Your progress is kept in this browser only; export it from the Progress page to move it elsewhere.
      </p>
      <RoadmapBoard model={model} layouts={roadmapLayouts(model.levels)} />
    </div>
  );
}
