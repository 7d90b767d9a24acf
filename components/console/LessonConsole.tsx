'use client';
// <Console preset="id" lines={[...]} /> in a lesson: a terminal on its own simulation, built from the
// preset's setup, with the lesson's lines already run and shown. The learner keeps typing from there;
// every line goes through the embed's SimController, so it is the same replayable command log. The server
// (components/mdx/embeds.tsx) looks the preset up and passes it in.
import { useMemo, useState } from 'react';
import type { Preset } from '@/components/embeds/preset';
import { useSimController } from '@/components/sim-runtime/useSimulation';
import { Console } from './Console';

export type LessonConsoleProps = {
  /** The id the lesson named; without one: an empty 3-broker cluster, seed 42. */
  presetId?: string;
  /** That preset, or null when no preset has the id. */
  preset?: Preset | null;
  /** Lines run (and shown) when the console appears. */
  lines?: readonly string[];
  /** Accessible name of the panel. */
  label?: string;
};

export function LessonConsole({ presetId, preset, lines, label }: LessonConsoleProps) {
  const p = preset ?? undefined;
  const [epoch, setEpoch] = useState(0);
  const spec = useMemo(
    () =>
      p
        ? { seed: p.seed, brokers: p.brokers, setup: p.setup }
        : { seed: 42, brokers: 3, setup: [] as string[] },
    [p],
  );
  const controller = useSimController(presetId && !p ? null : spec, epoch);

  if (presetId && !p) {
    return (
      <p
        role="alert"
        className="not-prose my-6 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        This console could not load: there is no preset called “{presetId}”.
      </p>
    );
  }
  const name = label ?? (p ? `Console: ${p.title}` : 'Kafka console');
  return (
    <div className="not-prose my-6">
      {controller ? (
        <Console key={epoch} controller={controller} preload={lines} label={name} />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Starting the simulated cluster…</p>
      )}
      <button
        type="button"
        onClick={() => setEpoch((e) => e + 1)}
        className="mt-2 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
      >
        Reset this console
      </button>
    </div>
  );
}
