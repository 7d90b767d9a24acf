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
  /**
   * The simulation's own state: the clock, the event and task counters and the task queue. It is `state`
   * itself, except in the context of another cluster of the simulation (engine/clusters.ts `clusterCtx`).
   */
  protected readonly top: SimState;

  constructor(
    readonly state: SimState,
    private readonly sink: SimEvent[],
    /** The cluster `state` is, when it is not the simulation's first one (state.clusters). */
    readonly cluster: string | null = null,
    private readonly parent: Ctx | null = null,
  ) {
    this.top = parent ? parent.top : state;
  }

  /** The context of the simulation's first cluster (this one, unless this is another cluster's). */
  get root(): Ctx {
    return this.parent ?? this;
  }

  /** Where this context's events go (a ClusterCtx shares its parent's). */
  get events(): SimEvent[] {
    return this.sink;
  }

  get now(): number {
    return this.top.now;
  }

  /** Record an event (seq and time are filled in) and run the hooks other areas registered for it. */
  emit<K extends EventType>(type: K, reason: string, payload: EventMap[K]): void {
    // Object.assign rather than a spread: the same keys in the same order, but V8's generic spread of payloads of
    // a hundred shapes is several times slower, and every record's journey emits events.
    const event = Object.assign(
      { seq: this.top.nextEventSeq++, time: this.top.now, type, reason },
      payload,
    ) as unknown as SimEvent;
    // Another cluster's events say which cluster they happened in (the first cluster's carry nothing).
    if (this.cluster !== null) (event as { cluster?: string }).cluster = this.cluster;
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
    // Every cluster's tasks share the simulation's one queue, so the clusters' clocks never drift apart.
    heapPush(this.top.tasks, {
      at: this.top.now + Math.max(0, delayMs),
      seq: this.top.nextTaskSeq++,
      task: (this.cluster === null ? task : { type: 'clusterTask', cluster: this.cluster, task }) as never,
    });
  }

  /** Schedule at an absolute virtual time (clamped to now). */
  scheduleAt<K extends TaskType>(at: number, task: { type: K } & TaskMap[K]): void {
    this.schedule(at - this.top.now, task);
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
