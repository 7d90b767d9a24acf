// A scenario travels in a link's fragment (never sent to any server): base64url of its JSON, size-capped and
// validated on the way in like an imported file.
import { fromBase64Url, toBase64Url } from '@/lib/share';
import { describeProblems, type Scenario, validateScenario } from '@/simulator';

export const SCENARIO_PARAM = 'scenario';
/** Longest encoded scenario a link may carry; longer ones are shared as a JSON file instead. */
export const MAX_SCENARIO_LINK = 60_000;

export function encodeScenarioLink(scenario: Scenario): string {
  const encoded = toBase64Url(new TextEncoder().encode(JSON.stringify(scenario)));
  if (encoded.length > MAX_SCENARIO_LINK) {
    throw new Error(
      `This scenario is too long for a link (${encoded.length} characters): download it as JSON instead.`,
    );
  }
  return `#${SCENARIO_PARAM}=${encoded}`;
}

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; message: string };

/** Parse JSON text (an imported file) into a scenario, with every problem spelled out. Never throws. */
export function parseScenarioJson(text: string): ScenarioParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const result = validateScenario(value);
  return result.ok
    ? { ok: true, scenario: result.scenario }
    : { ok: false, message: `This scenario has problems:\n${describeProblems(result.problems)}` };
}

/** Read a scenario from a location hash (`#scenario=...`). Never throws. */
export function decodeScenarioLink(hash: string): ScenarioParse {
  const match = new RegExp(`[#&]${SCENARIO_PARAM}=([^&]*)`).exec(hash);
  if (!match) return { ok: false, message: 'This link carries no scenario.' };
  if (match[1].length > MAX_SCENARIO_LINK)
    return { ok: false, message: 'This scenario link is too long to be genuine.' };
  const bytes = fromBase64Url(match[1]);
  if (!bytes) return { ok: false, message: 'This scenario link is damaged: it is not valid base64url.' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: 'This scenario link is damaged: it is not valid text.' };
  }
  return parseScenarioJson(text);
}
