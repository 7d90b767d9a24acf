import { chromium } from '@playwright/test';
const [url, prefix, width = '1440', theme = 'light', ...ys] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 1000 }, colorScheme: theme });
await page.goto(url, { waitUntil: 'networkidle' });
await page.waitForTimeout(1500);
for (const y of ys) {
  if (y.startsWith('#')) await page.locator(y).first().scrollIntoViewIfNeeded();
  else await page.evaluate((v) => window.scrollTo(0, v), Number(y));
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${prefix}-${y.replace(/[^a-z0-9]/gi, '')}.png` });
}
await browser.close();
