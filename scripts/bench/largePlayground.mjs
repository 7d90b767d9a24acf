// What the browser frame benchmarks share: the static export served as a host would (scripts/serve-static.mjs),
// headless Chromium on the playground's large preset (6 brokers; orders, payments and shipments of 12 partitions,
// RF 3; producers p1–p3), and a frame sampler that runs one piece of work per requestAnimationFrame and reports
// the distribution of frame times. Each script is a measurement, not a test: it prints numbers and asserts none.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

/** Page-side: `window.__benchFrames(durationMs, work)` calls work(dt, now) once a frame for durationMs. */
function installFrameSampler() {
  window.__benchFrames = async (durationMs, work) => {
    // Start on a frame boundary, so the first delta is one frame, not the time since the page was last idle.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const frames = [];
    let last = performance.now();
    let workMs = 0;
    const start = last;
    const end = last + durationMs;
    await new Promise((resolve) => {
      function frame(now) {
        const dt = now - last;
        frames.push(dt);
        last = now;
        const w0 = performance.now();
        work(dt, now);
        workMs += performance.now() - w0;
        if (now < end) requestAnimationFrame(frame);
        else resolve();
      }
      requestAnimationFrame(frame);
    });
    const sorted = [...frames].sort((a, b) => a - b);
    const q = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return {
      frames: frames.length,
      elapsedMs: last - start,
      p50: q(0.5),
      p95: q(0.95),
      max: sorted[sorted.length - 1],
      workMsPerFrame: workMs / frames.length,
    };
  };
}

export const fmtMs = (n) => `${n.toFixed(1)} ms`;
export const frameSummary = (r) =>
  `${r.frames} frames; frame time p50 ${fmtMs(r.p50)}, p95 ${fmtMs(r.p95)} (target < 16.7 ms), max ${fmtMs(r.max)}; simulator+dispatch ${fmtMs(r.workMsPerFrame)} per frame`;
export const loadAverage = () =>
  `${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} (${cpus().length} cores)`;

/**
 * Serves out/ on `port`, opens /playground/?bench at 1440×1000 and loads the large preset, then runs `measure`
 * with the page and the time until the first broker control could be clicked. Skips (exit 0, one line) when there
 * is no export or no Chromium: the benchmark builds nothing.
 */
export async function onLargePlayground(name, port, measure) {
  const root = path.resolve('out');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path.join(root, 'playground', 'index.html'))) {
    console.log(`${name}: skipped (no static export in out/; run \`npx next build\` first)`);
    return;
  }
  if (!existsSync(chromiumPath)) {
    console.log(`${name}: skipped (no Chromium at ${chromiumPath})`);
    return;
  }
  const { chromium } = await import('@playwright/test');
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
    await page.addInitScript(installFrameSampler);
    const t0 = Date.now();
    await page.goto(`http://127.0.0.1:${port}/playground/?bench`, { waitUntil: 'commit' });
    await page.getByRole('button', { name: 'Stop broker 1' }).waitFor({ state: 'visible', timeout: 60_000 });
    const interactiveMs = Date.now() - t0;
    await page.getByLabel('Preset', { exact: true }).selectOption('playground-large');
    await page.getByRole('button', { name: 'Load the chosen preset' }).click();
    await page.getByRole('button', { name: 'Stop broker 6' }).waitFor({ state: 'visible' });
    await page.waitForFunction(() => window.__playground?.init?.brokers === 6);
    await measure(page, { interactiveMs });
  } finally {
    await browser.close();
    server.kill();
  }
}
