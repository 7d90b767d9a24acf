import type { Page } from '@playwright/test';

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
