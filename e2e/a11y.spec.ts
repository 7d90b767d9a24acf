import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { axe } from './axe';
import { openAndReadThrough } from './readThrough';

// Every page of the built export, in both themes: axe must find nothing. Each route is loaded once: its lazy
// widgets (simulations, challenges, consoles) load, axe checks the light theme, the theme switches the way the
// site's own theme script does it (the `dark` class on <html>, with the system preference to match), and axe
// checks the same page again in the dark theme.
function exportedRoutes(dir = 'out', base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_next' ? [] : exportedRoutes(full, `${base}/${name}`);
    return name === 'index.html' ? [`${base}/`] : [];
  });
}

// The classroom page's other two views, chosen by the query string: the students' follow-along and the
// presenter's notes window.
/**
 * Switches to the dark theme as the site's theme script does and waits for its colour transitions to end; false if
 * the page rendered no frame on the way (then they never end). Colours change through CSS transitions (0.01 ms
 * under reduced motion), and an inherited colour starts a new transition in each child only once its parent's has
 * run, a wave down the tree frame by frame: axe reads computed colours once two frames in a row have none running.
 */
async function toDarkTheme(page: Page): Promise<boolean> {
  await page.evaluate(() => document.documentElement.classList.add('dark'));
  await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
  return page.evaluate(async () => {
    const frame = () =>
      new Promise<boolean>((resolve) => {
        requestAnimationFrame(() => resolve(true));
        setTimeout(() => resolve(false), 2_000);
      });
    for (let quiet = 0, frames = 0; quiet < 2 && frames < 300; frames++) {
      if (!(await frame())) return false;
      quiet = document.getAnimations().some((a) => a.playState === 'running') ? 0 : quiet + 1;
    }
    return true;
  });
}

const routes = [
  ...exportedRoutes().sort(),
  '/present/leader-failover/?follow=1',
  '/present/leader-failover/?notes=1',
];

async function violations(page: Page): Promise<string[]> {
  const results = await axe(page).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
}

test('the export has the core routes', () => {
  for (const route of ['/', '/roadmap/', '/learn/basics/', '/glossary/']) expect(routes).toContain(route);
});

for (const route of routes) {
  test(`axe finds no violations on ${route} (light and dark)`, async ({ page: first }) => {
    // One page load, a read-through that loads every widget, and two axe runs over the longest pages; room for
    // opening the page again if headless Chromium stops rendering it.
    test.setTimeout(240_000);
    // Lazy widgets load as the reader comes near them and must have finished loading: axe checks what a reader sees.
    let page = await openAndReadThrough(first, route, (p) => p.emulateMedia({ colorScheme: 'light' }));
    await expect(page.locator('html')).not.toHaveClass(/(^|\s)dark(\s|$)/);
    // Soft, so a light-theme violation still lets the dark theme be checked and reported in the same run.
    await test.step('light theme', async () => expect.soft(await violations(page)).toEqual([]));

    const dark = (p: Page) => p.emulateMedia({ colorScheme: 'dark' });
    await dark(page);
    if (!(await toDarkTheme(page))) {
      // The page stopped rendering (readThrough.ts): its transitions would never finish. The dark theme is checked
      // on the route opened again in a new page.
      page = await openAndReadThrough(await page.context().newPage(), route, dark);
      expect(await toDarkTheme(page), `${route} renders frames in the dark theme`).toBe(true);
    }
    await test.step('dark theme', async () => expect(await violations(page)).toEqual([]));
  });
}
