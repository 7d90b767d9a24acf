// Frame times of the 12-panel monitoring dashboard over the large playground (6 brokers) in headless Chromium.
// Usage: node scripts/bench/dashboard-frames.mjs [seconds] [virtual ms per frame, default 250: 15× real time]
// (BENCH_PORT, CHROMIUM_PATH to override). A scrape (every 15 s of virtual time) lands on one frame in 60.
import { frameSummary, loadAverage, onLargePlayground } from './largePlayground.mjs';

const seconds = Number(process.argv[2] ?? 6);
const frameMs = Number(process.argv[3] ?? 250);

await onLargePlayground('dashboard frames', Number(process.env.BENCH_PORT ?? 4399), async (page) => {
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
  const before = loadAverage();
  const result = await page.evaluate(
    ([durationMs, frameMs]) => {
      const sim = window.__playground;
      const topics = ['orders', 'payments', 'shipments'];
      let i = 0;
      // Every frame: one record per topic, then `frameMs` of virtual time.
      return window.__benchFrames(durationMs, () => {
        for (let t = 0; t < 3; t++) sim.run(`producer send p${t + 1} ${topics[t]} --key k${i++ % 97} v${i}`);
        sim.run(`clock advance ${frameMs}ms`);
      });
    },
    [seconds * 1000, frameMs],
  );
  console.log(
    `dashboard frames: playground, 6 brokers, ${panels} dashboard panels (15 min range), ${seconds}s at ${frameMs} ms of virtual time per frame: ${frameSummary(result)}; load average ${before} before, ${loadAverage()} after`,
  );
});
