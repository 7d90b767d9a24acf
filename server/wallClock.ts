// The wall-clock driver: while at least one client is connected the simulation's virtual clock follows real time
// (clients use real timeouts: request.timeout.ms, session.timeout.ms), paused while nobody is connected. Time
// only moves through `advanceClock` commands, dispatched lazily — before each client command and when a
// scheduled task falls due — so an idle session adds nothing to the command log and replays exactly.
import { nextTaskTime } from '../simulator/engine/clock';
import { Ctx } from '../simulator/engine/context';
import type { Simulation } from '../simulator/index';

export type Clock = { now: () => number };
export const systemClock: Clock = { now: () => performance.now() };

export class WallClockDriver {
  private connected = 0;
  private wallBase = 0;
  private simBase = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private timerAt = Number.POSITIVE_INFINITY;
  private stopped = false;

  constructor(
    private readonly sim: Simulation,
    private readonly clock: Clock = systemClock,
  ) {}

  clientConnected(): void {
    if (this.connected++ === 0) {
      this.wallBase = this.clock.now();
      this.simBase = this.sim.state.now;
    }
    this.rearm();
  }

  clientDisconnected(): void {
    if (this.connected > 0 && --this.connected === 0) {
      this.sync();
      this.clearTimer();
    }
  }

  /** The virtual time that corresponds to now. */
  target(): number {
    if (this.connected === 0) return this.sim.state.now;
    return Math.max(this.sim.state.now, Math.floor(this.simBase + (this.clock.now() - this.wallBase)));
  }

  /** Bring the virtual clock up to wall time (one advanceClock command, or none when already there). */
  sync(): void {
    if (this.connected === 0) return;
    const ms = this.target() - this.sim.state.now;
    if (ms > 0) this.sim.dispatch({ type: 'advanceClock', ms });
  }

  /** Wake when the next scheduled task is due in wall time. */
  rearm(): void {
    if (this.stopped || this.connected === 0) return;
    const next = nextTaskTime(new Ctx(this.sim.state, []));
    if (next === null) return;
    const delay = Math.max(0, next - this.target());
    const at = this.clock.now() + delay;
    if (this.timer && at >= this.timerAt) return;
    this.clearTimer();
    this.timerAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.sync();
      this.rearm();
    }, Math.ceil(delay));
  }

  stop(): void {
    this.stopped = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = Number.POSITIVE_INFINITY;
  }
}
