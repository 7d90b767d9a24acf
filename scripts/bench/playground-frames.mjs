// The time until the playground is interactive, then its frame times while the large preset streams three records
// a frame with 20 ms of virtual time each, with full animation. Usage: node scripts/bench/playground-frames.mjs
// [seconds, default 6] (BENCH_PORT, CHROMIUM_PATH to override).
import { frameSummary, loadAverage, onLargePlayground } from './largePlayground.mjs';

const seconds = Number(process.argv[2] ?? 6);

await onLargePlayground(
  'playground frames',
  Number(process.env.BENCH_PORT ?? 4397),
  async (page, { interactiveMs }) => {
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return n
        ? { domContentLoaded: Math.round(n.domContentLoadedEventEnd), load: Math.round(n.loadEventEnd) }
        : null;
    });
    const result = await page.evaluate((durationMs) => {
      const sim = window.__playground;
      const topics = ['orders', 'payments', 'shipments'];
      let i = 0;
      return window.__benchFrames(durationMs, () => {
        for (let t = 0; t < 3; t++) sim.run(`producer send p${t + 1} ${topics[t]} --key k${i++ % 97} v${i}`);
        sim.run('clock advance 20ms');
      });
    }, seconds * 1000);
    console.log(
      `playground frames: interactive after ${interactiveMs} ms (DOMContentLoaded ${nav?.domContentLoaded} ms, load ${nav?.load} ms); streaming ${seconds}s, ${result.frames * 3} records sent: ${frameSummary(result)}; load average ${loadAverage()}`,
    );
  },
);
