import type { Page } from '@playwright/test';

/**
 * Scrolls down the page a screen at a time and back to the top, as a reader does: lesson widgets load only as they
 * come near the viewport (components/mdx/lazyWidgets.tsx), so a check of every widget on a page reads it through
 * first.
 */
export async function readThrough(page: Page) {
  await page.evaluate(async () => {
    const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 50));
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await pause();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await pause();
    window.scrollTo(0, 0);
  });
}
