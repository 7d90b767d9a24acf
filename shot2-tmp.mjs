import { chromium } from '@playwright/test';
const [,, url, out, ...clicks] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
await page.goto(url, { waitUntil: 'networkidle', timeout: 120000 });
await page.waitForTimeout(1000);
for (const c of clicks) { await page.getByRole('button', { name: c, exact: true }).first().click(); await page.waitForTimeout(400); }
const el = page.getByRole('button', { name: clicks[0], exact: true }).first();
await el.scrollIntoViewIfNeeded();
await page.evaluate(() => window.scrollBy(0, -100));
await page.screenshot({ path: out });
await browser.close();
