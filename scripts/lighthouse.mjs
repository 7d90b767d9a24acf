// Lighthouse (mobile and desktop profiles) on one page of each kind, against the static export served gzipped by
// scripts/serve-static.mjs. Part of `npm run bench`, never of `npm test`: it takes minutes and its scores move with
// the machine's load. Prints one table: scores, total blocking time, largest contentful paint, layout shift.
//   node scripts/lighthouse.mjs [--out=out] [--profiles=mobile,desktop] [--pages=/,/roadmap/] [--json=file]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const arg = (name, fallback) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const outDir = arg('out', 'out');
// A lesson of each level (content/roadmap.json), and one page of every other kind.
const PAGES = [
  '/',
  '/roadmap/',
  '/learn/basics/',
  '/learn/producers/',
  '/learn/reliability/',
  '/learn/streams/',
  '/learn/security/',
  '/playground/',
  '/paths/',
  '/progress/',
  '/present/leader-failover/',
  '/glossary/',
];
const pages = arg('pages', PAGES.join(',')).split(',');
const profiles = arg('profiles', 'mobile,desktop').split(',');
const chrome = process.env.CHROME_PATH ?? '/usr/bin/chromium';

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.log(`Lighthouse: skipped, there is no static export in ${outDir}/ (run \`npx next build\` first).`);
  process.exit(0);
}
if (!existsSync(chrome)) {
  console.log(`Lighthouse: skipped, no Chromium at ${chrome} (set CHROME_PATH).`);
  process.exit(0);
}

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const port = Number(arg('port', 0)) || (await freePort());
const server = spawn(process.execPath, ['scripts/serve-static.mjs', outDir, String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve) => server.stdout.once('data', resolve));

const work = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
const rows = [];
try {
  for (const page of pages) {
    for (const profile of profiles) {
      const report = path.join(work, 'report.json');
      const run = spawnSync(
        'node_modules/.bin/lighthouse',
        [
          `http://127.0.0.1:${port}${page}`,
          '--output=json',
          `--output-path=${report}`,
          '--quiet',
          '--only-categories=performance,accessibility,best-practices,seo',
          '--chrome-flags=--headless=new --no-sandbox',
          ...(profile === 'desktop' ? ['--preset=desktop'] : []),
        ],
        { env: { ...process.env, CHROME_PATH: chrome }, encoding: 'utf8' },
      );
      if (run.status !== 0 || !existsSync(report)) {
        console.log(`${page} ${profile}: Lighthouse failed (${run.stderr.trim().split('\n').pop()})`);
        continue;
      }
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      rmSync(report);
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
      rows.push({
        page,
        profile,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        tbtMs: Math.round(audit('total-blocking-time')),
        lcpMs: Math.round(audit('largest-contentful-paint')),
        cls: Number(audit('cumulative-layout-shift').toFixed(3)),
      });
      const r = rows.at(-1);
      console.error(
        `  ${page} ${profile}: ${r.performance} (TBT ${r.tbtMs} ms, LCP ${r.lcpMs} ms, CLS ${r.cls})`,
      );
    }
  }
} finally {
  server.kill();
  rmSync(work, { recursive: true, force: true });
}

const header = ['page', 'profile', 'perf', 'a11y', 'best-pr.', 'SEO', 'TBT ms', 'LCP ms', 'CLS'];
const cells = rows.map((r) => [
  r.page,
  r.profile,
  r.performance,
  r.accessibility,
  r.bestPractices,
  r.seo,
  r.tbtMs,
  r.lcpMs,
  r.cls.toFixed(3),
]);
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
const line = (c) =>
  c.map((v, i) => (i < 2 ? String(v).padEnd(widths[i]) : String(v).padStart(widths[i]))).join('  ');
console.log(`\nLighthouse ${lhVersion()} on ${outDir}/ served gzipped (one run each)`);
console.log(line(header));
for (const c of cells) console.log(line(c));
const json = arg('json', null);
if (json) writeFileSync(json, `${JSON.stringify(rows, null, 2)}\n`);

function lhVersion() {
  try {
    return JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')).version;
  } catch {
    return '';
  }
}
