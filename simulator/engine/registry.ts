// The engine's extension points. An area (cluster, replication, consumer groups, transactions, ...) declares
// its commands, events, tasks, signals and state by augmenting these interfaces from its own types.ts:
//
//   declare module '../engine/registry' { interface CommandMap { consumerPoll: { name: string } } }
//
// and hands its handlers to the engine in one definition object (defineArea, in its index.ts). The ordered
// list of areas (simulator/areas.ts) is installed once: it fixes which handler serves each command and task,
// and the order in which event hooks run, so replay is deterministic. No area edits another area's code.
import type { Ctx } from './context';
import type { KafkaErrorCode } from './errors';
import type { SimInit, SimState } from './state';

/** Command type → payload (without `type`). */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface CommandMap {}
/** Command type → data returned on success (commands without an entry return `undefined`). */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface CommandResultMap {}
/** Event type → payload (without seq/time/type/reason). */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface EventMap {}
/** Scheduled task type → payload (plain data, lives in state.tasks). */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface TaskMap {}
/**
 * Signal type → payload. A signal is a synchronous notice from one area to the hooks of others that is not
 * a fact for the learner: it gets no seq, is not recorded and changes nothing by itself (e.g. the controller
 * publishing a committed metadata change to the brokers). Everything a hook changes still emits events.
 */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface SignalMap {}
/** state.areas: one slice per area that keeps its state there. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by each area
export interface AreaStates {}

export type CommandType = keyof CommandMap & string;
export type CommandOf<K extends CommandType> = { type: K } & CommandMap[K];
export type Command = { [K in CommandType]: CommandOf<K> }[CommandType];
export type ResultData<K extends CommandType> = K extends keyof CommandResultMap
  ? CommandResultMap[K]
  : undefined;

export type EventType = keyof EventMap & string;
export type EventBase = { seq: number; time: number; reason: string };
export type EventOf<K extends EventType> = EventBase & { type: K } & EventMap[K];
export type SimEvent = { [K in EventType]: EventOf<K> }[EventType];

export type TaskType = keyof TaskMap & string;
export type TaskOf<K extends TaskType> = { type: K } & TaskMap[K];
export type Task = { [K in TaskType]: TaskOf<K> }[TaskType];

export type SignalType = keyof SignalMap & string;

export type KafkaError = { code: KafkaErrorCode; message: string };
export type Outcome<D> = { ok: true; data: D } | { ok: false; error: KafkaError };

export type CommandHandler<K extends CommandType> = (ctx: Ctx, cmd: CommandOf<K>) => Outcome<ResultData<K>>;
export type TaskHandler<K extends TaskType> = (ctx: Ctx, task: TaskOf<K>) => void;
export type EventHook<K extends EventType> = (ctx: Ctx, event: EventOf<K>) => void;
export type SignalHook<K extends SignalType> = (ctx: Ctx, signal: SignalMap[K]) => void;
/**
 * A check another area runs before a command's own handler (e.g. transactions refusing a send outside a
 * transaction). Returning an error fails the command before anything changes.
 */
export type CommandGuard<K extends CommandType> = (ctx: Ctx, cmd: CommandOf<K>) => KafkaError | null;

/** An area's command handlers, keyed by command type. */
export type CommandHandlers = { readonly [K in CommandType]?: CommandHandler<K> };
/** An area's task handlers, keyed by task type. */
export type TaskHandlers = { readonly [K in TaskType]?: TaskHandler<K> };

type AnyFn = (ctx: Ctx, x: never) => unknown;
export type Hook = { readonly on: 'event' | 'signal'; readonly type: string; readonly run: AnyFn };
export type Guard = { readonly command: string; readonly check: AnyFn };

export type AreaDefinition<
  C extends CommandHandlers = CommandHandlers,
  T extends TaskHandlers = TaskHandlers,
> = {
  /** For error messages and the hook-order test. */
  readonly name: string;
  /**
   * Adds the area's state: fields of SimState and/or its slice of state.areas. Pure: no events, no random
   * numbers, no tasks (every area's init runs before any area starts).
   */
  readonly init?: (state: SimState, init: SimInit) => void;
  /** Runs once after every init, in area order: may emit events, draw random numbers and schedule tasks. */
  readonly start?: (ctx: Ctx, init: SimInit) => void;
  readonly commands?: C;
  readonly tasks?: T;
  /** Event and signal hooks, run in this order (after the hooks of the areas listed before this one). */
  readonly hooks?: readonly Hook[];
  /** Checks on other areas' commands, run before their handler in area order. */
  readonly guards?: readonly Guard[];
};

/** One area's definition (identity function that keeps the literal handler keys for the coverage check). */
export function defineArea<
  C extends CommandHandlers = Record<never, never>,
  T extends TaskHandlers = Record<never, never>,
>(definition: AreaDefinition<C, T>): AreaDefinition<C, T> {
  return definition;
}

/** Run `hook` synchronously, inside the same command, after every event of `type` is emitted. */
export function on<K extends EventType>(type: K, hook: EventHook<K>): Hook {
  return { on: 'event', type, run: hook as AnyFn };
}

/** Run `hook` synchronously whenever an area raises the signal `type` (ctx.signal). */
export function onSignal<K extends SignalType>(type: K, hook: SignalHook<K>): Hook {
  return { on: 'signal', type, run: hook as AnyFn };
}

export function guard<K extends CommandType>(command: K, check: CommandGuard<K>): Guard {
  return { command, check: check as AnyFn };
}

export function ok<D>(data: D): { ok: true; data: D } {
  return { ok: true, data };
}

export function okVoid(): { ok: true; data: undefined } {
  return { ok: true, data: undefined };
}

export function fail(code: KafkaErrorCode, message: string): { ok: false; error: KafkaError } {
  return { ok: false, error: { code, message } };
}

// ---- The installed list -----------------------------------------------------------------------------------

type Tables = {
  areas: readonly AreaDefinition[];
  commands: Map<string, AnyFn>;
  tasks: Map<string, AnyFn>;
  events: Map<string, AnyFn[]>;
  signals: Map<string, AnyFn[]>;
  guards: Map<string, AnyFn[]>;
};

function buildTables(areas: readonly AreaDefinition[]): Tables {
  const t: Tables = {
    areas,
    commands: new Map(),
    tasks: new Map(),
    events: new Map(),
    signals: new Map(),
    guards: new Map(),
  };
  const owner = new Map<string, string>();
  const claim = (kind: string, type: string, area: string) => {
    const key = `${kind} ${type}`;
    const first = owner.get(key);
    if (first !== undefined) throw new Error(`${key} has two handlers: areas ${first} and ${area}`);
    owner.set(key, area);
  };
  const names = new Set<string>();
  for (const area of areas) {
    if (names.has(area.name)) throw new Error(`area ${area.name} is listed twice`);
    names.add(area.name);
    for (const [type, handler] of Object.entries(area.commands ?? {})) {
      claim('command', type, area.name);
      t.commands.set(type, handler as AnyFn);
    }
    for (const [type, handler] of Object.entries(area.tasks ?? {})) {
      claim('task', type, area.name);
      t.tasks.set(type, handler as AnyFn);
    }
    for (const hook of area.hooks ?? []) {
      const table = hook.on === 'event' ? t.events : t.signals;
      table.set(hook.type, [...(table.get(hook.type) ?? []), hook.run]);
    }
    for (const g of area.guards ?? []) t.guards.set(g.command, [...(t.guards.get(g.command) ?? []), g.check]);
  }
  return t;
}

let installed: readonly AreaDefinition[] = [];
let tables: Tables = buildTables([]);

function rebuild(): void {
  const legacy = legacyArea();
  tables = buildTables(legacy ? [...installed, legacy] : installed);
}

/**
 * Install the ordered area list (simulator/areas.ts does, once). Installing the same definitions again is a
 * no-op; a different list (a hot reload re-ran the area modules, or a test adds an area) replaces the tables
 * as a whole. Throws when two areas handle the same command or task.
 */
export function installAreas(areas: readonly AreaDefinition[]): void {
  if (areas.length === installed.length && areas.every((a, i) => a === installed[i])) return;
  const previous = installed;
  installed = [...areas];
  try {
    rebuild();
  } catch (e) {
    installed = previous;
    rebuild();
    throw e;
  }
}

/** The installed areas in order (plus the legacy one, if anything registered outside an area definition). */
export function installedAreas(): readonly AreaDefinition[] {
  return tables.areas;
}

export function commandHandler(type: string): AnyFn | undefined {
  return tables.commands.get(type);
}

export function taskHandler(type: string): AnyFn | undefined {
  return tables.tasks.get(type);
}

export function eventHooksFor(type: string): readonly AnyFn[] | undefined {
  return tables.events.get(type);
}

export function signalHooksFor(type: string): readonly AnyFn[] | undefined {
  return tables.signals.get(type);
}

export function commandGuardsFor(type: string): readonly AnyFn[] | undefined {
  return tables.guards.get(type);
}

/**
 * Run one command's guards, then its handler, in `ctx` (the Simulation's dispatch, and a command addressed to
 * another cluster of the simulation). A handler that throws is the caller's to catch.
 */
export function applyCommand(
  ctx: Ctx,
  command: Command,
): { ok: true; data: unknown } | { ok: false; error: KafkaError } {
  const handler = commandHandler(command.type);
  if (!handler)
    return {
      ok: false,
      error: { code: 'INVALID_COMMAND', message: `Unknown command type: ${command.type}` },
    };
  const refusal = commandGuardsFor(command.type)
    ?.map((guard) => guard(ctx, command as never) as KafkaError | null)
    .find((error) => error !== null);
  return refusal
    ? { ok: false, error: refusal }
    : (handler(ctx, command as never) as { ok: true; data: unknown } | { ok: false; error: KafkaError });
}

export function registeredCommandTypes(): string[] {
  return [...tables.commands.keys()];
}

export function registeredTaskTypes(): string[] {
  return [...tables.tasks.keys()];
}

// ---- Registration outside an area definition (kept for code written before areas; prefer defineArea) ------

type LegacyArea = {
  commands: Record<string, AnyFn>;
  tasks: Record<string, AnyFn>;
  hooks: Hook[];
  guards: Guard[];
  inits: Array<[string, (init: SimInit, state: SimState) => unknown]>;
};
const legacy: LegacyArea = { commands: {}, tasks: {}, hooks: [], guards: [], inits: [] };

function legacyArea(): AreaDefinition | null {
  const empty =
    Object.keys(legacy.commands).length === 0 &&
    Object.keys(legacy.tasks).length === 0 &&
    legacy.hooks.length === 0 &&
    legacy.guards.length === 0 &&
    legacy.inits.length === 0;
  if (empty) return null;
  return {
    name: 'registered outside an area definition',
    init: (state, init) => {
      const slices = state.areas as unknown as Record<string, unknown>;
      for (const [key, make] of legacy.inits) slices[key] = make(init, state);
    },
    commands: legacy.commands as CommandHandlers,
    tasks: legacy.tasks as TaskHandlers,
    hooks: legacy.hooks,
    guards: legacy.guards,
  };
}

// The dev server re-runs a changed module without re-running this one, so a second registration of the same
// type there is a hot reload replacing the first; anywhere else (tests, builds, the CLI) it is a clash.
const hotReloading = typeof process !== 'undefined' && process.env?.NODE_ENV === 'development';

function legacySet(table: Record<string, AnyFn>, kind: string, type: string, fn: AnyFn): void {
  if (type in table && !hotReloading) throw new Error(`${kind} ${type} registered twice`);
  table[type] = fn;
  rebuild();
}

/** @deprecated List the handler in the area's definition (defineArea). */
export function registerCommand<K extends CommandType>(type: K, handler: CommandHandler<K>): void {
  legacySet(legacy.commands, 'command', type, handler as AnyFn);
}

/** @deprecated List the handler in the area's definition (defineArea). */
export function registerTask<K extends TaskType>(type: K, handler: TaskHandler<K>): void {
  legacySet(legacy.tasks, 'task', type, handler as AnyFn);
}

/** @deprecated List the hook in the area's definition (`hooks: [on(type, hook)]`). */
export function onEvent<K extends EventType>(type: K, hook: EventHook<K>): void {
  legacy.hooks.push(on(type, hook));
  rebuild();
}

/** @deprecated List the guard in the area's definition (`guards: [guard(type, check)]`). */
export function registerCommandGuard<K extends CommandType>(type: K, check: CommandGuard<K>): void {
  legacy.guards.push(guard(type, check));
  rebuild();
}

export type AreaInit<K extends keyof AreaStates> = (init: SimInit, state: SimState) => AreaStates[K];

/** @deprecated Give the area an `init` in its definition (defineArea). */
export function registerArea<K extends keyof AreaStates & string>(key: K, init: AreaInit<K>): void {
  const existing = legacy.inits.findIndex(([k]) => k === key);
  if (existing >= 0) {
    if (!hotReloading) throw new Error(`area ${key} registered twice`);
    legacy.inits.splice(existing, 1);
  }
  legacy.inits.push([key, init as (init: SimInit, state: SimState) => unknown]);
  rebuild();
}
