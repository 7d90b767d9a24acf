'use client';
// <Challenge id="..." /> in a lesson: a start state, a goal the simulator checks, hints one at a time, a reset,
// and the reference solution once the learner has tried. Solving it is recorded in progress. The server
// (components/mdx/embeds.tsx) looks up the challenge and its start preset and passes both in.
import { useState } from 'react';
import type { Preset } from '@/components/embeds/preset';
import { SimConsole } from '@/components/embeds/SimConsole';
import type { SimController } from '@/components/sim-runtime/SimController';
import { useSimController, useSimVersion } from '@/components/sim-runtime/useSimulation';
import { SimWorkspace } from '@/components/sim-views/SimWorkspace';
import { recordChallengeResult, useProgressData, useProgressHydrated } from '@/lib/progress';
import { evaluateGoal, type GoalResult } from '@/simulator';
import type { ChallengeSpec } from './types';

const button =
  'rounded-md border px-3 py-1.5 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-50';
const plain = `${button} border-slate-300 bg-white text-slate-900 hover:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100`;
const primary = `${button} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 dark:border-brand-400 dark:bg-brand-400 dark:text-slate-950`;

function check(controller: SimController, goal: Parameters<typeof evaluateGoal>[1]): GoalResult {
  return evaluateGoal(controller.read(), goal);
}

export type ChallengeProps = {
  /** The id the lesson named. */
  id: string;
  /** The challenge, or null when no challenge has that id. */
  spec: ChallengeSpec | null;
  /** Its start state, or null when its preset does not exist. */
  preset: Preset | null;
};

export function Challenge({ id, spec, preset }: ChallengeProps) {
  const [epoch, setEpoch] = useState(0);
  const controller = useSimController(
    preset ? { seed: preset.seed, brokers: preset.brokers, setup: preset.setup } : null,
    epoch,
  );
  useSimVersion(controller);
  const [result, setResult] = useState<GoalResult | null>(null);
  const [attempts, setAttempts] = useState(0);
  const [hintsShown, setHintsShown] = useState(0);
  const [solutionShown, setSolutionShown] = useState(false);
  const hydrated = useProgressHydrated();
  const progress = useProgressData();

  if (!spec || !preset) {
    return (
      <p
        role="alert"
        className="not-prose my-6 rounded-lg border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
      >
        This challenge could not load:{' '}
        {spec ? `its start state “${spec.preset}” is missing` : `there is no challenge “${id}”`}.
      </p>
    );
  }
  const solvedBefore = hydrated && (progress.challenges?.[id]?.solved ?? false);
  const headingId = `challenge-${id}`;

  function runCheck() {
    if (!controller || !spec) return;
    const r = check(controller, spec.goal);
    setResult(r);
    setAttempts((n) => n + 1);
    recordChallengeResult(spec.id, spec.topics, r.met);
  }

  return (
    <section
      aria-labelledby={headingId}
      className="not-prose my-10 rounded-2xl border-2 border-brand-300 bg-brand-50/40 p-4 sm:p-6 dark:border-brand-800 dark:bg-brand-950/30"
    >
      <p className="text-xs font-bold uppercase tracking-wider text-brand-800 dark:text-brand-300">
        Challenge
      </p>
      <h3 id={headingId} className="mt-1 text-xl font-bold text-slate-900 dark:text-white">
        {spec.title}
      </h3>
      {solvedBefore && (
        <p className="mt-1 text-sm font-semibold text-emerald-800 dark:text-emerald-300">
          ✓ You have solved this challenge before.
        </p>
      )}
      <p className="mt-3 text-slate-800 dark:text-slate-200">{spec.brief}</p>
      <div className="mt-3 rounded-lg bg-white p-3 dark:bg-slate-900">
        <p className="text-sm font-semibold text-slate-900 dark:text-white">Goal</p>
        <p className="text-sm text-slate-700 dark:text-slate-300">{spec.goal.description}</p>
      </div>

      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" className={primary} onClick={runCheck} disabled={!controller}>
          Check my solution
        </button>
        <button
          type="button"
          className={plain}
          onClick={() => setHintsShown((n) => Math.min(spec.hints.length, n + 1))}
          disabled={hintsShown >= spec.hints.length}
        >
          {hintsShown >= spec.hints.length
            ? 'No more hints'
            : `Show a hint (${spec.hints.length - hintsShown} left)`}
        </button>
        <button
          type="button"
          className={plain}
          onClick={() => {
            setResult(null);
            setEpoch((e) => e + 1);
          }}
        >
          Reset the challenge
        </button>
        <button
          type="button"
          className={plain}
          onClick={() => setSolutionShown(true)}
          disabled={attempts === 0 || solutionShown}
        >
          Show the solution
        </button>
      </div>
      {attempts === 0 && !solutionShown && (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          The solution unlocks after your first check.
        </p>
      )}

      <div aria-live="polite">
        {result && (
          <div
            className={`mt-4 rounded-lg border p-3 ${result.met ? 'border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950' : 'border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950'}`}
          >
            <p className="font-semibold text-slate-900 dark:text-white">
              {result.met
                ? 'Solved! The simulator confirms the goal.'
                : 'Not yet. Here is what the simulator sees:'}
            </p>
            <ul className="mt-2 space-y-1 text-sm">
              {result.details.map((d, index) => (
                <li key={`${d.kind}-${index}`} className="text-slate-800 dark:text-slate-200">
                  <span aria-hidden="true">{d.met ? '✓ ' : '✗ '}</span>
                  <span className="sr-only">{d.met ? 'Met: ' : 'Not met: '}</span>
                  {d.detail}
                </li>
              ))}
            </ul>
            {result.met && (
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">{spec.explanation}</p>
            )}
          </div>
        )}
      </div>

      {hintsShown > 0 && (
        <ol
          className="mt-4 list-decimal space-y-1 pl-5 text-sm text-slate-800 dark:text-slate-200"
          aria-label="Hints"
        >
          {spec.hints.slice(0, hintsShown).map((hint) => (
            <li key={hint}>{hint}</li>
          ))}
        </ol>
      )}

      {solutionShown && (
        <div className="mt-4 rounded-lg bg-slate-900 p-3 text-slate-100">
          <p className="text-sm font-semibold">A reference solution</p>
          <pre className="mt-1 overflow-x-auto whitespace-pre-wrap font-mono text-xs">
            {spec.solution.map((l) => `$ ${l}`).join('\n')}
          </pre>
          <button
            type="button"
            className={`${plain} mt-2`}
            disabled={!controller}
            onClick={() => {
              if (!controller) return;
              for (const line of spec.solution) controller.run(line);
            }}
          >
            Run the solution in this challenge’s cluster
          </button>
          <p className="mt-2 text-sm text-slate-300">{spec.explanation}</p>
        </div>
      )}

      <div className="mt-4">
        {controller ? (
          <SimWorkspace
            controller={controller}
            views={['cluster', 'log', 'group']}
            focus={preset.focus}
            wide
            label={spec.title}
            extra={<SimConsole controller={controller} />}
          />
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Starting the challenge’s cluster…</p>
        )}
      </div>
    </section>
  );
}
