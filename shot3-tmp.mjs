import { chromium } from '@playwright/test';
const [,, url, ...clicks] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
await page.goto(url, { waitUntil: 'networkidle', timeout: 120000 });
await page.waitForTimeout(1500);
for (const c of clicks) {
  await page.getByRole('button', { name: c, exact: true }).first().click();
  await page.waitForTimeout(1200);
  const pres = await page.locator('pre').allInnerTexts(); const pre = pres.filter(t => !t.startsWith('$ kafka-topics.sh --bootstrap-server localhost:9092 --create --topic orders --partitions 3')).join('\n---\n');
  console.log(`### ${c}\n${pre}`);
}
await browser.close();
