// What the Console panel needs from whatever owns the simulation: run a command block, complete a
// line, and know whether a command reads records. `sessionHost` wraps a console session directly;
// a host over the shared SimController (so console lines join its replayable log) wraps `run`.

import type { Completion, ConsoleSession } from '@/kafka-cli';
import { complete, sessionRunBlock, splitBlocks } from '@/kafka-cli';

export type HostResult = { stdout: string; stderr: string; exitCode: number };

export interface ConsoleHost {
  /** Run one command block (a command line, plus here-document lines when it has them). */
  run(block: string): HostResult;
  complete(line: string): Completion;
  /** True when the command line reads records from the lines that follow (producers). */
  readsStdin(line: string): boolean;
  /** Group preload lines into command blocks (here-documents stay with their command). */
  splitScript(lines: readonly string[]): string[];
}

/** A host that runs directly against a console session (no external command log). */
export function sessionHost(getSession: () => ConsoleSession): ConsoleHost {
  return {
    run: (block) => sessionRunBlock(getSession(), block),
    complete: (line) => complete(getSession(), line),
    readsStdin: (line) => getSession().readsStdinLine(line),
    splitScript: (lines) => splitBlocks(getSession(), lines),
  };
}

/**
 * A host whose commands go through another runner (e.g. the SimController, so they join its log),
 * while completion reads the current session.
 */
export function runnerHost(
  run: (block: string) => HostResult,
  getSession: () => ConsoleSession,
): ConsoleHost {
  return {
    run,
    complete: (line) => complete(getSession(), line),
    readsStdin: (line) => getSession().readsStdinLine(line),
    splitScript: (lines) => splitBlocks(getSession(), lines),
  };
}
