import { expect, type Page, test } from '@playwright/test';
import { axe } from './axe';

// Site search against the built export: keyboard only, from the header's shortcut to the anchor a result names.

const THEME_KEY = 'kafka-roadmap-theme';

function searchDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Search the course' });
}

/** Loads a page and waits until React has hydrated the header's search button (its shortcuts listen from then). */
async function open(page: Page, url: string) {
  await page.goto(url);
  await hydrated(page);
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector('header button[aria-keyshortcuts]');
    return button !== null && Object.keys(button).some((key) => key.startsWith('__reactProps'));
  });
}

/** Opens search with a shortcut, types the query and waits for results. */
async function searchFor(page: Page, query: string, shortcut = '/') {
  await page.keyboard.press(shortcut);
  const dialog = searchDialog(page);
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole('combobox', { name: /Lessons, glossary terms and console commands/ });
  await expect(box).toBeFocused();
  await page.keyboard.type(query);
  await expect(dialog.getByRole('option').first()).toBeVisible();
  return { dialog, box };
}

/** Arrow down until the highlighted result holds the text, then Enter. */
async function choose(page: Page, text: RegExp) {
  const selected = searchDialog(page).locator('[role="option"][aria-selected="true"]');
  for (let i = 0; i < 12; i++) {
    if (text.test((await selected.textContent()) ?? '')) break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(selected).toContainText(text);
  await page.keyboard.press('Enter');
  await expect(searchDialog(page)).toBeHidden();
}

async function expectLandedOn(page: Page, url: RegExp, anchor: string) {
  await expect(page).toHaveURL(url);
  const target = page.locator(`[id="${anchor}"]`);
  await expect(target).toBeInViewport();
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('"/" opens search; a lesson section is found and Enter lands on its heading', async ({ page }) => {
  await open(page, '/');
  await searchFor(page, 'tombstone');
  await choose(page, /Tombstones.*Kafka storage internals/);
  await expectLandedOn(page, /\/learn\/storage\/#tombstones$/, 'tombstones');
  await expect(page.getByRole('heading', { name: 'Tombstones' })).toBeInViewport();
});

test('Ctrl+K finds a glossary term: "min.insync" puts min.insync.replicas first', async ({ page }) => {
  await open(page, '/roadmap/');
  const { dialog } = await searchFor(page, 'min.insync', 'Control+k');
  await expect(dialog.getByRole('option').first()).toContainText('min.insync.replicas');
  await choose(page, /Term.*min\.insync\.replicas.*Glossary/);
  await expectLandedOn(page, /\/glossary\/#min-insync-replicas$/, 'min-insync-replicas');
});

test('a console command is found with its option and lands on the command reference', async ({ page }) => {
  await open(page, '/learn/basics/');
  await searchFor(page, 'kafka-consumer-groups --reset-offsets');
  await choose(page, /Command.*kafka-consumer-groups\.sh/);
  await expectLandedOn(page, /\/console\/#kafka-consumer-groups$/, 'kafka-consumer-groups');
  await expect(page.locator('[id="kafka-consumer-groups"]')).toContainText('--reset-offsets');
});

test('keys typed straight after the shortcut, while the dialog loads, all reach the field', async ({
  page,
}) => {
  await open(page, '/paths/');
  await page.keyboard.press('/');
  await page.keyboard.type('min.insync');
  const box = searchDialog(page).getByRole('combobox');
  await expect(box).toHaveValue('min.insync');
  await expect(box).toBeFocused();
  await page.keyboard.type('.r');
  await expect(box).toHaveValue('min.insync.r');
});

test('the header button opens search; Escape closes it and focus returns to the button', async ({ page }) => {
  await open(page, '/glossary/');
  const button = page.getByRole('button', { name: 'Search' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(searchDialog(page)).toBeVisible();
  await expect(searchDialog(page).getByRole('combobox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchDialog(page)).toBeHidden();
  await expect(button).toBeFocused();
  // "/" typed into a text field is text, not the shortcut.
  const filter = page.getByLabel('Filter terms');
  await filter.fill('');
  await filter.press('/');
  await expect(filter).toHaveValue('/');
  await expect(searchDialog(page)).toHaveCount(0);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the open search dialog with results (${theme})`, async ({ page }) => {
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, theme]);
    await page.emulateMedia({ colorScheme: theme });
    await open(page, '/');
    await searchFor(page, 'acks');
    await page.keyboard.press('ArrowDown');
    const results = await axe(page).include('dialog').analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    // The combobox names the highlighted option, which exists.
    const active = await searchDialog(page).getByRole('combobox').getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
  });
}

test('at 375 px the Search button and the dialog fit the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await open(page, '/');
  const button = page.getByRole('button', { name: 'Search' });
  await expect(button).toBeInViewport({ ratio: 1 });
  await button.click();
  const dialog = searchDialog(page);
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type('ISR');
  await expect(dialog.getByRole('option').first()).toContainText('In-sync replicas (ISR)');
  const box = await dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test.describe('offline', () => {
  // The other specs block service workers (playwright.config.ts); this one needs the site's.
  test.use({ serviceWorkers: 'allow' });

  test('offline after the first visit: the service worker serves a visited page and the search index', async ({
    page,
    context,
  }) => {
    await open(page, '/glossary/');
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The page is controlled and everything it loaded (HTML, scripts, styles) is in the worker's cache.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            if (!navigator.serviceWorker.controller) return 'not controlled';
            const urls = [
              location.pathname,
              ...[...document.querySelectorAll<HTMLScriptElement>('script[src]:not([nomodule])')].map(
                (s) => s.src,
              ),
            ];
            const missing = [];
            for (const url of urls) if (!(await caches.match(url))) missing.push(url);
            return missing.length === 0 ? 'cached' : `missing ${missing.join(' ')}`;
          }),
        // The page lists its files to the worker again 5 s after it takes control.
        { timeout: 20_000 },
      )
      .toBe('cached');
    // Searching once online fetches the index through the worker.
    await searchFor(page, 'tombstone');
    await page.keyboard.press('Escape');

    await context.setOffline(true);
    await page.reload();
    await hydrated(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
    // Hydrated from cached scripts: the filter works, and so does search.
    await page.getByLabel('Filter terms').fill('burrow');
    await expect(page.getByText(/^1 of \d+ terms$/)).toBeVisible();
    await page.getByLabel('Filter terms').blur();
    await searchFor(page, 'tombstone');
    await choose(page, /Term.*Tombstone/);
    await expect(page).toHaveURL(/#tombstone$/);
    await context.setOffline(false);
  });
});
