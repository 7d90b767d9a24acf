import type { Page } from '@playwright/test';

/**
 * Reads the page through as a reader does, so every lazy lesson widget has started loading: lesson widgets load
 * only as they come near the viewport (components/mdx/lazyWidgets.tsx). The page is scrolled a screen at a time,
 * waiting two rendered frames at each stop (the intersection observer is updated as a frame renders; a timer alone
 * can let a slow machine scroll past a widget without ever rendering it near the viewport). Then every placeholder
 * still showing is scrolled to in turn until none is left unvisited, and the page goes back to the top.
 */
export async function readThrough(page: Page) {
  await page.evaluate(async () => {
    const frames = async (n: number) => {
      for (let i = 0; i < n; i++)
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    };
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight) {
      window.scrollTo(0, y);
      await frames(2);
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frames(2);
    const waiting = () =>
      [...document.querySelectorAll('[role="status"]')].filter((node) =>
        /^Loading the .+…$/.test(node.textContent ?? ''),
      );
    // A placeholder still showing is either loading its code (harmless to visit again) or was never rendered near
    // the viewport; visiting each one lets the observer see it.
    for (let round = 0; round < 20 && waiting().length > 0; round++) {
      for (const node of waiting()) {
        node.scrollIntoView({ block: 'center' });
        await frames(2);
      }
      await new Promise<void>((resolve) => setTimeout(resolve, 250));
    }
    window.scrollTo(0, 0);
    await frames(1);
  });
}
