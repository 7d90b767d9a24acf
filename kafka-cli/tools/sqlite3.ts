// `sqlite3 DB "SQL"` (or SQL on stdin): the sqlite3 shell over the Connect lesson's database, which is real SQLite
// (sql.js) in the simulator. Output as the shell prints it in its default list mode (no headers, `|` between
// columns, NULL as nothing) and its error texts, measured against the sqlite3 3.40 shell:
//   SQL as an argument stops at the first error: "Error: in prepare, <message>" (with the shell's quote of the
//   statement and a "^--- error here" marker for a syntax error) or "Error: stepping, <message> (<code>)"; the
//   exit status is SQLite's result code.
//   SQL on stdin goes on after an error: "Parse error near line N: …" / "Runtime error near line N: … (19)",
//   exit status 1.
// Every DB name opens the same simulated database; `.tables` and `.schema [table]` are the dot-commands kept.
import type { SqlErrorResult, SqlResult } from '../../simulator/connect/database/session';
import { Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

/** The shell's quote of the failing SQL with a marker under SQLite's error offset (shell_error_context). */
export function errorContext(sql: string, offset: number | null): string {
  if (offset === null) return '';
  let z = sql;
  let off = offset;
  while (off > 50) {
    off--;
    z = z.slice(1);
  }
  const code = z.slice(0, 78).replace(/\s/g, ' ');
  return off < 25
    ? `\n  ${code}\n  ${' '.repeat(off)}^--- error here`
    : `\n  ${code}\n  ${' '.repeat(off - 14)}error here ---^`;
}

const codeSuffix = (e: SqlErrorResult) => (e.code > 1 ? ` (${e.code})` : '');

function printResults(results: SqlResult[], stdin: boolean, out: Output): void {
  let failed: SqlErrorResult | null = null;
  for (const r of results) {
    if (r.kind === 'rows') {
      for (const row of r.rows) out.line(row.map((v) => v ?? '').join('|'));
      continue;
    }
    failed ??= r;
    if (stdin)
      out.warn(
        r.phase === 'prepare'
          ? `Parse error near line ${r.line}: ${r.message}${errorContext(r.statement, r.offset)}`
          : `Runtime error near line ${r.line}: ${r.message}${codeSuffix(r)}`,
      );
    else
      out.warn(
        r.phase === 'prepare'
          ? `Error: in prepare, ${r.message}${errorContext(r.sqlFromStatement, r.offset)}`
          : `Error: stepping, ${r.message}${codeSuffix(r)}`,
      );
  }
  if (failed) out.code = stdin ? 1 : failed.code;
}

function dotCommand(cmd: string, ctx: ToolContext, out: Output): void {
  const [name, arg] = cmd.trim().split(/\s+/);
  const tables = ctx.read.connect().tables;
  if (name === '.tables') {
    const names = tables.map((t) => t.name);
    const width = Math.max(0, ...names.map((n) => n.length)) + 2;
    if (names.length > 0)
      out.line(names.map((n, i) => (i < names.length - 1 ? n.padEnd(width) : n)).join(''));
  } else if (name === '.schema') {
    let sequence = false;
    for (const s of ctx.read.connect().schema) {
      if (!arg || s.table === arg || s.name === arg) out.line(`${s.sql};`);
      // SQLite creates sqlite_sequence with the first AUTOINCREMENT table; .schema lists it there
      if (!sequence && s.type === 'table' && /\bAUTOINCREMENT\b/i.test(s.sql)) {
        sequence = true;
        if (!arg) out.line('CREATE TABLE sqlite_sequence(name,seq);');
      }
    }
  } else out.fail(`Error: unknown command or invalid arguments:  "${name.slice(1)}". Enter ".help" for help`);
}

export function runSql(sql: string, stdin: boolean, ctx: ToolContext, out: Output): void {
  const r = ctx.port.connect({ type: 'connectDbExec', sql, bail: !stdin });
  if (!r.ok) {
    out.fail(`Error: ${r.error.message}`);
    return;
  }
  printResults(r.data.results, stdin, out);
}

export const sqlite3Tool: ToolDef = {
  name: 'sqlite3',
  aliases: ['sql'],
  helpGroup: 'other',
  summary: "SQLite's shell over the Connect lesson's database (real SQLite, compiled to WebAssembly).",
  usage: 'sqlite3 shop.db "SQL; …"   or   sqlite3 shop.db <<EOF … EOF   or   sqlite3 shop.db .schema',
  flags: [],
  readsStdin: (args) => args.length <= 1,
  run(args, ctx) {
    const out = new Output();
    const stdin = args.length < 2;
    const sql = stdin ? (ctx.input ?? []).join('\n') : args.slice(1).join(' ');
    if (sql.trim() === '') return out.fail('Usage: sqlite3 shop.db "SQL"').result();
    if (sql.trim().startsWith('.')) dotCommand(sql, ctx, out);
    else runSql(sql, stdin, ctx, out);
    return out.result();
  },
};

/** Do these console lines need SQLite loaded before they run (a lesson's setup, a share link)? */
export function needsSqlite(lines: readonly string[]): boolean {
  return lines.some((l) => /(^|[\s;&|(])(sqlite3|sql)\s|Jdbc(Source|Sink)Connector/.test(l));
}
