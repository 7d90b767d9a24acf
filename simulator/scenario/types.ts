// A classroom scenario: a seed, a starting cluster and ordered steps of console lines with narration.
// It is data (content/scenarios/*.json); replaying its lines is how every screen reaches the same state.

export type ScenarioStep = {
  title: string;
  /** Console lines (real Kafka CLI or simulation commands), run in order when the step is entered. */
  commands: string[];
  /** One or two sentences for the audience, shown as the step's caption. */
  narration: string;
  /** Speaker notes, shown only in the presenter's notes panel. */
  notes?: string;
  /** What must be true once the step has run (challenge-goal conditions); CI replays and checks it. */
  expect?: { description: string; conditions: Array<{ kind: string } & Record<string, unknown>> };
};

export type Scenario = {
  id: string;
  title: string;
  summary: string;
  /** Roadmap topic ids this scenario demonstrates. */
  topics: string[];
  seed: number;
  brokers: number;
  /** Views the presenter shows, in order of prominence. */
  views: string[];
  focus?: { topic?: string; partition?: number; group?: string };
  /** Lines run before step 1 (the starting cluster). */
  setup: string[];
  steps: ScenarioStep[];
};

export type ScenarioProblem = { path: string; message: string };
