import { expect, test } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { KafkaListeners } from '../server/listener';
import { LiveViewServer } from '../server/liveView';
import { Simulation } from '../simulator/index';
import { readModel } from '../simulator/read/index';

// A real client's session, shared: KafkaJS runs against kafka-sim's listeners (in this process, free loopback
// ports), the playground watches it through `--ui`'s live stream (/playground/?live=1 served by the live view),
// "Copy link" turns the session into a share link, and the link opened on the plain static export (no kafka-sim
// behind it) replays the client's group and committed offsets into the same views.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

test('a live KafkaJS session copied as a link opens without the server, same group and committed offsets', async ({
  page,
  browser,
}) => {
  // KafkaJS, two pages and a replay: generous on a loaded machine; every wait below is on a condition.
  test.setTimeout(240_000);
  const sim = new Simulation({ seed: 42, brokers: 3 });
  const listeners = new KafkaListeners(sim, { port: 0, log: () => {} });
  const ports = await listeners.listen();
  const live = new LiveViewServer(sim, { port: 0, outDir: 'out' });
  const livePort = await live.listen();
  const kafka = new Kafka({
    clientId: 'shop',
    brokers: [...ports.values()].map((p) => `127.0.0.1:${p}`),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true });
  const consumer = kafka.consumer({ groupId: 'billing', heartbeatInterval: 500 });
  try {
    await page.goto(`http://127.0.0.1:${livePort}/playground/?live=1`);
    await expect(page.getByTestId('live-status')).toContainText('Live: connected to kafka-sim');

    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'orders', numPartitions: 3, replicationFactor: 3 }] });
    await admin.disconnect();
    await producer.connect();
    await producer.send({
      topic: 'orders',
      acks: -1,
      messages: Array.from({ length: 12 }, (_, i) => ({ key: `k${i}`, value: `v${i}` })),
    });
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    await consumer.run({
      eachMessage: async () => {
        seen++;
      },
    });
    const committed = () =>
      (readModel(sim).group('billing')?.offsets ?? []).reduce((n, o) => n + o.offset, 0);
    await expect.poll(() => seen === 12 && committed() === 12, { timeout: 60_000 }).toBe(true);
    await producer.disconnect();
    // Closing the listeners drops the consumer's connections and stops the clock (server/wallClock.ts): the
    // simulation holds still with the member in its group, as a learner would copy the link mid-session.
    await listeners.close();

    // the page has every command the session dispatched, then shares them
    await expect(page.getByTestId('live-status')).toHaveText(
      `Live: connected to kafka-sim, ${sim.log.length} commands`,
    );
    await page.getByRole('button', { name: 'Copy link to this playground' }).click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/#s=2\./);
    expect(link).not.toContain('live=1');
    const expected = readModel(sim).group('billing');
    expect(expected?.state).toBe('Stable');
    expect(expected?.members).toHaveLength(1);

    // opened on the static export (the test's own server: no live stream there), in a fresh browser context
    const context = await browser.newContext();
    const fresh = await context.newPage();
    await fresh.goto(`/playground/${new URL(link).hash}`);
    await expect(fresh.getByTestId('share-error')).toHaveCount(0);
    const groupPanel = fresh.getByRole('region', { name: 'Consumer group' });
    await expect(groupPanel.getByTestId('group-state')).toContainText('billing');
    await expect(groupPanel.getByTestId('group-state')).toContainText('Stable');
    await expect(groupPanel.getByTestId('group-state')).toContainText(`generation ${expected?.generation}`);
    const table = fresh.getByRole('table', { name: 'Partitions and lag for billing' });
    expect(expected?.partitions).toHaveLength(3);
    for (const p of expected?.partitions ?? []) {
      const row = table.locator(`tr[data-tp="${p.topic}-${p.partition}"]`);
      await expect(row).toHaveAttribute('data-owner', expected?.members[0].name ?? '');
      await expect(row.locator('td').nth(2)).toHaveText(String(p.committed));
      await expect(row.locator('td').nth(3)).toHaveText(String(p.logEndOffset));
      await expect(fresh.getByTestId(`lag-${p.topic}-${p.partition}`)).toHaveText('0');
    }
    expect(expected?.partitions.reduce((n, p) => n + (p.committed ?? 0), 0)).toBe(12);
    await context.close();
  } finally {
    await listeners.close().catch(() => {});
    // KafkaJS may keep retrying the closed ports: give its disconnect a bound rather than wait on it.
    await Promise.race([consumer.disconnect().catch(() => {}), new Promise((r) => setTimeout(r, 5000))]);
    await producer.disconnect().catch(() => {});
    // the live page's connections go first, so the live view's server has nothing left to wait for
    await page.close().catch(() => {});
    await live.close().catch(() => {});
  }
});
