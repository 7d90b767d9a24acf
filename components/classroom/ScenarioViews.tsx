'use client';
import type { SimController } from '@/components/sim-runtime/SimController';
import { parseViews, SimWorkspace } from '@/components/sim-views/SimWorkspace';
import type { Scenario } from '@/simulator';

/** The scenario's chosen views of the live cluster. The step controls replace the timeline view here. */
export function ScenarioViews({
  scenario,
  controller,
}: {
  scenario: Scenario;
  controller: SimController | null;
}) {
  // As high as the placeholder that held its place while this file loaded (Presenter.tsx).
  if (!controller) return <p className="xl:min-h-screen">Starting the cluster…</p>;
  const views = parseViews(scenario.views.filter((view) => view !== 'timeline').join(','));
  return <SimWorkspace controller={controller} views={views} focus={scenario.focus} wide={false} />;
}
