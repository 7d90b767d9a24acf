'use client';
// Chooses presenter or follow-along from the query string (?follow=1&step=k), which a static export can only
// read in the browser.
import { useEffect, useState } from 'react';
import type { Scenario } from '@/simulator';
import { FollowAlong } from './FollowAlong';
import { Presenter } from './Presenter';

export function readPosition(search: string, total: number): { follow: boolean; step: number } {
  const params = new URLSearchParams(search);
  const step = Number(params.get('step') ?? '0');
  return {
    follow: params.get('follow') === '1',
    step: Number.isInteger(step) ? Math.max(0, Math.min(total, step)) : 0,
  };
}

export function PresentRoute({ scenario }: { scenario: Scenario }) {
  const [position, setPosition] = useState<{ follow: boolean; step: number } | null>(null);
  useEffect(() => setPosition(readPosition(window.location.search, scenario.steps.length)), [scenario]);
  if (!position) return <p className="p-8 text-lg">Loading the scenario…</p>;
  return position.follow ? (
    <FollowAlong scenario={scenario} initialStep={position.step} />
  ) : (
    <Presenter scenario={scenario} initialStep={position.step} />
  );
}
