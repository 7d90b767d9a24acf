import { expect, type Page, test } from '@playwright/test';
import { axe } from './axe';

// The playground against the real simulator: every check reads what the simulator reports (the
// screen-reader summary of the cluster, the group table, the console) rather than assuming outcomes.

async function open(page: Page, hash = '') {
  await page.goto(`/playground/${hash}`);
  await expect(page.getByRole('button', { name: 'Stop broker 1' })).toBeVisible();
}

async function leaderOf(page: Page, tp: string): Promise<string> {
  const text = await page.locator(`[data-testid="cluster-summary"] li[data-partition="${tp}"]`).textContent();
  return text?.match(/leader broker (\d+)|offline/)?.[0] ?? '';
}

async function runInConsole(page: Page, line: string) {
  const input = page.getByLabel('Console command');
  await input.fill(line);
  await input.press('Enter');
}

const summary = (page: Page) => page.locator('[data-testid="cluster-summary"]').textContent();

test('stopping a broker moves the leadership of its partitions to another in-sync replica', async ({
  page,
}) => {
  await open(page);
  const before = await leaderOf(page, 'orders-0');
  const broker = before.match(/\d+/)?.[0];
  expect(broker).toBeTruthy();
  await page.getByRole('button', { name: `Stop broker ${broker}` }).click();
  await runInConsole(page, 'clock advance 15s');
  await expect.poll(() => leaderOf(page, 'orders-0')).toMatch(/leader broker \d+/);
  expect(await leaderOf(page, 'orders-0')).not.toBe(before);
  await expect(page.getByRole('button', { name: `Start broker ${broker}` })).toBeVisible();
});

test('a keyed record lands in the partition the simulator chose', async ({ page }) => {
  await open(page);
  const producer = page.getByRole('region', { name: 'Producer' });
  await producer.getByRole('textbox', { name: 'Key', exact: true }).fill('user-42');
  await producer.getByRole('textbox', { name: 'Value', exact: true }).fill('hello');
  await producer.getByRole('button', { name: 'Produce record' }).click();
  const flush = producer.getByRole('button', { name: /Flush producer/ });
  if (await flush.isVisible()) await flush.click();
  await runInConsole(page, 'clock advance 1s');
  // Ask the simulator where user-42 went, the way a learner would: read the topic from the beginning.
  await runInConsole(
    page,
    'kafka-console-consumer.sh --topic orders --from-beginning --property print.key=true --property print.partition=true --max-messages 1',
  );
  const out = page.getByLabel('Console output');
  await expect(out).toContainText('user-42');
  const text = (await out.textContent()) ?? '';
  const partition = text.match(/Partition:\s*(\d+)/)?.[1];
  expect(partition).toBeDefined();
  const log = page.getByRole('region', { name: 'Partition log' });
  await log.getByLabel('Partition', { exact: true }).selectOption(partition as string);
  await expect(log.locator('[data-kind="data"]').first()).toHaveAttribute(
    'aria-label',
    /key user-42, value hello/,
  );
});

test('adding a consumer changes the group assignment', async ({ page }) => {
  await open(page);
  const group = page.getByRole('region', { name: 'Consumer group' });
  const owners = () =>
    group
      .locator('tr[data-tp]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-owner')).join(','));
  const before = await owners();
  await group.getByRole('button', { name: /^Add consumer \S+ to group orders-app$/ }).click();
  await runInConsole(page, 'clock advance 10s');
  await runInConsole(page, 'consumer poll c1');
  await runInConsole(page, 'consumer poll c2');
  await runInConsole(page, 'consumer poll c3');
  await expect.poll(owners).not.toBe(before);
  await expect(group.locator('[data-member="c3"]')).toBeVisible();
});

test('the scrubber travels back to an earlier step and forward again', async ({ page }) => {
  await open(page);
  const start = await summary(page);
  await page.getByRole('button', { name: 'Stop broker 2' }).click();
  await page.getByRole('button', { name: 'Isolate broker 3' }).click();
  const after = await summary(page);
  expect(after).not.toBe(start);
  const slider = page.getByRole('slider', { name: 'Travel to an earlier step' });
  await slider.focus();
  await slider.press('Home');
  await expect.poll(() => summary(page)).toBe(start);
  await slider.press('End');
  await expect.poll(() => summary(page)).toBe(after);
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByRole('button', { name: 'Isolate broker 3' })).toBeVisible();
});

test('a copied link reproduces the same state in a fresh page', async ({ page, browser }) => {
  await open(page);
  await page.getByRole('button', { name: 'Stop broker 1' }).click();
  await runInConsole(page, 'clock advance 12s');
  await page.getByRole('button', { name: 'Copy link to this playground' }).click();
  const link = await page.getByTestId('share-link').inputValue();
  expect(link).toContain('#s=');
  const expected = await summary(page);
  const fresh = await browser.newPage();
  await fresh.goto(link);
  await expect(fresh.getByRole('button', { name: 'Start broker 1' })).toBeVisible();
  await expect.poll(() => summary(fresh)).toBe(expected);
  await fresh.close();
});

test('a tampered link shows a clear message and an empty playground', async ({ page }) => {
  await page.goto('/playground/#s=eyJ2IjoxLCJzZWVkIjoiNDIifQ');
  await expect(page.getByTestId('share-error')).toContainText('could not be opened');
  await expect(page.getByRole('button', { name: 'Stop broker 1' })).toBeVisible();
  await page.goto('/playground/#s=%%%not-base64');
  await expect(page.getByTestId('share-error')).toBeVisible();
});

test('the playground passes axe', async ({ page }) => {
  await open(page);
  const results = await axe(page).analyze();
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
});
