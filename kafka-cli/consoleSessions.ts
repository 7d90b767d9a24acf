// One ConsoleSession per Simulation, and the entry points lessons, presets and the CLI use.

import type { SimInit } from '../simulator';
import { Simulation } from '../simulator';
import type { CommandOutput } from './output';
import { ConsoleSession, type LineResult } from './session';
import { SimPort } from './simAdapter';

const sessions = new WeakMap<Simulation, ConsoleSession>();

/** The console session of a simulation (created on first use; named clients persist in it). */
export function consoleFor(sim: Simulation): ConsoleSession {
  let s = sessions.get(sim);
  if (!s) {
    s = new ConsoleSession(new SimPort(sim));
    sessions.set(sim, s);
  }
  return s;
}

/** A fresh simulation with its console session (the terminal front end uses this). */
export function createConsole(init: SimInit = {}): ConsoleSession {
  return consoleFor(new Simulation({ brokers: 3, seed: 42, ...init }));
}

/**
 * Run console lines (a script: comments, blank lines, here-documents and EOF-ended producer input
 * are handled) against a simulation. Never throws; one result per command.
 */
export function runConsoleLines(sim: Simulation, lines: readonly string[] | string): LineResult[] {
  try {
    return consoleFor(sim).runScript(lines);
  } catch (e) {
    return [
      {
        line: '',
        stdout: '',
        stderr: `kafka-sim: ${e instanceof Error ? e.message : String(e)}`,
        exitCode: 70,
      },
    ];
  }
}

/** Run one command block (a line, or a line plus its here-document) against a simulation. */
export function runConsoleBlock(sim: Simulation, block: string): CommandOutput {
  return consoleFor(sim).runBlock(block);
}
