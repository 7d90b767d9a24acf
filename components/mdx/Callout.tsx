import type { ReactNode } from 'react';

export type CalloutKind = 'note' | 'tip' | 'warning' | 'simulation';

const styles: Record<CalloutKind, { label: string; box: string; badge: string }> = {
  note: {
    label: 'Note',
    box: 'border-sky-300 bg-sky-50 dark:border-sky-800 dark:bg-sky-950/40',
    badge: 'text-sky-800 dark:text-sky-300',
  },
  tip: {
    label: 'Tip',
    box: 'border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950/40',
    badge: 'text-emerald-800 dark:text-emerald-300',
  },
  warning: {
    label: 'Watch out',
    box: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950/40',
    badge: 'text-amber-900 dark:text-amber-300',
  },
  simulation: {
    label: 'What the simulation simplifies',
    box: 'border-violet-300 bg-violet-50 dark:border-violet-800 dark:bg-violet-950/40',
    badge: 'text-violet-800 dark:text-violet-300',
  },
};

export function Callout({
  kind = 'note',
  title,
  children,
}: {
  kind?: CalloutKind;
  title?: string;
  children: ReactNode;
}) {
  const style = styles[kind] ?? styles.note;
  return (
    // A note, not a landmark: a lesson has several callouts of the same kind.
    <div
      role="note"
      className={`not-prose my-6 rounded-lg border-l-4 p-4 ${style.box}`}
      aria-label={title ?? style.label}
    >
      <p className={`mb-1 text-sm font-semibold ${style.badge}`}>{title ?? style.label}</p>
      <div className="text-[0.95rem] leading-relaxed text-slate-800 dark:text-slate-200 [&_a]:underline [&_code]:font-mono [&_code]:text-[0.9em] [&_p+p]:mt-2">
        {children}
      </div>
    </div>
  );
}
