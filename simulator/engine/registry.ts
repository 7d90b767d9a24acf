// Extension points of the simulator. Every area (core, consumer groups, storage, transactions, ...) adds its
// commands, events, scheduled tasks and state slice by augmenting these interfaces from its own file:
//
//   declare module '../engine/registry' { interface CommandMap { consumerPoll: { name: string } } }
//   registerCommand('consumerPoll', (ctx, cmd) => ok(...));
//
// so no area edits another area's switch statement. Registration happens at module load; simulator/index.ts
// imports every area, which keeps the registration order (and therefore replay) deterministic.
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
/** state.areas: one slice per extension area, created by registerArea. */
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

export type KafkaError = { code: KafkaErrorCode; message: string };
export type Outcome<D> = { ok: true; data: D } | { ok: false; error: KafkaError };

export type CommandHandler<K extends CommandType> = (ctx: Ctx, cmd: CommandOf<K>) => Outcome<ResultData<K>>;
export type TaskHandler<K extends TaskType> = (ctx: Ctx, task: TaskOf<K>) => void;
export type EventHook<K extends EventType> = (ctx: Ctx, event: EventOf<K>) => void;
export type AreaInit<K extends keyof AreaStates> = (init: SimInit, state: SimState) => AreaStates[K];

type AnyHandler = (ctx: Ctx, x: never) => unknown;

// The dev server re-runs a changed module without re-running this one, so a second registration there is a
// hot reload replacing the first; anywhere else (tests, builds, the CLI) it is a real clash between areas.
const hotReloading = typeof process !== 'undefined' && process.env?.NODE_ENV === 'development';
function clash(kind: string, name: string): void {
  if (!hotReloading) throw new Error(`${kind} ${name} registered twice`);
}
const commandHandlers = new Map<string, AnyHandler>();
const taskHandlers = new Map<string, AnyHandler>();
const eventHooks = new Map<string, AnyHandler[]>();
const areaInits: Array<[string, (init: SimInit, state: SimState) => unknown]> = [];

export function registerCommand<K extends CommandType>(type: K, handler: CommandHandler<K>): void {
  if (commandHandlers.has(type)) clash('command', type);
  commandHandlers.set(type, handler as AnyHandler);
}

/**
 * A check another area runs before a command's own handler (e.g. transactions refusing a send outside a
 * transaction). Returning an error fails the command before anything changes.
 */
export type CommandGuard<K extends CommandType> = (ctx: Ctx, cmd: CommandOf<K>) => KafkaError | null;
const commandGuards = new Map<string, AnyHandler[]>();

export function registerCommandGuard<K extends CommandType>(type: K, guard: CommandGuard<K>): void {
  const list = (commandGuards.get(type) ?? []).filter(
    (g) => !hotReloading || g.toString() !== guard.toString(),
  );
  list.push(guard as AnyHandler);
  commandGuards.set(type, list);
}

export function commandGuardsFor(type: string): AnyHandler[] | undefined {
  return commandGuards.get(type);
}

export function registerTask<K extends TaskType>(type: K, handler: TaskHandler<K>): void {
  if (taskHandlers.has(type)) clash('task', type);
  taskHandlers.set(type, handler as AnyHandler);
}

/** Run `hook` synchronously, inside the same command, after every event of `type` is emitted. */
export function onEvent<K extends EventType>(type: K, hook: EventHook<K>): void {
  const list = (eventHooks.get(type) ?? []).filter((h) => !hotReloading || h.toString() !== hook.toString());
  list.push(hook as AnyHandler);
  eventHooks.set(type, list);
}

export function registerArea<K extends keyof AreaStates & string>(key: K, init: AreaInit<K>): void {
  const existing = areaInits.findIndex(([k]) => k === key);
  if (existing >= 0) {
    clash('area', key);
    areaInits.splice(existing, 1);
  }
  areaInits.push([key, init]);
}

export function commandHandler(type: string): AnyHandler | undefined {
  return commandHandlers.get(type);
}
export function taskHandler(type: string): AnyHandler | undefined {
  return taskHandlers.get(type);
}
export function eventHooksFor(type: string): AnyHandler[] | undefined {
  return eventHooks.get(type);
}
export function areaInitializers(): ReadonlyArray<[string, (init: SimInit, state: SimState) => unknown]> {
  return areaInits;
}
export function registeredCommandTypes(): string[] {
  return [...commandHandlers.keys()];
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
