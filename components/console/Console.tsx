'use client';
// The browser terminal: type Kafka CLI / kcat / simulation commands against a simulation.
// Keyboard: Enter runs, Up/Down walk history, Tab completes, Ctrl-D ends producer input,
// Ctrl-C cancels it, Ctrl-L clears the screen. Output is a polite live region for screen readers.

import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SimController } from '@/components/sim-runtime/SimController';
import { SchemaAwareQueue } from '@/components/sim-runtime/schemaLibraries';
import { commonPrefix, complete, heredocDelimiter } from '@/kafka-cli';

type Entry = { id: number; command: string; stdout: string; stderr: string; exitCode: number };

/** A command waiting for its standard input lines (interactive producer or a typed here-document). */
type Pending = { command: string; delimiter: string | null; lines: string[] };

export type ConsoleProps = {
  /** The embed's controller: every line joins its replayable log (and its timeline and share links). */
  controller: SimController;
  /** Lines run once when the console first appears (a lesson's setup shown in the transcript). */
  preload?: readonly string[];
  /** Accessible name of the panel. */
  label?: string;
  className?: string;
};

export function Console({ controller, preload, label = 'Kafka console', className }: ConsoleProps) {
  const [entries, setEntries] = useState<Entry[]>([]);
  const [input, setInput] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);
  const [candidates, setCandidates] = useState<string[]>([]);
  const [copied, setCopied] = useState(false);
  const history = useRef<string[]>([]);
  const historyAt = useRef(0);
  const nextId = useRef(0);
  const outputRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const hintId = useId();
  const preloaded = useRef(false);

  // A line that reaches the Schema Registry waits for its libraries (loaded on first use), and the lines after it.
  const queue = useRef(new SchemaAwareQueue());
  const execute = useCallback(
    (text: string, shown: string) => {
      queue.current.run(text, () => {
        const r = controller.run(text);
        setEntries((prev) => [
          ...prev,
          { id: nextId.current++, command: shown, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode },
        ]);
      });
    },
    [controller],
  );

  useEffect(() => {
    if (preloaded.current || !preload || preload.length === 0) return;
    preloaded.current = true;
    for (const block of controller.session.splitBlocks(preload)) execute(block, block);
  }, [preload, controller, execute]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the end whenever the transcript grows
  useEffect(() => {
    const el = outputRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [entries, pending]);

  const submitPending = (p: Pending) => {
    const delimiter = p.delimiter ?? 'EOF';
    const head = p.delimiter ? p.command : `${p.command} <<EOF`;
    const block = [head, ...p.lines, delimiter].join('\n');
    setPending(null);
    execute(block, block);
  };

  const onEnter = () => {
    const line = input;
    setInput('');
    setCandidates([]);
    if (pending) {
      if (pending.delimiter !== null && line.trim() === pending.delimiter) submitPending(pending);
      else setPending({ ...pending, lines: [...pending.lines, line] });
      return;
    }
    if (line.trim() === '') return;
    history.current.push(line);
    historyAt.current = history.current.length;
    if (line.trim() === 'clear') {
      setEntries([]);
      return;
    }
    // The console's own tokenizer decides whether the line opens a here-document (cat > plan.json <<EOF).
    const delimiter = heredocDelimiter(line);
    if (delimiter !== null) {
      setPending({ command: line, delimiter, lines: [] });
      return;
    }
    if (controller.session.readsStdinLine(line)) {
      setPending({ command: line, delimiter: null, lines: [] });
      return;
    }
    execute(line, line);
  };

  const onTab = () => {
    const c = complete(controller.session, input);
    if (c.candidates.length === 0) return;
    if (c.candidates.length === 1) {
      const word = c.candidates[0];
      setInput(input.slice(0, c.from) + word + (word.endsWith('=') ? '' : ' '));
      setCandidates([]);
      return;
    }
    const common = commonPrefix(c.candidates);
    if (common.length > c.prefix.length) setInput(input.slice(0, c.from) + common);
    setCandidates(c.candidates);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      onEnter();
    } else if (e.key === 'Tab' && !e.shiftKey && !pending) {
      // Tab completes while there is something to complete; on an empty line it moves focus as usual.
      if (input.trim() !== '') {
        e.preventDefault();
        onTab();
      }
    } else if (e.key === 'ArrowUp' && !pending) {
      if (history.current.length === 0) return;
      e.preventDefault();
      historyAt.current = Math.max(0, historyAt.current - 1);
      setInput(history.current[historyAt.current] ?? '');
    } else if (e.key === 'ArrowDown' && !pending) {
      e.preventDefault();
      historyAt.current = Math.min(history.current.length, historyAt.current + 1);
      setInput(history.current[historyAt.current] ?? '');
    } else if (e.key === 'd' && e.ctrlKey && pending) {
      e.preventDefault();
      const p = input === '' ? pending : { ...pending, lines: [...pending.lines, input] };
      setInput('');
      submitPending(p);
    } else if (e.key === 'c' && e.ctrlKey && pending) {
      e.preventDefault();
      setEntries((prev) => [
        ...prev,
        {
          id: nextId.current++,
          command: pending.command,
          stdout: '',
          stderr: '^C (cancelled, nothing sent)',
          exitCode: 130,
        },
      ]);
      setPending(null);
      setInput('');
    } else if (
      e.key === 'c' &&
      e.ctrlKey &&
      !pending &&
      input !== '' &&
      (e.currentTarget.selectionStart ?? 0) === (e.currentTarget.selectionEnd ?? 0)
    ) {
      // Like a shell: Ctrl-C abandons the line being typed (with no text selected, so copying still works).
      e.preventDefault();
      setInput('');
      setCandidates([]);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      setEntries([]);
    } else if (e.key === 'Escape') {
      setCandidates([]);
    }
  };

  const transcript = () =>
    entries.map((x) => [`$ ${x.command}`, x.stdout, x.stderr].filter((s) => s !== '').join('\n')).join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(transcript());
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  };

  return (
    <section
      aria-label={label}
      className={`flex flex-col rounded-lg border border-slate-300 bg-slate-50 text-slate-900 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 ${className ?? ''}`}
    >
      <div className="flex items-center justify-between gap-2 border-b border-slate-300 px-3 py-1.5 text-sm dark:border-slate-700">
        <span className="font-medium">{label}</span>
        <div className="flex gap-2">
          <button
            type="button"
            onClick={copy}
            className="rounded px-2 py-0.5 text-xs underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {copied ? 'Copied' : 'Copy output'}
          </button>
          <button
            type="button"
            onClick={() => setEntries([])}
            className="rounded px-2 py-0.5 text-xs underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            Clear console
          </button>
        </div>
      </div>
      <div
        ref={outputRef}
        role="log"
        aria-live="polite"
        aria-label="Console output"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable transcript must be reachable by keyboard
        tabIndex={0}
        className="max-h-96 min-h-40 overflow-auto px-3 py-2 font-mono [tab-size:4] text-[13px] leading-5 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {entries.length === 0 && (
          <p className="text-slate-600 dark:text-slate-400">
            Type a command, or help. Tab completes, ↑/↓ recall history.
          </p>
        )}
        {entries.map((x) => (
          <div key={x.id} className="mb-1">
            <pre className="whitespace-pre-wrap break-words text-sky-800 dark:text-sky-300">
              <span aria-hidden="true">$ </span>
              {x.command}
            </pre>
            {x.stdout !== '' && <pre className="whitespace-pre-wrap break-words">{x.stdout}</pre>}
            {x.stderr !== '' && (
              <pre
                className={`whitespace-pre-wrap break-words ${x.exitCode === 0 ? 'text-amber-800 dark:text-amber-300' : 'text-red-700 dark:text-red-400'}`}
              >
                {x.stderr}
              </pre>
            )}
          </div>
        ))}
        {pending && (
          <pre className="whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
            {[`$ ${pending.command}`, ...pending.lines.map((l) => `> ${l}`)].join('\n')}
          </pre>
        )}
      </div>
      {candidates.length > 1 && (
        <p className="border-t border-slate-300 px-3 py-1 font-mono text-xs text-slate-700 dark:border-slate-700 dark:text-slate-300">
          {candidates.slice(0, 40).join('  ')}
          {candidates.length > 40 ? ' …' : ''}
        </p>
      )}
      <div className="flex items-center gap-2 border-t border-slate-300 px-3 py-2 dark:border-slate-700">
        <label htmlFor={inputId} className="sr-only">
          {pending ? 'Record to send (Ctrl-D to finish)' : 'Console command'}
        </label>
        <span aria-hidden="true" className="font-mono text-sm text-slate-600 dark:text-slate-400">
          {pending ? '>' : '$'}
        </span>
        <input
          ref={inputRef}
          id={inputId}
          aria-describedby={hintId}
          value={input}
          onChange={(e) => setInput(e.target.value)}
          onKeyDown={onKeyDown}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          className="min-w-0 flex-1 bg-transparent font-mono text-sm outline-none placeholder:text-slate-500"
          placeholder={pending ? 'one record per line' : 'kafka-topics.sh --list'}
        />
        {pending && (
          <button
            type="button"
            onClick={() => {
              const p = input === '' ? pending : { ...pending, lines: [...pending.lines, input] };
              setInput('');
              submitPending(p);
              inputRef.current?.focus();
            }}
            className="rounded border border-slate-400 px-2 py-0.5 text-xs dark:border-slate-600"
          >
            Send records (Ctrl-D)
          </button>
        )}
      </div>
      <p id={hintId} className="sr-only">
        {pending
          ? 'Type one record per line and press Enter after each. Press Control D to send them, Control C to cancel.'
          : 'Press Enter to run, Tab to complete, Up and Down arrows for history.'}
      </p>
    </section>
  );
}
