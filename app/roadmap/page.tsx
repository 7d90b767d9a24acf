import type { Metadata } from 'next';
import Link from 'next/link';
import { levelLabel, roadmap } from '@/lib/roadmap';

export const metadata: Metadata = { title: 'Roadmap' };

export default function RoadmapPage() {
  return (
    <div className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">{roadmap.title}</h1>
      <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{roadmap.subtitle}</p>
      {roadmap.levels.map((level) => (
        <section key={level.id} aria-labelledby={`level-${level.id}`} className="mt-10">
          <h2 id={`level-${level.id}`} className="text-2xl font-semibold text-slate-900 dark:text-white">
            {levelLabel(level)}
          </h2>
          <div className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {level.sections.map((section) => (
              <section
                key={section.id}
                aria-labelledby={`section-${section.id}`}
                className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
              >
                <h3 id={`section-${section.id}`} className="font-semibold text-slate-900 dark:text-white">
                  {section.title}
                </h3>
                <ul className="mt-2 space-y-1">
                  {section.topics.map((topic) => (
                    <li key={topic.id} data-topic-id={topic.id}>
                      {topic.lesson ? (
                        <Link href={`/learn/${topic.lesson}/`} className="text-brand-700 hover:underline dark:text-brand-300">
                          {topic.title}
                        </Link>
                      ) : (
                        <span className="text-slate-600 dark:text-slate-400">
                          {topic.title} <span className="text-xs">(not yet available)</span>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
