'use client';
// Play / pause / undo / redo / speed over the command log, a scrubber to any earlier step (the simulation is
// rebuilt by replaying the log up to it) and the narration: the simulator's own event reasons, in an
// aria-live log so screen readers hear what happened. A command run after travelling back asks before it drops
// the later steps, and sets them aside as a branch the learner can switch back to.
import { type RefObject, useEffect, useRef, useState } from 'react';
import { type EventType, formatDuration, type SimEvent } from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
import type { SimController } from '../sim-runtime/SimController';
import { type AnimationSpeed, useSimUi } from '../sim-runtime/uiStore';
import { useRead, useSim, useSimVersion } from '../sim-runtime/useSimulation';
import { inlineSelectClass, Panel, SimButton } from './ui';

/** Bookkeeping events that would drown the story; "Show every event" brings them back. */
const QUIET: ReadonlySet<EventType> = new Set<EventType>([
  'metadataRecordAppended',
  'metricsScraped',
  'replicaFetched',
  'workspaceFileWritten',
]);
const TICK_MS = 1000;

export function TimelineView({ narrationOnly = false }: { narrationOnly?: boolean }) {
  const sim = useSim();
  useSimVersion(sim);
  const read = useRead(sim);
  const speed = useSimUi((s) => s.speed);
  const setSpeed = useSimUi((s) => s.setSpeed);
  const [playing, setPlaying] = useState(false);
  const [everything, setEverything] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(
      () => {
        if (sim.cursor < sim.log.length) sim.seek(sim.cursor + 1);
        else sim.run(clockCommand(`${TICK_MS}ms`));
      },
      Math.round(700 / speed),
    );
    return () => window.clearInterval(id);
  }, [playing, speed, sim]);

  const total = sim.log.length;
  const cursor = sim.cursor;
  const currentLine = cursor > 0 ? sim.log[cursor - 1] : 'the starting state';
  const aside = sim.setAside;
  const controls = useRef<HTMLDivElement>(null);
  useBranchGuard(sim, !narrationOnly);
  useUndoShortcuts(sim, controls, !narrationOnly);

  return (
    <Panel id="sim-timeline" title={narrationOnly ? 'What happened' : 'Timeline'}>
      {narrationOnly ? null : (
        <div className="flex flex-col gap-2" ref={controls} data-timeline-controls="">
          <div className="flex flex-wrap items-center gap-2">
            <SimButton
              variant="primary"
              label={playing ? 'Pause' : 'Play'}
              pressed={playing}
              onClick={() => setPlaying(!playing)}
            >
              {playing ? '❚❚ Pause' : '▶ Play'}
            </SimButton>
            <SimButton
              label="Undo: step back one step (Ctrl+Z)"
              keyshortcuts="Control+Z Meta+Z"
              disabled={cursor === 0}
              onClick={() => sim.seek(cursor - 1)}
            >
              ↶ Undo
            </SimButton>
            <SimButton
              label="Redo: replay the next step (Ctrl+Shift+Z)"
              keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
              disabled={cursor >= total}
              onClick={() => sim.seek(cursor + 1)}
            >
              ↷ Redo
            </SimButton>
            <SimButton
              label="Advance the clock 1 second"
              onClick={() => sim.run(clockCommand(`${TICK_MS}ms`))}
            >
              +1 s
            </SimButton>
            <label className="flex items-center gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
              Speed
              <select
                className={inlineSelectClass}
                value={speed}
                onChange={(e) => setSpeed(Number(e.target.value) as AnimationSpeed)}
              >
                <option value={0.5}>0.5×</option>
                <option value={1}>1×</option>
                <option value={2}>2×</option>
                <option value={4}>4×</option>
              </select>
            </label>
            <span className="ml-auto text-xs text-slate-600 dark:text-slate-400" data-testid="sim-clock">
              clock {formatDuration(read?.now() ?? 0)}
            </span>
          </div>
          <label className="flex flex-col gap-1 text-xs font-medium text-slate-700 dark:text-slate-300">
            <span>
              Step {cursor} of {total}:{' '}
              <code className="font-mono" data-testid="timeline-current">
                {currentLine}
              </code>
            </span>
            <input
              type="range"
              min={0}
              max={total}
              step={1}
              value={cursor}
              disabled={total === 0}
              aria-label="Travel to an earlier step"
              aria-valuetext={`Step ${cursor} of ${total}: ${currentLine}`}
              onChange={(e) => sim.seek(Number(e.target.value))}
              className="w-full accent-[var(--sim-leader)]"
            />
          </label>
          {cursor < total ? (
            <p
              className="text-xs text-amber-800 dark:text-amber-300"
              role="status"
              data-testid="timeline-past"
            >
              You are looking at the past: Redo replays the next step. A new command that changes the cluster
              here asks first, then sets the {plural(total - cursor, 'later step')} aside.
            </p>
          ) : null}
          {aside ? (
            <p
              className="flex flex-wrap items-center gap-2 text-xs text-slate-700 dark:text-slate-300"
              role="status"
              data-testid="timeline-branch"
            >
              <span>
                A new branch starts after step {aside.cursor}: {plural(aside.dropped, 'step')} of the other
                branch
                {aside.dropped === 1 ? ' is' : ' are'} set aside.
              </span>
              <SimButton
                label={`Switch to the other branch (${plural(aside.dropped, 'step')} after step ${aside.cursor})`}
                onClick={() => sim.switchBranch()}
              >
                Switch branch
              </SimButton>
            </p>
          ) : null}
        </div>
      )}
      <Narration events={sim.narration} everything={everything} />
      <label className="mt-1 flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
        <input type="checkbox" checked={everything} onChange={(e) => setEverything(e.target.checked)} />
        Show every event (including metadata bookkeeping)
      </label>
    </Panel>
  );
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** While this timeline is shown, a command that would drop the later steps asks the learner first. */
function useBranchGuard(sim: SimController, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    sim.setBranchGuard((line, dropped) =>
      window.confirm(
        `You travelled back in time. Running “${line}” here starts a new branch: the ${plural(dropped, 'later step')} ` +
          'of this one will be set aside (“Switch branch” brings them back). Run it?',
      ),
    );
    return () => sim.setBranchGuard(null);
  }, [sim, enabled]);
}

/** Where typing a key edits text: the browser's own undo applies there, not the timeline's. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return (
    target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type)
  );
}

/**
 * Ctrl+Z (⌘Z) undoes a step, Ctrl+Shift+Z or Ctrl+Y redoes one: from inside this simulation, or from anywhere on a
 * page that holds only this timeline (the playground). Never while a text field has focus.
 */
function useUndoShortcuts(
  sim: SimController,
  controls: RefObject<HTMLDivElement | null>,
  enabled: boolean,
): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || editsText(e.target)) return;
      const key = e.key.toLowerCase();
      const redo = (key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey);
      const undo = key === 'z' && !e.shiftKey;
      if (!redo && !undo) return;
      const own = controls.current?.closest('[data-sim-workspace]');
      const from = e.target instanceof Element ? e.target.closest('[data-sim-workspace]') : null;
      const onlyTimeline = document.querySelectorAll('[data-timeline-controls]').length === 1;
      if (from ? from !== own : !onlyTimeline) return;
      e.preventDefault();
      if (undo && sim.cursor > 0) sim.seek(sim.cursor - 1);
      else if (redo && sim.cursor < sim.log.length) sim.seek(sim.cursor + 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [sim, controls, enabled]);
}

function Narration({ events, everything }: { events: readonly SimEvent[]; everything: boolean }) {
  const shown = (everything ? events : events.filter((e) => !QUIET.has(e.type))).slice(-12);
  const listRef = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the list changes
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [shown.length, shown[shown.length - 1]?.seq]);
  return (
    <div
      ref={listRef}
      role="log"
      aria-live="polite"
      aria-label="Narration"
      className="mt-3 max-h-48 overflow-y-auto rounded-md bg-[var(--sim-surface)] p-2 text-sm leading-snug text-slate-800 dark:text-slate-200"
      data-testid="narration"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      <ol>
        {shown.length === 0 ? (
          <li className="text-slate-500 dark:text-slate-400">Nothing has happened yet.</li>
        ) : null}
        {shown.map((e) => (
          <li key={e.seq} className="sim-narration-line border-l-2 border-[var(--sim-line)] py-0.5 pl-2">
            <span className="mr-1 font-mono text-[10px] text-slate-500 dark:text-slate-400">
              {formatDuration(e.time)}
            </span>
            {e.reason}
          </li>
        ))}
      </ol>
    </div>
  );
}
