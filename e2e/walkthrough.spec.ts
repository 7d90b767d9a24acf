import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { openAndReadThrough } from './readThrough';

// What a learner does in the lessons, checked in the browser: challenges accept the real CLI tools, embeds let
// time pass, captions show what they promise, and no page scrolls sideways on a phone.
const WIDGET_READY = { timeout: 30_000 };

async function typeLines(region: Locator, title: string, lines: string[]) {
  const terminal = region.getByRole('region', { name: `Terminal: ${title}` });
  // The input's label follows what it reads (a command, a record, nothing while a consumer runs).
  const input = terminal.getByRole('textbox');
  for (const line of lines) {
    await input.fill(line);
    await input.press('Enter');
    await expect(input).toHaveValue('');
  }
  return terminal.getByRole('log', { name: 'Console output' });
}

async function challengeRegion(page: Page, title: string): Promise<Locator> {
  const region = page.getByRole('region', { name: title, exact: true });
  await region.scrollIntoViewIfNeeded();
  await expect(region.getByRole('button', { name: 'Check my solution' })).toBeEnabled(WIDGET_READY);
  return region;
}

const SOLVED = 'Solved! The simulator confirms the goal.';

test('basics: a second team solved with kafka-console-consumer --group --from-beginning', async ({
  page,
}) => {
  await page.goto('/learn/basics/');
  const region = await challengeRegion(page, 'A second team joins');
  const log = await typeLines(region, 'A second team joins', [
    'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic orders --group fraud-check --from-beginning',
  ]);
  // Like the real tool it keeps running after the five orders; stopping it closes the consumer, which commits
  // (enable.auto.commit) and reports the total.
  await expect(log).toContainText('amount=64.10');
  await expect(log).not.toContainText('Processed a total');
  await region.getByRole('button', { name: 'Stop consumer (Ctrl-C)' }).click();
  await expect(log).toContainText('Processed a total of 5 messages');
  await region.getByRole('button', { name: 'Check my solution' }).click();
  await expect(region.getByText(SOLVED)).toBeVisible();
});

test('consumers: catch up after a reset to earliest and a full read with kafka-console-consumer', async ({
  page,
}) => {
  await page.goto('/learn/consumers/');
  const title = 'Catch up without losing a payment';
  const region = await challengeRegion(page, title);
  const log = await typeLines(region, title, [
    'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --group ledger --reset-offsets --to-earliest --topic payments --execute',
    'kafka-console-consumer.sh --bootstrap-server localhost:9092 --topic payments --group ledger',
  ]);
  await region.getByRole('button', { name: 'Stop consumer (Ctrl-C)' }).click();
  await expect(log).toContainText('Processed a total of 30 messages');
  await region.getByRole('button', { name: 'Check my solution' }).click();
  await expect(region.getByText(SOLVED)).toBeVisible();
});

test('producers: everything into partition 2 solved with kafka-console-producer', async ({ page }) => {
  await page.goto('/learn/producers/');
  const title = 'Everything into partition 2';
  const region = await challengeRegion(page, title);
  await typeLines(region, title, [
    'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=: <<EOF',
    'user-1:order-a',
    'key1:order-b',
    'key2:order-c',
    'EOF',
  ]);
  await region.getByRole('button', { name: 'Check my solution' }).click();
  await expect(region.getByText(SOLVED)).toBeVisible();
});

test('producers: the key-routing embed lets time pass and shows the key hash its caption promises', async ({
  page,
}) => {
  await page.goto('/learn/producers/');
  const figure = page.getByRole('figure', { name: 'Simulation: murmur2 key routing', exact: true });
  await figure.scrollIntoViewIfNeeded();
  const send = figure
    .getByRole('group', { name: 'Try these' })
    .getByRole('button', { name: 'Send key foobar' });
  await expect(send).toBeEnabled(WIDGET_READY);
  await send.click();
  // The clock is virtual: the record waits, and the embed says so and offers time controls.
  await expect(figure.getByTestId('clock-waiting')).toContainText('1 record waits');
  await figure
    .getByRole('group', { name: /^Clock:/ })
    .getByRole('button', { name: '+1 s' })
    .click();
  await expect(figure.getByTestId('clock-waiting')).toHaveCount(0);
  await expect(figure.getByRole('status').filter({ hasText: 'orders-0@0' }).first()).toBeVisible();
  // Type a key: the producer view shows its murmur2 hash and partition (the lesson's table: foobar).
  await figure.getByRole('textbox', { name: 'Key', exact: true }).fill('foobar');
  await expect(figure.getByTestId('key-hash')).toHaveText(
    'murmur2("foobar") = -790332482, & 0x7fffffff = 1357151166, % 3 = partition 0',
  );
  // "Wait for the acknowledgement" reports the acknowledgement, not the queued state it replaced.
  await figure.getByRole('button', { name: 'Produce record' }).click();
  await expect(figure.getByTestId('produce-result')).toContainText('orders-0@1');
  await expect(figure.getByTestId('produce-result')).not.toContainText('queued');
  // Play lets time flow on its own, as in the playground.
  await figure
    .getByRole('group', { name: 'Try these' })
    .getByRole('button', { name: 'Send key user-1' })
    .click();
  await expect(figure.getByTestId('clock-waiting')).toBeVisible();
  await figure.getByRole('button', { name: /^Play/ }).click();
  await expect(figure.getByTestId('clock-waiting')).toHaveCount(0);
  await expect(figure.getByTestId('sim-clock')).toContainText('running');
});

test('producers: the sticky embed has the timeline its text describes, and the switch comes on the fifth record', async ({
  page,
}) => {
  await page.goto('/learn/producers/');
  const figure = page.getByRole('figure', {
    name: 'Simulation: Sticky partitioning for keyless records',
    exact: true,
  });
  await figure.scrollIntoViewIfNeeded();
  const send = figure
    .getByRole('group', { name: 'Try these' })
    .getByRole('button', { name: 'Send a keyless record' });
  await expect(send).toBeEnabled(WIDGET_READY);
  for (let i = 0; i < 5; i++) await send.click();
  await expect(figure.getByTestId('narration')).toContainText(
    '490 bytes went to orders-0 (batch.size=200; its last batch is not full, but 490 ≥ 2 × batch.size), so keyless records switch to partition 2',
  );
});

test.describe('phone menu', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  test('Escape closes the open menu and gives focus back to its button, whose label stays on one line', async ({
    page,
  }) => {
    await page.goto('/learn/basics/');
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await menu.click();
    const close = page.getByRole('button', { name: 'Close menu' });
    await expect(close).toHaveAttribute('aria-expanded', 'true');
    const box = await close.boundingBox();
    expect(box?.height ?? 0).toBeLessThan(40);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(menu).toBeFocused();
  });
});

function exportedRoutes(dir = 'out', base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '_next' ? [] : exportedRoutes(full, `${base}/${name}`);
    return name === 'index.html' ? [`${base}/`] : [];
  });
}

test.describe('at 375 px no page is wider than the viewport', () => {
  test.use({ viewport: { width: 375, height: 812 } });
  for (const route of exportedRoutes().sort()) {
    test(route, async ({ page: first }) => {
      // A lesson is read through and its widgets loaded first, which on a slow machine takes most of a minute.
      test.setTimeout(180_000);
      const page = await openAndReadThrough(first, route);
      const wide = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const offenders = [...document.querySelectorAll('body *')]
          .filter((el) => {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.right <= vw + 1) return false;
            // Content inside its own scrolling box (a code block, a table wrapper) does not widen the page.
            for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
              const o = getComputedStyle(p).overflowX;
              const box = o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip';
              if (box && p.getBoundingClientRect().right <= vw + 1) return false;
            }
            return true;
          })
          .slice(0, 5)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(el.getBoundingClientRect().right)}`,
          );
        return { scrollWidth: document.documentElement.scrollWidth, vw, offenders };
      });
      expect(wide.offenders, `${route}: elements past the right edge`).toEqual([]);
      expect(wide.scrollWidth, `${route}: page width`).toBeLessThanOrEqual(wide.vw);
    });
  }
});
