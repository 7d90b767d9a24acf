'use client';
// Play / pause / step / speed over the command log, a scrubber to any earlier step (the simulation is
// rebuilt by replaying the log up to it) and the narration: the simulator's own event reasons, in an
// aria-live log so screen readers hear what happened.
import { useEffect, useRef, useState } from 'react';
import { type EventType, formatDuration, type SimEvent } from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
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

  return (
    <Panel id="sim-timeline" title={narrationOnly ? 'What happened' : 'Timeline'}>
      {narrationOnly ? null : (
        <div className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <SimButton
              variant="primary"
              label={playing ? 'Pause' : 'Play'}
              pressed={playing}
              onClick={() => setPlaying(!playing)}
            >
              {playing ? '❚❚ Pause' : '▶ Play'}
            </SimButton>
            <SimButton label="Step back" disabled={cursor === 0} onClick={() => sim.seek(cursor - 1)}>
              ◀ Step
            </SimButton>
            <SimButton
              label={cursor < total ? 'Step forward' : 'Step forward: advance the clock 1 second'}
              onClick={() => (cursor < total ? sim.seek(cursor + 1) : sim.run(clockCommand(`${TICK_MS}ms`)))}
            >
              Step ▶
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
            <p className="text-xs text-amber-800 dark:text-amber-300" role="status">
              You are looking at the past. Running a new command here drops the {total - cursor} later step
              {total - cursor === 1 ? '' : 's'}.
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
