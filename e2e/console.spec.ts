import { expect, type Page, test } from '@playwright/test';
import { axe } from './axe';

// The browser console typed into by keyboard alone: real tool output from the simulator, history,
// tab completion, the interactive producer prompt ended by Ctrl-D, the running consumer stopped by Ctrl-C, and an
// accessible panel.

async function openConsole(page: Page) {
  await page.goto('/playground/');
  const input = page.getByLabel('Console command');
  await expect(input).toBeVisible();
  return input;
}

async function type(page: Page, line: string) {
  const input = page.getByLabel(/Console command|Record to send/);
  await input.fill(line);
  await input.press('Enter');
}

const output = (page: Page) => page.getByRole('log', { name: 'Console output' });

test('kafka-topics.sh creates and describes a topic with the real line shapes', async ({ page }) => {
  await openConsole(page);
  await type(
    page,
    'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic e2e-orders --partitions 2 --replication-factor 2',
  );
  await expect(output(page)).toContainText('Created topic e2e-orders.');
  await type(page, 'kafka-topics.sh --describe --topic e2e-orders');
  await expect(output(page)).toContainText('PartitionCount: 2');
  await expect(output(page)).toContainText('ReplicationFactor: 2');
  await type(page, 'kafka-topics.sh --create --topic e2e-orders');
  await expect(output(page)).toContainText("Topic 'e2e-orders' already exists.");
});

test('history with the arrow keys and tab completion of commands and topic names', async ({ page }) => {
  const input = await openConsole(page);
  await type(page, 'kafka-topics.sh --create --topic e2e-history');
  await expect(output(page)).toContainText('Created topic e2e-history.');
  await input.press('ArrowUp');
  await expect(input).toHaveValue('kafka-topics.sh --create --topic e2e-history');
  await input.press('ArrowDown');
  await expect(input).toHaveValue('');
  await input.fill('kafka-topi');
  await input.press('Tab');
  await expect(input).toHaveValue('kafka-topics.sh ');
  await input.fill('kafka-topics.sh --describe --topic e2e-hi');
  await input.press('Tab');
  await expect(input).toHaveValue('kafka-topics.sh --describe --topic e2e-history ');
});

test('the console producer sends each record on Enter until Ctrl-D, and the consumer keeps running until Ctrl-C', async ({
  page,
}) => {
  await openConsole(page);
  await type(page, 'kafka-topics.sh --create --topic e2e-prompt --partitions 1');
  await type(
    page,
    'kafka-console-producer.sh --topic e2e-prompt --property parse.key=true --property key.separator=:',
  );
  const prompt = page.getByLabel('Record to send on Enter (Ctrl-D to finish)');
  await expect(prompt).toBeVisible();
  await prompt.fill('k1:first');
  await prompt.press('Enter');
  await expect(output(page)).toContainText('>k1:first');
  await prompt.fill('k2:second');
  await prompt.press('Enter');
  await expect(output(page)).toContainText('>k2:second');
  await prompt.press('Control+d');
  const input = page.getByLabel('Console command');
  await expect(input).toBeVisible();
  await type(page, 'kafka-console-consumer.sh --topic e2e-prompt --from-beginning --property print.key=true');
  await expect(output(page)).toContainText('k1\tfirst');
  await expect(output(page)).toContainText('k2\tsecond');
  const running = page.getByLabel('Consumer running (Ctrl-C to stop)');
  await expect(running).toBeVisible();
  await expect(output(page)).not.toContainText('Processed a total');
  await running.press('Control+c');
  await expect(output(page)).toContainText('Processed a total of 2 messages');
  await expect(input).toBeVisible();
});

test('help lists the commands and bad input gets a one-line error', async ({ page }) => {
  await openConsole(page);
  await type(page, 'help');
  await expect(output(page)).toContainText('kafka-consumer-groups.sh');
  await type(page, 'broker explode 1');
  await expect(output(page)).toContainText("broker: unknown action 'explode'");
  await type(page, 'sim status');
  await expect(output(page)).toContainText('Brokers:');
});

test('the console panel passes axe', async ({ page }) => {
  await openConsole(page);
  await type(page, 'kafka-topics.sh --list');
  const results = await axe(page).include('section[aria-label$="console"]').analyze();
  expect(results.violations).toEqual([]);
});
