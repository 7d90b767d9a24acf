'use client';
// A student's view of a classroom scenario: the lesson layout, the same seed and steps, so step k here is the
// projector's step k exactly.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSimVersion } from '@/components/sim-runtime/useSimulation';
import type { Scenario } from '@/simulator';
import { CommandOutputs } from './CommandOutputs';
import { usePresentation } from './usePresentation';

// The views (and through them the simulator) load after first paint, in the place the placeholder holds.
const ScenarioViews = dynamic(() => import('./ScenarioViews').then((m) => m.ScenarioViews), {
  ssr: false,
  loading: () => <p>Starting the cluster…</p>,
});

const button =
  'rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-900 hover:border-brand-500 disabled:opacity-40 dark:border-slate-700 dark:bg-slate-900 dark:text-white';

export function FollowAlong({ scenario, initialStep }: { scenario: Scenario; initialStep: number }) {
  const p = usePresentation(scenario, initialStep);
  useSimVersion(p.controller);
  const current = p.step > 0 ? scenario.steps[p.step - 1] : null;
  // At least a screen high below the header, like the placeholder it replaces: the footer stays out of view while
  // the demo's views arrive, so nothing visible moves.
  return (
    <div className="mx-auto min-h-[calc(100vh-3.5rem)] max-w-5xl px-4 py-8 sm:px-6">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">
        Following a classroom demo ·{' '}
        <Link href="/present/" className="underline-offset-4 hover:underline">
          all scenarios
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold text-slate-900 dark:text-white">{scenario.title}</h1>
      <p className="mt-2 text-lg text-slate-700 dark:text-slate-300">{scenario.summary}</p>
      <div className="mt-6 flex flex-wrap items-center gap-3">
        <button type="button" className={button} onClick={p.previous} disabled={!p.ready || p.step === 0}>
          Previous step
        </button>
        <button type="button" className={button} onClick={p.next} disabled={!p.ready || p.step >= p.total}>
          Next step
        </button>
        <p className="font-semibold tabular-nums" aria-live="polite">
          Step {p.step} of {p.total}
        </p>
        {p.branched && (
          <button type="button" className={button} onClick={p.backToScript}>
            Back to the demo’s step
          </button>
        )}
      </div>
      <section aria-labelledby="follow-step" className="mt-6 rounded-xl bg-slate-50 p-5 dark:bg-slate-900">
        <h2 id="follow-step" className="text-xl font-semibold text-slate-900 dark:text-white">
          {current ? current.title : 'The starting cluster'}
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {current ? current.narration : 'Press Next step to follow the demo.'}
        </p>
      </section>
      <div className="mt-4">
        <CommandOutputs results={p.outputs} />
      </div>
      <div className="mt-6">
        <ScenarioViews scenario={scenario} controller={p.controller} />
      </div>
    </div>
  );
}
