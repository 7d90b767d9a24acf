'use client';
// /present/custom/#scenario=...: a scenario carried by a link, validated before anything is replayed.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { PresentRoute } from './PresentRoute';
import type { ScenarioParse } from './scenarioLink';

export function CustomScenario() {
  const [parsed, setParsed] = useState<ScenarioParse | null>(null);
  useEffect(() => {
    // Validating a scenario needs the simulator: it loads after first paint.
    const read = () =>
      void import('./scenarioLink').then(({ decodeScenarioLink }) =>
        setParsed(decodeScenarioLink(window.location.hash)),
      );
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  if (!parsed) return <p className="min-h-screen p-8 text-lg">Reading the scenario…</p>;
  if (!parsed.ok) {
    return (
      <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6">
        <h1 className="text-2xl font-bold text-slate-900 dark:text-white">
          This scenario link cannot be opened
        </h1>
        <p
          role="alert"
          className="mt-4 whitespace-pre-wrap rounded-md bg-red-50 p-4 text-red-900 dark:bg-red-950 dark:text-red-200"
        >
          {parsed.message}
        </p>
        <p className="mt-6">
          <Link href="/present/" className="underline">
            Open the scenario library
          </Link>{' '}
          or{' '}
          <Link href="/present/new/" className="underline">
            record a new scenario
          </Link>
          .
        </p>
      </div>
    );
  }
  return <PresentRoute scenario={parsed.scenario} />;
}
