// Frame times of /playground while 6 brokers × 3 topics × 12 partitions stream records with full
// animation, and the time until the playground is interactive. A measurement, not a test: it prints
// numbers. Usage: BASE_URL=http://localhost:3000 node scripts/bench/playground-frames.mjs [seconds]
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const seconds = Number(process.argv[2] ?? 6);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });

// Time to first interactive playground: navigation until a broker control can be clicked.
const t0 = Date.now();
await page.goto(`${base}/playground/?bench`, { waitUntil: 'commit' });
await page.getByRole('button', { name: 'Stop broker 1' }).waitFor({ state: 'visible', timeout: 60_000 });
const interactiveMs = Date.now() - t0;
const nav = await page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return n
    ? { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) }
    : null;
});

// The large preset: 6 brokers, orders/payments/shipments with 12 partitions each, RF 3.
await page.getByLabel('Preset', { exact: true }).selectOption('playground-large');
await page.getByRole('button', { name: 'Load the chosen preset' }).click();
await page.getByRole('button', { name: 'Stop broker 6' }).waitFor({ state: 'visible' });
await page.waitForFunction(() => Boolean(window.__playground));

const result = await page.evaluate(async (durationMs) => {
  const sim = window.__playground;
  const topics = ['orders', 'payments', 'shipments'];
  const producers = ['p1', 'p2', 'p3'];
  const frames = [];
  let last = performance.now();
  let sent = 0;
  let i = 0;
  const end = last + durationMs;
  let commandMs = 0;
  await new Promise((resolve) => {
    function frame(now) {
      frames.push(now - last);
      last = now;
      // Every frame: one record per topic (keyed, so all partitions see traffic), then 20 ms of virtual
      // time so requests, replication and acknowledgements all happen and animate.
      const c0 = performance.now();
      for (let t = 0; t < 3; t++) {
        sim.run(`producer send ${producers[t]} ${topics[t]} --key k${i++ % 97} v${i}`);
        sent++;
      }
      sim.run('clock advance 20ms');
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
    p50: q(0.5),
    p95: q(0.95),
    max: sorted[sorted.length - 1],
    meanCommandMsPerFrame: commandMs / frames.length,
    logLength: sim.log.length,
  };
}, seconds * 1000);

const fmt = (n) => `${n.toFixed(1)} ms`;
console.log(
  `time to interactive playground: ${interactiveMs} ms (DOMContentLoaded ${nav?.domContentLoaded} ms, load ${nav?.load} ms)`,
);
console.log(
  `streaming ${seconds}s, 6 brokers x 3 topics x 12 partitions: ${result.frames} frames, ${result.sent} records sent; frame time p50 ${fmt(result.p50)}, p95 ${fmt(result.p95)}, max ${fmt(result.max)}; simulator+dispatch ${fmt(result.meanCommandMsPerFrame)} per frame`,
);
await browser.close();
