'use client';
// Chooses presenter or follow-along from the query string (?follow=1&step=k), which a static export can only
// read in the browser.
import { useEffect, useState } from 'react';
import type { Scenario } from '@/simulator';
import { FollowAlong } from './FollowAlong';
import { Presenter } from './Presenter';
import { SpeakerNotes } from './SpeakerNotes';

export function readPosition(
  search: string,
  total: number,
): { follow: boolean; notes: boolean; step: number } {
  const params = new URLSearchParams(search);
  const step = Number(params.get('step') ?? '0');
  return {
    follow: params.get('follow') === '1',
    notes: params.get('notes') === '1',
    step: Number.isInteger(step) ? Math.max(0, Math.min(total, step)) : 0,
  };
}

export function PresentRoute({ scenario }: { scenario: Scenario }) {
  const [position, setPosition] = useState<{ follow: boolean; notes: boolean; step: number } | null>(null);
  useEffect(() => setPosition(readPosition(window.location.search, scenario.steps.length)), [scenario]);
  // The site header spans the wide page (data-wide-page) from the first paint, whichever view the query string
  // picks once the page runs: marked only by the presenter, the header widened after load, a layout shift.
  return <div data-wide-page="">{view(scenario, position)}</div>;
}

function view(scenario: Scenario, position: { follow: boolean; notes: boolean; step: number } | null) {
  // Screen-high, so the footer is out of view before and after the presentation replaces it: nothing shifts.
  if (!position) return <p className="min-h-screen p-8 text-lg">Loading the scenario…</p>;
  if (position.notes) return <SpeakerNotes scenario={scenario} initialStep={position.step} />;
  return position.follow ? (
    <FollowAlong scenario={scenario} initialStep={position.step} />
  ) : (
    <Presenter scenario={scenario} initialStep={position.step} />
  );
}
