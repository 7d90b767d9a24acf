// First-load JS per exported route, measured from the <script src> tags of its HTML (Next 16 prints none).
// --check fails when a lesson page ships more than the budget above the framework baseline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = 'out';
// A bare Next 16 + React 19 page ships about 170 kB gzipped; lessons may add at most 40 kB on top.
const BASELINE_KB = 170;
const LESSON_EXTRA_BUDGET_KB = 40;

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_next' ? [] : htmlFiles(full);
    return name === 'index.html' ? [full] : [];
  });
}

const gzCache = new Map();
function gzipKb(src) {
  if (!gzCache.has(src)) {
    const file = path.join(outDir, src.replace(/^\//, '').split('?')[0]);
    gzCache.set(src, gzipSync(readFileSync(file)).length / 1024);
  }
  return gzCache.get(src);
}

const routes = htmlFiles(outDir).map((file) => {
  const html = readFileSync(file, 'utf8');
  const scripts = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1]))];
  const route =
    `/${path.relative(outDir, path.dirname(file)).split(path.sep).join('/')}`.replace(/\/$/, '') || '/';
  return { route, scripts, kb: scripts.reduce((sum, src) => sum + gzipKb(src), 0) };
});

// What every route loads: the framework and the shared layout.
const shared = routes.reduce(
  (common, route) => common.filter((src) => route.scripts.includes(src)),
  routes[0]?.scripts ?? [],
);
const sharedKb = shared.reduce((sum, src) => sum + gzipKb(src), 0);

routes.sort((a, b) => a.route.localeCompare(b.route));
console.log('route'.padEnd(40), 'first-load JS (gzip)');
for (const route of routes) console.log(route.route.padEnd(40), `${route.kb.toFixed(1)} kB`);
console.log(`shared by every route: ${sharedKb.toFixed(1)} kB gzipped (${shared.length} scripts)`);

if (process.argv.includes('--check')) {
  const limit = Math.max(BASELINE_KB, sharedKb) + LESSON_EXTRA_BUDGET_KB;
  const over = routes.filter((route) => route.route.startsWith('/learn/') && route.kb > limit);
  for (const route of over)
    console.log(`OVER BUDGET: ${route.route} ${route.kb.toFixed(1)} kB > ${limit.toFixed(1)} kB`);
  const lessons = routes.filter((route) => route.route.startsWith('/learn/'));
  if (lessons.length === 0) {
    console.log('no lesson routes were exported');
    process.exit(1);
  }
  console.log(
    `lesson budget ${limit.toFixed(1)} kB: ${over.length === 0 ? 'all within' : `${over.length} over`}`,
  );
  process.exit(over.length === 0 ? 0 : 1);
}
