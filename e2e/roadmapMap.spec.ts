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

    test('every stop’s status button is a target of at least 24 by 24 px (WCAG 2.5.8)', async ({ page }) => {
      await page.goto('/roadmap/');
      const triggers = page.locator('[data-roadmap-map]:visible [data-status-trigger]');
      await expect(triggers.first()).toBeVisible();
      const sizes = await triggers.evaluateAll((nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return Math.min(box.width, box.height);
        }),
      );
      expect(sizes.length).toBeGreaterThan(70);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
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

// A path's steps and a lesson's topics: one button that says its action ("Mark done: Broker"), and "More" opening
// the same status menu as a roadmap stop. Progress lives in the store, so the roadmap's stop follows.
for (const width of [375, 1440]) {
  test.describe(`status buttons at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('a path step is marked done and back by its button, and skipped from its More menu', async ({
      page,
    }) => {
      await page.goto('/paths/foundations/');
      const row = page.locator('li[data-topic-id="broker"]');
      const markDone = page.getByRole('button', { name: 'Mark done: Broker', exact: true });
      await expect(markDone).toBeVisible();
      await expect(row).toHaveAttribute('data-status', 'not-started');
      await markDone.click();
      await expect(row).toHaveAttribute('data-status', 'done');
      const markNotDone = page.getByRole('button', { name: 'Mark not done: Broker', exact: true });
      await expect(markNotDone).toBeFocused();
      await markNotDone.click();
      await expect(row).toHaveAttribute('data-status', 'not-started');

      const more = page.getByRole('button', { name: 'More statuses for Broker', exact: true });
      await more.click();
      await expect(more).toHaveAttribute('aria-expanded', 'true');
      const menu = page.getByRole('menu', { name: 'Status of Broker' });
      await expect(menu.getByRole('menuitemradio', { name: 'Automatic' })).toBeFocused();
      await menu.getByRole('menuitemradio', { name: 'Mark skipped' }).click();
      await expect(menu).toHaveCount(0);
      await expect(more).toBeFocused();
      await expect(row).toHaveAttribute('data-status', 'skipped');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);

      // The same store: the roadmap's stop says so.
      await page.goto('/roadmap/');
      await expect(page.locator('[data-roadmap-map]:visible [data-topic-id="broker"]')).toHaveAttribute(
        'data-status',
        'skipped',
      );
    });

    test('a lesson shows its section on its level’s map, the other sections collapsed, and its buttons work', async ({
      page,
    }) => {
      await page.goto('/learn/core-architecture/');
      const panel = page.locator('[data-lesson-end="core-architecture"]');
      const map = panel.locator('[data-lesson-map="core-architecture"]');
      await expect(
        map.getByRole('heading', { name: 'Where this lesson sits in Level 1: Beginner' }),
      ).toBeVisible();
      await expect(map.locator('[data-section-id="core-architecture"]')).not.toHaveAttribute(
        'data-collapsed',
      );
      await expect(map.locator('[data-section-id="basics"]')).toHaveAttribute('data-collapsed', 'true');
      await expect(map.locator('[data-section-id="message-model"]')).toHaveAttribute(
        'data-collapsed',
        'true',
      );
      // This lesson's topics are labelled links; the collapsed sections' stops are not.
      await expect(map.getByRole('link', { name: 'Broker', exact: true })).toBeVisible();
      await expect(map.getByRole('link', { name: 'What is Apache Kafka?' })).toHaveCount(0);

      const stop = map.locator('[data-topic-id="broker"]');
      await expect(stop).toHaveAttribute('data-status', /./);
      await panel.getByRole('button', { name: 'Mark done: Broker', exact: true }).click();
      await expect(stop).toHaveAttribute('data-status', 'done');
      await expect(panel.locator('li[data-topic-id="broker"] [data-status="done"]')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}
