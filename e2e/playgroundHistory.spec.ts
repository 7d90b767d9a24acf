import { expect, type Page, test } from '@playwright/test';

// Undo, redo and branching in the playground's timeline, against the real simulator: every check reads what the
// page reports (the screen-reader summary of the cluster, the scrubber's position), never a fixed delay.

const summary = (page: Page) => page.locator('[data-testid="cluster-summary"]').textContent();
const slider = (page: Page) => page.getByRole('slider', { name: 'Travel to an earlier step' });
const atStep = (page: Page, step: number, of: number) =>
  expect(slider(page)).toHaveAttribute('aria-valuetext', new RegExp(`^Step ${step} of ${of}:`));

async function open(page: Page) {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Stop broker 1' })).toBeVisible();
}

/** Two steps: broker 2 stopped, then broker 3 isolated; returns the summary after each. */
async function twoSteps(page: Page): Promise<[string | null, string | null]> {
  await page.getByRole('button', { name: 'Stop broker 2' }).click();
  await expect(page.getByRole('button', { name: 'Start broker 2' })).toBeVisible();
  const first = await summary(page);
  await page.getByRole('button', { name: 'Isolate broker 3' }).click();
  await atStep(page, 2, 2);
  return [first, await summary(page)];
}

test('Undo and Redo buttons and Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y walk the command log', async ({ page }) => {
  await open(page);
  const [first, second] = await twoSteps(page);
  const undo = page.getByRole('button', { name: /^Undo/ });
  const redo = page.getByRole('button', { name: /^Redo/ });
  await expect(redo).toBeDisabled();

  await undo.click();
  await atStep(page, 1, 2);
  await expect.poll(() => summary(page)).toBe(first);
  await redo.click();
  await atStep(page, 2, 2);
  await expect.poll(() => summary(page)).toBe(second);

  // The shortcuts act from anywhere on the page but a text field (the body has focus after clicking the heading).
  await page.getByRole('heading', { name: 'Playground', level: 1 }).click();
  await page.keyboard.press('ControlOrMeta+z');
  await atStep(page, 1, 2);
  await page.keyboard.press('ControlOrMeta+z');
  await atStep(page, 0, 2);
  await expect(undo).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await atStep(page, 1, 2);
  await page.keyboard.press('Control+y');
  await atStep(page, 2, 2);
  await expect.poll(() => summary(page)).toBe(second);

  // In the console's text field Ctrl+Z stays the browser's own text undo.
  const input = page.getByLabel('Console command');
  await input.fill('kafka-topics.sh --list');
  await input.press('ControlOrMeta+z');
  await atStep(page, 2, 2);
});

test('a command after travelling back asks first; refusing keeps the later steps, accepting sets them aside as a branch', async ({
  page,
}) => {
  await open(page);
  const [first, second] = await twoSteps(page);
  await page.getByRole('button', { name: /^Undo/ }).click();
  await atStep(page, 1, 2);
  await expect(page.getByTestId('timeline-past')).toContainText('asks first');

  // A read-only console line changes nothing, so nothing is asked and the later step stays.
  let asked = 0;
  page.on('dialog', () => {
    asked++;
  });
  const input = page.getByLabel('Console command');
  await input.fill('kafka-topics.sh --list');
  await input.press('Enter');
  await expect(page.getByLabel('Console output')).toContainText('orders');
  await atStep(page, 1, 2);
  expect(asked).toBe(0);

  const dialog = (accept: boolean) =>
    new Promise<string>((resolve) => {
      page.once('dialog', async (d) => {
        const message = d.message();
        if (accept) await d.accept();
        else await d.dismiss();
        resolve(message);
      });
    });

  // Cancel: nothing runs, both steps are kept.
  const refused = dialog(false);
  await page.getByRole('button', { name: 'Start broker 2' }).click();
  expect(await refused).toContain('1 later step');
  await atStep(page, 1, 2);
  await expect(page.getByRole('button', { name: 'Start broker 2' })).toBeVisible();
  await expect.poll(() => summary(page)).toBe(first);

  // Accept: the new command runs and the dropped step is set aside.
  const accepted = dialog(true);
  await page.getByRole('button', { name: 'Start broker 2' }).click();
  await accepted;
  await atStep(page, 2, 2);
  await expect(page.getByTestId('timeline-current')).toHaveText('broker start 2');
  await expect(page.getByRole('button', { name: 'Stop broker 2' })).toBeVisible();
  const branch = page.getByTestId('timeline-branch');
  await expect(branch).toContainText('1 step of the other branch is set aside');

  // Switch back: the set-aside step returns (at the branch point), and Redo replays it.
  await branch.getByRole('button', { name: /Switch to the other branch/ }).click();
  await atStep(page, 1, 2);
  await page.getByRole('button', { name: /^Redo/ }).click();
  await atStep(page, 2, 2);
  await expect(page.getByTestId('timeline-current')).toHaveText('broker isolate 3');
  await expect.poll(() => summary(page)).toBe(second);
});

test('Empty cluster clears the preset picker and the previous terminal; each picker group is in title order', async ({
  page,
}) => {
  await open(page);
  const picker = page.getByRole('combobox', { name: 'Preset' });
  for (const group of ['Playground', 'From the lessons']) {
    const titles = await picker
      .locator(`optgroup[label="${group}"] option`)
      .evaluateAll((options) => options.map((o) => o.textContent ?? ''));
    expect(titles.length).toBeGreaterThan(0);
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en')));
  }
  const input = page.getByLabel('Console command');
  await input.fill('kafka-topics.sh --list');
  await input.press('Enter');
  const output = page.getByLabel('Console output');
  await expect(output).toContainText('orders');
  await page.getByRole('button', { name: 'Start over with an empty cluster' }).click();
  await expect(page.getByText('A bare cluster')).toBeVisible();
  await expect(picker).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Load the chosen preset' })).toBeDisabled();
  await expect(output).not.toContainText('orders');
});
