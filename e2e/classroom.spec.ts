import { expect, test } from '@playwright/test';

const summary = (page: import('@playwright/test').Page) => page.getByTestId('cluster-summary').first();

test('the presenter steps with the keyboard, goes back, branches on a poke and returns to the script', async ({
  page,
}) => {
  await page.goto('/present/leader-failover/');
  const counter = page.getByText(/^Step \d+ of 7$/);
  await expect(counter).toHaveText('Step 0 of 7');
  await expect(page.getByRole('button', { name: 'Next step →' })).toBeEnabled();
  await page.keyboard.press('ArrowRight');
  await expect(counter).toHaveText('Step 1 of 7');
  await page.keyboard.press('PageDown');
  await page.keyboard.press(' ');
  await expect(counter).toHaveText('Step 3 of 7');
  await expect(page.getByRole('heading', { name: 'Broker 1 crashes' })).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(counter).toHaveText('Step 2 of 7');
  await expect(page).toHaveURL(/step=2/);

  // A poke from the room branches off the script…
  await page.getByRole('button', { name: 'Stop broker 3' }).click();
  const back = page.getByRole('button', { name: 'Back to script' });
  await expect(back).toBeVisible();
  await expect(summary(page)).toContainText('broker 3 stopped');
  // …and "back to script" restores the scripted cluster at this step.
  await back.click();
  await expect(back).toBeHidden();
  await expect(summary(page)).not.toContainText('broker 3 stopped');

  // Speaker notes open in a window of their own and are never drawn on the projected page; that window follows
  // the projector's step and its buttons move the projector.
  const popup = page.waitForEvent('popup');
  await page.keyboard.press('n');
  const notes = await popup;
  await expect(notes.getByTestId('notes-step')).toHaveText('Step 2 of 7');
  await expect(notes.getByTestId('notes-text')).not.toBeEmpty();
  // (the printed handout carries the notes too, but it is never on screen)
  const noteText = (await notes.getByTestId('notes-text').textContent()) ?? '';
  await expect(page.getByText(noteText).filter({ visible: true })).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(notes.getByTestId('notes-step')).toHaveText('Step 3 of 7');
  await notes.getByRole('button', { name: '← Previous step' }).click();
  await expect(counter).toHaveText('Step 2 of 7');
  await notes.close();
  await page.keyboard.press('?');
  await expect(page.getByRole('heading', { name: 'Keys' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(page.getByRole('button', { name: /Screen blanked/ })).toBeVisible();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: /Screen blanked/ })).toBeHidden();
  await page.keyboard.press('r');
  await expect(counter).toHaveText('Step 0 of 7');
});

test("the students' link opens the same step with the same cluster state", async ({ page, browser }) => {
  await page.goto('/present/leader-failover/');
  await expect(page.getByText('Step 0 of 7')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next step →' })).toBeEnabled();
  for (let i = 1; i <= 4; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(page.getByText(`Step ${i} of 7`)).toBeVisible();
  }
  await expect(page.getByText('Step 4 of 7')).toBeVisible();
  await page.getByRole('button', { name: 'Students’ link' }).click();
  await expect(page.getByRole('img', { name: /QR code for the students' link to step 4/ })).toBeVisible();
  const link = (await page.locator('p.font-mono', { hasText: 'follow=1' }).textContent()) ?? '';
  expect(link).toContain('/present/leader-failover/?follow=1&step=4');
  const presenterState = (await summary(page).textContent()) ?? '';
  expect(presenterState).toContain('broker 1 stopped');

  const student = await browser.newPage();
  await student.goto(link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(student.getByText('Step 4 of 7')).toBeVisible();
  await expect(
    student.getByRole('heading', { name: 'The controller fences broker 1 and elects new leaders' }),
  ).toBeVisible();
  await expect(summary(student)).toHaveText(presenterState);
  await student.close();
});

test('an invalid imported scenario is refused with a message, a valid one is loaded', async ({ page }) => {
  await page.goto('/present/new/');
  const upload = page.getByLabel('Import a scenario JSON file');
  await upload.setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"id": "x", "steps": []}'),
  });
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText(
    'steps: must be a non-empty list of steps',
  );
  await upload.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ nope'),
  });
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toContainText('This is not valid JSON');
  const good = {
    id: 'tiny',
    title: 'Tiny demo',
    summary: 'One step.',
    topics: [],
    seed: 7,
    brokers: 3,
    views: ['cluster'],
    setup: ['kafka-topics.sh --create --topic t --partitions 1 --replication-factor 3'],
    steps: [{ title: 'Stop a broker', narration: 'Broker 2 stops.', commands: ['broker stop 2'] }],
  };
  await upload.setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(
    page.getByRole('status').filter({ hasText: 'Imported “Tiny demo” with 1 steps.' }),
  ).toBeVisible();
});

test('recording a step in the editor captures the lines run in the console', async ({ page }) => {
  await page.goto('/present/new/');
  const input = page.getByRole('textbox', { name: /console/i }).first();
  await input.fill('kafka-topics.sh --create --topic demo --partitions 2 --replication-factor 3');
  await input.press('Enter');
  await expect(page.getByText('Lines run since the last step (1):')).toBeVisible();
  await page.getByLabel('Step title').fill('Create a topic');
  await page.getByLabel('Narration for the audience').fill('A topic with two partitions.');
  await page.getByRole('button', { name: 'Add step' }).click();
  await expect(page.getByText('Step 1 recorded with 1 command.')).toBeVisible();
  await expect(page.getByText('Steps (1)')).toBeVisible();
});

test('a tampered scenario link shows why it cannot open', async ({ page }) => {
  await page.goto('/present/custom/#scenario=eyJpZCI6');
  await expect(page.getByRole('heading', { name: 'This scenario link cannot be opened' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /\S/ })).toBeVisible();
});
