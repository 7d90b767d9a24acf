'use client';
// The simulator and its views are large; lessons load them after the page is up, so the lesson's text arrives
// with the framework alone (the first-load budget in scripts/size.mjs) and each widget fills in a moment later.
// Their data arrives as props from the server wrappers in ./embeds.tsx.
import dynamic from 'next/dynamic';

function Loading({ what }: { what: string }) {
  return (
    <div
      role="status"
      className="not-prose my-8 flex min-h-40 items-center justify-center rounded-2xl border border-dashed border-slate-300 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400"
    >
      Loading {what}…
    </div>
  );
}

export const Simulation = dynamic(() => import('@/components/embeds/Simulation').then((m) => m.Simulation), {
  ssr: false,
  loading: () => <Loading what="the simulation" />,
});

export const Challenge = dynamic(() => import('@/components/challenge/Challenge').then((m) => m.Challenge), {
  ssr: false,
  loading: () => <Loading what="the challenge" />,
});

export const Console = dynamic(
  () => import('@/components/console/LessonConsole').then((m) => m.LessonConsole),
  {
    ssr: false,
    loading: () => <Loading what="the console" />,
  },
);

export const CapacityPlanner = dynamic(
  () => import('@/components/embeds/CapacityPlanner').then((m) => m.CapacityPlanner),
  {
    ssr: false,
    loading: () => <Loading what="the capacity planner" />,
  },
);
