import { expect, test } from '@playwright/test';

// Smaller page behaviours around the lessons and the classroom, each waiting on what the page shows.

test("the students' link warns that a loopback address cannot be opened by students, and says an off-script cluster is not in it", async ({
  page,
}) => {
  // The test server listens on 127.0.0.1: exactly the "course run on my laptop" case.
  await page.goto('/present/leader-failover/');
  await expect(page.getByText('Step 0 of 7')).toBeVisible();
  await page.getByRole('button', { name: 'Stop broker 3' }).click();
  await expect(page.getByRole('button', { name: 'Back to script' })).toBeVisible();
  await page.getByRole('button', { name: 'Students’ link' }).click();
  await expect(page.getByTestId('students-loopback')).toContainText(
    'students’ laptops cannot open this link',
  );
  await expect(page.getByTestId('students-off-script')).toContainText('not in it');
  await expect(page.getByText('their page does not follow your screen')).toBeVisible();
});

test('each lesson simulation starts with a skip link that moves focus past it', async ({ page }) => {
  await page.goto('/learn/producers/');
  const figure = page.getByRole('figure', { name: /^Simulation:/ }).first();
  await figure.scrollIntoViewIfNeeded();
  const skip = figure.getByRole('link', { name: /^Skip the simulation/ });
  await expect(skip).toBeAttached();
  await skip.focus();
  await expect(skip).toBeVisible();
  await skip.press('Enter');
  const target = (await skip.getAttribute('href'))?.slice(1) ?? '';
  expect(target).not.toBe('');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toBe(target);
});

test('"On this page" marks the section being read', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/producers/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const links = toc.getByRole('link');
  await expect(links.first()).toHaveAttribute('aria-current', 'location');
  const last = links.last();
  const id = ((await last.getAttribute('href')) ?? '').slice(1);
  await page.locator(`[id="${id}"]`).scrollIntoViewIfNeeded();
  await page.evaluate((heading) => document.getElementById(heading)?.scrollIntoView({ block: 'start' }), id);
  await expect(last).toHaveAttribute('aria-current', 'location');
  await expect(toc.locator('[aria-current="location"]')).toHaveCount(1);
});

test('the glossary has an A–Z index whose letters jump to their first term', async ({ page }) => {
  await page.goto('/glossary/');
  const index = page.getByRole('navigation', { name: 'Terms from A to Z' });
  const letters = index.getByRole('link');
  expect(await letters.count()).toBeGreaterThan(10);
  const c = index.getByRole('link', { name: 'C', exact: true });
  const id = ((await c.getAttribute('href')) ?? '').slice(1);
  await c.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`[id="${id}"] dt`)).toHaveText(/^C/i);
});

test('choosing the system theme again with the toggle goes back to following the system', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const stored = () => page.evaluate(() => localStorage.getItem('kafka-roadmap-theme'));
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  expect(await stored()).toBe('dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  expect(await stored()).toBeNull();
  // Following the system again: a system switch to dark is followed at once.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveClass(/dark/);
});
