'use client';
// The simulator and its views are large; lessons load them only as the reader comes near them, so the lesson's
// text arrives with the framework alone (the first-load budget in scripts/size.mjs), its first interaction does not
// wait for the engine, and a widget far down the page costs nothing until the reader scrolls towards it. Each
// widget's place is held by a placeholder with the widget's own landmark name (a figure "Simulation: …", the
// challenge's region) until its code has arrived. Their data arrives as props from the server wrappers in
// ./embeds.tsx.
import { type ComponentProps, lazy, type ReactNode, Suspense, useEffect, useRef, useState } from 'react';

/** How far outside the viewport a widget starts loading: about a phone screen ahead of the reader. */
const NEAR_VIEW_MARGIN = '800px 0px';

const box =
  'not-prose my-8 flex min-h-40 items-center justify-center rounded-2xl border border-dashed border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400';

function Loading({ what }: { what: string }) {
  return <span role="status">Loading {what}…</span>;
}

/** Renders `placeholder` until it comes within NEAR_VIEW_MARGIN of the viewport, then `children`, for good. */
function NearView({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const node = ref.current;
    if (!node || typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: NEAR_VIEW_MARGIN },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  if (near) return <Suspense fallback={placeholder}>{children}</Suspense>;
  // The attribute marks a widget not yet asked for, so a test can scroll to exactly those (e2e/readThrough.ts).
  return (
    <div ref={ref} data-near-view="waiting">
      {placeholder}
    </div>
  );
}

const SimulationIsland = lazy(() =>
  import('@/components/embeds/Simulation').then((m) => ({ default: m.Simulation })),
);
const ChallengeIsland = lazy(() =>
  import('@/components/challenge/Challenge').then((m) => ({ default: m.Challenge })),
);
const ConsoleIsland = lazy(() =>
  import('@/components/console/LessonConsole').then((m) => ({ default: m.LessonConsole })),
);
const CapacityPlannerIsland = lazy(() =>
  import('@/components/embeds/CapacityPlanner').then((m) => ({ default: m.CapacityPlanner })),
);

export function Simulation(props: ComponentProps<typeof SimulationIsland>) {
  const placeholder = (
    <figure className={box} aria-label={props.preset ? `Simulation: ${props.preset.title}` : 'Simulation'}>
      <Loading what="the simulation" />
    </figure>
  );
  return (
    <NearView placeholder={placeholder}>
      <SimulationIsland {...props} />
    </NearView>
  );
}

export function Challenge(props: ComponentProps<typeof ChallengeIsland>) {
  // The same region (named by the challenge's title) as the loaded challenge.
  const headingId = `challenge-${props.id}`;
  const placeholder = (
    <section className={box} aria-labelledby={headingId}>
      <span id={headingId} className="sr-only">
        {props.spec?.title ?? 'Challenge'}
      </span>
      <Loading what="the challenge" />
    </section>
  );
  return (
    <NearView placeholder={placeholder}>
      <ChallengeIsland {...props} />
    </NearView>
  );
}

export function Console(props: ComponentProps<typeof ConsoleIsland>) {
  return (
    <NearView
      placeholder={
        <div className={box}>
          <Loading what="the console" />
        </div>
      }
    >
      <ConsoleIsland {...props} />
    </NearView>
  );
}

export function CapacityPlanner(props: ComponentProps<typeof CapacityPlannerIsland>) {
  return (
    <NearView
      placeholder={
        <div className={box}>
          <Loading what="the capacity planner" />
        </div>
      }
    >
      <CapacityPlannerIsland {...props} />
    </NearView>
  );
}
