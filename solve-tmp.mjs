import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const [,, section, id] = process.argv;
const c = JSON.parse(readFileSync(`content/challenges/${id}.json`, 'utf8'));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } });
await page.goto(`http://localhost:3000/learn/${section}/`, { waitUntil: 'networkidle', timeout: 120000 });
await page.waitForTimeout(1500);
const box = page.locator('section, div, article').filter({ has: page.getByRole('heading', { name: c.title, exact: true }) }).filter({ has: page.getByRole('button', { name: 'Check my solution' }) }).last();
const input = box.getByRole('textbox').last();
for (const line of c.solution) { await input.fill(line); await input.press('Enter'); await page.waitForTimeout(500); }
await box.getByRole('button', { name: 'Check my solution' }).click();
await page.waitForTimeout(1000);
const txt = await box.innerText();
console.log(txt.split('\n').filter(l => /solved|met|not|Goal|✓|✗|passed|Well done|Not yet/i.test(l)).slice(0, 15).join('\n'));
await box.screenshot({ path: `/tmp/scratch/solve-${id}.png` });
await browser.close();
