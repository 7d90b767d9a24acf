import { expect, type Locator, type Page, test } from '@playwright/test';
import { onRenderingPage, readThrough } from './readThrough';

// The lesson console behaves like a terminal running Kafka's console tools: a console producer sends each line when
// Enter is pressed, before its input ends (the running console consumer is checked in walkthrough.spec.ts). A
// challenge accepts what was done this way, judged on the cluster's state. Every wait is on a condition.

const WIDGET_READY = { timeout: 30_000 };

async function challengeTerminal(page: Page, lessonId: string, title: string) {
  await page.goto(`/learn/${lessonId}/`);
  await readThrough(page);
  const region = page.getByRole('region', { name: title, exact: true });
  // The lazy placeholder is replaced by the widget as it comes near: retry if the element was swapped mid-scroll.
  await expect(async () => {
    await region.scrollIntoViewIfNeeded({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const check = region.getByRole('button', { name: 'Check my solution' });
  await expect(check).toBeEnabled(WIDGET_READY);
  const terminal = region.getByRole('region', { name: `Terminal: ${title}` });
  return {
    region,
    check,
    terminal,
    // The input's label follows what it reads (a command, a record, nothing while a consumer runs).
    input: terminal.getByRole('textbox'),
    transcript: terminal.getByRole('log', { name: 'Console output' }),
  };
}

async function type(input: Locator, line: string) {
  await input.fill(line);
  await expect(input).toHaveValue(line);
  await input.press('Enter');
  await expect(input).toHaveValue('');
}

test('a console producer sends each line on Enter, before its input ends: the challenge accepts it', async ({
  page: first,
}) => {
  test.setTimeout(180_000);
  await onRenderingPage(first, '/learn/producers/', async (page) => {
    const { region, check, terminal, input, transcript } = await challengeTerminal(
      page,
      'producers',
      'Everything into partition 2',
    );
    await type(
      input,
      'kafka-console-producer.sh --bootstrap-server localhost:9092 --topic orders --property parse.key=true --property key.separator=:',
    );
    await expect(input).toHaveAccessibleName('Record to send on Enter (Ctrl-D to finish)');
    for (const line of ['user-1:order-a', 'key1:order-b', 'key2:order-c']) {
      await type(input, line);
      await expect(transcript).toContainText(`>${line}`);
    }
    // Still producing (no Ctrl-D yet), and the three records are already in partition 2.
    await expect(terminal.getByRole('button', { name: 'End input (Ctrl-D)' })).toBeVisible();
    await check.click();
    await expect(region.getByText('Solved! The simulator confirms the goal.')).toBeVisible();
    await input.press('Control+d');
    await expect(input).toHaveAccessibleName('Console command');
    await expect(transcript.locator('pre.text-red-700')).toHaveCount(0);
  });
});
