import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarios } from '@/lib/content.server';
import { decodeScenarioLink, encodeScenarioLink, parseScenarioJson } from './scenarioLink';

describe('scenario links and imports', () => {
  it('round-trips every shipped scenario through a link', () => {
    for (const scenario of scenarios()) {
      const decoded = decodeScenarioLink(encodeScenarioLink(scenario));
      expect(decoded).toEqual({ ok: true, scenario });
    }
  });

  it('refuses damaged links and invalid scenarios with a message', () => {
    expect(decodeScenarioLink('#nothing')).toMatchObject({
      ok: false,
      message: 'This link carries no scenario.',
    });
    expect(decodeScenarioLink('#scenario=!!!')).toMatchObject({ ok: false });
    const bad = encodeScenarioLink({ ...scenarios()[0], steps: [] }).replace('#scenario=', '');
    const result = decodeScenarioLink(`#scenario=${bad}`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('steps: must be a non-empty list of steps');
  });

  it('explains JSON syntax errors in an imported file', () => {
    const result = parseScenarioJson('{ "id": ');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^This is not valid JSON/);
  });

  it('never throws on arbitrary link fragments or file contents (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (fragment, file) => {
        expect(typeof decodeScenarioLink(`#scenario=${fragment}`).ok).toBe('boolean');
        expect(typeof parseScenarioJson(file).ok).toBe('boolean');
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});
