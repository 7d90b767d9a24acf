// The database's truth in the simulation state: plain JSON rows and schema text, as SQLite holds them. SQLite
// (sql.js) executes every statement; after a statement commits its effect is read back into this shape.

/** A column value as the simulation keeps it (INTEGER and REAL as numbers, TEXT, NULL; BLOBs as hex text). */
export type DbValue = string | number | null;
export type DbRow = Record<string, DbValue>;

export type DbTable = {
  /** The columns `SELECT *` returns, in order. */
  columns: string[];
  /** Generated columns (restored by SQLite from their expression, never inserted). */
  generated: string[];
  /** PRIMARY KEY columns in key order (PRAGMA table_info's pk), empty when the table has none. */
  primaryKey: string[];
  /**
   * Each row's rowid, parallel to `rows`, when the rowid is not a column of its own (no INTEGER PRIMARY KEY
   * alias): null for alias tables and WITHOUT ROWID tables.
   */
  rowids: number[] | null;
  /** The rows in rowid (or primary key) order. */
  rows: DbRow[];
};

/** An entry of sqlite_schema with its CREATE text (tables, indexes, views, triggers), in creation order. */
export type DbSchemaObject = {
  type: 'table' | 'index' | 'view' | 'trigger';
  name: string;
  table: string;
  sql: string;
};

export type DatabaseState = {
  schema: DbSchemaObject[];
  tables: Record<string, DbTable>;
  /** sqlite_sequence: the largest id AUTOINCREMENT handed out per table. */
  sequence: Record<string, number>;
  /** Bumped on every committed change: a cached SQLite instance is in step only at the version it last saw. */
  version: number;
};

export function emptyDatabase(): DatabaseState {
  return { schema: [], tables: {}, sequence: {}, version: 0 };
}
