// Burrow's HTTP API on port 8000 behind the console's curl (kafka-cli/http/burrow.ts): the routes of
// core/internal/httpserver/kafka.go with the JSON of its HTTPResponse* structs (error, message, request) and the
// evaluator's ConsumerGroupStatus (status, complete, partitions, partition_count, maxlag, totallag).
import { describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { Simulation } from '@/simulator';

function burrowConsole() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const c = consoleFor(sim);
  const setup = [
    'kafka-topics.sh --create --topic orders --partitions 2 --replication-factor 3',
    'monitoring start',
    'producer create web',
    ...Array.from({ length: 6 }, (_, i) => `producer send web orders --key k${i} v=${i}`),
    'producer flush web',
    'consumer create b1 --group billing --topics orders --auto-commit false --offset-reset earliest',
    'clock advance 5s',
    'consumer poll b1',
    'consumer commit b1',
    'clock advance 30s',
  ];
  for (const l of setup) expect(c.run(l).exitCode, l).toBe(0);
  return c;
}

const json = (c: ReturnType<typeof consoleFor>, url: string) => {
  const r = c.run(`curl -s ${url}`);
  expect(r.exitCode, url).toBe(0);
  return JSON.parse(r.stdout);
};

describe("Burrow's HTTP API on :8000 (httpserver/kafka.go)", () => {
  it('nothing listens on 8000 before monitoring start: curl (7)', () => {
    const c = consoleFor(new Simulation({ brokers: 3, seed: 42 }));
    expect(c.run('curl localhost:8000/v3/kafka')).toEqual({
      stdout: '',
      stderr: "curl: (7) Failed to connect to localhost port 8000 after 0 ms: Couldn't connect to server",
      exitCode: 7,
    });
  });

  it('handleClusterList and handleConsumerList: error, message, the list, request {url, host}', () => {
    const c = burrowConsole();
    expect(json(c, 'localhost:8000/v3/kafka')).toEqual({
      error: false,
      message: 'cluster list returned',
      clusters: ['local'],
      request: { url: '/v3/kafka', host: 'burrow' },
    });
    expect(json(c, 'burrow:8000/v3/kafka/local/consumer')).toEqual({
      error: false,
      message: 'consumer list returned',
      consumers: ['billing'],
      request: { url: '/v3/kafka/local/consumer', host: 'burrow' },
    });
    // Go's encoding/json: compact, no trailing newline (json.Marshal in writeResponse).
    expect(c.run('curl -s localhost:8000/v3/kafka').stdout).toMatch(
      /^\{"error":false,"message":"cluster list returned",/,
    );
    expect(c.run('curl -si localhost:8000/v3/kafka').stdout).toMatch(/content-type: application\/json/i);
  });

  it('handleConsumerStatus lists only partitions worse than OK; /lag (handleConsumerStatusComplete) lists all, with maxlag and totallag', () => {
    const c = burrowConsole();
    const status = json(c, 'localhost:8000/v3/kafka/local/consumer/billing/status');
    expect(status).toMatchObject({
      error: false,
      message: 'consumer status returned',
      status: {
        cluster: 'local',
        group: 'billing',
        status: 'OK',
        partitions: [],
        partition_count: 2,
        totallag: 0,
      },
      request: { url: '/v3/kafka/local/consumer/billing/status', host: 'burrow' },
    });
    const lag = json(c, 'localhost:8000/v3/kafka/local/consumer/billing/lag');
    expect(Object.keys(lag.status)).toEqual([
      'cluster',
      'group',
      'status',
      'complete',
      'partitions',
      'partition_count',
      'maxlag',
      'totallag',
    ]);
    expect(lag.status.partitions).toHaveLength(2);
    expect(
      lag.status.partitions.map((p: { topic: string; partition: number }) => `${p.topic}-${p.partition}`),
    ).toEqual(['orders-0', 'orders-1']);
    expect(Object.keys(lag.status.partitions[0])).toEqual([
      'topic',
      'partition',
      'owner',
      'client_id',
      'status',
      'start',
      'end',
      'current_lag',
      'complete',
    ]);
    expect(lag.status.maxlag).not.toBeNull();
    expect(lag.status.partitions.every((p: { status: string }) => p.status === 'OK')).toBe(true);
  });

  it('an unknown group or cluster on /status: 404 with status NOTFOUND (getConsumerStatus replies NOTFOUND on a cache error)', () => {
    const c = burrowConsole();
    for (const url of [
      'localhost:8000/v3/kafka/local/consumer/nobody/status',
      'localhost:8000/v3/kafka/elsewhere/consumer/billing/lag',
    ]) {
      const r = c.run(`curl -si ${url}`);
      expect(r.stdout.split('\n')[0], url).toBe('HTTP/1.1 404 Not Found');
      const body = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
      expect(body).toMatchObject({
        error: false,
        message: 'consumer status returned',
        status: {
          status: 'NOTFOUND',
          complete: 1,
          partitions: [],
          partition_count: 0,
          maxlag: null,
          totallag: 0,
        },
      });
    }
  });

  it('an unknown cluster or group elsewhere: 404 with error true and the handler’s message (writeErrorResponse)', () => {
    const c = burrowConsole();
    expect(json(c, 'localhost:8000/v3/kafka/elsewhere/consumer')).toEqual({
      error: true,
      message: 'cluster not found',
      request: { url: '/v3/kafka/elsewhere/consumer', host: 'burrow' },
    });
    expect(json(c, 'localhost:8000/v3/kafka/local/consumer/nobody')).toMatchObject({
      error: true,
      message: 'cluster or consumer not found',
    });
    expect(json(c, 'localhost:8000/v3/kafka/elsewhere')).toMatchObject({
      error: true,
      message: 'cluster module not found',
    });
    expect(c.run('curl -sf localhost:8000/v3/kafka/local/consumer/nobody').exitCode).toBe(22);
  });
});
