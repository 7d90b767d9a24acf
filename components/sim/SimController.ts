// One embed's simulation: the Simulation instance, the command log (console lines run after the preset's
// setup), a scrub cursor into that log and a version counter React subscribes to. Lines run through the
// console (kafka-cli), the one adapter between a button or a typed line and Simulation.dispatch. Time travel rebuilds
// the Simulation from the seed and replays the log up to the cursor — the same path a share link takes.
import { type CommandOutput, type ConsoleSession, consoleFor } from '@/kafka-cli';
import { type ReadModel, readModel, type SimEvent, Simulation } from '@/simulator';

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
};

export type LineResult = CommandOutput & { line: string; ok: boolean; output: string };

function result(line: string, out: CommandOutput): LineResult {
  const output = [out.stdout, out.stderr].filter((t) => t.length > 0).join('\n');
  return { line, ...out, ok: out.exitCode === 0, output };
}

type Listener = () => void;
type EventListener = (events: SimEvent[]) => void;

/** Lines kept in the narration window. */
const NARRATION_LIMIT = 60;

export class SimController {
  private embed: Embed;
  private lines: string[] = [];
  private cursorAt = 0;
  private lastSeq = -1;
  private versionNo = 0;
  private listeners = new Set<Listener>();
  private eventListeners = new Set<EventListener>();
  private narrationLog: SimEvent[] = [];
  /** Results of the lines run since the last rebuild, for the console transcript. */
  private results: LineResult[] = [];
  setupError: string | null = null;

  constructor(readonly init: SimInitSpec) {
    this.lines = [...(init.lines ?? [])];
    this.cursorAt = this.lines.length;
    this.embed = this.build(this.lines.length, this.lines);
  }

  private runLine(block: string): CommandOutput {
    return this.embed.session.runBlock(block);
  }

  /** A fresh Simulation with the setup and the first `k` lines of `lines` applied (no animation). */
  private build(k: number, lines: readonly string[]): Embed {
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
    this.results = [];
    for (const line of lines.slice(0, k)) this.results.push(result(line, backend.runBlock(line)));
    const all = eventsSince(sim, -1);
    this.narrationLog = all.slice(-NARRATION_LIMIT);
    this.lastSeq = all.length > 0 ? all[all.length - 1].seq : -1;
    return { sim, session: backend };
  }

  /** The current console session (it is replaced whenever the log is replayed). */
  get session(): ConsoleSession {
    return this.embed.session;
  }

  get version(): number {
    return this.versionNo;
  }
  get log(): readonly string[] {
    return this.lines;
  }
  get cursor(): number {
    return this.cursorAt;
  }
  get narration(): readonly SimEvent[] {
    return this.narrationLog;
  }
  get transcript(): readonly LineResult[] {
    return this.results;
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

  /**
   * Runs a line as a new step. When the learner has scrubbed back, the steps after the cursor are dropped
   * first, like typing after an undo. Consecutive clock advances merge into one step.
   */
  run(line: string): LineResult {
    const trimmed = line.replace(/^\s+|\s+$/g, '');
    const entry = result(trimmed, this.runLine(trimmed));
    this.results.push(entry);
    const events = eventsSince(this.embed.sim, this.lastSeq);
    // Every state change emits an event, so a line that emitted none changed nothing and stays out of
    // the log (describe, list); moving the clock and writing a console file count even when quiet.
    if (events.length > 0 || (entry.ok && KEEP_QUIET_LINE.test(trimmed))) {
      // A change made in the past drops the steps after it; a read-only line (no events) keeps them.
      if (this.cursorAt < this.lines.length) this.lines = this.lines.slice(0, this.cursorAt);
      const merged = mergeClockAdvance(this.lines[this.lines.length - 1], trimmed);
      if (merged) this.lines[this.lines.length - 1] = merged;
      else this.lines.push(trimmed);
      this.cursorAt = this.lines.length;
    }
    if (events.length > 0) {
      this.lastSeq = events[events.length - 1].seq;
      this.narrationLog = [...this.narrationLog, ...events].slice(-NARRATION_LIMIT);
    }
    this.changed(events);
    return entry;
  }

  /** Time travel: the state after the first `k` steps of the log. */
  seek(k: number): void {
    const target = Math.max(0, Math.min(this.lines.length, Math.floor(k)));
    if (target === this.cursorAt) return;
    if (target === this.cursorAt + 1) {
      // One step forward replays just that line, with its animation.
      const line = this.lines[this.cursorAt];
      this.results.push(result(line, this.runLine(line)));
      this.cursorAt = target;
      const events = eventsSince(this.embed.sim, this.lastSeq);
      if (events.length > 0) {
        this.lastSeq = events[events.length - 1].seq;
        this.narrationLog = [...this.narrationLog, ...events].slice(-NARRATION_LIMIT);
      }
      this.changed(events);
      return;
    }
    this.embed = this.build(target, this.lines);
    this.cursorAt = target;
    this.changed([]);
  }

  /** Replace the whole log (share links, presets) and jump to its end. */
  load(lines: readonly string[]): void {
    this.lines = [...lines];
    this.embed = this.build(this.lines.length, this.lines);
    this.cursorAt = this.lines.length;
    this.changed([]);
  }

  reset(): void {
    this.load([]);
  }
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
