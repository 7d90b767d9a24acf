'use client';

import type MiniSearch from 'minisearch';
// The search dialog: a modal <dialog> holding a combobox over a listbox of results (WAI-ARIA combobox pattern
// with aria-activedescendant). Arrow keys move, Enter goes, Escape closes. Loaded on first use with the engine.
import { useRouter } from 'next/navigation';
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { SEARCH_INDEX_URL } from '@/lib/search/indexUrl';
import {
  loadIndexAsync,
  type SearchDoc,
  type SearchHit,
  type SearchKind,
  searchIndex,
} from '@/lib/search/searchIndex';

export type SearchDialogProps = {
  /** What was typed after the shortcut before the field had focus (stops catching keys when called). */
  takeTypedAhead: () => string;
  /** Called once the dialog has closed; `navigated` when it closed because a result was chosen. */
  onClose: (navigated: boolean) => void;
};

let indexPromise: Promise<MiniSearch<SearchDoc>> | null = null;
function fetchIndex(): Promise<MiniSearch<SearchDoc>> {
  indexPromise ??= fetch(SEARCH_INDEX_URL)
    .then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.text();
    })
    .then(loadIndexAsync)
    .catch((error) => {
      indexPromise = null;
      throw error;
    });
  return indexPromise;
}

const KIND_LABEL: Record<SearchKind, string> = {
  lesson: 'Lesson',
  section: 'Section',
  glossary: 'Term',
  command: 'Command',
};

export function SearchDialog({ takeTypedAhead, onClose }: SearchDialogProps) {
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const navigated = useRef(false);
  const [index, setIndex] = useState<MiniSearch<SearchDoc> | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const ids = useId();
  const inputId = `${ids}-input`;
  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    // What was typed so far goes into the field itself, not only into state: a key pressed before React renders
    // the new state must land after it, not replace it.
    const typed = takeTypedAhead();
    if (typed && input.current) {
      input.current.value = typed;
      setQuery(typed);
    }
    // showModal() focuses the first focusable element (the Close button): the dialog exists to type into.
    input.current?.focus();
    let live = true;
    fetchIndex().then(
      (loaded) => live && setIndex(loaded),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [takeTypedAhead]);

  const hits: SearchHit[] = useMemo(() => (index ? searchIndex(index, query) : []), [index, query]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the highlighted option moves when either changes.
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);

  function go(hit: SearchHit | undefined) {
    if (!hit) return;
    navigated.current = true;
    dialog.current?.close();
    router.push(hit.url);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (hits.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(hits[active]);
    } else if (event.key === 'Home' && hits.length > 0 && event.ctrlKey) {
      event.preventDefault();
      setActive(0);
    }
  }

  const status = failed
    ? 'The search index could not be loaded.'
    : !index
      ? 'Loading the search index…'
      : query.trim() === ''
        ? 'Type a config, a term or a command: min.insync, tombstone, kafka-consumer-groups.'
        : hits.length === 0
          ? `Nothing matches “${query.trim()}”.`
          : `${hits.length} ${hits.length === 1 ? 'result' : 'results'}. Arrow keys move, Enter opens.`;

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes; Escape does it from the keyboard.
    <dialog
      ref={dialog}
      aria-labelledby={`${ids}-title`}
      onClose={() => onClose(navigated.current)}
      onClick={(event) => {
        if (event.target === dialog.current) dialog.current?.close();
      }}
      className="mx-auto mt-[8vh] w-[min(40rem,calc(100vw-1.5rem))] max-w-none rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 pt-3 pb-2 dark:border-slate-700">
        <h2 id={`${ids}-title`} className="text-base font-semibold">
          Search the course
        </h2>
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Close<span className="sr-only"> search</span>
        </button>
      </div>
      <div className="px-4 pt-3">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800 dark:text-slate-200">
          Lessons, glossary terms and console commands
        </label>
        <input
          id={inputId}
          ref={input}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits.length > 0 ? optionId(active) : undefined}
          aria-describedby={`${ids}-status`}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-950"
        />
        <p
          id={`${ids}-status`}
          aria-live="polite"
          className="mt-2 text-sm text-slate-600 dark:text-slate-400"
        >
          {status}
        </p>
      </div>
      <div
        ref={list}
        id={listId}
        role="listbox"
        aria-label="Results"
        className="mt-2 max-h-[min(60vh,28rem)] overflow-y-auto px-2 pb-2 empty:hidden"
      >
        {hits.map((hit, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: options are chosen from the combobox with the keyboard.
          // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the combobox (aria-activedescendant).
          <div
            key={hit.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseMove={() => setActive(i)}
            onClick={() => go(hit)}
            className="cursor-pointer rounded-lg px-3 py-2 aria-selected:bg-brand-50 aria-selected:outline-2 aria-selected:outline-brand-600 dark:aria-selected:bg-brand-950 dark:aria-selected:outline-brand-400"
          >
            <span className="flex flex-wrap items-baseline gap-x-2">
              <span className="rounded bg-slate-100 px-1.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-300">
                {KIND_LABEL[hit.kind]}
              </span>
              <span className={hit.kind === 'command' ? 'font-mono font-semibold' : 'font-semibold'}>
                {hit.title}
              </span>
              <span className="text-sm text-slate-600 dark:text-slate-400">{hit.context}</span>
            </span>
            {hit.excerpt && (
              <span className="mt-0.5 block text-sm text-slate-700 dark:text-slate-300">{hit.excerpt}</span>
            )}
          </div>
        ))}
      </div>
    </dialog>
  );
}
