// The Simulation: seed + command log → state and events. Identity matters (views subscribe to one instance),
// so this is a class; everything it holds besides listeners is plain data.
import { AREAS } from './areas';
import { Ctx } from './engine/context';
import { createInitialState } from './engine/initialState';
import {
  applyCommand,
  type Command,
  type CommandType,
  installAreas,
  type KafkaError,
  type ResultData,
  type SimEvent,
} from './engine/registry';
import type { SimInit, SimState } from './engine/state';

installAreas(AREAS);

export type CommandResult<K extends CommandType = CommandType> = (
  | { ok: true; data: ResultData<K> }
  | { ok: false; error: KafkaError }
) & {
  /** Position of the command in the log. */
  index: number;
  /** Events the command caused, in order. */
  events: SimEvent[];
};

export type SimulationOptions = {
  /** Keep at most this many past events in `events` (older ones are dropped; default 100000). */
  maxRetainedEvents?: number;
};

type Listener = (result: CommandResult, command: Command) => void;

/**
 * One step of the learner's history: what they typed or clicked (a console line, with its here-document) and
 * the commands it dispatched, `log[firstCommand .. firstCommand + commandCount)`, and how many events they
 * emitted (a step that emitted none changed nothing).
 */
export type HistoryStep = { line: string; firstCommand: number; commandCount: number; eventCount: number };

/**
 * `{ ...outcome, index, events }`. The two shapes handlers return (`ok(data)`, `fail(code, message)`) are built
 * directly: spreading objects of the many shapes the areas return goes through V8's slow generic copy, which
 * was most of dispatch's own time in replays. Anything else is spread, so the keys and their order never differ.
 */
function positioned(outcome: object, index: number, events: SimEvent[]): object {
  let keys = 0;
  let first = '';
  for (const k in outcome) if (keys++ === 0) first = k;
  if (keys === 2 && first === 'ok') {
    const o = outcome as { ok: unknown; data?: unknown; error?: unknown };
    if (o.ok === true && Object.hasOwn(o, 'data')) return { ok: true, data: o.data, index, events };
    if (o.ok === false && Object.hasOwn(o, 'error')) return { ok: false, error: o.error, index, events };
  }
  return { ...outcome, index, events };
}

export class Simulation {
  readonly init: SimInit;
  state: SimState;
  /** Every dispatched command, in order (including failed ones: replay reproduces the failure). */
  readonly log: Command[] = [];
  /** The steps the commands were dispatched for, in order (recorded by the console: see recordStep). */
  readonly history: HistoryStep[] = [];
  /** Recent events (see maxRetainedEvents); `state.nextEventSeq` counts all. */
  events: SimEvent[] = [];
  /** Increments on every dispatch (cheap change detection for views). */
  version = 0;
  private readonly maxRetained: number;
  private readonly listeners = new Set<Listener>();

  constructor(init: SimInit = {}, options: SimulationOptions = {}) {
    this.init = { ...init };
    this.maxRetained = options.maxRetainedEvents ?? 100_000;
    this.state = createInitialState(this.init, this.events);
  }

  /** Append the command to the log, apply it, and return its outcome and events. Never throws. */
  dispatch<C extends Command>(command: C): CommandResult<C['type']> {
    const index = this.log.length;
    this.log.push(command);
    const sink: SimEvent[] = [];
    const ctx = new Ctx(this.state, sink);
    let outcome: { ok: true; data: unknown } | { ok: false; error: KafkaError };
    try {
      outcome = applyCommand(ctx, command);
    } catch (e) {
      outcome = {
        ok: false,
        error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) },
      };
    }
    this.retain(sink);
    this.version++;
    const result = positioned(outcome, index, sink) as CommandResult<C['type']>;
    for (const l of this.listeners) l(result as CommandResult, command);
    return result;
  }

  /** Where the next step starts: mark it before running a line, then recordStep with the mark. */
  stepMark(): { firstCommand: number; firstEvent: number } {
    return { firstCommand: this.log.length, firstEvent: this.state.nextEventSeq };
  }

  /** Record the commands dispatched since `mark` as one step of the history, for `line`. */
  recordStep(line: string, mark: { firstCommand: number; firstEvent: number }): HistoryStep {
    const step: HistoryStep = {
      line,
      firstCommand: mark.firstCommand,
      commandCount: this.log.length - mark.firstCommand,
      eventCount: this.state.nextEventSeq - mark.firstEvent,
    };
    this.history.push(step);
    return step;
  }

  /** Subscribe to every dispatch; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rebuild from a seed and a command log (optionally only its first `upTo` commands). */
  static replay(
    init: SimInit,
    commands: readonly Command[],
    upTo?: number,
    options?: SimulationOptions,
  ): Simulation {
    const sim = new Simulation(init, options);
    const n = upTo === undefined ? commands.length : Math.min(upTo, commands.length);
    for (let i = 0; i < n; i++) sim.dispatch(commands[i]);
    return sim;
  }

  /** This simulation with its last `steps` commands undone. */
  undo(steps = 1): Simulation {
    return Simulation.replay(this.init, this.log, Math.max(0, this.log.length - steps), {
      maxRetainedEvents: this.maxRetained,
    });
  }

  /** JSON of the full state (what determinism compares). */
  serialize(): string {
    return JSON.stringify(this.state);
  }

  private retain(sink: SimEvent[]): void {
    for (const e of sink) this.events.push(e);
    if (this.events.length > this.maxRetained * 1.5) this.events = this.events.slice(-this.maxRetained);
  }
}
