import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimal } from './scenario.testkit';
import { validateScenario } from './validateScenario';

describe('validateScenario', () => {
  it('accepts a well-formed scenario', () => {
    expect(validateScenario(minimal).ok).toBe(true);
  });

  it('names every problem with its path', () => {
    const result = validateScenario({
      ...minimal,
      id: 'Bad Id',
      brokers: 40,
      steps: [{ title: '', commands: 'x' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.problems.map((problem) => problem.path);
    expect(paths).toEqual(
      expect.arrayContaining(['id', 'brokers', 'steps[0].title', 'steps[0].commands', 'steps[0].narration']),
    );
  });

  it('refuses non-objects and empty step lists', () => {
    expect(validateScenario(null).ok).toBe(false);
    expect(validateScenario([]).ok).toBe(false);
    expect(validateScenario({ ...minimal, steps: [] }).ok).toBe(false);
  });

  it('never throws on arbitrary JSON (fuzzed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateScenario(value);
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 42, numRuns: 2000 },
    );
  });

  it('never throws on scenarios with random fields replaced (fuzzed)', () => {
    const keys = Object.keys(minimal);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
        const result = validateScenario({ ...minimal, [key]: value });
        expect(typeof result.ok).toBe('boolean');
      }),
      { seed: 7, numRuns: 2000 },
    );
  });
});
