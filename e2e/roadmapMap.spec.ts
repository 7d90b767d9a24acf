import { expect, type Page, test } from '@playwright/test';

// The roadmap drawn as a map: one drawing per width (a vertical line on a phone, a level's sections side by side
// on a desktop), every topic a stop with a status menu and a link, the learner's progress on the lines.

const visibleMap = (page: Page) => page.locator('[data-roadmap-map]:visible');

for (const [width, mode] of [
  [375, 'vertical'],
  [1440, 'wide'],
] as const) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test(`the ${mode} map is the one shown, with every level and nothing wider than the page`, async ({
      page,
    }) => {
      await page.goto('/roadmap/');
      await expect(visibleMap(page).first()).toHaveAttribute('data-roadmap-map', mode);
      const levels = await page.locator('[data-level-id]').count();
      await expect(visibleMap(page)).toHaveCount(levels);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // Each topic's title is a link whose name is its visible text.
      const link = visibleMap(page).first().getByRole('link', { name: 'What is Apache Kafka?', exact: true });
      await expect(link).toHaveAttribute('href', /^\/learn\/basics\/#/);
    });

    test('a stop’s menu works from the keyboard: open, choose, focus back on the stop; the line fills in', async ({
      page,
    }) => {
      await page.goto('/roadmap/');
      const stop = page.locator('[data-topic-id="broker"]:visible');
      const trigger = page.getByRole('button', { name: /^Set status of Broker \(/ });
      await expect(trigger).toHaveAttribute('aria-label', 'Set status of Broker (not started)');
      await expect(stop.locator('[data-travelled]')).toHaveCount(0);
      await trigger.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu', { name: 'Status of Broker' });
      await expect(menu).toBeVisible();
      await expect(menu.getByRole('menuitemradio', { name: 'Automatic' })).toBeFocused();
      await expect(trigger).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('ArrowDown');
      await expect(menu.getByRole('menuitemradio', { name: 'Mark done' })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(menu).toHaveCount(0);
      await expect(stop).toHaveAttribute('data-status', 'done');
      await expect(trigger).toBeFocused();
      await expect(trigger).toHaveAttribute('aria-label', 'Set status of Broker (done, set by you)');
      // The stretch of line leading to a done stop is drawn as travelled.
      await expect(page.locator('[data-roadmap-map]:visible [data-travelled]')).toHaveCount(1);

      // Escape closes without changing anything, and gives focus back.
      await page.keyboard.press('Enter');
      await expect(menu.getByRole('menuitemradio', { name: 'Mark done' })).toHaveAttribute(
        'aria-checked',
        'true',
      );
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
      await expect(trigger).toBeFocused();
      await expect(stop).toHaveAttribute('data-status', 'done');
    });

    test('the next topic is ringed, and the ring moves on when that topic is done', async ({ page }) => {
      await page.goto('/roadmap/');
      const next = page.locator('[data-roadmap-map]:visible [data-next]');
      await expect(next).toHaveCount(1);
      await expect(next).toHaveAttribute('data-topic-id', 'what-is-kafka');
      await expect(next.getByRole('link')).toHaveAttribute('aria-current', 'step');
      await page.getByRole('button', { name: /^Set status of What is Apache Kafka\? \(/ }).click();
      await page.getByRole('menuitemradio', { name: 'Mark done' }).click();
      await expect(next).toHaveAttribute('data-topic-id', 'messaging-vs-streaming');
    });
  });
}
