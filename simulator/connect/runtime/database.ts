// The connectors' side of the database: their generated queries run by SQLite (sql.js) against the area's
// database state (../database/). jdbcSource.ts builds the SQL text with `?` parameters; SQLite evaluates its
// WHERE and ORDER BY, so what polling misses (deletes, updates between polls, rows sharing a timestamp) is what
// SQLite returns, not a model of it.
import type { SqlValue } from 'sql.js';
import { runQuery } from '../database/session';
import type { DatabaseState, DbRow } from '../database/types';
import { type JdbcOffset, type JdbcQuery, type JdbcSourceTable, jdbcPollQuery } from '../jdbcSource';

/** The message the SQLite JDBC driver (xerial sqlite-jdbc) wraps an engine error in. */
export const sqliteJdbcMessage = (message: string, code = 1) =>
  code === 19
    ? `[SQLITE_CONSTRAINT] Abort due to constraint violation (${message})`
    : `[SQLITE_ERROR] SQL error or missing database (${message})`;

/**
 * Runs the polling query `jdbcPollQuery` builds for `t` and `offset` (TimestampIncrementingCriteria), at most
 * `maxRows` rows (batch.max.rows). Throws SQLite's error (a missing column, a dropped table).
 */
export function runPollQuery(
  db: DatabaseState,
  t: JdbcSourceTable,
  offset: JdbcOffset,
  now: number,
  maxRows: number,
): { query: JdbcQuery; rows: DbRow[] } {
  const query = jdbcPollQuery(t, offset, now);
  const rows = runQuery(db, query.sql, query.params as SqlValue[], now);
  // bulk re-reads the whole table each poll: batch.max.rows splits a poll, it does not skip rows (simplified: one batch)
  return { query, rows: t.mode === 'bulk' ? rows : rows.slice(0, maxRows) };
}

/** The SQL text with its parameters inlined, as a learner reads it in the event log. */
export function inlineSql(q: JdbcQuery): string {
  let i = 0;
  return q.sql.replace(/\?/g, () => String(q.params[i++]));
}
