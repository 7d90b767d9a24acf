import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseServeArgs } from '../../server/main';
import { API_BY_NAME, type ApiName } from '../../simulator/protocol/apis';
import { decodeResponse, encodeRequest } from '../../simulator/protocol/frames';
import { startCluster } from './clients.testkit';

const api = (n: ApiName) => API_BY_NAME.get(n) as NonNullable<ReturnType<typeof API_BY_NAME.get>>;

/** A bare client: send frames, read size-delimited responses in order. */
async function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  await new Promise<void>((r) => socket.once('connect', () => r()));
  let buf = Buffer.alloc(0);
  const frames: Buffer[] = [];
  const waiters: Array<() => void> = [];
  let closed = false;
  socket.on('data', (d) => {
    buf = Buffer.concat([buf, d]);
    while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
      frames.push(buf.subarray(4, 4 + buf.readInt32BE(0)));
      buf = buf.subarray(4 + buf.readInt32BE(0));
    }
    for (const w of waiters.splice(0)) w();
  });
  socket.on('close', () => {
    closed = true;
    for (const w of waiters.splice(0)) w();
  });
  return {
    send: (b: Uint8Array) => socket.write(b),
    next: async (): Promise<Buffer | null> => {
      while (frames.length === 0 && !closed) await new Promise<void>((r) => waiters.push(r));
      return frames.shift() ?? null;
    },
    isClosed: () => closed,
    end: () => socket.destroy(),
  };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('the listener (SocketServer behaviour)', () => {
  it('answers an ApiVersions version it does not serve in the v0 layout with UNSUPPORTED_VERSION and its ranges (KIP-511)', async () => {
    const c = await startCluster(1);
    cleanup = () => c.listeners.close();
    const client = await rawClient(c.ports.get(1) as number);
    // ApiVersions v9: header v1 layout, empty body
    client.send(Buffer.from('0000000c 0012 0009 0000002a 0002 6b6a'.replace(/ /g, ''), 'hex'));
    const frame = (await client.next()) as Buffer;
    const r = decodeResponse(api('ApiVersions'), 0, frame);
    expect(r.correlationId).toBe(42);
    expect(r.body.errorCode).toBe(35);
    expect(r.body.apiKeys.find((k: { apiKey: number }) => k.apiKey === 18)).toEqual({
      apiKey: 18,
      minVersion: 0,
      maxVersion: 4,
    });
    expect(r.body.apiKeys.find((k: { apiKey: number }) => k.apiKey === 0)).toEqual({
      apiKey: 0,
      minVersion: 0,
      maxVersion: 11,
    });
    client.end();
  });

  it('closes the connection on an unsupported API version, a garbage frame or an oversized size, with one log line each', async () => {
    const c = await startCluster(1);
    cleanup = () => c.listeners.close();
    const port = c.ports.get(1) as number;
    const before = c.sim.serialize();
    const a = await rawClient(port);
    a.send(
      encodeRequest(api('Fetch'), 3, 1, 'old', {
        replicaId: -1,
        maxWaitMs: 0,
        minBytes: 1,
        maxBytes: 100,
        topics: [],
      }),
    );
    expect(await a.next()).toBeNull();
    const b = await rawClient(port);
    // Metadata v1 whose header stops inside the client id length (sent in two pieces)
    b.send(Buffer.from('000000090003', 'hex'));
    b.send(Buffer.from('00010000000100', 'hex'));
    expect(await b.next()).toBeNull();
    const d = await rawClient(port);
    d.send(Buffer.from('7fffffff', 'hex'));
    expect(await d.next()).toBeNull();
    expect(c.logs).toHaveLength(3);
    expect(c.logs[0]).toMatch(/unsupported request: Fetch v3/);
    expect(c.logs[1]).toMatch(/malformed request/);
    expect(c.logs[2]).toMatch(/socket.request.max.bytes/);
    expect(c.sim.serialize()).toBe(before);
  });

  it('Produce v0–v2 are advertised (KAFKA-18659) but answered UNSUPPORTED_VERSION (35) per partition', async () => {
    const c = await startCluster(1);
    cleanup = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'q', partitions: 1, replicationFactor: 1 });
    const client = await rawClient(c.ports.get(1) as number);
    const body = {
      acks: 1,
      timeoutMs: 1000,
      topicData: [{ name: 'q', partitionData: [{ index: 0, records: new Uint8Array(30) }] }],
    };
    client.send(encodeRequest(api('Produce'), 2, 5, 'old', body));
    const r = decodeResponse(api('Produce'), 2, (await client.next()) as Buffer);
    expect(r.body.responses[0].partitionResponses[0].errorCode).toBe(35);
    expect(c.sim.state.topics.q.partitions[0].replicaLogs[1].log.logEndOffset).toBe(0);
    client.end();
  });

  it('answers pipelined requests in order, and a long-poll Fetch returns as soon as a produce makes data available', async () => {
    const c = await startCluster(1);
    cleanup = () => c.listeners.close();
    c.dispatch({ type: 'createTopic', topic: 'q', partitions: 1, replicationFactor: 1 });
    const port = c.ports.get(1) as number;
    const consumer = await rawClient(port);
    const fetch = (corr: number) =>
      encodeRequest(api('Fetch'), 11, corr, 'c', {
        replicaId: -1,
        maxWaitMs: 5000,
        minBytes: 1,
        maxBytes: 1 << 20,
        isolationLevel: 0,
        sessionId: 0,
        sessionEpoch: -1,
        topics: [
          {
            topic: 'q',
            partitions: [
              {
                partition: 0,
                currentLeaderEpoch: -1,
                fetchOffset: 0,
                logStartOffset: -1,
                partitionMaxBytes: 1 << 20,
              },
            ],
          },
        ],
        forgottenTopicsData: [],
        rackId: '',
      });
    const t0 = performance.now();
    consumer.send(fetch(1));
    consumer.send(encodeRequest(api('Metadata'), 1, 2, 'c', { topics: null }));
    await new Promise((r) => setTimeout(r, 150));
    c.dispatch({ type: 'producerCreate', name: 'p', configs: { acks: '1' } });
    c.dispatch({ type: 'producerSend', producer: 'p', topic: 'q', value: 'hi' });
    c.dispatch({ type: 'producerFlush', producer: 'p' });
    const first = (await consumer.next()) as Buffer;
    const waited = performance.now() - t0;
    const f = decodeResponse(api('Fetch'), 11, first);
    expect(f.correlationId).toBe(1);
    expect(f.body.responses[0].partitions[0].highWatermark).toBe(1);
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(4000);
    const second = decodeResponse(api('Metadata'), 1, (await consumer.next()) as Buffer);
    expect(second.correlationId).toBe(2);
    consumer.end();
  });

  it('binds to loopback unless another address is confirmed explicitly', () => {
    expect(parseServeArgs(['--listen'])).toMatchObject({ bind: '127.0.0.1', port: 9092, brokers: 3 });
    expect(parseServeArgs(['--listen', '--bind', '0.0.0.0'])).toMatchObject({
      error: expect.stringMatching(/--allow-remote-clients/),
    });
    expect(parseServeArgs(['--listen', '--bind', '0.0.0.0', '--allow-remote-clients'])).toMatchObject({
      bind: '0.0.0.0',
    });
  });
});
