'use client';
// <Simulation preset="id" views="cluster,log" caption="..." /> in a lesson: a live simulation built by
// running the preset's setup lines, the chosen views, the preset's one-click actions, and a link that
// opens the same state in the playground. The server (components/mdx/embeds.tsx) looks the preset up and
// passes it in, so a page carries only the presets it uses.
import { useCallback, useId, useState } from 'react';
import { useShownClusterStore } from '@/components/sim-runtime/shownCluster';
import { useSimController, useSimVersion } from '@/components/sim-runtime/useSimulation';
import { parseViews, SimWorkspace } from '@/components/sim-views/SimWorkspace';
import { SimButton } from '@/components/sim-views/ui';
import { encodeShare, shareHash } from '@/lib/share';
import { ClockBar } from './ClockBar';
import type { Preset } from './preset';

export type SimulationProps = {
  /** The preset named by the lesson, or null when no preset has that id. */
  preset: Preset | null;
  /** The id the lesson named (for the message when it does not exist). */
  presetId: string;
  views?: string;
  caption?: string;
};

export function Simulation({ preset: p, presetId, views, caption }: SimulationProps) {
  const [epoch, setEpoch] = useState(0);
  // Where "Skip the simulation" lands: its views add many tab stops a keyboard reader may not want to walk.
  const after = `after-simulation-${useId().replace(/[^\w-]/g, '')}`;
  const [output, setOutput] = useState<{ line: string; text: string; ok: boolean } | null>(null);
  const controller = useSimController(p ? { seed: p.seed, brokers: p.brokers, setup: p.setup } : null, epoch);
  useSimVersion(controller);
  // The cluster the reader picked in the views (two regions) opens in the playground too.
  const pickedCluster = useShownClusterStore((s) => (controller ? (s.picks.get(controller) ?? null) : null));
  const showResult = useCallback(
    (r: { line: string; output: string; ok: boolean }) =>
      setOutput({ line: r.line, text: r.output, ok: r.ok }),
    [],
  );

  if (!p) {
    return (
      <p
        role="alert"
        className="not-prose my-6 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        This simulation could not load: there is no preset called “{presetId}”.
      </p>
    );
  }
  const chosen = parseViews(views);
  let playgroundHref = '/playground/';
  if (controller) {
    try {
      playgroundHref = `/playground/${shareHash(encodeShare({ seed: p.seed, brokers: p.brokers, preset: p.id, lines: [...controller.log.slice(0, controller.cursor)] }), pickedCluster)}`;
    } catch {
      // Too long to share: the playground opens on its default instead.
    }
  }

  return (
    <figure
      className="not-prose my-8 rounded-2xl border border-slate-200 bg-slate-50 p-3 sm:p-4 dark:border-slate-800 dark:bg-slate-950"
      aria-label={`Simulation: ${p.title}`}
    >
      <a
        href={`#${after}`}
        className="sr-only rounded-md bg-white px-2 py-1 text-sm font-medium text-brand-800 focus:not-sr-only focus:mb-2 focus:inline-block dark:bg-slate-900 dark:text-brand-200"
      >
        Skip the simulation “{p.title}”
      </a>
      <div className="mb-3 flex flex-wrap items-center gap-2">
        <p className="font-semibold text-slate-900 dark:text-white">{p.title}</p>
        <div className="ml-auto flex flex-wrap gap-2">
          <SimButton
            label={`Reset the simulation “${p.title}”`}
            onClick={() => {
              setOutput(null);
              setEpoch((e) => e + 1);
            }}
          >
            Reset
          </SimButton>
          <a
            href={playgroundHref}
            className="inline-flex items-center rounded-md border border-slate-300 px-2.5 py-1 text-sm font-medium text-slate-800 hover:border-brand-500 dark:border-slate-700 dark:text-slate-100"
          >
            Open in playground
          </a>
        </div>
      </div>
      {p.actions && p.actions.length > 0 ? (
        <div className="mb-3 flex flex-wrap gap-2" role="group" aria-label="Try these">
          {p.actions.map((a) => (
            <SimButton
              key={a.label}
              variant="primary"
              disabled={!controller}
              onClick={() => {
                if (!controller) return;
                const r = controller.run(a.command);
                setOutput({ line: a.command, text: r.output, ok: r.ok });
              }}
            >
              {a.label}
            </SimButton>
          ))}
        </div>
      ) : null}
      {controller && !chosen.includes('timeline') ? (
        <ClockBar key={epoch} controller={controller} label={p.title} onResult={showResult} />
      ) : null}
      {output?.text ? (
        <div className="mb-3 rounded-md bg-slate-900 p-2 text-xs text-slate-100" role="status">
          <p className="font-mono text-slate-400">$ {output.line}</p>
          <pre className={`overflow-x-auto whitespace-pre-wrap font-mono ${output.ok ? '' : 'text-red-300'}`}>
            {output.text}
          </pre>
        </div>
      ) : null}
      {controller ? (
        <SimWorkspace
          controller={controller}
          views={chosen}
          focus={p.focus}
          wide={chosen.length > 2}
          label={p.title}
        />
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">Starting the simulation…</p>
      )}
      {controller?.setupError ? (
        <p className="mt-2 text-xs text-amber-800 dark:text-amber-300">{controller.setupError}</p>
      ) : null}
      {caption ? (
        <figcaption className="mt-3 text-sm text-slate-700 dark:text-slate-300">{caption}</figcaption>
      ) : null}
      <span id={after} tabIndex={-1} className="block outline-none" />
    </figure>
  );
}
