// `npm test`: every check the project has, in order, then one plain line with the real totals.
// Each step runs even if an earlier one failed, so a red run shows everything that is wrong at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const tmp = '.ci-tmp';
process.env.NEXT_TELEMETRY_DISABLED = '1';
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const bin = (name) => `node_modules/.bin/${name}`;
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(
    `=== ${label}: ${ok ? 'ok' : `FAILED (exit ${result.status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return ok;
}

function step(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

step('type check', bin('tsc'), ['--noEmit']);
step('lint and format', bin('biome'), ['check', '.']);

// Unit and property tests: count Vitest's own results.
const vitestOk = run('unit and property tests', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${tmp}/vitest.json`,
]);
const vitest = readJson(`${tmp}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numFailedTests > 0 || !vitestOk) failures.push('vitest');
  if (!vitestOk && vitest.numFailedTests === 0) failed += 1; // a suite that failed to load
} else {
  failed += 1;
  failures.push('vitest (no results)');
}

const built = run('static export build', bin('next'), ['build']);
if (built && existsSync('out/index.html')) passed += 1;
else {
  failed += 1;
  failures.push('build');
}

if (built) {
  step('first-load JS budget', 'node', ['scripts/size.mjs', '--check']);
  const e2eOk = run('end-to-end tests (Chromium, axe)', bin('playwright'), ['test'], {
    PW_JSON_OUTPUT: `${tmp}/playwright.json`,
  });
  const report = readJson(`${tmp}/playwright.json`);
  if (report?.stats) {
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
    passed += expected + flaky;
    failed += unexpected;
    if (unexpected > 0 || !e2eOk) failures.push('playwright');
    if (!e2eOk && unexpected === 0) failed += 1;
  } else {
    failed += 1;
    failures.push('playwright (no results)');
  }
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
