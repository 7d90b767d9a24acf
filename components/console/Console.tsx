'use client';
// The browser terminal: type Kafka CLI / kcat / simulation commands against a simulation.
// Keyboard: Enter runs, Up/Down walk history, Tab completes, Ctrl-L clears the screen. Like the real tools, a
// console producer sends each line on Enter (Ctrl-D ends it) and a console consumer without --max-messages or
// --timeout-ms keeps running, printing records as they arrive while the virtual clock moves, until Ctrl-C or Stop.
// Output is a polite live region for screen readers.

import { type KeyboardEvent, useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SimController } from '@/components/sim-runtime/SimController';
import { SchemaAwareQueue } from '@/components/sim-runtime/schemaLibraries';
import type { CommandOutput } from '@/kafka-cli';
import { commonPrefix, complete, FollowingConsumer, heredocDelimiter, tokenizeLine } from '@/kafka-cli';

type Entry = { id: number; command: string; stdout: string; stderr: string; exitCode: number };

/**
 * A command waiting for its standard input lines: a typed here-document (run when its delimiter comes), or a console
 * producer (`liveEntry`: each line is sent on Enter, as ConsoleProducer does, and shown in that transcript entry with
 * what sending it printed; Ctrl-D ends it).
 */
type Pending = {
  command: string;
  delimiter: string | null;
  liveEntry: number | null;
  lines: string[];
};

/** Virtual time the console's clock moves each real second while a consumer runs in it. */
const FOLLOW_TICK_MS = 1000;

/** A console producer (Kafka's, the Schema Registry's, or kcat -P): the tools that send each line as it is read. */
function isLineProducer(toolName: string | undefined): boolean {
  return toolName !== undefined && (toolName.endsWith('console-producer.sh') || toolName === 'kcat');
}

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
  /** The console consumer running in the foreground, and the transcript entry it prints into. */
  const [following, setFollowing] = useState<{ follow: FollowingConsumer; entryId: number } | null>(null);

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

  const appendTo = useCallback((id: number, out: CommandOutput) => {
    if (out.stdout === '' && out.stderr === '') return;
    const join = (a: string, b: string) => (a === '' ? b : b === '' ? a : `${a}\n${b}`);
    setEntries((prev) =>
      prev.map((x) =>
        x.id === id
          ? {
              ...x,
              stdout: join(x.stdout, out.stdout),
              stderr: join(x.stderr, out.stderr),
              exitCode: x.exitCode || out.exitCode,
            }
          : x,
      ),
    );
  }, []);

  // While a consumer runs, the clock moves (as it does for a real one) and what arrives is printed.
  useEffect(() => {
    if (!following) return;
    const timer = setInterval(() => {
      controller.run(`clock advance ${FOLLOW_TICK_MS}ms`);
      appendTo(following.entryId, following.follow.tick());
    }, FOLLOW_TICK_MS);
    return () => clearInterval(timer);
  }, [following, controller, appendTo]);

  const stopFollowing = () => {
    if (!following) return;
    appendTo(following.entryId, following.follow.stop());
    setFollowing(null);
  };

  /** A typed console consumer that keeps running: started, and true; false when the line runs as usual. */
  const startFollowing = (line: string): boolean => {
    const started = FollowingConsumer.start(
      { run: (l) => controller.run(l), read: () => controller.read() },
      line,
    );
    if (!started) return false;
    const id = nextId.current++;
    const o = started.output;
    setEntries((prev) => [
      ...prev,
      { id, command: line, stdout: o.stdout, stderr: o.stderr, exitCode: o.exitCode },
    ]);
    if (started.follow.running) setFollowing({ follow: started.follow, entryId: id });
    return true;
  };

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

  /** A live producer's line: sent at once as its own record; the line and what sending it printed join its entry. */
  const sendLine = (entryId: number, command: string, line: string) => {
    appendTo(entryId, { stdout: `>${line}`, stderr: '', exitCode: 0 });
    const block = [`${command} <<EOF`, line, 'EOF'].join('\n');
    queue.current.run(block, () => appendTo(entryId, controller.run(block)));
  };

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
    if (following) return;
    if (pending && pending.liveEntry !== null) {
      sendLine(pending.liveEntry, pending.command, line);
      return;
    }
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
      setPending({ command: line, delimiter, liveEntry: null, lines: [] });
      return;
    }
    if (controller.session.readsStdinLine(line)) {
      const tok = tokenizeLine(line);
      const tool = tok.kind === 'ok' ? controller.session.tool(tok.tokens[0] ?? '')?.name : undefined;
      let liveEntry: number | null = null;
      if (isLineProducer(tool)) {
        liveEntry = nextId.current++;
        const id = liveEntry;
        setEntries((prev) => [...prev, { id, command: line, stdout: '', stderr: '', exitCode: 0 }]);
      }
      setPending({ command: line, delimiter: null, liveEntry, lines: [] });
      return;
    }
    if (startFollowing(line)) return;
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

  /** Ctrl-D: the typed text (if any) is the last line, then the input ends. */
  const finishInput = () => {
    if (!pending) return;
    setInput('');
    if (pending.liveEntry !== null) {
      if (input !== '') sendLine(pending.liveEntry, pending.command, input);
      setPending(null);
      return;
    }
    submitPending(input === '' ? pending : { ...pending, lines: [...pending.lines, input] });
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
    } else if (e.key === 'c' && e.ctrlKey && following) {
      e.preventDefault();
      stopFollowing();
    } else if (e.key === 'd' && e.ctrlKey && pending) {
      e.preventDefault();
      finishInput();
    } else if (e.key === 'c' && e.ctrlKey && pending && pending.liveEntry !== null) {
      // ^C ends the producer; the lines already sent stay sent.
      e.preventDefault();
      setInput('');
      setPending(null);
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
        {pending && pending.liveEntry === null && (
          <pre className="whitespace-pre-wrap break-words text-slate-700 dark:text-slate-300">
            {[`$ ${pending.command}`, ...pending.lines.map((l) => `> ${l}`)].join('\n')}
          </pre>
        )}
        {following && (
          <p className="text-slate-600 dark:text-slate-400">
            The consumer is running: records print as they arrive. Ctrl-C or Stop ends it.
          </p>
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
          {following
            ? 'Consumer running (Ctrl-C to stop)'
            : pending && pending.liveEntry !== null
              ? 'Record to send on Enter (Ctrl-D to finish)'
              : pending
                ? 'Record to send (Ctrl-D to finish)'
                : 'Console command'}
        </label>
        <span aria-hidden="true" className="font-mono text-sm text-slate-600 dark:text-slate-400">
          {following ? '' : pending ? '>' : '$'}
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
          placeholder={
            following
              ? 'Ctrl-C stops the consumer'
              : pending
                ? 'one record per line'
                : 'kafka-topics.sh --list'
          }
        />
        {pending && (
          <button
            type="button"
            onClick={() => {
              finishInput();
              inputRef.current?.focus();
            }}
            className="rounded border border-slate-400 px-2 py-0.5 text-xs dark:border-slate-600"
          >
            {pending.liveEntry !== null ? 'End input (Ctrl-D)' : 'Send records (Ctrl-D)'}
          </button>
        )}
        {following && (
          <button
            type="button"
            onClick={() => {
              stopFollowing();
              inputRef.current?.focus();
            }}
            className="rounded border border-slate-400 px-2 py-0.5 text-xs dark:border-slate-600"
          >
            Stop consumer (Ctrl-C)
          </button>
        )}
      </div>
      <p id={hintId} className="sr-only">
        {following
          ? 'The console consumer keeps running and prints records as they arrive. Press Control C to stop it.'
          : pending && pending.liveEntry !== null
            ? 'Each line is sent as a record when you press Enter. Press Control D to end the producer.'
            : pending
              ? 'Type one record per line and press Enter after each. Press Control D to send them, Control C to cancel.'
              : 'Press Enter to run, Tab to complete, Up and Down arrows for history.'}
      </p>
    </section>
  );
}
