// The handle every command, task and hook receives: the state plus the only ways to emit events, signal other
// areas, schedule tasks and draw random numbers (so every effect is recorded and replayable).
import {
  type EventMap,
  type EventType,
  eventHooksFor,
  type SignalMap,
  type SignalType,
  type SimEvent,
  signalHooksFor,
  type TaskMap,
  type TaskType,
} from './registry';
import { nextInt, nextRandom, nextUuid } from './rng';
import { heapPush } from './scheduler';
import type { SimState } from './state';

export class Ctx {
  constructor(
    readonly state: SimState,
    private readonly sink: SimEvent[],
  ) {}

  get now(): number {
    return this.state.now;
  }

  /** Record an event (seq and time are filled in) and run the hooks other areas registered for it. */
  emit<K extends EventType>(type: K, reason: string, payload: EventMap[K]): void {
    // Object.assign rather than a spread: the same keys in the same order, but V8's generic spread of payloads of
    // a hundred shapes is several times slower, and every record's journey emits events.
    const event = Object.assign(
      { seq: this.state.nextEventSeq++, time: this.state.now, type, reason },
      payload,
    ) as unknown as SimEvent;
    this.sink.push(event);
    const hooks = eventHooksFor(type);
    if (hooks) for (const hook of hooks) hook(this, event as never);
  }

  /** Notify the hooks of `type` now, without recording an event (see SignalMap). */
  signal<K extends SignalType>(type: K, payload: SignalMap[K]): void {
    const hooks = signalHooksFor(type);
    if (hooks) for (const hook of hooks) hook(this, payload as never);
  }

  /** Run `task` at now + delayMs (delay ≥ 0). Tasks are never cancelled: handlers check they are still current. */
  schedule<K extends TaskType>(delayMs: number, task: { type: K } & TaskMap[K]): void {
    heapPush(this.state.tasks, {
      at: this.state.now + Math.max(0, delayMs),
      seq: this.state.nextTaskSeq++,
      task: task as never,
    });
  }

  /** Schedule at an absolute virtual time (clamped to now). */
  scheduleAt<K extends TaskType>(at: number, task: { type: K } & TaskMap[K]): void {
    this.schedule(at - this.state.now, task);
  }

  random(): number {
    return nextRandom(this.state);
  }

  randomInt(n: number): number {
    return nextInt(this.state, n);
  }

  uuid(): string {
    return nextUuid(this.state);
  }
}
