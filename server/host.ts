// The HandlerEnv the Node listener gives the protocol handlers: dispatch (clock first), waiting for simulation
// conditions and events with wall-clock deadlines, gzip through node:zlib, and the listener address map.
import { gunzipSync } from 'node:zlib';
import type { Command, CommandResult, SimEvent, Simulation } from '../simulator/index';
import { simulationGroupCoordinator } from '../simulator/protocol/groupCoordinator';
import type { HandlerEnv } from '../simulator/protocol/handlers';
import type { GroupCoordinatorPort } from '../simulator/protocol/handlers/groupPort';
import { type Compression, UnsupportedCompressionError } from '../simulator/protocol/recordBatch';
import type { WallClockDriver } from './wallClock';

/** Upper bound for one decompressed batch: a gzip bomb closes nothing but its own partition. */
const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export function decompress(codec: Compression, data: Uint8Array): Uint8Array {
  if (codec === 'gzip') return new Uint8Array(gunzipSync(data, { maxOutputLength: MAX_DECOMPRESSED_BYTES }));
  throw new UnsupportedCompressionError(codec);
}

type Waiter = { check: () => boolean; cancel: () => void };

export class SimHost {
  readonly env: HandlerEnv;
  private readonly waiters = new Set<Waiter>();
  private readonly eventWaiters = new Set<{
    pred: (e: SimEvent) => boolean;
    resolve: (e: SimEvent) => void;
  }>();
  private readonly afterDispatch = new Set<() => void>();

  constructor(
    readonly sim: Simulation,
    readonly clock: WallClockDriver,
    listenerOf: HandlerEnv['listenerOf'],
    groups: GroupCoordinatorPort | null | 'simulation',
  ) {
    sim.subscribe((result) => this.onDispatch(result));
    this.env = {
      sim,
      dispatch: (command: Command) => {
        clock.sync();
        return sim.dispatch(command);
      },
      waitFor: (probe, timeoutMs) => this.waitFor(probe, timeoutMs),
      waitForEvent: (pred, timeoutMs) => this.waitForEvent(pred, timeoutMs),
      decompress,
      listenerOf,
      groups: null,
    };
    this.env.groups = groups === 'simulation' ? simulationGroupCoordinator(this.env) : groups;
  }

  /** Run after every dispatch (the listener closes sockets of stopped brokers here). */
  onEveryDispatch(fn: () => void): void {
    this.afterDispatch.add(fn);
  }

  private onDispatch(result: CommandResult): void {
    for (const ev of result.events)
      for (const w of [...this.eventWaiters])
        if (w.pred(ev)) {
          this.eventWaiters.delete(w);
          w.resolve(ev);
        }
    for (const w of [...this.waiters]) w.check();
    for (const fn of this.afterDispatch) fn();
    this.clock.rearm();
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const first = probe();
    if (first !== undefined) return Promise.resolve(first);
    return new Promise((resolve) => {
      const w: Waiter = {
        check: () => {
          const v = probe();
          if (v === undefined) return false;
          done(v);
          return true;
        },
        cancel: () => done(undefined),
      };
      const timer = setTimeout(
        () => {
          this.clock.sync(); // the deadline is also a moment of virtual time
          if (this.waiters.has(w) && !w.check()) done(undefined);
        },
        Math.max(0, timeoutMs),
      );
      const done = (v: T | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(w);
        resolve(v);
      };
      this.waiters.add(w);
    });
  }

  private waitForEvent(pred: (e: SimEvent) => boolean, timeoutMs: number): Promise<SimEvent | undefined> {
    return new Promise((resolve) => {
      const entry = {
        pred,
        resolve: (e: SimEvent) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      const timer = setTimeout(
        () => {
          this.eventWaiters.delete(entry);
          resolve(undefined);
        },
        Math.max(0, timeoutMs),
      );
      this.eventWaiters.add(entry);
    });
  }

  /** Settle every pending wait (server shutdown). */
  close(): void {
    for (const w of [...this.waiters]) w.cancel();
    this.waiters.clear();
    for (const w of [...this.eventWaiters]) w.resolve(undefined as unknown as SimEvent);
    this.eventWaiters.clear();
  }
}
