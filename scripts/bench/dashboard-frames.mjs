// Frame times of the 12-panel monitoring dashboard over a 6-broker cluster in headless Chromium. A measurement,
// not a test: it prints p50/p95 of requestAnimationFrame deltas. It builds nothing: it serves the existing
// static export (`out/`, from `npx next build`) with scripts/serve-static.mjs and skips when there is none.
// Usage: node scripts/bench/dashboard-frames.mjs [seconds] [virtual ms per frame, default 250: 15× real time]
// (BENCH_PORT, CHROMIUM_PATH to override). A scrape (every 15 s of virtual time) lands on one frame in 60.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve('out');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (
  !existsSync(path.join(root, 'playground', 'index.html')) &&
  !existsSync(path.join(root, 'playground.html'))
) {
  console.log('dashboard frames: skipped (no static export in out/; run `npx next build` first)');
  process.exit(0);
}
if (!existsSync(chromiumPath)) {
  console.log(`dashboard frames: skipped (no Chromium at ${chromiumPath})`);
  process.exit(0);
}

const { chromium } = await import('@playwright/test');
const seconds = Number(process.argv[2] ?? 6);
const frameMs = Number(process.argv[3] ?? 250);
const port = Number(process.env.BENCH_PORT ?? 4399);
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
  // The large preset: 6 brokers, three topics of 12 partitions (RF 3), three producers, group analytics.
  await page.getByLabel('Preset', { exact: true }).selectOption('playground-large');
  await page.getByRole('button', { name: 'Load the chosen preset' }).click();
  await page.getByRole('button', { name: 'Stop broker 6' }).waitFor({ state: 'visible' });
  await page.waitForFunction(() => window.__playground?.init?.brokers === 6);
  // Start the monitoring stack and let it fill 15 minutes of series, so every panel has a full range.
  await page.evaluate(() => {
    const sim = window.__playground;
    sim.run('monitoring start');
    for (let i = 0; i < 60; i++) {
      sim.run(`producer send p1 orders --key k${i % 24} v${i}`);
      sim.run('clock advance 15s');
    }
  });
  const dashboard = page.locator('[data-view="sim-monitoring"]');
  await dashboard.locator('[data-panel]').first().waitFor({ state: 'visible' });
  await dashboard.scrollIntoViewIfNeeded();
  const panels = await dashboard.locator('[data-panel]').count();

  const result = await page.evaluate(
    async ([durationMs, frameMs]) => {
      const sim = window.__playground;
      const topics = ['orders', 'payments', 'shipments'];
      const producers = ['p1', 'p2', 'p3'];
      const frames = [];
      let last = performance.now();
      let i = 0;
      let commandMs = 0;
      const end = last + durationMs;
      await new Promise((resolve) => {
        function frame(now) {
          frames.push(now - last);
          last = now;
          // Every frame: one record per topic, then `frameMs` of virtual time.
          const c0 = performance.now();
          for (let t = 0; t < 3; t++)
            sim.run(`producer send ${producers[t]} ${topics[t]} --key k${i++ % 97} v${i}`);
          sim.run(`clock advance ${frameMs}ms`);
          commandMs += performance.now() - c0;
          if (now < end) requestAnimationFrame(frame);
          else resolve();
        }
        requestAnimationFrame(frame);
      });
      frames.shift();
      const sorted = [...frames].sort((a, b) => a - b);
      const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
      return { frames: frames.length, p50: q(0.5), p95: q(0.95), max: sorted[sorted.length - 1], commandMs };
    },
    [seconds * 1000, frameMs],
  );
  const fmt = (n) => `${n.toFixed(1)} ms`;
  console.log(
    `dashboard frames: playground, 6 brokers, ${panels} dashboard panels (15 min range), ${seconds}s at ${frameMs} ms of virtual time per frame: ${result.frames} frames; frame time p50 ${fmt(result.p50)}, p95 ${fmt(result.p95)} (target < 16.7 ms), max ${fmt(result.max)}; simulator+dispatch ${fmt(result.commandMs / result.frames)} per frame`,
  );
} finally {
  await browser.close();
  server.kill();
}
