// The console's public surface: one engine for the browser panel and the `kafka-sim` terminal.
export { type Completion, commonPrefix, complete } from './complete';
export {
  consoleFor,
  createConsole,
  runConsoleBlock,
  runConsoleLines,
} from './consoleSessions';
export type { CommandOutput } from './output';
export type { ClusterPort } from './port';
export { ConsoleSession, type LineResult } from './session';
export { splitScript, tokenizeLine } from './tokenizer';

import type { CommandOutput } from './output';
import type { ConsoleSession } from './session';

/** Run a block (a command, or a command with its here-document) on a session. */
export function sessionRunBlock(session: ConsoleSession, block: string): CommandOutput {
  return session.runBlock(block);
}

/** Group lines into one block per command (here-documents kept with their command). */
export function splitBlocks(session: ConsoleSession, lines: readonly string[]): string[] {
  return session.splitBlocks(lines);
}

export { scenarioToShellScript } from './shellScript';

import { tokenizeLine } from './tokenizer';

/** The delimiter of the here-document a typed line opens (`cat > plan.json <<EOF`), or null. */
export function heredocDelimiter(line: string): string | null {
  const t = tokenizeLine(line);
  return t.kind === 'ok' && t.heredoc ? t.heredoc.delimiter : null;
}
