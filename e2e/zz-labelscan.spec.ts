import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test } from '@playwright/test';
import { readThrough } from './readThrough';

function exportedRoutes(dir = 'out', base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_next' ? [] : exportedRoutes(full, `${base}/${name}`);
    return name === 'index.html' ? [`${base}/`] : [];
  });
}
for (const route of exportedRoutes().sort()) {
  test(`scan ${route}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(route);
    await readThrough(page);
    await page.waitForTimeout(1500);
    const r = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
    for (const v of r.violations)
      for (const n of v.nodes) console.log(`VIOLATION ${route} ${n.html.slice(0, 200)}`);
  });
}
