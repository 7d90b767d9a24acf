// What the scenario editor needs from the simulator to check, import and share a scenario: loaded with a dynamic
// import after the editor is up, so its first load is the framework and its controls.
export { describeProblems, validateScenario } from '@/simulator';
export { encodeScenarioLink, parseScenarioJson } from './scenarioLink';
