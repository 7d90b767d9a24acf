// `kafka-sim --listen`: the simulated cluster as a Kafka endpoint for real clients (KafkaJS, kcat, …).
//   --brokers N (default 3)  --seed S (default 42)  --port P (first broker's port, default 9092; the others follow)
//   --bind ADDR with --allow-remote-clients to listen on an address other than loopback (a warning is printed)
//   --ui [--ui-port P] also serves the course export and its live view on http://127.0.0.1:P (default 3000)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Simulation } from '../simulator/index';
import { KafkaListeners } from './listener';
import { LIVE_EVENTS_PATH, LiveViewServer } from './liveView';

const USAGE = `Usage: kafka-sim --listen [--brokers N] [--seed S] [--port P] [--bind ADDR --allow-remote-clients] [--ui [--ui-port P]]
  Serves the Kafka protocol for every simulated broker on 127.0.0.1: broker 1 on P (default 9092), broker 2 on P+1, …
  --brokers N               number of brokers (default 3)
  --seed S                  random seed (default 42)
  --port P                  port of broker 1 (default 9092)
  --bind ADDR               listen on ADDR instead of 127.0.0.1 (needs --allow-remote-clients)
  --allow-remote-clients    confirm that clients on other machines may reach this unauthenticated endpoint
  --ui                      also serve the built course (out/) and its live playground on http://127.0.0.1:3000
  --ui-port P               port of the course and live view (default 3000; always loopback)`;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export type ServeOptions = {
  brokers: number;
  seed: number;
  port: number;
  bind: string;
  /** The live view's port, or null without --ui. */
  uiPort: number | null;
};

export function parseServeArgs(argv: string[]): ServeOptions | { error: string } | { help: true } {
  const opts: ServeOptions = { brokers: 3, seed: 42, port: 9092, bind: '127.0.0.1', uiPort: null };
  let allowRemote = false;
  let ui = false;
  let uiPort = 3000;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--listen') continue;
    if (a === '--help' || a === '-h') return { help: true };
    if (a === '--allow-remote-clients') {
      allowRemote = true;
      continue;
    }
    if (a === '--ui') {
      ui = true;
      continue;
    }
    const v = argv[++i];
    if (a === '--bind') {
      if (!v) return { error: '--bind needs an address' };
      opts.bind = v;
      continue;
    }
    if (a === '--brokers' || a === '--seed' || a === '--port' || a === '--ui-port') {
      if (v === undefined || !/^\d+$/.test(v)) return { error: `${a} needs a non-negative integer` };
      if (a === '--brokers') opts.brokers = Number(v);
      else if (a === '--seed') opts.seed = Number(v);
      else if (a === '--ui-port') uiPort = Number(v);
      else opts.port = Number(v);
      continue;
    }
    return { error: `unknown argument '${a}'` };
  }
  if (opts.brokers < 1 || opts.brokers > 9) return { error: '--brokers must be between 1 and 9' };
  if (opts.port < 1 || opts.port + opts.brokers - 1 > 65535) return { error: '--port out of range' };
  if (uiPort > 65535) return { error: '--ui-port out of range' };
  if (ui) opts.uiPort = uiPort;
  if (!LOOPBACK.has(opts.bind) && !allowRemote)
    return { error: `--bind ${opts.bind} is not a loopback address: add --allow-remote-clients to confirm` };
  return opts;
}

export async function main(argv: string[]): Promise<number> {
  const parsed = parseServeArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`kafka-sim: ${parsed.error}\n${USAGE}\n`);
    return 2;
  }
  if (!LOOPBACK.has(parsed.bind))
    process.stderr.write(
      `kafka-sim: WARNING: listening on ${parsed.bind}: anyone who can reach it can read and write this simulated cluster (no authentication, no TLS)\n`,
    );
  const sim = new Simulation({ seed: parsed.seed, brokers: parsed.brokers });
  const listeners = new KafkaListeners(sim, { host: parsed.bind, port: parsed.port });
  const ports = await listeners.listen();
  for (const [broker, port] of ports)
    process.stdout.write(`broker ${broker} listening on ${parsed.bind}:${port}\n`);
  process.stdout.write(
    `bootstrap.servers=${[...ports.values()].map((p) => `${parsed.bind}:${p}`).join(',')}\n`,
  );
  let live: LiveViewServer | null = null;
  if (parsed.uiPort !== null) {
    const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'out');
    live = new LiveViewServer(sim, { port: parsed.uiPort, outDir });
    const uiPort = await live.listen();
    process.stdout.write(`live view: http://127.0.0.1:${uiPort}/playground/?live=1\n`);
    process.stdout.write(`command stream: http://127.0.0.1:${uiPort}${LIVE_EVENTS_PATH}\n`);
    if (!live.hasExport()) process.stdout.write(`kafka-sim: out/ is missing: run npm run build first\n`);
  }
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await live?.close();
  await listeners.close();
  process.stdout.write(`kafka-sim: stopped after ${sim.log.length} commands\n`);
  return 0;
}
