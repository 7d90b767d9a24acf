import { expect, type Page, test } from '@playwright/test';
import { onRenderingPage } from './readThrough';

// Nothing on a page moves while it loads: lazy widgets and the parts that depend on this browser's stored progress
// hold their space before they arrive. Measured with the browser's own layout-shift entries (the Layout Instability
// API, what Lighthouse's CLS adds up), which on a fixed viewport are deterministic enough to assert as zero. Shifts
// right after the reader's own input (hadRecentInput) are not the page's fault and are left out, as CLS does.

type Shift = { value: number; sources: string[] };

async function observeShifts(page: Page) {
  await page.addInitScript(() => {
    const shifts: Shift[] = [];
    (window as unknown as { __shifts: Shift[] }).__shifts = shifts;
    const nameOf = (node: Node | null | undefined) => {
      if (!(node instanceof Element)) return String(node?.nodeName ?? 'unknown');
      const id = node.id ? `#${node.id}` : '';
      const label = node.getAttribute('aria-label') ?? node.textContent?.trim().slice(0, 40) ?? '';
      return `${node.tagName.toLowerCase()}${id} “${label}”`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
        sources?: { node?: Node }[];
      }[]) {
        if (!entry.hadRecentInput)
          shifts.push({ value: entry.value, sources: (entry.sources ?? []).map((s) => nameOf(s.node)) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const shiftsOf = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);

/** Two animation frames and a pause with nothing pending: late layout work has had its chance to shift things. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 500))),
      ),
  );
}

/** Widgets still loading or starting their cluster near the viewport (inside the look-ahead of lazyWidgets.tsx). */
const pendingNearView = (page: Page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('main span, main p')].filter((el) => {
        if (!/^(Loading|Starting) the [^…]*…$/.test(el.textContent?.trim() ?? '')) return false;
        const box = el.getBoundingClientRect();
        return box.bottom > -window.innerHeight && box.top < window.innerHeight + 700;
      }).length,
  );

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

for (const viewport of VIEWPORTS) {
  test.describe(`no layout shift (${viewport.name}, ${viewport.width}×${viewport.height})`, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('the playground: controls first, then the simulator, views and console', async ({ page }) => {
      await observeShifts(page);
      await page.goto('/playground/');
      await expect(page.getByRole('button', { name: 'Stop broker 1' })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByLabel('Console command')).toBeAttached();
      await settle(page);
      expect(await shiftsOf(page)).toEqual([]);
    });

    test('a lesson with lazy simulations, consoles and challenges, read from top to bottom', async ({
      page: first,
    }) => {
      test.setTimeout(240_000);
      await onRenderingPage(first, '/learn/producers/', async (page) => {
        await observeShifts(page);
        await page.goto('/learn/producers/');
        await settle(page);
        // Read down the page a screen at a time, as a learner does, letting each widget arrive on the way.
        // The page grows as widgets arrive: its height is read again at every step.
        const heightNow = () => page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y < (await heightNow()); y += viewport.height) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          // A reader pauses on each screen: the widgets that started loading ahead of them (within the look-ahead
          // of components/mdx/lazyWidgets.tsx) are ready before the next screen, as on any machine that keeps up.
          await expect.poll(() => pendingNearView(page), { timeout: 30_000 }).toBe(0);
          await settle(page);
        }
        await expect(page.getByText(/^Loading the (simulation|challenge|console)…$/)).toHaveCount(0, {
          timeout: 30_000,
        });
        await settle(page);
        expect(await shiftsOf(page)).toEqual([]);
      });
    });

    for (const route of ['/present/leader-failover/', '/present/leader-failover/?follow=1']) {
      test(`a classroom page (${route}): the header is as wide as the page from the first paint`, async ({
        page,
      }) => {
        await observeShifts(page);
        await page.goto(route);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
        await settle(page);
        expect(await shiftsOf(page)).toEqual([]);
      });
    }

    test('the roadmap: progress badges and bars hold their place until stored progress is read', async ({
      page,
    }) => {
      await observeShifts(page);
      await page.goto('/roadmap/');
      await expect(page.locator('[data-overall-progress]')).toBeAttached();
      await settle(page);
      expect(await shiftsOf(page)).toEqual([]);
    });

    test('the progress page: the dashboard replaces a screen-high placeholder', async ({ page }) => {
      await observeShifts(page);
      await page.goto('/progress/');
      await expect(page.locator('[data-overall-progress]')).toBeAttached();
      await settle(page);
      expect(await shiftsOf(page)).toEqual([]);
    });
  });
}
