import { expect, test } from '@playwright/test';
import { allTopics } from '../lib/roadmap';

const topics = allTopics();

test('the home page says what the course is and where to start', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Learn Kafka');
  await page.getByRole('link', { name: 'Start with the basics' }).click();
  await expect(page).toHaveURL(/\/learn\/basics\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the roadmap shows every topic of content/roadmap.json', async ({ page }) => {
  await page.goto('/roadmap/');
  expect(topics.length).toBe(76);
  for (const topic of topics) {
    await expect(page.locator(`[data-topic-id="${topic.id}"]`).first()).toBeAttached();
  }
  // A topic without a lesson is never a link to an empty page.
  for (const topic of topics.filter((candidate) => candidate.lesson === null).slice(0, 5)) {
    await expect(page.locator(`[data-topic-id="${topic.id}"] a[href^="/learn/"]`)).toHaveCount(0);
  }
});

test('a lesson has a table of contents and previous/next navigation', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/learn/basics/');
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const firstEntry = toc.getByRole('link').first();
  const target = await firstEntry.getAttribute('href');
  expect(target).toMatch(/^#.+/);
  await expect(page.locator(target!)).toBeAttached();
  await expect(page.getByRole('navigation', { name: 'Lessons' })).toBeVisible();
});

test('the theme toggle switches and persists across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await expect(page.locator('html')).not.toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).not.toHaveClass(/dark/);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto('/roadmap/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('the phone menu opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/');
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click();
  await expect(page).toHaveURL(/\/roadmap\/$/);
});
