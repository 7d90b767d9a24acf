// Between the plain-data database of the state and a live SQLite instance: `readDatabase` reads every table back
// after a statement, `restoreDatabase` rebuilds an instance from the rows (after an undo, a replay, a share link),
// and `sqliteFor` keeps one instance per database state in step with it.
import type { Database, SqlValue } from 'sql.js';
import { installedSqlite, SQLITE_NOT_LOADED } from './engine';
import type { DatabaseState, DbRow, DbSchemaObject, DbTable, DbValue } from './types';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

const toDbValue = (v: SqlValue): DbValue =>
  v instanceof Uint8Array ? Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('') : v;

/** Runs a read-only query and returns its rows as objects. */
export function queryRows(db: Database, sql: string, params: SqlValue[] = []): DbRow[] {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params);
    const rows: DbRow[] = [];
    while (stmt.step()) {
      const cols = stmt.getColumnNames();
      const vals = stmt.get();
      const row: DbRow = {};
      cols.forEach((c, i) => {
        row[c] = toDbValue(vals[i]);
      });
      rows.push(row);
    }
    return rows;
  } finally {
    stmt.free();
  }
}

function readTable(db: Database, obj: DbSchemaObject): DbTable {
  const info = queryRows(db, `PRAGMA table_xinfo(${quoteIdent(obj.name)})`);
  // hidden: 0 an ordinary column, 2/3 a generated (virtual/stored) column
  const columns = info
    .filter((c) => c.hidden === 0 || c.hidden === 2 || c.hidden === 3)
    .map((c) => String(c.name));
  const generated = info.filter((c) => c.hidden === 2 || c.hidden === 3).map((c) => String(c.name));
  const pk = info
    .filter((c) => Number(c.pk) > 0)
    .sort((a, b) => Number(a.pk) - Number(b.pk))
    .map((c) => String(c.name));
  const withoutRowid = /\bWITHOUT\s+ROWID\s*$/i.test(obj.sql);
  // a single INTEGER PRIMARY KEY column is the rowid itself (SQLite's rowid alias)
  const alias =
    pk.length === 1 && String(info.find((c) => c.name === pk[0])?.type ?? '').toUpperCase() === 'INTEGER';
  const t = quoteIdent(obj.name);
  if (withoutRowid || alias) {
    const order = pk.length > 0 ? ` ORDER BY ${pk.map(quoteIdent).join(', ')}` : '';
    return {
      columns,
      generated,
      primaryKey: pk,
      rowids: null,
      rows: queryRows(db, `SELECT * FROM ${t}${order}`),
    };
  }
  const raw = queryRows(db, `SELECT rowid AS "sqlite rowid", * FROM ${t} ORDER BY rowid`);
  return {
    columns,
    generated,
    primaryKey: pk,
    rowids: raw.map((r) => Number(r['sqlite rowid'])),
    rows: raw.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? null]))),
  };
}

/** The whole database as plain data (schema in creation order, every table's rows, sqlite_sequence). */
export function readDatabase(db: Database, version: number): DatabaseState {
  const schema = queryRows(
    db,
    "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
  ).map((r) => ({
    type: r.type as DbSchemaObject['type'],
    name: String(r.name),
    table: String(r.tbl_name),
    sql: String(r.sql),
  }));
  const tables: Record<string, DbTable> = {};
  for (const obj of schema)
    if (obj.type === 'table' && !/^CREATE\s+VIRTUAL/i.test(obj.sql)) tables[obj.name] = readTable(db, obj);
  const sequence: Record<string, number> = {};
  const hasSequence = queryRows(db, "SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'").length > 0;
  if (hasSequence)
    for (const r of queryRows(db, 'SELECT name, seq FROM sqlite_sequence'))
      sequence[String(r.name)] = Number(r.seq);
  return { schema, tables, sequence, version };
}

/** Rebuilds `state` in an empty SQLite instance: tables, their rows (with rowids), sqlite_sequence, then indexes, views and triggers (so no trigger fires on the restore). */
export function restoreDatabase(db: Database, state: DatabaseState): void {
  for (const obj of state.schema) if (obj.type === 'table') db.run(obj.sql);
  for (const [name, t] of Object.entries(state.tables)) {
    if (t.rows.length === 0) continue;
    const cols = t.columns.filter((c) => !t.generated.includes(c));
    const names = [...(t.rowids ? ['rowid'] : []), ...cols.map(quoteIdent)];
    const stmt = db.prepare(
      `INSERT INTO ${quoteIdent(name)} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`,
    );
    try {
      t.rows.forEach((row, i) => {
        stmt.run([...(t.rowids ? [t.rowids[i]] : []), ...cols.map((c) => row[c] ?? null)]);
      });
    } finally {
      stmt.free();
    }
  }
  for (const [name, seq] of Object.entries(state.sequence)) {
    db.run('DELETE FROM sqlite_sequence WHERE name = ?', [name]);
    db.run('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)', [name, seq]);
  }
  for (const obj of state.schema) if (obj.type !== 'table') db.run(obj.sql);
}

const MAX_LIVE = 8;
/** Live instances by the database state they mirror, least recently used first. */
const live = new Map<DatabaseState, { db: Database; version: number }>();

export class SqliteNotLoadedError extends Error {
  constructor() {
    super(SQLITE_NOT_LOADED);
  }
}

/**
 * The SQLite instance in step with `state`: the cached one when it saw this version of this very object, else a
 * new one restored from the rows (a replayed or cloned state is another object, so it gets its own instance).
 */
export function sqliteFor(state: DatabaseState): Database {
  const hit = live.get(state);
  live.delete(state);
  if (hit && hit.version === state.version) {
    live.set(state, hit);
    return hit.db;
  }
  hit?.db.close();
  const sqlJs = installedSqlite();
  if (!sqlJs) throw new SqliteNotLoadedError();
  const db = new sqlJs.Database();
  restoreDatabase(db, state);
  live.set(state, { db, version: state.version });
  while (live.size > MAX_LIVE) {
    const [oldest, entry] = live.entries().next().value as [DatabaseState, { db: Database }];
    entry.db.close();
    live.delete(oldest);
  }
  return db;
}

/** Records that the instance of `state` now holds `state.version` (after the area read a change back). */
export function markInStep(state: DatabaseState, db: Database): void {
  live.set(state, { db, version: state.version });
}
