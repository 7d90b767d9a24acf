// One TCP listener per simulated broker (ports base, base+1, …, in broker-id order), so Metadata can advertise
// host:port per broker id and clients connect to the leaders themselves. A stopped or isolated broker closes its
// connections and refuses new ones. Each connection handles one request at a time, in order (Kafka mutes a
// channel until its response is sent: "the broker's request processing allows only a single in-flight request
// per connection", protocol.html); a malformed, oversized or unsupported request closes that connection with one
// log line and changes nothing else.
import { createServer, type Server, type Socket } from 'node:net';
import type { Simulation } from '../simulator/index';
import { brokerIds, brokerServing } from '../simulator/protocol/bridge';
import type { GroupCoordinatorPort } from '../simulator/protocol/handlers/groupPort';
import { processFrame } from '../simulator/protocol/requestProcessor';
import { SimHost } from './host';
import { WallClockDriver } from './wallClock';

/** socket.request.max.bytes default (SocketServerConfigs): larger frames close the connection. */
export const DEFAULT_MAX_REQUEST_BYTES = 104_857_600;

export type ListenOptions = {
  host?: string;
  /** Port of the lowest broker id; the others follow. 0 = any free ports (tests). */
  port?: number;
  /** Address advertised in Metadata (default: host). */
  advertisedHost?: string;
  maxRequestBytes?: number;
  /** Default: the simulation's own group coordinator; null serves no group APIs. */
  groups?: GroupCoordinatorPort | null | 'simulation';
  log?: (line: string) => void;
};

type Conn = {
  id: number;
  broker: number;
  socket: Socket;
  label: string | null;
  buffer: Buffer;
  busy: boolean;
  closed: boolean;
};

export class KafkaListeners {
  readonly host: SimHost;
  readonly clock: WallClockDriver;
  private readonly servers = new Map<number, Server>();
  private readonly ports = new Map<number, number>();
  private readonly conns = new Set<Conn>();
  private nextConnId = 1;
  private readonly log: (line: string) => void;
  private readonly maxRequestBytes: number;
  private readonly bindHost: string;
  private readonly advertisedHost: string;

  constructor(
    readonly sim: Simulation,
    private readonly options: ListenOptions = {},
  ) {
    this.bindHost = options.host ?? '127.0.0.1';
    this.advertisedHost = options.advertisedHost ?? this.bindHost;
    this.maxRequestBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
    this.clock = new WallClockDriver(sim);
    this.host = new SimHost(
      sim,
      this.clock,
      (broker) => {
        const port = this.ports.get(broker);
        return port === undefined ? undefined : { host: this.advertisedHost, port };
      },
      options.groups === undefined ? 'simulation' : options.groups,
    );
    this.host.onEveryDispatch(() => this.closeStoppedBrokers());
  }

  /** Start one listener per broker; resolves with broker id → port. */
  async listen(): Promise<Map<number, number>> {
    const base = this.options.port ?? 9092;
    for (const [i, broker] of brokerIds(this.sim).entries()) {
      const server = createServer((socket) => this.accept(broker, socket));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(base === 0 ? 0 : base + i, this.bindHost, () => resolve());
      });
      const addr = server.address();
      this.ports.set(broker, typeof addr === 'object' && addr ? addr.port : base + i);
      this.servers.set(broker, server);
    }
    return new Map(this.ports);
  }

  portOf(broker: number): number | undefined {
    return this.ports.get(broker);
  }

  async close(): Promise<void> {
    for (const c of this.conns) this.drop(c, null);
    this.host.close();
    this.clock.stop();
    await Promise.all([...this.servers.values()].map((s) => new Promise<void>((r) => s.close(() => r()))));
  }

  private accept(broker: number, socket: Socket): void {
    const conn: Conn = {
      id: this.nextConnId++,
      broker,
      socket,
      label: null,
      buffer: Buffer.alloc(0),
      busy: false,
      closed: false,
    };
    socket.setNoDelay(true);
    if (!brokerServing(this.sim, broker)) {
      socket.destroy(); // a stopped broker refuses connections
      return;
    }
    this.conns.add(conn);
    this.clock.clientConnected();
    socket.on('data', (chunk: Buffer) => {
      conn.buffer = conn.buffer.length ? Buffer.concat([conn.buffer, chunk]) : chunk;
      this.pump(conn);
    });
    socket.on('error', () => this.drop(conn, null));
    socket.on('close', () => this.drop(conn, null));
  }

  private drop(conn: Conn, reason: string | null): void {
    if (conn.closed) return;
    conn.closed = true;
    this.conns.delete(conn);
    if (reason)
      this.log(
        `[kafka-sim] broker ${conn.broker} connection #${conn.id} (${conn.label ?? 'unknown client'}) closed: ${reason}`,
      );
    conn.socket.destroy();
    this.clock.clientDisconnected();
  }

  private closeStoppedBrokers(): void {
    for (const c of [...this.conns]) if (!brokerServing(this.sim, c.broker)) this.drop(c, null);
  }

  private pump(conn: Conn): void {
    if (conn.busy || conn.closed) return;
    if (conn.buffer.length < 4) return;
    const size = conn.buffer.readInt32BE(0);
    if (size < 8 || size > this.maxRequestBytes) {
      this.drop(conn, `invalid request size ${size} (socket.request.max.bytes=${this.maxRequestBytes})`);
      return;
    }
    if (conn.buffer.length < 4 + size) {
      // back-pressure: stop reading while a large frame arrives is not needed; the bound above caps memory
      return;
    }
    const frame = new Uint8Array(conn.buffer.buffer, conn.buffer.byteOffset + 4, size).slice();
    conn.buffer = conn.buffer.subarray(4 + size);
    if (conn.label === null) conn.label = labelOf(frame, conn.id);
    if (process.env.KAFKA_SIM_DEBUG === 'frames') this.log(`request ${Buffer.from(frame).toString('hex')}`);
    conn.busy = true;
    const info = { id: conn.id, broker: conn.broker, label: conn.label };
    processFrame(this.host.env, info, frame)
      .then((outcome) => {
        if (conn.closed) return;
        if (outcome.kind === 'close') {
          if (process.env.KAFKA_SIM_DEBUG) this.log(Buffer.from(frame).toString('hex'));
          this.drop(conn, outcome.reason);
          return;
        }
        if (outcome.kind === 'reply') conn.socket.write(outcome.bytes);
        conn.busy = false;
        this.pump(conn);
      })
      .catch((e) => this.drop(conn, `internal error: ${e instanceof Error ? e.message : String(e)}`));
  }
}

/** "client.id#connection" from the request header (client id at bytes 8.. as an int16-length string). */
function labelOf(frame: Uint8Array, id: number): string {
  try {
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const n = view.getInt16(8);
    if (n > 0 && 10 + n <= frame.length)
      return `${new TextDecoder().decode(frame.subarray(10, 10 + n))}#${id}`;
  } catch {
    // fall through
  }
  return `client#${id}`;
}
