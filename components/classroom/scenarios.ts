// Helpers over a classroom scenario. The shipped scenarios (content/scenarios/*.json) come from the content
// loader (lib/content.server.ts) through the pages that list and present them.
import type { Scenario } from '@/simulator';

/** The console lines that bring the cluster to the state after `step` steps (0 = the starting cluster). */
export function scriptLines(scenario: Scenario, step: number): string[] {
  return scenario.steps.slice(0, step).flatMap((s) => s.commands);
}
