import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { afterEach, describe, expect, it } from 'vitest';
import { type LiveCommands, type LiveInit, LiveViewServer, NOT_BUILT_MESSAGE } from '../../server/liveView';
import { parseServeArgs } from '../../server/main';
import { type Command, Simulation } from '../../simulator/index';
import { startCluster } from './clients.testkit';

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

type SseMessage = { event: string; data: unknown };

/** A minimal server-sent-events reader over node:http (what the browser's EventSource does). */
type Stream = {
  res: IncomingMessage;
  messages: SseMessage[];
  next: (pred: (m: SseMessage) => boolean) => Promise<SseMessage>;
};
function openStream(url: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = get(url, (res) => {
      const messages: SseMessage[] = [];
      const waiters: Array<{ pred: (m: SseMessage) => boolean; resolve: (m: SseMessage) => void }> = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
          const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null');
          const m = { event, data };
          messages.push(m);
          for (const w of [...waiters])
            if (w.pred(m)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(m);
            }
          end = buffer.indexOf('\n\n');
        }
      });
      cleanups.push(() => {
        req.destroy();
      });
      resolve({
        res,
        messages,
        next: (pred) =>
          new Promise((r) => {
            const seen = messages.find(pred);
            if (seen) r(seen);
            else waiters.push({ pred, resolve: r });
          }),
      });
    });
    req.on('error', reject);
  });
}

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('kafka-sim --listen --ui: the live view', () => {
  it('parses --ui and --ui-port (default 3000); without --ui there is no live view', () => {
    expect(parseServeArgs(['--listen'])).toMatchObject({ uiPort: null });
    expect(parseServeArgs(['--listen', '--ui'])).toMatchObject({ uiPort: 3000 });
    expect(parseServeArgs(['--listen', '--ui', '--ui-port', '4000'])).toMatchObject({ uiPort: 4000 });
    expect(parseServeArgs(['--listen', '--ui-port', '70000', '--ui'])).toEqual({
      error: '--ui-port out of range',
    });
  });

  it('/live/events sends the seed, brokers and log so far, then a KafkaJS produce arrives as externalProduce', async () => {
    const c = await startCluster(3);
    cleanups.push(() => c.listeners.close());
    c.dispatch({ type: 'createTopic', topic: 'orders', partitions: 3, replicationFactor: 3 });
    const out = mkdtempSync(path.join(tmpdir(), 'live-out-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const live = new LiveViewServer(c.sim, { port: 0, outDir: out });
    const port = await live.listen();
    cleanups.push(() => live.close());

    const stream = await openStream(`http://127.0.0.1:${port}/live/events`);
    expect(stream.res.headers['content-type']).toMatch(/^text\/event-stream/);
    const init = (await stream.next((m) => m.event === 'init')).data as LiveInit;
    expect(init.seed).toBe(42);
    expect(init.brokers).toBe(3);
    expect(init.commands).toEqual(JSON.parse(JSON.stringify(c.sim.log)));
    expect(init.commands.some((cmd) => cmd.type === 'createTopic')).toBe(true);
    expect(c.sim.state.topics.orders.partitions).toHaveLength(3);

    const kafka = new Kafka({ clientId: 'live', brokers: c.bootstrap, logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    cleanups.push(() => producer.disconnect().catch(() => {}));
    await producer.connect();
    await producer.send({ topic: 'orders', acks: -1, messages: [{ key: 'k', value: 'live-1' }] });

    const batch = (
      await stream.next(
        (m) =>
          m.event === 'commands' &&
          (m.data as LiveCommands).commands.some((x) => x.type === 'externalProduce'),
      )
    ).data as LiveCommands;
    expect(batch.from).toBeGreaterThanOrEqual(init.commands.length);

    // The stream is the whole log, in order: init + every batch received replays to the server's state.
    const received: Command[] = [...init.commands];
    for (const m of stream.messages)
      if (m.event === 'commands') {
        const b = m.data as LiveCommands;
        expect(b.from).toBe(received.length);
        received.push(...b.commands);
      }
    expect(received).toEqual(JSON.parse(JSON.stringify(c.sim.log.slice(0, received.length))));
    const replayed = Simulation.replay({ seed: init.seed, brokers: init.brokers }, received);
    expect(replayed.serialize()).toBe(
      Simulation.replay(c.sim.init, c.sim.log.slice(0, received.length)).serialize(),
    );
    expect(
      replayed.state.topics.orders.partitions.some(
        (p) => p.replicaLogs[p.leader as number].log.logEndOffset === 1,
      ),
    ).toBe(true);
  });

  it('without out/ every page says to run npm run build first', async () => {
    const sim = new Simulation({ seed: 1, brokers: 1 });
    const out = mkdtempSync(path.join(tmpdir(), 'live-empty-'));
    cleanups.push(() => rmSync(out, { recursive: true, force: true }));
    const live = new LiveViewServer(sim, { port: 0, outDir: out });
    const port = await live.listen();
    cleanups.push(() => live.close());
    const r = await fetchText(`http://127.0.0.1:${port}/playground/?live=1`);
    expect(r.status).toBe(503);
    expect(r.body).toBe(NOT_BUILT_MESSAGE);
    expect(r.body).toContain('run npm run build first');
    writeFileSync(path.join(out, 'index.html'), '<h1>course</h1>');
    expect(await fetchText(`http://127.0.0.1:${port}/`)).toEqual({ status: 200, body: '<h1>course</h1>' });
    expect((await fetchText(`http://127.0.0.1:${port}/..%2f..%2fetc/passwd`)).status).toBe(404);
  });
});
