// Terminal front end: `npx kafka-sim [--brokers N] [--seed S] [--script FILE] [--echo]`.
// Reads commands from the file or standard input, prints each command's stdout and stderr, and
// exits 0 only when every command succeeded (the remaining commands still run after a failure).

import { readFileSync } from 'node:fs';
// The console's door (it imports the simulator's, which registers every area's commands).
import { createConsole } from '../kafka-cli';
import { loadSqlite } from '../simulator';

const USAGE = `Usage: kafka-sim [--brokers N] [--seed S] [--script FILE] [--echo]
  Reads commands (one per line; # comments; here-documents <<EOF ... EOF) from FILE or standard input.
  --brokers N   number of brokers (default 3)
  --seed S      random seed (default 42)
  --echo        print each command, prefixed by "$ ", before its output`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  // the Connect database is SQLite (sql.js): load it before the first line, as a page does (a failed load leaves
  // sqlite3 saying the engine is not loaded)
  await loadSqlite().catch(() => undefined);
  let brokers = 3;
  let seed = 42;
  let script: string | null = null;
  let echo = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string | undefined => argv[++i];
    if (a === '--brokers' || a === '--seed') {
      const v = next();
      if (v === undefined || !/^\d+$/.test(v)) {
        process.stderr.write(`kafka-sim: ${a} needs a non-negative integer\n${USAGE}\n`);
        return 2;
      }
      if (a === '--brokers') brokers = Number(v);
      else seed = Number(v);
    } else if (a === '--script') {
      const v = next();
      if (v === undefined) {
        process.stderr.write(`kafka-sim: --script needs a file\n${USAGE}\n`);
        return 2;
      }
      script = v;
    } else if (a === '--echo') echo = true;
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`kafka-sim: unknown argument '${a}'\n${USAGE}\n`);
      return 2;
    }
  }
  if (brokers < 1 || brokers > 9) {
    process.stderr.write('kafka-sim: --brokers must be between 1 and 9\n');
    return 2;
  }
  let text: string;
  try {
    text = script === null ? await readStdin() : readFileSync(script, 'utf8');
  } catch (e) {
    process.stderr.write(
      `kafka-sim: cannot read ${script ?? 'standard input'}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 2;
  }
  const session = createConsole({ brokers, seed });
  let failed = false;
  for (const r of session.runScript(text)) {
    if (echo) process.stdout.write(`$ ${r.line}\n`);
    if (r.stdout !== '') process.stdout.write(`${r.stdout}\n`);
    if (r.stderr !== '') process.stderr.write(`${r.stderr}\n`);
    if (r.exitCode !== 0) failed = true;
  }
  return failed ? 1 : 0;
}
