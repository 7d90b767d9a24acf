import type { Metadata } from 'next';
import { GlossaryList } from '@/components/glossary/GlossaryList';
import { glossary } from '@/lib/content.server';

export const metadata: Metadata = {
  title: 'Glossary',
  description: 'Every Kafka term the course uses, in plain words, linked from the lessons.',
};

export default function GlossaryPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Glossary</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        The Kafka words the lessons use, each in a sentence or two. Lessons link a term here the first time
        they use it.
      </p>
      <GlossaryList entries={glossary()} />
    </div>
  );
}
