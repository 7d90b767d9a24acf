import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { presetProblems } from './preset';
import { presetFiles, presets } from './presets';

const dir = join(__dirname, '../../content/presets');

describe('preset registry', () => {
  it('lists every file in content/presets (rerun genRegistry.sh after adding one)', () => {
    const onDisk = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect([...presetFiles].sort()).toEqual(onDisk);
  });

  it('every preset is well-formed and its id matches its file name', () => {
    for (const file of presetFiles) {
      const data = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect(presetProblems(data), file).toEqual([]);
      expect(`${data.id}.json`).toBe(file);
      expect(presets.get(data.id)).toBeDefined();
    }
  });
});
