import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// Every page of the built export, in both themes: axe must find nothing.
function exportedRoutes(dir = 'out', base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_next' ? [] : exportedRoutes(full, `${base}/${name}`);
    return name === 'index.html' ? [`${base}/`] : [];
  });
}

const routes = exportedRoutes().sort();

test('the export has the core routes', () => {
  for (const route of ['/', '/roadmap/', '/learn/basics/', '/glossary/']) expect(routes).toContain(route);
});

for (const route of routes) {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds no violations on ${route} (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      await page.goto(route);
      await page.waitForLoadState('networkidle');
      // Lazy widgets (simulations, challenges, consoles) must have finished loading: axe checks what a reader sees.
      await expect(
        page.getByText(/^(Loading the (simulation|challenge|console)|Starting the (challenge’s )?cluster)…$/),
      ).toHaveCount(0, {
        timeout: 45_000,
      });
      await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark).*$/);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map(
        (violation) =>
          `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
      );
      expect(summary).toEqual([]);
    });
  }
}
