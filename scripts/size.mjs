// First-load JS per exported route, measured from the <script src> tags of its HTML (Next 16 prints none).
// --check fails when any route ships more than its budget: lessons (and every page without a budget of its own) at
// most 40 kB above the framework baseline, the playground and the classroom pages a third below the 307 kB the
// playground once shipped. The simulator, the console and the views load on demand after first paint; a page that
// imports them eagerly again adds some 300 kB and fails here.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const outDir = 'out';
// A bare Next 16 + React 19 page ships about 170 kB gzipped; lessons may add at most 40 kB on top.
const BASELINE_KB = 170;
const LESSON_EXTRA_BUDGET_KB = 40;
const DEFAULT_BUDGET_KB = BASELINE_KB + LESSON_EXTRA_BUDGET_KB;
/** Routes (by prefix) with a budget of their own, first match wins; every other route gets the default. */
const ROUTE_BUDGETS_KB = [
  ['/playground', 205],
  ['/present', 205],
];
const budgetOf = (route) =>
  ROUTE_BUDGETS_KB.find(([prefix]) => route === prefix || route.startsWith(`${prefix}/`))?.[1] ??
  DEFAULT_BUDGET_KB;

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

console.log(
  `framework baseline ${BASELINE_KB} kB; lessons ${LESSON_EXTRA_BUDGET_KB} kB above it (${DEFAULT_BUDGET_KB} kB), ` +
    ROUTE_BUDGETS_KB.map(([prefix, kb]) => `${prefix} ${kb} kB`).join(', '),
);

if (process.argv.includes('--check')) {
  const lessons = routes.filter((route) => route.route.startsWith('/learn/'));
  if (lessons.length === 0) {
    console.log('no lesson routes were exported');
    process.exit(1);
  }
  const over = routes.filter((route) => route.kb > budgetOf(route.route));
  for (const route of over)
    console.log(`OVER BUDGET: ${route.route} ${route.kb.toFixed(1)} kB > ${budgetOf(route.route)} kB`);
  console.log(
    `${routes.length} routes: ${over.length === 0 ? 'all within budget' : `${over.length} over budget`}`,
  );
  process.exit(over.length === 0 ? 0 : 1);
}
