// Runs a script of SQL statements through SQLite as the sqlite3 shell does, and captures what each committed
// transaction changed. Autocommit: every statement outside BEGIN … COMMIT is its own transaction; inside one, the
// changes wait for COMMIT and vanish on ROLLBACK (or when the script ends with the transaction open, as the shell
// closing its connection rolls it back). The virtual clock is SQLite's clock for the script's duration, so
// CURRENT_TIMESTAMP, datetime('now') and unixepoch('subsec') read simulated time and replays stay exact.
// Simplified: the changes of one statement (its triggers included) are captured as one net change per row (a
// row updated twice by a statement and its trigger is one update); SAVEPOINT/RELEASE are not tracked as
// transaction boundaries; SQLite's result codes are inferred from the message (sql.js exposes only the text).
import type { Database, SqlValue, Statement } from 'sql.js';
import { markInStep, queryRows, readDatabase, sqliteFor } from './snapshot';
import { sqliteText } from './sqliteText';
import type { DatabaseState, DbRow, DbTable } from './types';

export type SqlRowsResult = { kind: 'rows'; columns: string[]; rows: Array<Array<string | null>> };
export type SqlErrorResult = {
  kind: 'error';
  /** `prepare`: the statement did not compile (shell: "Parse error"); `step`: it failed running ("Runtime error"). */
  phase: 'prepare' | 'step';
  message: string;
  /** SQLite's primary result code (1 SQLITE_ERROR, 19 SQLITE_CONSTRAINT, …). */
  code: number;
  /** The script's text from the failing statement on (what the shell quotes under the error). */
  sqlFromStatement: string;
  /** The statement's own text, up to its `;`. */
  statement: string;
  /** 1-based line of the script where the statement starts. */
  line: number;
  /** Byte offset of the error in `sqlFromStatement` (sqlite3_error_offset) when SQLite reports one. */
  offset: number | null;
};
export type SqlResult = SqlRowsResult | SqlErrorResult;

export type CapturedChange = {
  table: string;
  kind: 'insert' | 'update' | 'delete';
  before: DbRow | null;
  after: DbRow | null;
};

export type ScriptOutcome = {
  results: SqlResult[];
  /** The changes of each committed transaction, in commit order (one entry per autocommit statement that changed rows). */
  transactions: CapturedChange[][];
  /** The schema or data changed (the state was read back). */
  changed: boolean;
};

/** Runs `fn` with `now` (virtual ms) as the engine's clock: sql.js reads the time through Date.now. */
export function withSqliteClock<T>(now: number, fn: () => T): T {
  const wall = Date.now;
  Date.now = () => now;
  try {
    return fn();
  } finally {
    Date.now = wall;
  }
}

/** SQLite's primary result code for an error message (sql.js gives the text only). */
export function resultCodeOf(message: string): number {
  if (/constraint failed|^FOREIGN KEY/.test(message)) return 19;
  if (/^datatype mismatch/.test(message)) return 20;
  if (/too big/.test(message)) return 18;
  if (/^attempt to write a readonly database/.test(message)) return 8;
  return 1;
}

/** Where SQLite points for a syntax error (sqlite3_error_offset): at the token it names. */
function errorOffset(message: string, sql: string): number | null {
  const m = /^(?:near "(.*)": syntax error|unrecognized token: "(.*)")$/s.exec(message);
  const token = m?.[1] ?? m?.[2];
  if (token === undefined) return null;
  const at = sql.indexOf(token);
  return at >= 0 ? at : null;
}

/** The end of the statement starting at `from`: just past its `;` outside quotes and comments, or the text's end. */
export function statementEnd(sql: string, from: number): number {
  let i = from;
  while (i < sql.length) {
    const c = sql[i];
    if (c === "'" || c === '"' || c === '`' || c === '[') {
      const close = c === '[' ? ']' : c;
      i = sql.indexOf(close, i + 1);
      if (i < 0) return sql.length;
      i++;
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      i = nl < 0 ? sql.length : nl + 1;
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end < 0 ? sql.length : end + 2;
    } else if (c === ';') return i + 1;
    else i++;
  }
  return sql.length;
}

/** A row's identity: its rowid (an INTEGER PRIMARY KEY column is the rowid), else (WITHOUT ROWID) its primary key. */
function rowKeyOf(t: DbTable, i: number): string {
  if (t.rowids) return String(t.rowids[i]);
  if (t.primaryKey.length === 1) return String(t.rows[i][t.primaryKey[0]]);
  return JSON.stringify(t.primaryKey.length > 0 ? t.primaryKey.map((c) => t.rows[i][c]) : t.rows[i]);
}

/**
 * What one statement changed, per row: rows keyed by rowid (or primary key) before and after. `touched` is the
 * order SQLite reported the rows in (sqlite3_update_hook); rows it did not report (a rowid that changed, a WITHOUT
 * ROWID table) come before the reported rows of their table.
 */
function diff(before: DatabaseState, after: DatabaseState, touched: string[]): CapturedChange[] {
  const out: Array<CapturedChange & { rank: number }> = [];
  const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
  for (const table of names) {
    const b = before.tables[table];
    const a = after.tables[table];
    if (!a) continue; // a dropped table's rows are not row changes (DROP TABLE is DDL)
    const old = new Map<string, DbRow>();
    if (b && JSON.stringify(b.columns) === JSON.stringify(a.columns))
      b.rows.forEach((r, i) => {
        old.set(rowKeyOf(b, i), r);
      });
    else if (b) continue; // ALTER TABLE rewrote the table's shape: DDL, not row changes
    const rankIn = (key: string) => {
      const at = touched.indexOf(`${table}\u0000${key}`);
      const first = touched.findIndex((k) => k.startsWith(`${table}\u0000`));
      return at >= 0 ? at : first >= 0 ? first - 0.5 : Number.MAX_SAFE_INTEGER;
    };
    const seen = new Set<string>();
    a.rows.forEach((row, i) => {
      const key = rowKeyOf(a, i);
      seen.add(key);
      const prev = old.get(key);
      if (!prev) out.push({ table, kind: 'insert', before: null, after: row, rank: rankIn(key) });
      else if (JSON.stringify(prev) !== JSON.stringify(row))
        out.push({ table, kind: 'update', before: prev, after: row, rank: rankIn(key) });
    });
    for (const [key, prev] of old)
      if (!seen.has(key))
        out.push({ table, kind: 'delete', before: prev, after: null, rank: rankIn(key) - 0.25 });
  }
  return out
    .map((c, i) => ({ c, i }))
    .sort((x, y) => x.c.rank - y.c.rank || x.i - y.i)
    .map(({ c: { rank: _rank, ...change } }) => change);
}

const counters = (db: Database) => {
  const r = queryRows(db, 'SELECT total_changes() AS n');
  const v = queryRows(db, 'PRAGMA schema_version');
  return `${r[0].n}/${Object.values(v[0])[0]}`;
};

function stepAll(stmt: Statement): SqlRowsResult {
  const rows: Array<Array<string | null>> = [];
  let columns: string[] = [];
  while (stmt.step()) {
    if (columns.length === 0) columns = stmt.getColumnNames();
    // useBigInt: INTEGER values come back as BigInt, so 1 and 1.0 print as SQLite prints them
    const values = (stmt.get as (p: null, c: { useBigInt: boolean }) => Array<SqlValue | bigint>)(null, {
      useBigInt: true,
    });
    rows.push(values.map(sqliteText));
  }
  return { kind: 'rows', columns, rows };
}

type TxWord = 'begin' | 'commit' | 'rollback' | null;
function txWordOf(sql: string): TxWord {
  const s = sql.trimStart().toUpperCase();
  if (/^BEGIN\b/.test(s)) return 'begin';
  if (/^(COMMIT|END)\b/.test(s)) return 'commit';
  if (/^ROLLBACK\b/.test(s) && !/^ROLLBACK\s+(TRANSACTION\s+)?TO\b/.test(s)) return 'rollback';
  return null;
}

/**
 * Runs `script` against the database of `state` at virtual time `now`. `bail`: stop at the first error (the
 * shell given SQL as an argument does); otherwise the shell reading stdin goes on with the next statement.
 * The state is read back (and its version bumped) when anything changed.
 */
export function runScript(state: DatabaseState, script: string, now: number, bail: boolean): ScriptOutcome {
  const db = sqliteFor(state);
  return withSqliteClock(now, () => {
    const results: SqlResult[] = [];
    const transactions: CapturedChange[][] = [];
    const startCounters = counters(db);
    let last: DatabaseState = state;
    let pending: CapturedChange[] = [];
    let inTx = false;
    let touched: string[] = [];
    db.updateHook((_op, _db, table, rowid) => {
      touched.push(`${table}\u0000${rowid}`);
    });
    const lineAt = (i: number) => script.slice(0, i).split('\n').length;
    let pos = 0;
    try {
      outer: while (pos < script.length) {
        const it = db.iterateStatements(script.slice(pos));
        for (;;) {
          // what is left is a suffix of the script: the statement starts after its leading blanks
          const stmtStart = script.length - it.getRemainingSQL().trimStart().length;
          let next: IteratorResult<Statement>;
          try {
            next = it.next();
          } catch (e) {
            const message = (e as Error).message;
            const end = statementEnd(script, stmtStart);
            const from = script.slice(stmtStart);
            results.push({
              kind: 'error',
              phase: 'prepare',
              message,
              code: resultCodeOf(message),
              sqlFromStatement: from,
              statement: script.slice(stmtStart, end),
              line: lineAt(stmtStart),
              offset: errorOffset(message, from),
            });
            if (bail) break outer;
            pos = end;
            continue outer;
          }
          if (next.done) break outer;
          const stmt = next.value;
          const text = stmt.getSQL();
          const before = counters(db);
          touched = [];
          let failed = false;
          try {
            const r = stepAll(stmt);
            if (r.columns.length > 0) results.push(r);
          } catch (e) {
            const message = (e as Error).message;
            const end = statementEnd(script, stmtStart);
            results.push({
              kind: 'error',
              phase: 'step',
              message,
              code: resultCodeOf(message),
              sqlFromStatement: script.slice(stmtStart),
              statement: script.slice(stmtStart, end),
              line: lineAt(stmtStart),
              offset: null,
            });
            failed = true;
          } finally {
            stmt.free();
          }
          const word = failed ? null : txWordOf(text);
          if (word === 'rollback' || counters(db) !== before) {
            const now2 = readDatabase(db, state.version);
            const changes = word === 'rollback' ? [] : diff(last, now2, touched);
            last = now2;
            if (inTx) pending.push(...changes);
            else if (changes.length > 0) transactions.push(changes);
          }
          if (word === 'begin') inTx = true;
          if (word === 'commit' && inTx) {
            if (pending.length > 0) transactions.push(pending);
            pending = [];
            inTx = false;
          }
          if (word === 'rollback') {
            pending = [];
            inTx = false;
          }
          if (failed && bail) break outer;
        }
      }
    } finally {
      db.updateHook(null);
    }
    if (inTx) {
      // the shell closes its connection at the end: an open transaction rolls back
      db.run('ROLLBACK');
      pending = [];
    }
    const changed = counters(db) !== startCounters || transactions.length > 0;
    if (changed) {
      Object.assign(state, readDatabase(db, state.version + 1));
      markInStep(state, db);
    }
    return { results, transactions, changed };
  });
}

/** A read-only query (a connector's generated SELECT with its parameters) at virtual time `now`. */
export function runQuery(state: DatabaseState, sql: string, params: SqlValue[], now: number): DbRow[] {
  const db = sqliteFor(state);
  return withSqliteClock(now, () => queryRows(db, sql, params));
}

export type BoundStatement = { sql: string; params: SqlValue[] };
export type TransactionOutcome =
  | { ok: true; changes: CapturedChange[] }
  | { ok: false; message: string; code: number; failedAt: number };

/**
 * Runs `statements` as one transaction (a connector's JDBC connection with autocommit off: BEGIN, the prepared
 * statements with their parameters, COMMIT). Any error rolls everything back and changes nothing.
 */
export function runTransaction(
  state: DatabaseState,
  statements: BoundStatement[],
  now: number,
): TransactionOutcome {
  const db = sqliteFor(state);
  return withSqliteClock(now, () => {
    let last: DatabaseState = state;
    const changes: CapturedChange[] = [];
    let touched: string[] = [];
    db.updateHook((_op, _db, table, rowid) => {
      touched.push(`${table}\u0000${rowid}`);
    });
    try {
      db.run('BEGIN');
      for (const [i, s] of statements.entries()) {
        touched = [];
        try {
          db.run(s.sql, s.params);
        } catch (e) {
          db.run('ROLLBACK');
          const message = (e as Error).message;
          return { ok: false as const, message, code: resultCodeOf(message), failedAt: i };
        }
        const next = readDatabase(db, state.version);
        changes.push(...diff(last, next, touched));
        last = next;
      }
      db.run('COMMIT');
    } finally {
      db.updateHook(null);
    }
    Object.assign(state, readDatabase(db, state.version + 1));
    markInStep(state, db);
    return { ok: true as const, changes };
  });
}
