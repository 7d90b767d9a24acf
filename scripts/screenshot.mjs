// Look at a page: node scripts/screenshot.mjs URL OUT.png [width=1440] [light|dark] [fullPage=1]
import { chromium } from '@playwright/test';

const [url, out, width = '1440', theme = 'light', full = '1'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [width] [light|dark] [fullPage 1|0]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: theme });
const errors = [];
page.on('pageerror', (error) => errors.push(error.message));
page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(500);
await page.screenshot({ path: out, fullPage: full === '1' });
await browser.close();
if (errors.length) console.log(`page errors:\n${errors.join('\n')}`);
console.log(`saved ${out}`);
