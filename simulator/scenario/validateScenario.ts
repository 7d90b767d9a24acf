import type { Scenario, ScenarioProblem } from './types';

// Imported scenarios come from files and links, so everything is checked before anything is replayed.

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const MAX_STEPS = 200;
const MAX_LINES = 400;
const MAX_TEXT = 2000;

type Unknown = Record<string, unknown>;

function isObject(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(
  value: unknown,
  path: string,
  problems: ScenarioProblem[],
  max = MAX_TEXT,
  optional = false,
) {
  if (value === undefined && optional) return;
  if (typeof value !== 'string') problems.push({ path, message: 'must be text' });
  else if (!optional && value.trim() === '') problems.push({ path, message: 'must not be empty' });
  else if (value.length > max) problems.push({ path, message: `must be at most ${max} characters` });
}

function checkLines(value: unknown, path: string, problems: ScenarioProblem[]) {
  if (!Array.isArray(value)) {
    problems.push({ path, message: 'must be a list of console lines' });
    return;
  }
  if (value.length > MAX_LINES) problems.push({ path, message: `must have at most ${MAX_LINES} lines` });
  value.forEach((line, index) => {
    checkString(line, `${path}[${index}]`, problems);
  });
}

/** Returns the scenario typed, or the list of problems with where they are. Never throws. */
export function validateScenario(
  input: unknown,
): { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] } {
  const problems: ScenarioProblem[] = [];
  if (!isObject(input))
    return { ok: false, problems: [{ path: '', message: 'a scenario must be a JSON object' }] };
  if (typeof input.id !== 'string' || !ID.test(input.id)) {
    problems.push({ path: 'id', message: 'must be lower-case letters, digits and dashes (at most 64)' });
  }
  checkString(input.title, 'title', problems, 200);
  checkString(input.summary, 'summary', problems);
  if (!Array.isArray(input.topics) || input.topics.some((topic) => typeof topic !== 'string')) {
    problems.push({ path: 'topics', message: 'must be a list of roadmap topic ids' });
  }
  if (!Number.isInteger(input.seed) || (input.seed as number) < 0 || (input.seed as number) > 2 ** 31) {
    problems.push({ path: 'seed', message: 'must be a whole number from 0 to 2147483648' });
  }
  if (!Number.isInteger(input.brokers) || (input.brokers as number) < 1 || (input.brokers as number) > 12) {
    problems.push({ path: 'brokers', message: 'must be a whole number of brokers from 1 to 12' });
  }
  if (!Array.isArray(input.views) || input.views.some((view) => typeof view !== 'string')) {
    problems.push({ path: 'views', message: 'must be a list of view names' });
  }
  if (input.focus !== undefined && !isObject(input.focus))
    problems.push({ path: 'focus', message: 'must be an object' });
  checkLines(input.setup, 'setup', problems);
  if (!Array.isArray(input.steps) || input.steps.length === 0) {
    problems.push({ path: 'steps', message: 'must be a non-empty list of steps' });
  } else {
    if (input.steps.length > MAX_STEPS)
      problems.push({ path: 'steps', message: `must have at most ${MAX_STEPS} steps` });
    input.steps.forEach((step, index) => {
      const path = `steps[${index}]`;
      if (!isObject(step)) {
        problems.push({ path, message: 'must be an object with title, commands and narration' });
        return;
      }
      checkString(step.title, `${path}.title`, problems, 200);
      checkLines(step.commands, `${path}.commands`, problems);
      checkString(step.narration, `${path}.narration`, problems);
      checkString(step.notes, `${path}.notes`, problems, MAX_TEXT, true);
      if (step.expect !== undefined) {
        const expectation = step.expect;
        if (!isObject(expectation) || !Array.isArray(expectation.conditions)) {
          problems.push({ path: `${path}.expect`, message: 'must be { description, conditions: [...] }' });
        } else {
          checkString(expectation.description, `${path}.expect.description`, problems);
          expectation.conditions.forEach((condition, conditionIndex) => {
            if (!isObject(condition) || typeof condition.kind !== 'string') {
              problems.push({
                path: `${path}.expect.conditions[${conditionIndex}]`,
                message: 'must have a kind',
              });
            }
          });
        }
      }
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scenario: input as unknown as Scenario };
}

export function describeProblems(problems: ScenarioProblem[]): string {
  return problems
    .map((problem) => (problem.path ? `${problem.path}: ${problem.message}` : problem.message))
    .join('\n');
}
