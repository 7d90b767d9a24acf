// The shipped classroom scenarios (content/scenarios/*.json). There is no glob import in this build, so the list is
// data here; tests/classroom checks it names every file in the folder.

import acks1LostWrite from '@/content/scenarios/acks1-lost-write.json';
import compactionTombstones from '@/content/scenarios/compaction-tombstones.json';
import exactlyOncePipeline from '@/content/scenarios/exactly-once-pipeline.json';
import leaderFailover from '@/content/scenarios/leader-failover.json';
import rebalanceStall from '@/content/scenarios/rebalance-stall.json';
import retentionWeek from '@/content/scenarios/retention-week.json';
import retriesReorder from '@/content/scenarios/retries-reorder.json';
import transactionAbort from '@/content/scenarios/transaction-abort.json';
import uncleanElection from '@/content/scenarios/unclean-election.json';
import type { Scenario } from '@/simulator';

export const scenarioList: readonly Scenario[] = [
  leaderFailover,
  acks1LostWrite,
  rebalanceStall,
  retriesReorder,
  compactionTombstones,
  retentionWeek,
  transactionAbort,
  exactlyOncePipeline,
  uncleanElection,
] as Scenario[];

export const scenarioFiles: readonly string[] = [
  'acks1-lost-write.json',
  'compaction-tombstones.json',
  'exactly-once-pipeline.json',
  'leader-failover.json',
  'rebalance-stall.json',
  'retention-week.json',
  'retries-reorder.json',
  'transaction-abort.json',
  'unclean-election.json',
];

export function findScenario(id: string): Scenario | undefined {
  return scenarioList.find((scenario) => scenario.id === id);
}

/** The console lines that bring the cluster to the state after `step` steps (0 = the starting cluster). */
export function scriptLines(scenario: Scenario, step: number): string[] {
  return scenario.steps.slice(0, step).flatMap((s) => s.commands);
}
