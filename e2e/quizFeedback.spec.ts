import { expect, test } from '@playwright/test';

// After "Check my answers", every choice question marks its right option(s) in the list itself, and a wrong
// choice as the learner's, in a colour and a text of its own: a wrong answer never looks like a right one.
test('quiz feedback marks the right answer in the list and a wrong choice as wrong', async ({ page }) => {
  await page.goto('/learn/basics/');
  const quiz = page.locator('[data-quiz="basics"]');
  await quiz.scrollIntoViewIfNeeded();
  const fieldsets = quiz.locator('fieldset');
  const count = await fieldsets.count();
  expect(count).toBeGreaterThan(2);
  // Answer every question with its first option (numbers: 0), which is wrong for some of them.
  for (let i = 0; i < count; i++) {
    const f = fieldsets.nth(i);
    if ((await f.getByRole('spinbutton').count()) > 0) await f.getByRole('spinbutton').fill('0');
    else if ((await f.getByRole('radio').count()) > 0) await f.getByRole('radio').first().check();
    else await f.getByRole('checkbox').first().check();
  }
  await quiz.getByRole('button', { name: 'Check my answers' }).click();
  await expect(quiz.getByRole('status')).toBeVisible();
  let wrongChoices = 0;
  for (let i = 0; i < count; i++) {
    const f = fieldsets.nth(i);
    const options = await f.getByRole('radio').count();
    if (options === 0) continue;
    // A single-choice question has exactly one right option, marked in the list.
    await expect(f.getByText(/^✓ Right answer/)).toHaveCount(1);
    const missed = (await f.getByText(/^✗ Not quite/).count()) > 0;
    await expect(f.getByText('✗ Your choice')).toHaveCount(missed ? 1 : 0);
    if (missed) wrongChoices++;
  }
  // The first option is wrong for at least one question of this quiz, so the check above saw a wrong choice.
  expect(wrongChoices).toBeGreaterThan(0);
});
