'use client';
// Time controls for a lesson embed that shows no timeline. The simulation's clock is virtual: it moves only when
// someone advances it, so an embed without these controls would leave a sent record waiting in its batch for ever.
// Play advances it as the playground's timeline does; the buttons advance it by the amounts lessons ask for; and a
// paused clock with records still buffered says so.
import { useEffect, useState } from 'react';
import { formatDuration } from '@/simulator';
import { clockCommand } from '../sim-runtime/commands';
import type { LineResult, SimController } from '../sim-runtime/SimController';
import { useRead } from '../sim-runtime/useSimulation';
import { SimButton } from '../sim-views/ui';

/** What Play advances per tick, and how often: the playground timeline's 1 s every 700 ms. */
const TICK = '1s';
const TICK_EVERY_MS = 700;
const STEPS = ['5ms', '100ms', '1s', '10s'] as const;

export function ClockBar({
  controller,
  label,
  onResult,
}: {
  controller: SimController;
  /** The embed's title, so each control's accessible name says which simulation it moves. */
  label: string;
  /** What an advance printed (delivery reports of records that were waiting), shown like an action's output. */
  onResult: (r: LineResult) => void;
}) {
  const read = useRead(controller);
  const [playing, setPlaying] = useState(false);

  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => {
      const r = controller.run(clockCommand(TICK));
      if (r.output) onResult(r);
    }, TICK_EVERY_MS);
    return () => window.clearInterval(id);
  }, [playing, controller, onResult]);

  const buffered = (read?.producers() ?? []).reduce((n, p) => n + p.pendingSends.length, 0);
  const advance = (amount: (typeof STEPS)[number]) => {
    const r = controller.run(clockCommand(amount));
    if (r.output) onResult(r);
  };

  return (
    <div
      className="mb-3 flex flex-wrap items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1.5 text-xs dark:border-slate-800 dark:bg-slate-900"
      role="group"
      aria-label={`Clock: ${label}`}
      data-testid="clock-bar"
    >
      <SimButton
        label={playing ? `Pause the clock of “${label}”` : `Play: let time pass in “${label}”`}
        pressed={playing}
        onClick={() => setPlaying(!playing)}
      >
        {playing ? '❚❚ Pause' : '▶ Play'}
      </SimButton>
      <span className="font-medium text-slate-700 dark:text-slate-300">Advance</span>
      {STEPS.map((s) => (
        <SimButton key={s} onClick={() => advance(s)}>
          +{s.endsWith('ms') ? `${s.slice(0, -2)} ms` : `${s.slice(0, -1)} s`}
        </SimButton>
      ))}
      <span className="ml-auto text-slate-700 dark:text-slate-300" data-testid="sim-clock">
        clock {formatDuration(read?.now() ?? 0)} · {playing ? 'running' : 'paused'}
      </span>
      {!playing && buffered > 0 ? (
        <p className="w-full text-amber-800 dark:text-amber-300" role="status" data-testid="clock-waiting">
          Time is paused: {buffered} record{buffered === 1 ? '' : 's'} wait{buffered === 1 ? 's' : ''} in the
          producer until the clock moves. Press Play or advance the clock.
        </p>
      ) : null}
    </div>
  );
}
