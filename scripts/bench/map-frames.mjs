// Frame times of the cluster map (the playground's first view) while 6 brokers × 36 partitions take about 700
// records/s in headless Chromium. A measurement, not a test: it prints p50/p95 of requestAnimationFrame deltas and
// the machine's load average (a loaded machine slows every frame; read the figures with it). It builds nothing: it
// serves the existing static export (`out/`, from `npx next build`) and skips when there is none.
// Usage: node scripts/bench/map-frames.mjs [seconds, default 8] [records per second, default 700]
// (BENCH_PORT, CHROMIUM_PATH to override). Virtual time follows real time, so the rate is records per real second.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

const root = path.resolve('out');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path.join(root, 'playground', 'index.html'))) {
  console.log('map frames: skipped (no static export in out/; run `npx next build` first)');
  process.exit(0);
}
if (!existsSync(chromiumPath)) {
  console.log(`map frames: skipped (no Chromium at ${chromiumPath})`);
  process.exit(0);
}

const { chromium } = await import('@playwright/test');
const seconds = Number(process.argv[2] ?? 8);
const rate = Number(process.argv[3] ?? 700);
const port = Number(process.env.BENCH_PORT ?? 4398);
const server = spawn(process.execPath, ['scripts/serve-static.mjs', 'out', String(port)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise((resolve, reject) => {
  server.stdout.once('data', resolve);
  server.once('exit', (code) => reject(new Error(`serve-static exited with ${code}`)));
});

const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`http://127.0.0.1:${port}/playground/?bench`);
  await page.getByRole('button', { name: 'Stop broker 1' }).waitFor({ state: 'visible', timeout: 60_000 });
  // The large preset: 6 brokers, orders/payments/shipments of 12 partitions each (36), RF 3, three producers.
  await page.getByLabel('Preset', { exact: true }).selectOption('playground-large');
  await page.getByRole('button', { name: 'Load the chosen preset' }).click();
  await page.waitForFunction(() => window.__playground?.init?.brokers === 6);
  const map = page.locator('[data-view="sim-map"]');
  await map.waitFor({ state: 'visible', timeout: 60_000 });
  await map.scrollIntoViewIfNeeded();
  const replicas = await map.locator('[data-replica]').count();
  const loadBefore = loadavg();

  const result = await page.evaluate(
    async ([durationMs, perSecond]) => {
      const sim = window.__playground;
      const topics = ['orders', 'payments', 'shipments'];
      const producers = ['p1', 'p2', 'p3'];
      const frames = [];
      // Start on a frame boundary, so the first delta is one frame, not the time since the page was last idle.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      let last = performance.now();
      let owed = 0;
      let sent = 0;
      let commandMs = 0;
      const start = last;
      const end = last + durationMs;
      await new Promise((resolve) => {
        function frame(now) {
          const dt = now - last;
          frames.push(dt);
          last = now;
          // The records this frame owes at the asked rate, keyed so every partition sees traffic, then the same
          // stretch of virtual time, so requests, replication, acknowledgements and fetches happen and animate.
          // A stalled frame owes at most 50 ms of traffic: a catch-up burst would measure the burst, not the map.
          // One console run a frame (lines joined), as a learner's pasted block is.
          const step = Math.min(dt, 50);
          owed += (perSecond * step) / 1000;
          const lines = [];
          for (; owed >= 1; owed--, sent++) {
            const t = sent % 3;
            lines.push(`producer send ${producers[t]} ${topics[t]} --key k${sent % 97} v${sent}`);
          }
          lines.push(`clock advance ${Math.max(1, Math.round(step))}ms`);
          const c0 = performance.now();
          sim.run(lines.join('\n'));
          commandMs += performance.now() - c0;
          if (now < end) requestAnimationFrame(frame);
          else resolve();
        }
        requestAnimationFrame(frame);
      });
      frames.shift();
      const sorted = [...frames].sort((a, b) => a - b);
      const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      return {
        frames: frames.length,
        sent,
        perSecond: (sent * 1000) / (last - start),
        p50: q(0.5),
        p95: q(0.95),
        max: sorted[sorted.length - 1],
        commandMs,
        marks: document.querySelectorAll('[data-view="sim-map"] [data-mark]').length,
        flows: document.querySelectorAll('[data-view="sim-map"] [data-flow]').length,
      };
    },
    [seconds * 1000, rate],
  );
  const loadAfter = loadavg();
  const fmt = (n) => `${n.toFixed(1)} ms`;
  const load = (l) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(
    `map frames: playground cluster map, 6 brokers, ${replicas} replica rows (36 partitions × RF 3), ${seconds}s at ${result.perSecond.toFixed(0)} records/s (${result.sent} sent): ${result.frames} frames; frame time p50 ${fmt(result.p50)}, p95 ${fmt(result.p95)} (target < 16.7 ms), max ${fmt(result.max)}; simulator+dispatch ${fmt(result.commandMs / result.frames)} per frame; at the end ${result.marks} moving marks, ${result.flows} flow bands; load average ${load(loadBefore)} before, ${load(loadAfter)} after (${cpus().length} cores)`,
  );
} finally {
  await browser.close();
  server.kill();
}
