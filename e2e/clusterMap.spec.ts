import { expect, type Locator, type Page, test } from '@playwright/test';
import { axe } from './axe';

// The cluster map in the built export. Every check reads the map's own DOM and ARIA state (its text trail of
// arrivals, each replica's role, HW and LEO, the summary in words), never a timing: a mark "moved" when its
// arrival is in the trail, and the trail says whether it was animated.

const map = (page: Page) => page.locator('[data-view="sim-map"]');
const trail = (page: Page) => map(page).locator('[data-testid="cluster-map-trail"] li');

async function open(page: Page) {
  await page.goto('/playground/');
  await expect(map(page).locator('[data-testid="cluster-map"]')).toBeVisible();
}

async function runInConsole(page: Page, line: string) {
  const input = page.getByLabel('Console command');
  await input.fill(line);
  await input.press('Enter');
  await expect(page.getByLabel('Console output')).toContainText(line.slice(0, 30));
}

async function leaderOf(page: Page, tp: string): Promise<string> {
  return (await map(page)
    .locator(`[data-testid="cluster-map-summary"] li[data-partition="${tp}"]`)
    .getAttribute('data-leader')) as string;
}

async function ownerOf(page: Page, tp: string): Promise<string> {
  return (await map(page)
    .locator(`[data-testid="cluster-map-summary"] li[data-owns~="${tp}"]`)
    .getAttribute('data-member')) as string;
}

async function produceTo(page: Page, partition: string, key: string, value: string) {
  const producer = page.getByRole('region', { name: 'Producer' });
  await producer.getByRole('combobox', { name: /^Partition/ }).selectOption(partition);
  await producer.getByRole('textbox', { name: 'Key', exact: true }).fill(key);
  await producer.getByRole('textbox', { name: 'Value', exact: true }).fill(value);
  await producer.getByRole('button', { name: 'Produce record' }).click();
}

const arrival = (page: Page, stage: string, from: string, to: string): Locator =>
  trail(page).and(page.locator(`[data-stage="${stage}"][data-from="${from}"][data-to="${to}"]`));

test.describe('with motion', () => {
  test.use({ reducedMotion: 'no-preference' });

  test('a produced record moves as a mark from the producer to the leader, then to the consumer', async ({
    page,
  }) => {
    await open(page);
    const leader = await leaderOf(page, 'orders-0');
    const owner = await ownerOf(page, 'orders-0');
    // The first poll sets the member's position (auto.offset.reset=latest); the record comes after it.
    await runInConsole(page, `consumer poll ${owner}`);
    await produceTo(page, '0', 'user-7', 'hello');

    const produced = arrival(page, 'produce', 'producer p1', `replica orders-0 on broker ${leader}`);
    await expect(produced).toHaveCount(1);
    await expect(produced).toHaveAttribute('data-animated', 'true');
    await expect(produced).toHaveText(`record offset 0 of orders-0 reached leader broker ${leader}`);
    // acks=all: followers fetch it, the leader's HW moves to 1, and the ack comes back.
    await expect(trail(page).and(page.locator('[data-stage="replicate"][data-tp="orders-0"]'))).toHaveCount(
      2,
    );
    await expect(map(page).locator(`[data-replica="orders-0@${leader}"]`)).toHaveAttribute('data-hw', '1');
    await expect(arrival(page, 'ack', `replica orders-0 on broker ${leader}`, 'producer p1')).toHaveCount(1);

    await runInConsole(page, `consumer poll ${owner}`);
    const consumed = arrival(page, 'consume', `replica orders-0 on broker ${leader}`, `consumer ${owner}`);
    await expect(consumed).toHaveCount(1);
    await expect(consumed).toHaveAttribute('data-offset', '0');
    await expect(map(page).getByTestId('map-narration')).toContainText(`consumer ${owner} fetched record`);
  });

  test('stopping the leader greys its broker out and moves the leadership in the picture', async ({
    page,
  }) => {
    await open(page);
    const leader = await leaderOf(page, 'orders-0');
    await page.getByRole('button', { name: `Stop broker ${leader}`, exact: true }).click();
    const broker = map(page).locator(`g.cm-broker[data-broker="${leader}"]`);
    await expect(broker).toHaveAttribute('data-state', 'stopped');
    await expect(broker).toContainText('stopped');
    await expect(map(page).locator(`[data-replica="orders-0@${leader}"]`)).toHaveAttribute(
      'data-role',
      'offline',
    );
    // The controller fences the stopped broker after broker.session.timeout.ms and elects a new leader.
    await runInConsole(page, 'clock advance 15s');
    await expect.poll(() => leaderOf(page, 'orders-0')).not.toBe(leader);
    const next = await leaderOf(page, 'orders-0');
    await expect(map(page).locator(`[data-replica="orders-0@${next}"]`)).toHaveAttribute(
      'data-role',
      'leader',
    );
    await expect(map(page).locator('[data-leader-halo="orders-0"]')).toHaveAttribute('data-broker', next);
    await expect(
      arrival(page, 'leader', `replica orders-0 on broker ${leader}`, `replica orders-0 on broker ${next}`),
    ).toHaveCount(1);
    // The ISR shrank: the summary no longer counts the stopped broker in sync.
    await expect(
      map(page).locator('[data-testid="cluster-map-summary"] li[data-partition="orders-0"]'),
    ).toContainText(`out of sync ${leader}`);
  });
});

test('a rebalance moves partitions between members in the picture', async ({ page }) => {
  await open(page);
  const owned = (name: string) =>
    map(page)
      .locator(`g[data-member="${name}"] [data-owned]`)
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-owned')).join(','));
  const before = `${await owned('c1')}|${await owned('c2')}`;
  await page
    .getByRole('region', { name: 'Consumer group' })
    .getByRole('button', { name: /^Add consumer \S+ to group orders-app$/ })
    .click();
  await runInConsole(page, 'clock advance 10s');
  for (const name of ['c1', 'c2', 'c3']) await runInConsole(page, `consumer poll ${name}`);
  const c3 = map(page).locator('g[data-member="c3"]');
  await expect(c3.locator('[data-owned]').first()).toBeAttached();
  await expect.poll(async () => `${await owned('c1')}|${await owned('c2')}`).not.toBe(before);
  await expect(trail(page).and(page.locator('[data-stage="assign"][data-to="consumer c3"]'))).not.toHaveCount(
    0,
  );
  // The picture and the words agree on who owns what.
  const words = await map(page)
    .locator('[data-testid="cluster-map-summary"] li[data-member="c3"]')
    .getAttribute('data-owns');
  expect((await owned('c3')).split(',').join(' ')).toBe(words);
});

test('reduced motion: no mark moves and nothing transitions; the narration lists every step instead', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await open(page);
  await page.evaluate(() => {
    const w = window as unknown as { __marks: number };
    w.__marks = 0;
    new MutationObserver((changes) => {
      for (const c of changes)
        for (const n of c.addedNodes) if (n instanceof Element && n.hasAttribute('data-mark')) w.__marks++;
    }).observe(document.body, { subtree: true, childList: true });
  });
  const leader = await leaderOf(page, 'orders-0');
  await produceTo(page, '0', 'k', 'v');
  const produced = arrival(page, 'produce', 'producer p1', `replica orders-0 on broker ${leader}`);
  await expect(produced).toHaveAttribute('data-animated', 'false');
  await expect(map(page).getByTestId('map-narration').locator('li').first()).toContainText('reached leader');
  expect(await page.evaluate(() => (window as unknown as { __marks: number }).__marks)).toBe(0);
  const durations = await map(page)
    .locator('.cm-move')
    .evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).transitionDuration)));
  expect(durations.length).toBeGreaterThan(0);
  for (const d of durations) expect(d).toBeLessThan(0.001);
});

test('keys and values are readable on focus and tap', async ({ page }) => {
  await open(page);
  await produceTo(page, '0', 'user-9', 'paid');
  const leader = await leaderOf(page, 'orders-0');
  const row = map(page).locator(`[data-replica="orders-0@${leader}"]`);
  await row.focus();
  await expect(map(page).getByTestId('cluster-map-detail')).toContainText('key user-9, value paid');
  await page.getByRole('button', { name: 'Produce record' }).focus();
  await row.locator('rect').nth(1).click();
  await expect(map(page).getByTestId('cluster-map-detail')).toContainText('offset 0 on broker');
});

test('a phone shows one broker at a time, switched by buttons named by their text', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await open(page);
  await expect(map(page).locator('[data-testid="cluster-map"]')).toHaveAttribute('data-layout', 'narrow');
  await expect(map(page).locator('g.cm-broker')).toHaveCount(1);
  await map(page).getByRole('button', { name: 'Broker 2', exact: true }).click();
  await expect(map(page).locator('g.cm-broker')).toHaveAttribute('data-broker', '2');
  await expect(map(page).getByRole('button', { name: 'Broker 2', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('presenter at 1920×1080: the map leads and its smallest label is at least 20 px on screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/present/leader-failover/');
  const svg = map(page).locator('[data-testid="cluster-map"]');
  await expect(svg).toBeVisible();
  const smallest = await svg.evaluate((el) => {
    const s = el as SVGSVGElement;
    const scale = s.getBoundingClientRect().width / s.viewBox.baseVal.width;
    const sizes = [...s.querySelectorAll('text')].map((t) => Number.parseFloat(getComputedStyle(t).fontSize));
    return Math.min(...sizes) * scale;
  });
  expect(smallest).toBeGreaterThanOrEqual(20);
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds nothing on the playground with the map in use (${theme})`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: theme });
    if (theme === 'dark') await page.addInitScript(() => localStorage.setItem('kafka-roadmap-theme', 'dark'));
    await open(page);
    await produceTo(page, '0', 'k', 'v');
    await expect(trail(page).first()).toBeAttached();
    if (theme === 'dark') await expect(page.locator('html')).toHaveClass(/(^|\s)dark(\s|$)/);
    const results = await axe(page).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
  });
}
