import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { quiz as findQuiz } from '../lib/content.server';
import { axe } from './axe';

// Progress tracking end to end: the store in localStorage, the lesson hooks, the roadmap, paths and
// the /progress dashboard, export/import, and recovery from a corrupted store.

const KEY = 'kafka-roadmap:progress';

const basicsQuiz = findQuiz('basics')!;

async function storedState(page: Page): Promise<unknown> {
  const raw = await page.evaluate((key) => localStorage.getItem(key), KEY);
  return raw === null ? null : (JSON.parse(raw) as { state: unknown }).state;
}

/** A topic's stop on the roadmap map (the drawing shown at this width; the other one is not displayed). */
const roadmapStop = (page: Page, id: string) => page.locator(`[data-topic-id="${id}"]:visible`);

/** Sets a topic's status from its stop's menu on the roadmap, as a learner does. */
async function markOnRoadmap(page: Page, title: string, choice: 'Mark done' | 'Mark skipped') {
  const escaped = title.replace(/[()]/g, '\\$&');
  await page.getByRole('button', { name: new RegExp(`^Set status of ${escaped}( \\(|$)`) }).click();
  await page
    .getByRole('menu', { name: `Status of ${title}` })
    .getByRole('menuitemradio', { name: choice })
    .click();
}

async function answerQuizCorrectly(page: Page) {
  const quiz = page.locator('[data-quiz="basics"]');
  const fieldsets = quiz.locator('fieldset');
  for (const [index, question] of basicsQuiz.questions.entries()) {
    const fieldset = fieldsets.nth(index);
    if (question.kind === 'number') {
      await fieldset.getByRole('spinbutton').fill(String(question.answer));
    } else if (question.kind === 'truefalse') {
      await fieldset.getByRole('radio', { name: question.answer ? 'True' : 'False' }).check();
    } else if (question.kind === 'single') {
      await fieldset
        .getByRole('radio')
        .nth(question.answer as number)
        .check();
    } else {
      for (const option of question.answer as number[])
        await fieldset.getByRole('checkbox').nth(option).check();
    }
  }
  await quiz.getByRole('button', { name: 'Check my answers' }).click();
  await expect(quiz.getByRole('status')).toContainText('Passed');
}

async function solveChallenge(page: Page) {
  // As a learner would: check (not solved yet), reveal the reference solution, run it in the challenge's
  // own cluster, check again.
  const challenge = page.locator('section[aria-labelledby="challenge-basics-second-team"]');
  await challenge.scrollIntoViewIfNeeded();
  const check = challenge.getByRole('button', { name: 'Check my solution' });
  await expect(check).toBeEnabled({ timeout: 30_000 });
  await check.click();
  await expect(challenge.getByText('Not yet.')).toBeVisible();
  await challenge.getByRole('button', { name: 'Show the solution' }).click();
  await challenge.getByRole('button', { name: 'Run the solution in this challenge’s cluster' }).click();
  await check.click();
  await expect(challenge.getByText('Solved! The simulator confirms the goal.')).toBeVisible();
}

test.describe('progress', () => {
  test('finishing a lesson’s quiz and challenge marks its topics done on the roadmap and moves the path bar', async ({
    page,
  }) => {
    await page.goto('/paths/foundations/');
    await expect(page.locator('[data-path-percent]').first()).toHaveAttribute('data-path-percent', '0');

    await page.goto('/learn/basics/');
    await answerQuizCorrectly(page);
    await solveChallenge(page);
    await page.locator('#lesson-progress-heading').scrollIntoViewIfNeeded();
    const panel = page.locator('[data-lesson-end="basics"]');
    await expect(panel.getByText('Read the lesson to the end')).toBeVisible();
    await expect(panel.locator('[data-topic-id="what-is-kafka"] [data-status="done"]')).toBeVisible();

    await page.reload();
    await page.goto('/roadmap/');
    for (const id of ['what-is-kafka', 'messaging-vs-streaming', 'use-cases', 'kafka-vs-rabbitmq-intro']) {
      await expect(roadmapStop(page, id)).toHaveAttribute('data-status', 'done');
    }
    await expect(page.getByRole('link', { name: /Back to Basics/ })).toBeVisible();

    await page.goto('/paths/foundations/');
    const percent = Number(
      await page.locator('[data-path-percent]').first().getAttribute('data-path-percent'),
    );
    expect(percent).toBeGreaterThan(0);
  });

  test('the quiz and reading to the end alone leave the topics in progress while the challenge is unsolved', async ({
    page,
  }) => {
    await page.goto('/learn/basics/');
    await answerQuizCorrectly(page);
    await page.locator('#lesson-progress-heading').scrollIntoViewIfNeeded();
    const panel = page.locator('[data-lesson-end="basics"]');
    await expect(panel.getByText(/Read the lesson to the end — met/)).toBeVisible();
    await expect(panel.getByText(/Pass the quiz — met/)).toBeVisible();
    await expect(panel.getByText(/Solve the challenge — not met/)).toBeVisible();
    await page.reload();
    await page.goto('/roadmap/');
    await expect(roadmapStop(page, 'what-is-kafka')).toHaveAttribute('data-status', 'in-progress');
    await expect(page.getByRole('link', { name: /Back to Basics/ })).toBeVisible();
    await page.goto('/progress/');
    await expect(page.locator('[data-quiz-id="basics"]')).toContainText('100% ✓ passed');
  });

  test('marking topics from the roadmap, export, clear storage, import: the same state comes back', async ({
    page,
  }) => {
    await page.goto('/roadmap/');
    await markOnRoadmap(page, 'Broker', 'Mark done');
    await markOnRoadmap(page, 'kcat (kafkacat)', 'Mark skipped');
    await expect(roadmapStop(page, 'broker')).toHaveAttribute('data-status', 'done');
    await expect(roadmapStop(page, 'kcat')).toHaveAttribute('data-status', 'skipped');
    const before = await storedState(page);
    expect(before).not.toBeNull();

    await page.goto('/progress/');
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export progress as a file' }).click();
    const download = await downloadPromise;
    const file = await download.path();
    expect(download.suggestedFilename()).toMatch(/^kafka-roadmap-progress-\d{4}-\d{2}-\d{2}\.json$/);

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.locator('[data-overall-progress]')).toHaveAttribute('data-overall-progress', '0');

    await page.getByLabel(/Import progress from an exported file/).setInputFiles(file);
    await page.getByRole('button', { name: 'Replace my progress with this file' }).click();
    await expect(page.locator('[data-transfer-message="ok"]')).toContainText('Imported');
    expect(await storedState(page)).toEqual(before);

    await page.goto('/roadmap/');
    await expect(roadmapStop(page, 'broker')).toHaveAttribute('data-status', 'done');
    await expect(roadmapStop(page, 'kcat')).toHaveAttribute('data-status', 'skipped');
  });

  test('a bad import file is refused with a clear message and nothing is overwritten', async ({ page }) => {
    await page.goto('/roadmap/');
    await markOnRoadmap(page, 'Topic', 'Mark done');
    await page.goto('/progress/');
    const before = await storedState(page);
    await page.getByLabel(/Import progress from an exported file/).setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"kafka-roadmap-progress","version":2,"progress":{"marks":"oops"}}'),
    });
    await expect(page.locator('[data-transfer-message="error"]')).toContainText('cannot be used');
    await expect(page.getByRole('button', { name: 'Replace my progress with this file' })).toHaveCount(0);
    expect(await storedState(page)).toEqual(before);
  });

  test('reset asks first, then erases', async ({ page }) => {
    await page.goto('/roadmap/');
    await markOnRoadmap(page, 'Partition', 'Mark done');
    await page.goto('/progress/');
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Keep my progress' }).click();
    await expect(page.locator('[data-overall-progress]')).not.toHaveAttribute('data-overall-progress', '0');
    await page.getByRole('button', { name: 'Reset progress…' }).click();
    await page.getByRole('button', { name: 'Yes, erase all my progress' }).click();
    await expect(page.locator('[data-overall-progress]')).toHaveAttribute('data-overall-progress', '0');
  });

  test('a corrupted store shows the notice, keeps the data downloadable, and the page still works', async ({
    page,
  }) => {
    await page.goto('/');
    await page.evaluate((key) => localStorage.setItem(key, '{"state": {"marks": tru'), KEY);
    await page.goto('/roadmap/');
    const notice = page.locator('[data-progress-notice]');
    await expect(notice).toContainText('could not be read');

    const downloadPromise = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Download the unreadable data' }).click();
    const kept = readFileSync(await (await downloadPromise).path(), 'utf8');
    expect(kept).toBe('{"state": {"marks": tru');

    // The page works: a fresh store records a choice and keeps it across a reload.
    await markOnRoadmap(page, 'Broker', 'Mark done');
    await page.reload();
    await expect(roadmapStop(page, 'broker')).toHaveAttribute('data-status', 'done');
    await expect(page.locator('[data-progress-notice]')).toBeVisible();

    await page.goto('/progress/');
    await expect(page.locator('[data-progress-notice]')).toBeVisible();
    await page.getByRole('button', { name: 'Delete the kept copy' }).click();
    await page.getByRole('button', { name: 'Yes, delete the kept copy for good' }).click();
    await expect(page.locator('[data-progress-notice]')).toHaveCount(0);
  });

  test('axe passes on the quiz (answered, with feedback) and the lesson progress panel', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/learn/basics/');
    const quiz = page.locator('[data-quiz="basics"]');
    await quiz.getByRole('button', { name: 'Check my answers' }).click();
    await expect(quiz.getByRole('alert')).toContainText('Answer every question first');
    await answerQuizCorrectly(page);
    await quiz.getByRole('button', { name: 'Try the quiz again' }).click();
    await expect(quiz.getByRole('button', { name: 'Check my answers' })).toBeVisible();
    await answerQuizCorrectly(page);
    await page.locator('#lesson-progress-heading').scrollIntoViewIfNeeded();
    const results = await axe(page).include('[data-quiz]').include('[data-lesson-end]').analyze();
    expect(results.violations.map((violation) => violation.id)).toEqual([]);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe passes on the progress pages with progress and a notice shown (${theme})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto('/');
      await page.evaluate((key) => {
        localStorage.setItem(`${key}:unreadable:1`, JSON.stringify({ at: 1, reason: 'test', raw: 'x' }));
        const day = new Date().toISOString().slice(0, 10);
        const attempt = { at: Date.now(), score: 4, total: 5, percent: 80, passed: true };
        localStorage.setItem(
          key,
          JSON.stringify({
            version: 2,
            state: {
              marks: { broker: { status: 'done', at: 1 }, kcat: { status: 'skipped', at: 1 } },
              lessons: { basics: { firstVisitedAt: 1, lastVisitedAt: 2, visits: 2, readToEndAt: 2 } },
              challenges: {
                'basics-second-team': {
                  topics: [],
                  solved: true,
                  attempts: 1,
                  firstSolvedAt: 2,
                  lastAttemptAt: 2,
                },
              },
              quizzes: { basics: { best: attempt, history: [attempt] } },
              lastLesson: { sectionId: 'basics', at: 2 },
              activity: { [day]: 3 },
              createdAt: 1,
              updatedAt: 2,
            },
          }),
        );
      }, KEY);
      for (const route of ['/roadmap/', '/paths/', '/paths/platform-operator/', '/progress/']) {
        await page.goto(route);
        await expect(page.locator('[data-progress-notice]').first()).toBeVisible();
        const results = await axe(page).analyze();
        const summary = results.violations.map(
          (violation) =>
            `${route} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
        expect(summary).toEqual([]);
      }
    });
  }
});
