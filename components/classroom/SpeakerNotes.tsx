'use client';
// /present/<scenario>/?notes=1: the presenter's private window. It follows the projector's step over the notes
// channel and shows this step's notes, its narration and what comes next; its buttons move the projector.
import { useEffect, useRef, useState } from 'react';
import type { Scenario } from '@/simulator';
import { isNotesMessage, type NotesMessage, notesChannelName } from './speakerNotesChannel';

const button =
  'inline-flex items-center justify-center rounded-lg border-2 border-slate-300 bg-white px-4 py-2 text-lg font-semibold text-slate-900 hover:border-brand-500 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-900 dark:text-white';

export function SpeakerNotes({ scenario, initialStep }: { scenario: Scenario; initialStep: number }) {
  const [step, setStep] = useState(initialStep);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const c = new BroadcastChannel(notesChannelName(scenario.id));
    channel.current = c;
    c.onmessage = (e: MessageEvent) => {
      if (isNotesMessage(e.data) && e.data.kind === 'step') setStep(e.data.step);
    };
    c.postMessage({ kind: 'hello' } satisfies NotesMessage);
    return () => {
      c.close();
      channel.current = null;
    };
  }, [scenario.id]);

  const move = (to: 'next' | 'previous') =>
    channel.current?.postMessage({ kind: 'move', to } satisfies NotesMessage);
  const total = scenario.steps.length;
  const current = step > 0 ? scenario.steps[step - 1] : null;
  const upcoming = step < total ? scenario.steps[step] : null;

  return (
    // Inside the site's own <main>: a second main landmark would be nested (axe landmark-main-is-top-level).
    <div className="mx-auto flex max-w-3xl flex-col gap-4 px-4 py-6 text-slate-900 dark:text-slate-100">
      <header className="flex flex-wrap items-baseline gap-3">
        <h1 className="text-2xl font-bold">Speaker notes: {scenario.title}</h1>
        <p className="ml-auto text-lg font-semibold tabular-nums" aria-live="polite" data-testid="notes-step">
          Step {step} of {total}
        </p>
      </header>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Only you see this window; the projector shows the slides. It follows the projector, and its buttons
        move it.
      </p>
      <nav aria-label="Move the projector" className="flex gap-2">
        <button type="button" className={button} onClick={() => move('previous')} disabled={step === 0}>
          ← Previous step
        </button>
        <button type="button" className={button} onClick={() => move('next')} disabled={step >= total}>
          Next step →
        </button>
      </nav>
      <section
        aria-labelledby="notes-now"
        className="rounded-xl border-l-8 border-violet-400 bg-violet-50 p-4 dark:bg-violet-950"
      >
        <h2 id="notes-now" className="text-xl font-bold">
          {current ? current.title : 'The starting cluster'}
        </h2>
        <p className="mt-2 text-xl leading-relaxed" data-testid="notes-text">
          {current ? (current.notes ?? 'No notes for this step.') : 'No notes before the first step.'}
        </p>
        <p className="mt-3 text-base text-slate-700 dark:text-slate-300">
          On screen: {current ? current.narration : scenario.summary}
        </p>
      </section>
      <section aria-labelledby="notes-next">
        <h2 id="notes-next" className="text-lg font-semibold">
          Next
        </h2>
        <p className="text-lg">{upcoming ? upcoming.title : 'The end of the scenario.'}</p>
      </section>
    </div>
  );
}
