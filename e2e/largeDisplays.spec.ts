import { expect, type Page, test } from '@playwright/test';

// Large displays: the playground's Large mode and the classroom projector. Measured in the page, not eyeballed:
// in Large mode no label of a drawing overlaps another or leaves its drawing or its box, and on a 1920 px
// projector the text of the panels beside the cluster map renders at 18 px or more.

/**
 * Every SVG label of the panels (data-view) in `scope`: two labels that overlap, a label outside its drawing or
 * panel, or a label that crosses the edge of the box (rect) its centre lies in. Screen pixels, 1 px of slack for
 * anti-aliasing and font hinting.
 */
async function svgLabelProblems(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const slack = 1;
    const problems: string[] = [];
    type Box = { l: number; t: number; r: number; b: number };
    const box = (el: Element): Box => {
      const r = el.getBoundingClientRect();
      return { l: r.left, t: r.top, r: r.right, b: r.bottom };
    };
    const overlap = (a: Box, b: Box) =>
      Math.min(a.r, b.r) - Math.max(a.l, b.l) > slack && Math.min(a.b, b.b) - Math.max(a.t, b.t) > slack;
    const inside = (a: Box, b: Box) =>
      a.l >= b.l - slack && a.r <= b.r + slack && a.t >= b.t - slack && a.b <= b.b + slack;
    for (const panel of document.querySelectorAll(`${selector} [data-view]`)) {
      const view = panel.getAttribute('data-view');
      const panelBox = box(panel);
      for (const svg of panel.querySelectorAll('svg')) {
        const svgBox = box(svg);
        if (svgBox.r - svgBox.l < 40) continue; // icons and bars
        const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
        const boxes = texts.map((t) => ({ text: (t.textContent ?? '').trim(), b: box(t) }));
        const rects = [...svg.querySelectorAll('rect')]
          .map(box)
          .filter((r) => r.r - r.l > 4 && r.b - r.t > 4);
        for (const [i, a] of boxes.entries()) {
          if (!inside(a.b, svgBox) || !inside(a.b, panelBox))
            problems.push(`${view}: “${a.text}” is cut by the edge of its drawing`);
          for (const r of rects) {
            const centreInside =
              (a.b.l + a.b.r) / 2 > r.l &&
              (a.b.l + a.b.r) / 2 < r.r &&
              (a.b.t + a.b.b) / 2 > r.t &&
              (a.b.t + a.b.b) / 2 < r.b;
            if (centreInside && !inside(a.b, r)) problems.push(`${view}: “${a.text}” spills out of its box`);
          }
          for (const b of boxes.slice(i + 1)) {
            if (overlap(a.b, b.b)) problems.push(`${view}: “${a.text}” overlaps “${b.text}”`);
          }
        }
      }
    }
    return [...new Set(problems)];
  }, scope);
}

async function openPlayground(page: Page) {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Stop broker 1' })).toBeVisible();
}

async function largeMode(page: Page) {
  const toggle = page.getByRole('button', { name: 'Large mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/large-mode/);
}

async function produce(page: Page, records: [string, string][]) {
  const producer = page.getByRole('region', { name: 'Producer' });
  for (const [key, value] of records) {
    await producer.getByRole('textbox', { name: 'Key', exact: true }).fill(key);
    await producer.getByRole('textbox', { name: 'Value', exact: true }).fill(value);
    await producer.getByRole('button', { name: 'Produce record' }).click();
    await expect(producer.getByText(/orders-\d@\d+/)).toBeVisible();
  }
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 375, height: 812 },
]) {
  test.describe(`Large mode at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('one record, then three keyed records and a consumer: no label overlaps or is cut', async ({
      page,
    }) => {
      await openPlayground(page);
      await largeMode(page);
      await produce(page, [['customer-17', 'a']]);
      // The first record: "log start 0" beside "LSO 1" is where labels used to collide.
      const log = page.getByRole('region', { name: 'Partition log' });
      await expect(log.locator('[data-kind="data"]').first()).toBeVisible();
      expect(await svgLabelProblems(page, 'main')).toEqual([]);
      await produce(page, [
        ['customer-18', 'b'],
        ['alice', 'c'],
      ]);
      const input = page.getByLabel('Console command');
      await input.fill('kafka-console-consumer.sh --topic orders --group orders-app --from-beginning');
      await input.press('Enter');
      // The console consumer keeps running until it is stopped, like the real tool.
      await page.getByRole('button', { name: 'Stop consumer (Ctrl-C)' }).click();
      await expect(page.getByLabel('Console output')).toContainText('Processed a total of');
      expect(await svgLabelProblems(page, 'main')).toEqual([]);
    });

    test('short segments side by side and a full window (LEO at the right edge): no label overlaps or is cut', async ({
      page,
    }) => {
      // About 60 console lines typed one by one: slow on a loaded machine, so this test has twice the usual time.
      test.setTimeout(120_000);
      await openPlayground(page);
      await largeMode(page);
      // The same field is labelled "Record to send" while a here-document is being typed.
      const input = page.getByLabel(/^(Console command|Record to send)/);
      const run = async (line: string) => {
        await input.fill(line);
        await input.press('Enter');
      };
      await run(
        'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic seg --partitions 1 --replication-factor 3 --config segment.ms=1000',
      );
      // One record a segment: segment.ms rolls the active segment when the next record comes a second later.
      for (let i = 0; i < 4; i++) {
        await run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic seg <<EOF');
        await run(`r${i}`);
        await run('EOF');
        await run('clock advance 2s');
      }
      await run('kafka-console-producer.sh --bootstrap-server localhost:9092 --topic seg <<EOF');
      for (let i = 0; i < 20; i++) await run(`bulk-${i}`);
      await run('EOF');
      await run(
        'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic seg --group seg-readers --from-beginning',
      );
      await page.getByRole('button', { name: 'Stop consumer (Ctrl-C)' }).click();
      await expect(page.getByLabel('Console output')).toContainText('Processed a total of 24 messages');
      const log = page.getByRole('region', { name: 'Partition log' });
      await log.getByLabel('Topic', { exact: true }).selectOption('seg');
      await expect(log.getByText(/seg-0 on broker \d+ · log start 0 · LSO 24/)).toBeVisible();
      expect(await svgLabelProblems(page, 'main')).toEqual([]);
      // Back to the start of the log, a window at a time: the short segments' brackets come into view.
      const earlier = log.getByRole('button', { name: 'Show earlier records' });
      await expect(earlier).toBeEnabled();
      for (let n = 0; n < 10 && (await earlier.isEnabled()); n++) {
        const before = await log.locator('[data-kind="data"]').first().getAttribute('aria-label');
        await earlier.click();
        await expect(log.locator('[data-kind="data"]').first()).not.toHaveAttribute(
          'aria-label',
          before ?? '',
        );
        expect(await svgLabelProblems(page, 'main')).toEqual([]);
      }
      await expect(earlier).toBeDisabled();
    });

    test('an empty cluster: no label overlaps or is cut', async ({ page }) => {
      await openPlayground(page);
      await largeMode(page);
      await page.getByRole('button', { name: 'Start over with an empty cluster' }).click();
      await expect(page.getByText('A bare cluster')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Producer' }).getByText('no producer')).toBeVisible();
      expect(await svgLabelProblems(page, 'main')).toEqual([]);
    });
  });
}

/** Rendered size of every text in the presenter's panels beside the map: CSS size × zoom, SVG size × its scale. */
async function smallPresenterText(page: Page, min: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = [];
    for (const panel of document.querySelectorAll(
      '.presenter-views [data-view]:not([data-view="sim-map"])',
    )) {
      const view = panel.getAttribute('data-view');
      const walker = document.createTreeWalker(panel, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = (node.textContent ?? '').trim();
        const el = node.parentElement;
        if (!text || !el || el.closest('[aria-hidden="true"], .sr-only, option')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const size = Number.parseFloat(getComputedStyle(el).fontSize);
        let px: number;
        const svg = el.closest('svg');
        if (svg) {
          const viewBox = svg.viewBox.baseVal;
          const scale = viewBox && viewBox.width > 0 ? svg.getBoundingClientRect().width / viewBox.width : 1;
          px = size * scale;
        } else {
          px = size * ((el as HTMLElement & { currentCSSZoom?: number }).currentCSSZoom ?? 1);
        }
        if (px < least - 0.05) small.push(`${view}: “${text.slice(0, 30)}” at ${px.toFixed(1)} px`);
      }
    }
    return [...new Set(small)];
  }, min);
}

const SCENARIOS = [
  'acks1-lost-write',
  'compaction-tombstones',
  'exactly-once-pipeline',
  'leader-failover',
  'noisy-tenant',
  'rebalance-stall',
  'region-down',
  'retention-week',
  'retries-reorder',
  'schema-break-caught-vs-none',
  'streams-late-records',
  'stuck-consumer',
  'transaction-abort',
  'unclean-election',
];

test.describe('classroom projector at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  for (const id of SCENARIOS) {
    test(`${id}: the panels beside the map render their text at 18 px or more, at every step`, async ({
      page,
    }) => {
      await page.goto(`/present/${id}/`);
      const counter = page.getByText(/^Step \d+ of \d+$/);
      await expect(counter).toBeVisible();
      await expect(page.locator('.presenter-views [data-view]').first()).toBeVisible();
      const total = Number((await counter.textContent())?.match(/of (\d+)/)?.[1]);
      for (let step = 0; step <= total; step++) {
        if (step > 0) {
          await page.getByRole('button', { name: /Next step/ }).click();
          await expect(counter).toHaveText(`Step ${step} of ${total}`);
        }
        expect(await smallPresenterText(page, 18), `step ${step}`).toEqual([]);
      }
    });
  }
});
