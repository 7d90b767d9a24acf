// Screenshots of the playground and a presenter page at phone, laptop and projector widths, light and dark,
// for looking at a visual change (not a test). Serve the export first: node scripts/serve-static.mjs out PORT.
// Usage: node scripts/map-screenshots.mjs http://127.0.0.1:PORT OUT_DIR
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4298';
const dir = process.argv[3] ?? 'screenshots';
mkdirSync(dir, { recursive: true });
const pages = [
  { name: 'playground', url: '/playground/' },
  { name: 'present', url: '/present/leader-failover/' },
];
const widths = [
  [375, 812],
  [1440, 900],
  [1920, 1080],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const theme of ['light', 'dark']) {
  for (const [width, height] of widths) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
    await context.addInitScript((t) => localStorage.setItem('kafka-roadmap-theme', t), theme);
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(base + p.url);
      const map = page.locator('[data-view="sim-map"]');
      await map.waitFor();
      if (p.name === 'playground') {
        // A little traffic, so the logs, HW marks and committed offsets have something to show.
        for (const line of [
          'consumer poll c1',
          'consumer poll c2',
          'producer send p1 orders --key user-1 signed-up',
          'producer send p1 orders --key user-2 paid',
          'producer send p1 orders --key user-3 shipped',
          'producer flush p1',
          'consumer poll c1',
          'consumer commit c1',
        ]) {
          const input = page.getByLabel('Console command');
          await input.fill(line);
          await input.press('Enter');
        }
        await page.getByRole('button', { name: 'Produce record' }).click();
        await page.waitForTimeout(500);
        await map.screenshot({ path: path.join(dir, `${p.name}-flight-${width}-${theme}.png`) });
      }
      await page.waitForTimeout(2500);
      const file = path.join(dir, `${p.name}-${width}-${theme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      await map.screenshot({ path: path.join(dir, `${p.name}-map-${width}-${theme}.png`) });
      console.log(file);
    }
    await context.close();
  }
}
await browser.close();
