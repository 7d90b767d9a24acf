// Classroom scenarios: a seed, a starting cluster and steps of console lines with narration.
export type { Scenario, ScenarioProblem, ScenarioStep } from './types';
export { describeProblems, validateScenario } from './validateScenario';
