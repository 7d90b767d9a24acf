// `kafka-sim --listen --ui`: the same process serves the built course export (out/) and a server-sent event
// stream of the simulation's command log at /live/events, so the playground opened at /playground/?live=1 replays
// the real clients' commands into its own Simulation (same seed and broker count: the replay is exact).
// Node's http module only; loopback only, like the Kafka listeners.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Command, Simulation } from '../simulator/index';

export const LIVE_EVENTS_PATH = '/live/events';

/** The first message: what the browser needs to build the same Simulation and the whole log so far. */
export type LiveInit = { seed: number; brokers: number; commands: Command[] };
/** Each later message: the commands dispatched since the last one; `from` is the first one's log index. */
export type LiveCommands = { from: number; commands: Command[] };

export type LiveViewOptions = {
  host?: string;
  /** 0 = any free port (tests). */
  port?: number;
  /** The exported site; when it is missing, pages answer with how to build it. */
  outDir?: string;
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export const NOT_BUILT_MESSAGE =
  'The course export (out/) is missing: run npm run build first, then start kafka-sim --listen --ui again.\n';

function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export class LiveViewServer {
  private readonly server: Server;
  private readonly clients = new Set<ServerResponse>();
  private pending: Command[] = [];
  private pendingFrom = 0;
  private flushScheduled = false;
  private readonly unsubscribe: () => void;
  private readonly root: string;

  constructor(
    private readonly sim: Simulation,
    private readonly options: LiveViewOptions = {},
  ) {
    this.root = path.resolve(options.outDir ?? 'out');
    this.server = createServer((req, res) => this.handle(req, res));
    // Commands are sent in batches, one per turn of the event loop: a produce request dispatches several.
    this.unsubscribe = sim.subscribe((result, command) => {
      if (this.clients.size === 0) return;
      if (this.pending.length === 0) this.pendingFrom = result.index;
      this.pending.push(command);
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async listen(): Promise<number> {
    const host = this.options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 3000, host, () => resolve());
    });
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    this.unsubscribe();
    for (const res of this.clients) res.end();
    this.clients.clear();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Whether the course export is there to serve. */
  hasExport(): boolean {
    return existsSync(path.join(this.root, 'index.html'));
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0) return;
    const message: LiveCommands = { from: this.pendingFrom, commands: this.pending };
    this.pending = [];
    for (const res of this.clients) sse(res, 'commands', message);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === LIVE_EVENTS_PATH) {
      this.openStream(res);
      return;
    }
    this.serveFile(url.pathname, res);
  }

  private openStream(res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // Commands queued for the next batch are already in sim.log: the new client gets them in its init.
    this.flush();
    const init: LiveInit = {
      seed: this.sim.init.seed ?? 42,
      brokers: this.sim.init.brokers ?? 3,
      commands: [...this.sim.log],
    };
    sse(res, 'init', init);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  private serveFile(urlPath: string, res: ServerResponse): void {
    if (!this.hasExport()) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(NOT_BUILT_MESSAGE);
      return;
    }
    const file = this.resolve(urlPath);
    if (!file) {
      const notFound = path.join(this.root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  }

  private resolve(urlPath: string): string | null {
    let clean: string;
    try {
      clean = decodeURIComponent(urlPath);
    } catch {
      return null;
    }
    const candidate = path.join(this.root, clean);
    if (candidate !== this.root && !candidate.startsWith(this.root + path.sep)) return null;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const index = path.join(candidate, 'index.html');
    if (existsSync(index)) return index;
    if (existsSync(`${candidate}.html`)) return `${candidate}.html`;
    return null;
  }
}
