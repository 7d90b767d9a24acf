import type { Metadata } from 'next';
import Link from 'next/link';
import { scenarios } from '@/lib/content.server';
import { findTopic } from '@/lib/roadmap';

export const metadata: Metadata = {
  title: 'Classroom',
  description:
    'Scripted live demos of Kafka for a projector, with the same cluster on every student’s laptop.',
};

export default function ClassroomPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Classroom mode</h1>
      <p className="mt-3 max-w-3xl text-lg text-slate-700 dark:text-slate-300">
        Scripted demos of Kafka’s big moments for a projector. Step through them with the arrow keys or a
        presentation remote, let the room poke the live cluster, and hand students a link that opens the same
        cluster at the same step on their laptops.
      </p>
      <p className="mt-4">
        <Link
          href="/present/new/"
          className="inline-block rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 dark:bg-brand-500 dark:text-slate-950"
        >
          Record or import your own scenario
        </Link>
      </p>
      <ul className="mt-8 grid gap-4 md:grid-cols-2">
        {scenarios().map((scenario) => (
          <li
            key={scenario.id}
            className="flex flex-col rounded-xl border border-slate-200 p-5 dark:border-slate-800"
          >
            <h2 className="text-lg font-semibold text-slate-900 dark:text-white">{scenario.title}</h2>
            <p className="mt-2 flex-1 text-slate-700 dark:text-slate-300">{scenario.summary}</p>
            <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
              {scenario.steps.length} steps ·{' '}
              {scenario.topics.map((id) => findTopic(id)?.title ?? id).join(', ')}
            </p>
            <p className="mt-4 flex flex-wrap gap-3">
              <Link
                href={`/present/${scenario.id}/`}
                className="rounded-md border border-brand-600 px-3 py-1.5 font-medium text-brand-800 hover:bg-brand-50 dark:text-brand-200 dark:hover:bg-brand-950"
                aria-label={`Present “${scenario.title}”`}
              >
                Present
              </Link>
              <Link
                href={`/present/${scenario.id}/?follow=1&step=0`}
                className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-slate-800 hover:border-brand-500 dark:border-slate-700 dark:text-slate-200"
                aria-label={`Follow step by step: “${scenario.title}”`}
              >
                Follow step by step
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
