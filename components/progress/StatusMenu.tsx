'use client';

import { type KeyboardEvent, useEffect, useRef } from 'react';
import { setTopicStatus, statusLabels, type TopicProgress, type TopicStatus } from '@/lib/progress';

// The small menu a roadmap stop opens: set the topic's status by hand, or hand it back to the automatic rule.
// A WAI-ARIA menu of radio items: focus goes to the checked item, arrows move, Escape closes and returns focus
// to the stop that opened it; choosing closes it the same way.

const choices: { value: TopicStatus | 'auto'; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'done', label: `Mark ${statusLabels.done.toLowerCase()}` },
  { value: 'in-progress', label: `Mark ${statusLabels['in-progress'].toLowerCase()}` },
  { value: 'skipped', label: `Mark ${statusLabels.skipped.toLowerCase()}` },
  { value: 'not-started', label: `Mark ${statusLabels['not-started'].toLowerCase()}` },
];

function itemsOf(menu: HTMLDivElement | null): HTMLButtonElement[] {
  return [...(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitemradio"]') ?? [])];
}

export function StatusMenu({
  topicId,
  title,
  progress,
  left,
  top,
  onClose,
}: {
  topicId: string;
  title: string;
  progress: TopicProgress;
  /** Position inside the map's box, in percent of its width and height. */
  left: number;
  top: number;
  onClose: (refocus: boolean) => void;
}) {
  const menu = useRef<HTMLDivElement>(null);
  const current = progress.source === 'learner' ? progress.status : 'auto';

  useEffect(() => {
    itemsOf(menu.current)
      .find((item) => item.getAttribute('aria-checked') === 'true')
      ?.focus();
    const outside = (event: PointerEvent) => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent) => {
    const all = itemsOf(menu.current);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(all.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onClose(true);
    } else if (event.key === 'Tab') onClose(false);
  };

  return (
    <div
      ref={menu}
      role="menu"
      aria-label={`Status of ${title}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      style={{ left: `${left}%`, top: `${top}%` }}
      className="absolute z-30 mt-3 ml-3 w-44 rounded-lg border border-slate-300 bg-white p-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-900"
      data-status-menu={topicId}
    >
      {choices.map((choice) => (
        <button
          key={choice.value}
          type="button"
          role="menuitemradio"
          aria-checked={current === choice.value}
          tabIndex={-1}
          onClick={() => {
            setTopicStatus(topicId, choice.value === 'auto' ? null : choice.value);
            onClose(true);
          }}
          className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-slate-800 hover:bg-slate-100 focus-visible:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 dark:focus-visible:bg-slate-800"
        >
          <span aria-hidden="true" className="w-3 text-brand-700 dark:text-brand-300">
            {current === choice.value ? '✓' : ''}
          </span>
          {choice.label}
        </button>
      ))}
    </div>
  );
}
