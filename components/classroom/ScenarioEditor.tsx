'use client';
// /present/new: record a scenario by doing it. Every line the instructor runs in the console is captured; "Add
// step" turns the lines since the last step into a step with its narration. Export as JSON or a link; import
// a JSON file (validated, with every problem listed).
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useSimController, useSimVersion } from '@/components/sim-runtime/useSimulation';
import { downloadText } from '@/lib/download';
import type { Scenario, ScenarioStep } from '@/simulator';

// The views and the console load after the editor's controls are up.
const Workspace = dynamic(
  () => import('@/components/embeds/PlaygroundWorkspace').then((m) => m.PlaygroundWorkspace),
  { ssr: false, loading: () => <p>Starting the cluster…</p> },
);

const input =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';
const button =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-900 hover:border-brand-500 disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

type Meta = { id: string; title: string; summary: string; seed: number; brokers: number };

export function ScenarioEditor() {
  const [meta, setMeta] = useState<Meta>({
    id: 'my-demo',
    title: 'My demo',
    summary: 'What this demo shows.',
    seed: 42,
    brokers: 3,
  });
  const [setup, setSetup] = useState<string[]>([]);
  const [steps, setSteps] = useState<ScenarioStep[]>([]);
  const [draft, setDraft] = useState({ title: '', narration: '', notes: '' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [epoch, setEpoch] = useState(0);
  const [consumed, setConsumed] = useState(0);
  // The cluster is rebuilt only on purpose: a new seed or broker count, an import, a removed step.
  const [spec, setSpec] = useState({ seed: 42, brokers: 3, setup: [] as string[] });
  const rebuild = (next: { seed: number; brokers: number; lines: string[] }) => {
    setSpec({ seed: next.seed, brokers: next.brokers, setup: next.lines });
    setEpoch((e) => e + 1);
    setConsumed(0);
  };
  const controller = useSimController(spec, epoch);
  useSimVersion(controller);
  const checks = useRef<typeof import('./scenarioChecks') | null>(null);
  useEffect(() => {
    void import('./scenarioChecks').then((loaded) => {
      checks.current = loaded;
    });
  }, []);
  const pending = controller ? controller.transcript.slice(consumed).map((r) => r.line) : [];

  const scenario: Scenario = {
    ...meta,
    topics: [],
    views: ['cluster', 'log', 'group'],
    setup,
    steps,
  };

  function addStep() {
    if (!draft.title.trim() || !draft.narration.trim()) {
      setMessage({ kind: 'error', text: 'A step needs a title and a narration.' });
      return;
    }
    setSteps([
      ...steps,
      {
        title: draft.title.trim(),
        narration: draft.narration.trim(),
        notes: draft.notes.trim() || undefined,
        commands: pending,
      },
    ]);
    setConsumed(controller?.transcript.length ?? consumed);
    setDraft({ title: '', narration: '', notes: '' });
    setMessage({
      kind: 'ok',
      text: `Step ${steps.length + 1} recorded with ${pending.length} command${pending.length === 1 ? '' : 's'}.`,
    });
  }

  function takeAsSetup() {
    setSetup([...setup, ...pending]);
    setConsumed(controller?.transcript.length ?? consumed);
    setMessage({
      kind: 'ok',
      text: `${pending.length} line${pending.length === 1 ? '' : 's'} added to the starting cluster.`,
    });
  }

  function exportCheck(): Scenario | null {
    if (!checks.current) {
      setMessage({ kind: 'error', text: 'The scenario checks are still loading: try again in a moment.' });
      return null;
    }
    const { describeProblems, validateScenario } = checks.current;
    const result = validateScenario(scenario);
    if (!result.ok) {
      setMessage({ kind: 'error', text: `Not ready to export:\n${describeProblems(result.problems)}` });
      return null;
    }
    return result.scenario;
  }

  async function importFile(file: File) {
    const { parseScenarioJson } = checks.current ?? (await import('./scenarioChecks'));
    const parsed = parseScenarioJson(await file.text());
    if (!parsed.ok) {
      setMessage({ kind: 'error', text: parsed.message });
      return;
    }
    const s = parsed.scenario;
    setMeta({ id: s.id, title: s.title, summary: s.summary, seed: s.seed, brokers: s.brokers });
    setSetup(s.setup);
    setSteps(s.steps);
    rebuild({
      seed: s.seed,
      brokers: s.brokers,
      lines: [...s.setup, ...s.steps.flatMap((step) => step.commands)],
    });
    setMessage({ kind: 'ok', text: `Imported “${s.title}” with ${s.steps.length} steps.` });
  }

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Record a classroom scenario</h1>
      <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
        Run commands in the console below. When the cluster shows what you want the room to see, give the step
        a title and a narration and add it: the lines you ran since the last step become that step. Export the
        result as a JSON file or a link, or import a scenario file to edit or present it.
      </p>
      {message && (
        <p
          role={message.kind === 'error' ? 'alert' : 'status'}
          className={`mt-4 whitespace-pre-wrap rounded-md p-3 ${message.kind === 'error' ? 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-200' : 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'}`}
        >
          {message.text}
        </p>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <aside className="flex flex-col gap-5">
          <fieldset className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <legend className="px-1 font-semibold">Scenario</legend>
            <label className="block text-sm font-medium">
              Id (for the link and file name)
              <input
                className={input}
                value={meta.id}
                onChange={(e) => setMeta({ ...meta, id: e.target.value })}
              />
            </label>
            <label className="mt-3 block text-sm font-medium">
              Title
              <input
                className={input}
                value={meta.title}
                onChange={(e) => setMeta({ ...meta, title: e.target.value })}
              />
            </label>
            <label className="mt-3 block text-sm font-medium">
              Summary
              <textarea
                className={input}
                rows={2}
                value={meta.summary}
                onChange={(e) => setMeta({ ...meta, summary: e.target.value })}
              />
            </label>
            <div className="mt-3 grid grid-cols-2 gap-3">
              <label className="block text-sm font-medium">
                Seed
                <input
                  className={input}
                  type="number"
                  min={0}
                  value={meta.seed}
                  onChange={(e) =>
                    setMeta({ ...meta, seed: Math.max(0, Math.floor(Number(e.target.value) || 0)) })
                  }
                />
              </label>
              <label className="block text-sm font-medium">
                Brokers
                <input
                  className={input}
                  type="number"
                  min={1}
                  max={9}
                  value={meta.brokers}
                  onChange={(e) =>
                    setMeta({
                      ...meta,
                      brokers: Math.max(1, Math.min(9, Math.floor(Number(e.target.value) || 1))),
                    })
                  }
                />
              </label>
            </div>
          </fieldset>

          <fieldset className="rounded-xl border border-slate-200 p-4 dark:border-slate-800">
            <legend className="px-1 font-semibold">Next step</legend>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Lines run since the last step ({pending.length}):
            </p>
            <pre className="mt-1 max-h-32 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
              {pending.length ? pending.join('\n') : '(none yet: use the console)'}
            </pre>
            <label className="mt-3 block text-sm font-medium">
              Step title
              <input
                className={input}
                value={draft.title}
                onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              />
            </label>
            <label className="mt-3 block text-sm font-medium">
              Narration for the audience
              <textarea
                className={input}
                rows={3}
                value={draft.narration}
                onChange={(e) => setDraft({ ...draft, narration: e.target.value })}
              />
            </label>
            <label className="mt-3 block text-sm font-medium">
              Speaker notes (optional)
              <textarea
                className={input}
                rows={2}
                value={draft.notes}
                onChange={(e) => setDraft({ ...draft, notes: e.target.value })}
              />
            </label>
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" className={button} onClick={addStep}>
                Add step
              </button>
              <button
                type="button"
                className={button}
                onClick={takeAsSetup}
                disabled={pending.length === 0 || steps.length > 0}
              >
                Use these lines as the starting cluster
              </button>
            </div>
          </fieldset>

          <section
            aria-labelledby="steps-heading"
            className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          >
            <h2 id="steps-heading" className="font-semibold">
              Steps ({steps.length})
            </h2>
            {setup.length > 0 && <p className="mt-1 text-sm">Starting cluster: {setup.length} lines.</p>}
            <ol className="mt-2 space-y-2">
              {steps.map((step, index) => (
                <li
                  key={`${index}-${step.title}`}
                  className="rounded border border-slate-200 p-2 text-sm dark:border-slate-800"
                >
                  <p className="font-medium">
                    {index + 1}. {step.title}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">{step.commands.length} commands</p>
                  <button
                    type="button"
                    className="mt-1 text-sm text-red-700 underline dark:text-red-300"
                    onClick={() => {
                      const remaining = steps.filter((_, i) => i !== index);
                      setSteps(remaining);
                      rebuild({
                        seed: meta.seed,
                        brokers: meta.brokers,
                        lines: [...setup, ...remaining.flatMap((step) => step.commands)],
                      });
                    }}
                  >
                    Remove step {index + 1}
                  </button>
                </li>
              ))}
            </ol>
          </section>

          <section
            aria-labelledby="share-heading"
            className="rounded-xl border border-slate-200 p-4 dark:border-slate-800"
          >
            <h2 id="share-heading" className="font-semibold">
              Export and import
            </h2>
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                className={button}
                onClick={() => {
                  const s = exportCheck();
                  if (s) downloadText(`${s.id}.json`, `${JSON.stringify(s, null, 2)}\n`, 'application/json');
                }}
              >
                Download JSON
              </button>
              <button
                type="button"
                className={button}
                onClick={() => {
                  const s = exportCheck();
                  if (!s) return;
                  try {
                    const link = checks.current?.encodeScenarioLink(s) ?? '';
                    const url = `${window.location.origin}/present/custom/${link}`;
                    void navigator.clipboard?.writeText(url);
                    setMessage({ kind: 'ok', text: `Link copied: ${url.slice(0, 80)}…` });
                  } catch (error) {
                    setMessage({
                      kind: 'error',
                      text: error instanceof Error ? error.message : String(error),
                    });
                  }
                }}
              >
                Copy presentation link
              </button>
            </div>
            <label className="mt-3 block text-sm font-medium">
              Import a scenario JSON file
              <input
                className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:font-semibold file:text-slate-900 hover:file:border-brand-500 dark:text-slate-300 dark:file:border-slate-700 dark:file:bg-slate-900 dark:file:text-white"
                type="file"
                accept="application/json,.json"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importFile(file);
                  e.target.value = '';
                }}
              />
            </label>
            <p className="mt-3 text-sm">
              <Link href="/present/" className="underline">
                Back to the scenario library
              </Link>
            </p>
          </section>
        </aside>
        <div className="min-w-0">
          {controller ? (
            <Workspace controller={controller} without={['timeline']} consoleFirst />
          ) : (
            <p>Starting the cluster…</p>
          )}
        </div>
      </div>
    </div>
  );
}
