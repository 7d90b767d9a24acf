import { expect, type Page } from '@playwright/test';

/** The placeholders of lazy lesson widgets (components/mdx/lazyWidgets.tsx) and of a challenge's cluster. */
export const widgetPlaceholder =
  /^(Loading the (simulation|challenge|console)|Starting the (challenge’s )?cluster)…$/;

/**
 * Reads the page through as a reader does, so every lazy lesson widget has been asked for: lesson widgets load only
 * as they come near the viewport (components/mdx/lazyWidgets.tsx). The page is scrolled a screen at a time, waiting
 * two rendered frames at each stop (the intersection observer is updated as a frame renders; a timer alone can let
 * a slow machine scroll past a widget without ever rendering it near the viewport). Then each widget still waiting
 * to be asked for (`data-near-view="waiting"`) is scrolled to in turn, and the page goes back to the top. Widgets
 * already asked for may still be loading their code; callers wait for their placeholders to go.
 */
export async function readThrough(page: Page) {
  await page.evaluate(async () => {
    // A rendered frame, or 250 ms if none is rendered (a busy main thread must not stall the read-through).
    const frames = async (n: number) => {
      for (let i = 0; i < n; i++)
        await new Promise<void>((resolve) => {
          requestAnimationFrame(() => resolve());
          setTimeout(resolve, 250);
        });
    };
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await frames(2);
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frames(2);
    const waiting = () => [...document.querySelectorAll('[data-near-view="waiting"]')];
    for (let round = 0; round < 10 && waiting().length > 0; round++) {
      for (const node of waiting()) {
        node.scrollIntoView({ block: 'center' });
        await frames(2);
      }
    }
    window.scrollTo(0, 0);
    await frames(1);
  });
}

/** Whether the page renders a frame within two seconds. */
async function rendersFrames(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        requestAnimationFrame(() => resolve(true));
        setTimeout(() => resolve(false), 2_000);
      }),
  );
}

/**
 * Headless Chromium on a loaded machine can stop rendering frames for one page for good: requestAnimationFrame
 * never fires, so intersection observers never report and lazy widgets below the fold stay placeholders, while
 * scripts, timers and the DOM work (seen in about one lesson load in 12 with both cores saturated; a new page in
 * the same context renders at once). A real reader's browser renders frames, so such a page says nothing about
 * the course. Two frameless two-second spells in a row tell it from a main thread busy mounting a widget, which
 * still renders between its tasks.
 */
export async function stoppedRendering(page: Page): Promise<boolean> {
  return !page.isClosed() && !(await rendersFrames(page)) && !(await rendersFrames(page));
}

async function replace(page: Page, route: string): Promise<Page> {
  console.warn(`${route}: headless Chromium stopped rendering the page; opening it again in a new page`);
  const fresh = await page.context().newPage();
  await page.close();
  return fresh;
}

/**
 * Runs `use` on `first`; if it fails on a page that has stopped rendering (see stoppedRendering), runs it once more
 * on a new page of the same context. Any other failure is the test's.
 */
export async function onRenderingPage(first: Page, route: string, use: (page: Page) => Promise<void>) {
  try {
    await use(first);
  } catch (error) {
    if (!(await stoppedRendering(first))) throw error;
    await use(await replace(first, route));
  }
}

/**
 * Opens `route`, reads it through and waits until every lazy widget has loaded; returns the page that did. A page
 * that stops rendering on the way is replaced by a new one, at most twice; a page that renders and still shows a
 * placeholder fails the test.
 */
export async function openAndReadThrough(
  first: Page,
  route: string,
  prepare: (page: Page) => Promise<void> = async () => {},
): Promise<Page> {
  let page = first;
  for (let attempt = 1; ; attempt++) {
    await prepare(page);
    await page.goto(route);
    await page.waitForLoadState('networkidle');
    await readThrough(page);
    const placeholders = page.getByText(widgetPlaceholder);
    const stalled = async () => (await placeholders.count()) > 0 && (await stoppedRendering(page));
    // Loading the widgets' code takes seconds; a page that has stopped rendering is replaced without the long wait.
    await expect
      .poll(async () => (await placeholders.count()) === 0 || (await stalled()), { timeout: 45_000 })
      .toBe(true);
    if ((await placeholders.count()) === 0) return page;
    if (attempt === 3)
      throw new Error(`${route}: headless Chromium stopped rendering the page on three loads`);
    page = await replace(page, route);
  }
}
