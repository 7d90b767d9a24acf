import type { TocEntry } from '@/lib/content/types';

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold text-slate-900 dark:text-white">On this page</p>
      <ul className="space-y-1 border-l border-slate-200 dark:border-slate-800">
        {entries.map((entry) => (
          <li key={entry.id}>
            <a
              href={`#${entry.id}`}
              className={`-ml-px block border-l border-transparent py-1 text-slate-600 hover:border-brand-500 hover:text-slate-900 dark:text-slate-400 dark:hover:text-white ${entry.depth === 3 ? 'pl-6' : 'pl-3'}`}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
