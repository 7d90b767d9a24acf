// Screenshots of the roadmap map at phone and desktop widths, light and dark, with a little progress set through
// the stops' menus, for looking at a visual change (not a test). Serve the export first:
// node scripts/serve-static.mjs out PORT. Usage: node scripts/roadmap-screenshots.mjs http://127.0.0.1:PORT OUT_DIR
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:4298';
const dir = process.argv[3] ?? 'screenshots';
mkdirSync(dir, { recursive: true });
const marks = [
  ['What is Apache Kafka?', 'Mark done'],
  ['Messaging vs event streaming', 'Mark done'],
  ['Kafka use cases: logs, metrics, events', 'Mark skipped'],
  ['Kafka vs RabbitMQ, high level', 'Mark done'],
  ['Broker', 'Mark done'],
  ['Topic', 'Mark in progress'],
];
const escapeRegExp = (text) => text.replace(/[?()]/g, (c) => `\\${c}`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const theme of ['light', 'dark']) {
  for (const [width, height] of [
    [375, 812],
    [1440, 900],
    [1920, 1080],
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: theme });
    await context.addInitScript((t) => localStorage.setItem('kafka-roadmap-theme', t), theme);
    const page = await context.newPage();
    await page.goto(`${base}/roadmap/`);
    for (const [title, choice] of marks) {
      await page
        .getByRole('button', { name: new RegExp(`^Set status of ${escapeRegExp(title)} \\(`) })
        .click();
      await page.getByRole('menuitemradio', { name: choice }).click();
    }
    await page.mouse.move(0, 0);
    const level = page.locator('[data-level-id="beginner"]');
    await level.scrollIntoViewIfNeeded();
    const file = path.join(dir, `roadmap-${width}-${theme}.png`);
    await level.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
}
await browser.close();
