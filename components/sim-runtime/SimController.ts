// One embed's simulation: the Simulation instance, the command log (console lines run after the preset's
// setup), a scrub cursor into that log and a version counter React subscribes to. Lines run through the
// console (kafka-cli), the one adapter between a button or a typed line and Simulation.dispatch. Time travel rebuilds
// the Simulation from the seed and replays the log up to the cursor — the same path a share link takes.
import { type CommandOutput, type ConsoleSession, consoleFor } from '@/kafka-cli';
import {
  type Command,
  type HistoryStep,
  type ReadModel,
  readModel,
  type SimEvent,
  Simulation,
} from '@/simulator';

/** Events kept by each Simulation: the narration and animations only need the recent ones. */
const RETAINED_EVENTS = 5000;

/** One Simulation and the console that drives it: every change is a console line through the console. */
type Embed = { sim: Simulation; session: ConsoleSession };

function eventsSince(sim: Simulation, seqAfter: number): SimEvent[] {
  const events = sim.events;
  let i = events.length;
  while (i > 0 && events[i - 1].seq > seqAfter) i--;
  return events.slice(i);
}

export type SimInitSpec = {
  seed: number;
  brokers: number;
  setup: readonly string[];
  /** A command log to replay at once (share links). */
  lines?: readonly string[];
  /** Commands to dispatch after the setup, before `lines` (a shared live session's log: see applyCommands). */
  commands?: readonly Command[];
};

export type LineResult = CommandOutput & { line: string; ok: boolean; output: string };

function result(line: string, out: CommandOutput): LineResult {
  const output = [out.stdout, out.stderr].filter((t) => t.length > 0).join('\n');
  return { line, ...out, ok: out.exitCode === 0, output };
}

type Listener = () => void;

/**
 * Asked before a line that changes the cluster runs while the learner has travelled back: it would drop the later
 * steps. `dropped` is how many; false keeps them and leaves the line unrun.
 */
export type BranchGuard = (line: string, dropped: number) => boolean;

/** The steps a new command set aside (time travel then a new command): the learner can switch back to them. */
export type SetAside = { line: string; dropped: number; lines: readonly string[]; cursor: number };
type EventListener = (events: SimEvent[]) => void;

/** Lines kept in the narration window. */
const NARRATION_LIMIT = 60;

export class SimController {
  private embed: Embed;
  /** How many history steps the preset's setup took: the log starts after them. */
  private setupSteps = 0;
  /** The steps after the cursor while the learner has scrubbed back (redo); empty at the end of the log. */
  private redo: string[] = [];
  private lastSeq = -1;
  private versionNo = 0;
  private listeners = new Set<Listener>();
  private eventListeners = new Set<EventListener>();
  /** Results of the lines run since the last rebuild, for the console transcript (what the terminal shows). */
  private results: LineResult[] = [];
  private derived: {
    sim: Simulation;
    steps: number;
    version: number;
    log: string[];
    narration: SimEvent[];
  } | null = null;
  setupError: string | null = null;
  private guard: BranchGuard | null = null;
  private aside: SetAside | null = null;
  /** Commands applied from elsewhere (applyCommands): a rebuild (time travel) replays them after the setup. */
  private remote: Command[] = [];

  constructor(readonly init: SimInitSpec) {
    this.remote = [...(init.commands ?? [])];
    this.embed = this.build(init.lines ?? []);
  }

  private runLine(block: string): CommandOutput {
    return this.embed.session.runBlock(block);
  }

  /** A fresh Simulation with the setup and then `lines` applied through the console (no animation). */
  private build(lines: readonly string[]): Embed {
    const sim = new Simulation(
      { seed: this.init.seed, brokers: this.init.brokers },
      { maxRetainedEvents: RETAINED_EVENTS },
    );
    const backend = consoleFor(sim);
    this.setupError = null;
    // A here-document (cat > plan.json <<EOF … EOF) spans several setup lines but is one command block.
    for (const line of backend.splitBlocks(this.init.setup)) {
      const r = result(line, backend.runBlock(line));
      if (!r.ok && this.setupError === null)
        this.setupError = `A setup line of this preset failed: ${line} — ${r.output}`;
    }
    this.setupSteps = sim.history.length;
    for (const command of this.remote) sim.dispatch(command);
    this.results = [];
    for (const line of lines) this.results.push(result(line, backend.runBlock(line)));
    const all = eventsSince(sim, -1);
    this.lastSeq = all.length > 0 ? all[all.length - 1].seq : -1;
    this.derived = null;
    return { sim, session: backend };
  }

  /**
   * The log and the narration, derived from the Simulation's own history (recorded by the console with the
   * commands each line dispatched): the steps after the setup that changed something, consecutive clock
   * advances merged into one. Recomputed only when the Simulation changed.
   */
  private view(): { log: string[]; narration: SimEvent[] } {
    const sim = this.embed.sim;
    const d = this.derived;
    if (d && d.sim === sim && d.steps === sim.history.length && d.version === sim.version) return d;
    const log = logOf(sim.history.slice(this.setupSteps));
    this.derived = {
      sim,
      steps: sim.history.length,
      version: sim.version,
      log,
      narration: sim.events.slice(-NARRATION_LIMIT),
    };
    return this.derived;
  }

  /** The current console session (it is replaced whenever the log is replayed). */
  get session(): ConsoleSession {
    return this.embed.session;
  }

  get version(): number {
    return this.versionNo;
  }
  /** Every step: those applied (the Simulation's history after the setup), then those after the cursor. */
  get log(): readonly string[] {
    const applied = this.view().log;
    return this.redo.length === 0 ? applied : [...applied, ...this.redo];
  }
  get cursor(): number {
    return this.view().log.length;
  }
  get narration(): readonly SimEvent[] {
    return this.view().narration;
  }
  get transcript(): readonly LineResult[] {
    return this.results;
  }

  /** The commands applied from elsewhere (a live session's log), in order: what a session share link carries. */
  get remoteCommands(): readonly Command[] {
    return this.remote;
  }

  /** The Simulation at the cursor. */
  get simulation(): Simulation {
    return this.embed.sim;
  }

  /** The read model of the Simulation at the cursor (memoised per version). */
  read(): ReadModel {
    return readModel(this.embed.sim);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getVersion = (): number => this.versionNo;

  /** Animation hook: called with the events of each live command (never during replay). */
  onEvents(listener: EventListener): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  private changed(events: SimEvent[]): void {
    this.versionNo++;
    for (const l of this.listeners) l();
    if (events.length > 0) for (const l of this.eventListeners) l(events);
  }

  /** Run a line on the Simulation at the cursor; it records itself in the Simulation's history. */
  private apply(line: string): { entry: LineResult; events: SimEvent[]; kept: boolean } {
    const before = this.embed.sim.history.length;
    const entry = result(line, this.runLine(line));
    this.results.push(entry);
    const events = eventsSince(this.embed.sim, this.lastSeq);
    if (events.length > 0) this.lastSeq = events[events.length - 1].seq;
    const step = this.embed.sim.history[before];
    return { entry, events, kept: step !== undefined && changesSomething(step) };
  }

  /**
   * Runs a line as a new step. When the learner has scrubbed back, a line that changes something drops the steps
   * after the cursor, like typing after an undo (a read-only line keeps them): the guard, when set, is asked first,
   * and the dropped steps are set aside so switchBranch can bring them back. Consecutive clock advances merge into
   * one step.
   */
  run(line: string): LineResult {
    const trimmed = line.replace(/^\s+|\s+$/g, '');
    if (this.redo.length === 0) {
      const { entry, events } = this.apply(trimmed);
      this.changed(events);
      return entry;
    }
    const applied = [...this.view().log];
    const later = this.redo;
    const first = this.apply(trimmed);
    if (!first.kept) {
      this.changed(first.events);
      return first.entry;
    }
    if (this.guard) {
      // Only running the line tells whether it changes something; undo that run and ask before keeping it.
      this.embed = this.build(applied);
      if (!this.guard(trimmed, later.length)) {
        this.changed([]);
        return result(trimmed, {
          stdout: '',
          stderr: `Not run: it would drop the ${plural(later.length, 'later step')}, which you chose to keep.`,
          exitCode: 1,
        });
      }
    }
    this.aside = {
      line: trimmed,
      dropped: later.length,
      lines: [...applied, ...later],
      cursor: applied.length,
    };
    this.redo = [];
    if (!this.guard) {
      this.changed(first.events);
      return first.entry;
    }
    const { entry, events } = this.apply(trimmed);
    this.changed(events);
    return entry;
  }

  /** Asked before a new command drops the later steps (the playground's timeline sets one); null drops silently. */
  setBranchGuard(guard: BranchGuard | null): void {
    this.guard = guard;
  }

  /** The steps the last new command set aside, if the learner has not switched back to them. */
  get setAside(): SetAside | null {
    return this.aside;
  }

  /**
   * Back to the set-aside steps, at the step where the learner branched off; the current steps are set aside in
   * their place, so switching again returns here.
   */
  switchBranch(): void {
    const other = this.aside;
    if (!other) return;
    const current = this.log;
    this.aside = {
      line: other.line,
      dropped: current.length - other.cursor,
      lines: current,
      cursor: other.cursor,
    };
    this.embed = this.build(other.lines.slice(0, other.cursor));
    this.redo = other.lines.slice(other.cursor);
    this.changed([]);
  }

  /**
   * Commands that come from elsewhere (the live view: another Simulation's log, replayed here) dispatched as they
   * are, not through the console: they are no console lines, so they join no step of the log. `animate` false for
   * a catch-up replay (no animations, like a share link). Time travel replays them right after the setup, so
   * console lines typed in between land after all of them (the live view's learner watches, mostly).
   */
  applyCommands(commands: readonly Command[], animate: boolean): void {
    const sim = this.embed.sim;
    for (const command of commands) {
      this.remote.push(command);
      sim.dispatch(command);
    }
    const events = eventsSince(sim, this.lastSeq);
    if (events.length > 0) this.lastSeq = events[events.length - 1].seq;
    this.changed(animate ? events : []);
  }

  /** Time travel: the state after the first `k` steps of the log. */
  seek(k: number): void {
    const all = this.log;
    const cursor = this.cursor;
    const target = Math.max(0, Math.min(all.length, Math.floor(k)));
    if (target === cursor) return;
    if (target === cursor + 1 && this.redo.length > 0) {
      // One step forward replays just that line, with its animation.
      const [line, ...rest] = this.redo;
      const { events } = this.apply(line);
      this.redo = rest;
      this.changed(events);
      return;
    }
    this.embed = this.build(all.slice(0, target));
    this.redo = all.slice(target);
    this.changed([]);
  }

  /** Replace the whole log (share links, presets) and jump to its end. */
  load(lines: readonly string[]): void {
    this.embed = this.build(lines);
    this.redo = [];
    this.aside = null;
    this.changed([]);
  }

  reset(): void {
    this.load([]);
  }
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A step belongs in the log when it changed something, or moved the clock (which may change nothing). */
function changesSomething(step: HistoryStep): boolean {
  return step.eventCount > 0 || (KEEP_QUIET_LINE.test(step.line) && step.commandCount > 0);
}

/** The log of these history steps: those that changed something, consecutive clock advances as one. */
export function logOf(steps: readonly HistoryStep[]): string[] {
  const log: string[] = [];
  for (const step of steps) {
    if (!changesSomething(step)) continue;
    const merged = mergeClockAdvance(log[log.length - 1], step.line);
    if (merged) log[log.length - 1] = merged;
    else log.push(step.line);
  }
  return log;
}

/** Lines kept even without events: moving the clock (writing a file with cat > emits an event of its own). */
const KEEP_QUIET_LINE = /^clock\b/;

const CLOCK = /^clock advance (\d+)ms$/;

/** "clock advance 100ms" twice becomes "clock advance 200ms": playing the clock keeps the log short. */
export function mergeClockAdvance(previous: string | undefined, next: string): string | null {
  const a = previous?.match(CLOCK);
  const b = next.match(CLOCK);
  if (!a || !b) return null;
  return `clock advance ${Number(a[1]) + Number(b[1])}ms`;
}
