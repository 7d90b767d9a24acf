'use client';

import { useMemo, useState } from 'react';
import type { GlossaryEntry } from '@/lib/content/types';

export function GlossaryList({ entries }: { entries: GlossaryEntry[] }) {
  const [query, setQuery] = useState('');
  const byId = useMemo(() => new Map(entries.map((entry) => [entry.id, entry])), [entries]);
  const needle = query.trim().toLowerCase();
  const shown = needle
    ? entries.filter(
        (entry) =>
          entry.term.toLowerCase().includes(needle) || entry.definition.toLowerCase().includes(needle),
      )
    : entries;
  // A–Z: each letter links to the first term under it (terms that start with a digit or a sign go under #).
  const letters = useMemo(() => {
    const first = new Map<string, string>();
    for (const entry of entries) {
      const c = entry.term.trim().charAt(0).toUpperCase();
      const letter = /[A-Z]/.test(c) ? c : '#';
      if (!first.has(letter)) first.set(letter, entry.id);
    }
    return [...first].sort(([a], [b]) => (a === '#' ? -1 : b === '#' ? 1 : a.localeCompare(b)));
  }, [entries]);
  return (
    <div className="mt-6">
      <nav aria-label="Terms from A to Z" className="mb-4">
        <ul className="flex flex-wrap gap-1">
          {letters.map(([letter, id]) => (
            <li key={letter}>
              <a
                href={`#${id}`}
                onClick={() => setQuery('')}
                className="inline-flex h-8 min-w-8 items-center justify-center rounded-md border border-slate-300 px-1 font-semibold text-brand-800 hover:border-brand-500 dark:border-slate-700 dark:text-brand-200"
              >
                {letter}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <label
        htmlFor="glossary-filter"
        className="block text-sm font-medium text-slate-800 dark:text-slate-200"
      >
        Filter terms
      </label>
      <input
        id="glossary-filter"
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
      />
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {shown.length} of {entries.length} terms
      </p>
      <dl className="mt-6 space-y-6">
        {shown.map((entry) => (
          <div
            key={entry.id}
            id={entry.id}
            className="scroll-mt-24 rounded-lg target:bg-brand-50 target:p-3 dark:target:bg-brand-950"
          >
            <dt className="text-lg font-semibold text-slate-900 dark:text-white">{entry.term}</dt>
            <dd className="mt-1 text-slate-700 dark:text-slate-300">
              {entry.definition}
              {entry.seeAlso && entry.seeAlso.length > 0 && (
                <span className="mt-1 block text-sm">
                  See also:{' '}
                  {entry.seeAlso.map((id, index) => (
                    <span key={id}>
                      {index > 0 && ', '}
                      <a href={`#${id}`} className="text-brand-700 underline dark:text-brand-300">
                        {byId.get(id)?.term ?? id}
                      </a>
                    </span>
                  ))}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
