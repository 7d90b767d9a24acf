// Golden transcripts: each tests/console/golden/NAME.script runs in a fresh simulation (3 brokers,
// seed 42) and its transcript must equal NAME.expected: "$ command", then stdout lines, stderr
// lines prefixed "! ", and "[exit N]" after a failing command. Regenerate with UPDATE_GOLDEN=1
// (then read the diff: these files are the spec of what the tools print).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsole } from '@/kafka-cli';
import { loadSqlite } from '@/simulator';

// sqlite3 runs real SQLite (sql.js), loaded as a page loads it before the first line
beforeAll(() => loadSqlite());

const dir = join(__dirname, 'golden');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.script'))
  .sort();

function transcript(script: string): string {
  const session = createConsole({ brokers: 3, seed: 42 });
  const out: string[] = [];
  for (const r of session.runScript(script)) {
    out.push(`$ ${r.line}`);
    if (r.stdout !== '') out.push(r.stdout);
    if (r.stderr !== '') out.push(...r.stderr.split('\n').map((l) => `! ${l}`));
    if (r.exitCode !== 0) out.push(`[exit ${r.exitCode}]`);
  }
  return `${out.join('\n')}\n`;
}

describe('golden console transcripts', () => {
  for (const file of scripts) {
    it(file.replace(/\.script$/, ''), () => {
      const script = readFileSync(join(dir, file), 'utf8');
      const expectedPath = join(dir, file.replace(/\.script$/, '.expected'));
      const actual = transcript(script);
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(expectedPath)) writeFileSync(expectedPath, actual);
      expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
