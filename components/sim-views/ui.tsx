// Small shared pieces of the views: panel frame, buttons, status chips.
import { createContext, type ReactNode, useContext, useId } from 'react';
import { nameWithVisibleText, textOf } from './labelInName';

/** Names the embed a panel belongs to, so several simulations on one page have distinct landmarks. */
export const PanelScope = createContext<string | null>(null);

/** True inside the classroom's projected page: views size their smallest labels for a room (20 px). */
export const PresenterMode = createContext(false);

export function Panel({
  title,
  id,
  actions,
  children,
  className = '',
}: {
  title: string;
  id: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  const uid = useId();
  const scope = useContext(PanelScope);
  const titleId = `${id}-${uid.replace(/[^a-zA-Z0-9_-]/g, '')}-title`;
  return (
    <section
      aria-labelledby={scope ? undefined : titleId}
      aria-label={scope ? `${title}: ${scope}` : undefined}
      data-view={id}
      className={`sim-panel min-w-0 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:p-4 dark:border-slate-800 dark:bg-slate-900 ${className}`}
    >
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <h2 id={titleId} className="text-base font-semibold text-slate-900 dark:text-white">
          {title}
        </h2>
        {actions ? <div className="ml-auto flex flex-wrap items-center gap-2">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

const buttonBase =
  'inline-flex items-center justify-center gap-1 rounded-md border px-2.5 py-1 text-sm font-medium transition-colors disabled:cursor-not-allowed disabled:opacity-50';
const variants = {
  primary:
    'border-brand-700 bg-brand-700 text-white hover:bg-brand-800 dark:border-brand-400 dark:bg-brand-400 dark:text-slate-950 dark:hover:bg-brand-300',
  plain:
    'border-slate-300 bg-white text-slate-800 hover:border-brand-500 hover:bg-brand-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800',
  danger:
    'border-red-300 bg-white text-red-800 hover:bg-red-50 dark:border-red-800 dark:bg-slate-900 dark:text-red-300 dark:hover:bg-red-950',
} as const;

export function SimButton({
  children,
  onClick,
  variant = 'plain',
  label,
  disabled,
  pressed,
  type = 'button',
  keyshortcuts,
}: {
  children: ReactNode;
  onClick?: () => void;
  variant?: keyof typeof variants;
  /** Accessible name when the visible text alone does not state the action. */
  label?: string;
  disabled?: boolean;
  pressed?: boolean;
  type?: 'button' | 'submit';
  /** aria-keyshortcuts: the keys that do the same (announced by screen readers). */
  keyshortcuts?: string;
}) {
  return (
    <button
      type={type}
      aria-keyshortcuts={keyshortcuts}
      onClick={onClick}
      aria-label={nameWithVisibleText(label, textOf(children))}
      title={label}
      disabled={disabled}
      aria-pressed={pressed}
      className={`${buttonBase} ${variants[variant]}`}
    >
      {children}
    </button>
  );
}

export const inputClass =
  'w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100';

/** For selects sitting inline in a sentence or a panel header. */
export const inlineSelectClass =
  'w-auto min-w-0 max-w-[12rem] truncate sm:max-w-xs rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100';

export const labelClass =
  'flex min-w-0 flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300';

export function Chip({
  children,
  tone,
}: {
  children: ReactNode;
  tone: 'ok' | 'warn' | 'bad' | 'muted' | 'info';
}) {
  const tones = {
    ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200',
    warn: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200',
    bad: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200',
    muted: 'bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300',
    info: 'bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200',
  } as const;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${tones[tone]}`}
    >
      {children}
    </span>
  );
}

/** Member colour + a letter, so colour is never the only way to tell members apart. */
export function memberColour(index: number): string {
  return `var(--sim-member-${(index % 6) + 1})`;
}
export function memberBadge(index: number): string {
  return String.fromCharCode(65 + (index % 26));
}
