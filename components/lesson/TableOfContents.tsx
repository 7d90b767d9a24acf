'use client';
// "On this page": the lesson's headings, with the section being read marked (aria-current) as the page scrolls.
import { useEffect, useState } from 'react';
import type { TocEntry } from '@/lib/content/types';

/** The heading the reader is in: the last one whose top has passed the upper quarter of the window. */
function currentHeading(ids: readonly string[]): string | null {
  // At the bottom of the page the last sections cannot scroll up to the line: the last one is being read.
  const root = document.documentElement;
  if (ids.length > 0 && window.scrollY > 0 && window.innerHeight + window.scrollY >= root.scrollHeight - 2)
    return ids[ids.length - 1];
  const line = window.innerHeight * 0.25;
  let current: string | null = null;
  for (const id of ids) {
    const el = document.getElementById(id);
    if (!el) continue;
    if (el.getBoundingClientRect().top <= line) current = id;
    else break;
  }
  return current ?? ids[0] ?? null;
}

export function TableOfContents({ entries }: { entries: TocEntry[] }) {
  const [active, setActive] = useState<string | null>(null);
  const key = entries.map((e) => e.id).join(' ');

  useEffect(() => {
    const ids = key.split(' ').filter(Boolean);
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setActive(currentHeading(ids)));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [key]);

  if (entries.length === 0) return null;
  return (
    <nav aria-label="On this page" className="text-sm">
      <p className="mb-2 font-semibold text-slate-900 dark:text-white">On this page</p>
      <ul className="space-y-1 border-l border-slate-200 dark:border-slate-800">
        {entries.map((entry) => {
          const here = entry.id === active;
          return (
            <li key={entry.id}>
              <a
                href={`#${entry.id}`}
                aria-current={here ? 'location' : undefined}
                className={`-ml-px block border-l py-1 hover:border-brand-500 hover:text-slate-900 dark:hover:text-white ${entry.depth === 3 ? 'pl-6' : 'pl-3'} ${here ? 'border-brand-600 font-semibold text-slate-900 dark:border-brand-400 dark:text-white' : 'border-transparent text-slate-600 dark:text-slate-400'}`}
              >
                {entry.text}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
