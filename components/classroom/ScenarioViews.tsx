'use client';
import type { SimController } from '@/components/sim-runtime/SimController';
import { parseViews, SimWorkspace } from '@/components/sim-views/SimWorkspace';
import type { Scenario } from '@/simulator';

/** Views that show the data path: where a scenario shows one of them, the cluster map leads. */
const DATA_PATH = new Set(['cluster', 'producer', 'log', 'group']);

/**
 * The scenario's chosen views of the live cluster, led by the cluster map when the scenario is about the data
 * path. The step controls replace the timeline view here.
 */
export function ScenarioViews({
  scenario,
  controller,
}: {
  scenario: Scenario;
  controller: SimController | null;
}) {
  // As high as the placeholder that held its place while this file loaded (Presenter.tsx).
  if (!controller) return <p className="xl:min-h-screen">Starting the cluster…</p>;
  const chosen = scenario.views.filter((view) => view !== 'timeline');
  if (chosen.some((view) => DATA_PATH.has(view))) chosen.unshift('map');
  const views = parseViews(chosen.join(','));
  return <SimWorkspace controller={controller} views={views} focus={scenario.focus} wide={false} />;
}
