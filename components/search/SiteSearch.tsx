'use client';

// The header's search trigger. It ships only this button and the shortcut listener: the dialog and the search
// engine are imported, and the index fetched, the first time search opens (or the pointer reaches the button).
import { type ComponentType, useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { SearchDialogProps } from './SearchDialog';

let dialogModule: Promise<ComponentType<SearchDialogProps>> | null = null;
function loadDialog() {
  dialogModule ??= import('./SearchDialog').then((module) => module.SearchDialog);
  return dialogModule;
}

/** Is the key going into something the reader types in (the console, a filter box)? */
function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function SiteSearch() {
  const [Dialog, setDialog] = useState<ComponentType<SearchDialogProps> | null>(null);
  const [open, setOpen] = useState(false);
  const returnFocus = useRef<HTMLElement | null>(null);
  const isOpen = useRef(false);
  // Keys typed between the shortcut and the dialog's field taking focus (its code may still be loading): caught
  // from the moment search opens, handed to the dialog when it mounts.
  const typeAhead = useRef<{ text: string; stop: () => void } | null>(null);

  const close = useCallback((navigated: boolean) => {
    typeAhead.current?.stop();
    typeAhead.current = null;
    isOpen.current = false;
    setOpen(false);
    if (!navigated) returnFocus.current?.focus();
  }, []);

  const openSearch = useCallback(() => {
    if (isOpen.current) return;
    isOpen.current = true;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const state = {
      text: '',
      stop: () => window.removeEventListener('keydown', onKey, true),
    };
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key.length === 1) state.text += event.key;
      else if (event.key === 'Backspace') state.text = state.text.slice(0, -1);
      else if (event.key === 'Escape') close(false);
      else return;
      event.preventDefault();
    }
    window.addEventListener('keydown', onKey, true);
    typeAhead.current = state;
    setOpen(true);
    loadDialog().then(
      (component) => setDialog(() => component),
      () => close(false),
    );
  }, [close]);

  const takeTypedAhead = useCallback(() => {
    const state = typeAhead.current;
    typeAhead.current = null;
    state?.stop();
    return state?.text ?? '';
  }, []);

  // Listening from the commit that hydrates the button (a layout effect), not after the next paint: a reader's (or
  // a test's) '/' pressed as soon as the button works must not be lost on a busy main thread.
  useLayoutEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey) return;
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingIn(event.target);
      const modK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
      if (!slash && !modK) return;
      event.preventDefault();
      openSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);

  return (
    <>
      <button
        type="button"
        onClick={openSearch}
        onPointerEnter={loadDialog}
        onFocus={loadDialog}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        className="inline-flex h-9 w-8 items-center justify-center gap-2 whitespace-nowrap rounded-md border border-slate-300 text-sm sm:w-auto sm:px-2.5 font-medium text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="h-4 w-4"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
        {/* At phone width the header has room for the icon only; the name stays "Search". */}
        <span className="sr-only sm:not-sr-only">Search</span>
        <span
          aria-hidden="true"
          className="hidden rounded border border-slate-300 px-1.5 font-sans text-xs text-slate-600 sm:inline dark:border-slate-600 dark:text-slate-400"
        >
          /
        </span>
      </button>
      {open && Dialog && <Dialog takeTypedAhead={takeTypedAhead} onClose={close} />}
    </>
  );
}
