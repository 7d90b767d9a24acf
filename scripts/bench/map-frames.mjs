// Frame times of the cluster map (the playground's first view) while 6 brokers × 36 partitions take about 700
// records/s in headless Chromium; the machine's load average is printed with them (a loaded machine slows every
// frame). Usage: node scripts/bench/map-frames.mjs [seconds, default 8] [records per second, default 700]
// (BENCH_PORT, CHROMIUM_PATH to override). Virtual time follows real time, so the rate is records per real second.
import { frameSummary, loadAverage, onLargePlayground } from './largePlayground.mjs';

const seconds = Number(process.argv[2] ?? 8);
const rate = Number(process.argv[3] ?? 700);

await onLargePlayground('map frames', Number(process.env.BENCH_PORT ?? 4398), async (page) => {
  const map = page.locator('[data-view="sim-map"]');
  await map.waitFor({ state: 'visible', timeout: 60_000 });
  await map.scrollIntoViewIfNeeded();
  const replicas = await map.locator('[data-replica]').count();
  const before = loadAverage();
  const result = await page.evaluate(
    async ([durationMs, perSecond]) => {
      const sim = window.__playground;
      const topics = ['orders', 'payments', 'shipments'];
      let owed = 0;
      let sent = 0;
      const frames = await window.__benchFrames(durationMs, (dt) => {
        // The records this frame owes at the asked rate, keyed so every partition sees traffic, then the same
        // stretch of virtual time, so requests, replication, acknowledgements and fetches happen and animate.
        // A stalled frame owes at most 50 ms of traffic: a catch-up burst would measure the burst, not the map.
        // One console run a frame (lines joined), as a learner's pasted block is.
        const step = Math.min(dt, 50);
        owed += (perSecond * step) / 1000;
        const lines = [];
        for (; owed >= 1; owed--, sent++) {
          const t = sent % 3;
          lines.push(`producer send p${t + 1} ${topics[t]} --key k${sent % 97} v${sent}`);
        }
        lines.push(`clock advance ${Math.max(1, Math.round(step))}ms`);
        sim.run(lines.join('\n'));
      });
      return {
        ...frames,
        sent,
        marks: document.querySelectorAll('[data-view="sim-map"] [data-mark]').length,
        flows: document.querySelectorAll('[data-view="sim-map"] [data-flow]').length,
      };
    },
    [seconds * 1000, rate],
  );
  const perSecond = (result.sent * 1000) / result.elapsedMs;
  console.log(
    `map frames: playground cluster map, 6 brokers, ${replicas} replica rows (36 partitions × RF 3), ${seconds}s at ${perSecond.toFixed(0)} records/s (${result.sent} sent): ${frameSummary(result)}; at the end ${result.marks} moving marks, ${result.flows} flow bands; load average ${before} before, ${loadAverage()} after`,
  );
});
