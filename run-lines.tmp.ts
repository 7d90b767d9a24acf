import { readFileSync } from 'node:fs';
import { Simulation } from './simulator/index';
import { runConsoleLines } from './simulator/console/index';
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const sim = new Simulation({ seed: Number(process.env.SEED ?? 42), brokers: Number(process.env.BROKERS ?? 3) });
for (const r of runConsoleLines(sim, lines) as Array<{ line: string; stdout: string; stderr: string; exitCode: number }>) {
  console.log(`$ ${r.line}\n${r.stdout}${r.stderr ? `\n[stderr] ${r.stderr}` : ''}${r.exitCode ? ` [exit ${r.exitCode}]` : ''}`);
}
