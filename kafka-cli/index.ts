// The console's public surface: one engine for the browser panel and the `kafka-sim` terminal.
export { type Completion, commonPrefix, complete } from './complete';
export { type FollowHost, FollowingConsumer } from './consoleFollow';
export {
  consoleFor,
  createConsole,
  runConsoleBlock,
  runConsoleLines,
} from './consoleSessions';
export type { CommandOutput } from './output';
export type { ClusterPort } from './port';
export { ConsoleSession, type LineResult } from './session';
export { scenarioToShellScript } from './shellScript';
export { splitScript, tokenizeLine } from './tokenizer';
export { needsSchemaFormats } from './tools/schemaConsole';
export { needsSqlite } from './tools/sqlite3';

import { tokenizeLine } from './tokenizer';

/** The delimiter of the here-document a typed line opens (`cat > plan.json <<EOF`), or null. */
export function heredocDelimiter(line: string): string | null {
  const t = tokenizeLine(line);
  return t.kind === 'ok' && t.heredoc ? t.heredoc.delimiter : null;
}
