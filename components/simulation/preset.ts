// The shape of content/presets/<id>.json (lesson content contract) and a check that a parsed file has it.

export type PresetAction = { label: string; command: string };

export type Preset = {
  id: string;
  title: string;
  description: string;
  brokers: number;
  seed: number;
  setup: string[];
  focus?: { topic?: string; partition?: number; group?: string };
  actions?: PresetAction[];
};

/** Problems with a preset file, empty when it is well-formed. */
export function presetProblems(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['not an object'];
  const p = value as Record<string, unknown>;
  for (const key of ['id', 'title', 'description'] as const) {
    if (typeof p[key] !== 'string' || (p[key] as string).length === 0)
      problems.push(`${key} must be a non-empty string`);
  }
  if (typeof p.brokers !== 'number' || !Number.isInteger(p.brokers) || p.brokers < 1 || p.brokers > 12) {
    problems.push('brokers must be a whole number from 1 to 12');
  }
  if (typeof p.seed !== 'number' || !Number.isInteger(p.seed) || p.seed < 0)
    problems.push('seed must be a whole number ≥ 0');
  if (!Array.isArray(p.setup) || p.setup.some((l) => typeof l !== 'string'))
    problems.push('setup must be a list of console lines');
  if (p.actions !== undefined) {
    if (!Array.isArray(p.actions)) problems.push('actions must be a list');
    else
      for (const a of p.actions as unknown[]) {
        const action = a as Record<string, unknown>;
        if (typeof action?.label !== 'string' || typeof action?.command !== 'string') {
          problems.push('each action needs a label and a command');
        }
      }
  }
  return problems;
}
