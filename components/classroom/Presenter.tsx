'use client';
// /present/<scenario>: the projector view. Large type, keyboard and presentation-remote control, captions from
// the simulator's narration, a blank screen, and the live cluster the room can still poke at. Speaker notes open in
// a window of their own (SpeakerNotes.tsx) for the presenter's screen: they are never drawn on the projected page.
import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSimVersion } from '@/components/sim-runtime/useSimulation';
import type { Scenario } from '@/simulator';
import { PresenterMode } from '../sim-views/ui';
import { CommandOutputs } from './CommandOutputs';
import { isTypingTarget, PRESENTER_KEYS, presenterAction } from './presenterKeys';
import { ScenarioExports } from './ScenarioExports';
import { isNotesMessage, type NotesMessage, notesChannelName, notesUrl } from './speakerNotesChannel';
import { usePresentation } from './usePresentation';

// The views (and through them the simulator) load after first paint, in the place the placeholder holds: beside the
// narration (xl) a screen high, which the views of a scenario fill, so the captions below the narration stay put.
const ScenarioViews = dynamic(() => import('./ScenarioViews').then((m) => m.ScenarioViews), {
  ssr: false,
  loading: () => <p className="xl:min-h-screen">Starting the cluster…</p>,
});
// Printed only, and opened on request: neither is on screen when the page loads.
const Handout = dynamic(() => import('./Handout').then((m) => m.Handout), { ssr: false });
const StudentsLink = dynamic(() => import('./StudentsLink').then((m) => m.StudentsLink), { ssr: false });

const base =
  'inline-flex items-center justify-center rounded-lg border-2 px-4 py-2 text-lg font-semibold disabled:opacity-40';
const button = `${base} border-slate-300 bg-white text-slate-900 hover:border-brand-500 dark:border-slate-600 dark:bg-slate-900 dark:text-white`;
const primary = `${base} border-brand-700 bg-brand-700 text-white hover:bg-brand-800 dark:border-brand-400 dark:bg-brand-400 dark:text-slate-950`;

export function Presenter({ scenario, initialStep }: { scenario: Scenario; initialStep: number }) {
  const p = usePresentation(scenario, initialStep);
  useSimVersion(p.controller);
  // 'blocked': the browser refused the pop-up, so the presenter gets a link to open it themselves.
  const [notes, setNotes] = useState<'closed' | 'open' | 'blocked'>('closed');
  const [blank, setBlank] = useState(false);
  const [help, setHelp] = useState(false);
  const [students, setStudents] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  }, []);

  const openNotes = useCallback(() => {
    const w = window.open(
      notesUrl(window.location.href, p.step),
      `speaker-notes-${scenario.id}`,
      'popup,width=720,height=640',
    );
    setNotes(w ? 'open' : 'blocked');
  }, [p.step, scenario.id]);

  // The notes window follows the projector's step and may move it.
  const presentation = useRef(p);
  presentation.current = p;
  const channel = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const c = new BroadcastChannel(notesChannelName(scenario.id));
    channel.current = c;
    c.onmessage = (e: MessageEvent) => {
      if (!isNotesMessage(e.data)) return;
      const now = presentation.current;
      if (e.data.kind === 'hello') c.postMessage({ kind: 'step', step: now.step } satisfies NotesMessage);
      else if (e.data.kind === 'move') {
        if (e.data.to === 'next') now.next();
        else now.previous();
      }
    };
    return () => {
      c.close();
      channel.current = null;
    };
  }, [scenario.id]);
  useEffect(() => {
    channel.current?.postMessage({ kind: 'step', step: p.step } satisfies NotesMessage);
  }, [p.step]);

  // Keep ?step= in the address bar, so a reload or a copied link lands on the same step.
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('step', String(p.step));
    window.history.replaceState(null, '', url);
  }, [p.step]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (blank) {
        setBlank(false);
        event.preventDefault();
        return;
      }
      if (isTypingTarget(event.target)) return;
      // Buttons handle their own Space and Enter; everything else drives the presentation.
      if (event.key === ' ' && event.target instanceof HTMLButtonElement) return;
      const action = presenterAction(event);
      if (!action) return;
      event.preventDefault();
      switch (action) {
        case 'next':
          p.next();
          break;
        case 'previous':
          p.previous();
          break;
        case 'restart':
          p.restart();
          break;
        case 'fullscreen':
          toggleFullscreen();
          break;
        case 'notes':
          openNotes();
          break;
        case 'blank':
          setBlank(true);
          break;
        case 'help':
          setHelp((value) => !value);
          break;
        case 'close':
          setHelp(false);
          setStudents(false);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blank, p, toggleFullscreen, openNotes]);

  const current = p.step > 0 ? scenario.steps[p.step - 1] : null;
  const captions = p.controller ? p.controller.narration.slice(-3) : [];

  return (
    <div ref={root} className="presenter bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div
        data-wide-page=""
        className="no-print mx-auto flex min-h-[calc(100vh-3.5rem)] max-w-[110rem] flex-col gap-4 px-4 py-4 sm:px-6"
      >
        <header className="flex flex-wrap items-center gap-3">
          <div className="min-w-0">
            <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 dark:text-brand-300">
              Classroom ·{' '}
              <Link href="/present/" className="underline-offset-4 hover:underline">
                all scenarios
              </Link>
            </p>
            <h1 className="text-2xl font-bold sm:text-3xl">{scenario.title}</h1>
          </div>
          <p
            className="ml-auto rounded-full bg-slate-100 px-4 py-1 text-lg font-semibold tabular-nums dark:bg-slate-800"
            aria-live="polite"
          >
            Step {p.step} of {p.total}
          </p>
        </header>

        <nav aria-label="Presentation" className="flex flex-wrap gap-2">
          <button type="button" className={button} onClick={p.previous} disabled={!p.ready || p.step === 0}>
            ← Previous step
          </button>
          <button type="button" className={primary} onClick={p.next} disabled={!p.ready || p.step >= p.total}>
            Next step →
          </button>
          <button type="button" className={button} onClick={p.restart}>
            Restart
          </button>
          <button type="button" className={button} onClick={openNotes}>
            Speaker notes (own window)
          </button>
          <button type="button" className={button} onClick={toggleFullscreen}>
            Full screen
          </button>
          <button
            type="button"
            className={button}
            onClick={() => setStudents((v) => !v)}
            aria-expanded={students}
          >
            Students’ link
          </button>
          <button type="button" className={button} onClick={() => setHelp((v) => !v)} aria-expanded={help}>
            Keys
          </button>
        </nav>

        {p.branched && (
          <div
            role="status"
            className="flex flex-wrap items-center gap-3 rounded-lg border-2 border-amber-400 bg-amber-50 px-4 py-3 text-lg dark:bg-amber-950"
          >
            <span>You changed the cluster: this is off the script now.</span>
            <button type="button" className={button} onClick={p.backToScript}>
              Back to script
            </button>
          </div>
        )}

        {students && (
          <StudentsLink
            scenario={scenario}
            step={p.step}
            offScript={p.branched}
            onClose={() => setStudents(false)}
          />
        )}

        {help && (
          <section
            aria-labelledby="keys-heading"
            className="rounded-xl border-2 border-slate-300 p-4 dark:border-slate-700"
          >
            <h2 id="keys-heading" className="text-xl font-bold">
              Keys
            </h2>
            <dl className="mt-2 grid gap-x-6 gap-y-1 text-lg sm:grid-cols-[auto_1fr]">
              {PRESENTER_KEYS.map((entry) => (
                <div key={entry.action} className="contents">
                  <dt className="font-mono font-semibold">{entry.keys.join(' / ')}</dt>
                  <dd>{entry.label}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}

        <div className="grid flex-1 gap-6 xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <section aria-labelledby="step-heading" className="flex min-w-0 flex-col gap-4">
            <h2 id="step-heading" className="text-3xl font-bold leading-tight">
              {current ? current.title : 'The starting cluster'}
            </h2>
            <p className="text-2xl leading-relaxed">{current ? current.narration : scenario.summary}</p>
            {notes === 'blocked' && (
              <p role="status" className="rounded-lg border-2 border-amber-400 p-3 text-lg">
                The browser blocked the notes window.{' '}
                <a
                  href={notesUrl(
                    typeof window === 'undefined' ? 'http://localhost/' : window.location.href,
                    p.step,
                  )}
                  target="_blank"
                  rel="noopener"
                  className="underline"
                >
                  Open the speaker notes
                </a>{' '}
                on your own screen.
              </p>
            )}
            <CommandOutputs results={p.outputs} large />
            <section
              aria-label="Captions"
              className="mt-auto rounded-xl bg-slate-900 p-4 text-white dark:bg-black"
            >
              <h2 className="sr-only">Captions</h2>
              <ol aria-live="polite" className="space-y-2 text-xl leading-snug">
                {captions.length === 0 ? (
                  <li className="text-slate-300">The simulator’s narration appears here as it happens.</li>
                ) : (
                  captions.map((event) => <li key={event.seq}>{event.reason}</li>)
                )}
              </ol>
            </section>
          </section>
          <div className="presenter-views min-w-0">
            <PresenterMode.Provider value={true}>
              <ScenarioViews scenario={scenario} controller={p.controller} />
            </PresenterMode.Provider>
          </div>
        </div>
        <ScenarioExports scenario={scenario} />
      </div>
      <Handout scenario={scenario} />
      {blank && (
        <button
          type="button"
          aria-label="Screen blanked: press any key or click to return"
          onClick={() => setBlank(false)}
          className="fixed inset-0 z-[60] cursor-none bg-black"
        />
      )}
    </div>
  );
}
