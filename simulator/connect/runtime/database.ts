// The source database as an in-simulation table model (not a SQL engine): tables with an auto-increment `id`
// and an `updated_at` timestamp column the database maintains, and the JDBC source's polling queries evaluated
// with their exact WHERE and ORDER BY semantics (jdbcSource.ts builds the SQL text a task logs).
import { type JdbcOffset, type JdbcQuery, type JdbcSourceTable, jdbcPollQuery } from '../jdbcSource';
import type { DbRow, DbTable, DbValue } from './types';

export const ID_COLUMN = 'id';
export const UPDATED_AT_COLUMN = 'updated_at';

export function newTable(columns: readonly string[]): DbTable {
  const own = columns.filter((c) => c !== ID_COLUMN && c !== UPDATED_AT_COLUMN);
  return { columns: [ID_COLUMN, ...own, UPDATED_AT_COLUMN], rows: [], nextId: 1 };
}

/** SQLite's error text for a column the table does not have. */
export function unknownColumn(
  table: DbTable,
  tableName: string,
  values: Record<string, DbValue>,
): string | null {
  for (const c of Object.keys(values))
    if (!table.columns.includes(c)) return `table ${tableName} has no column named ${c}`;
  return null;
}

export function insertRow(table: DbTable, values: Record<string, DbValue>, now: number): DbRow {
  const id = typeof values.id === 'number' ? values.id : table.nextId;
  const row: DbRow = {};
  for (const c of table.columns)
    row[c] = c === ID_COLUMN ? id : c === UPDATED_AT_COLUMN ? now : (values[c] ?? null);
  table.rows.push(row);
  table.nextId = Math.max(table.nextId, id + 1);
  return row;
}

export function updateRow(table: DbTable, id: number, values: Record<string, DbValue>, now: number): boolean {
  const row = table.rows.find((r) => r.id === id);
  if (!row) return false;
  for (const [c, v] of Object.entries(values)) if (c !== ID_COLUMN) row[c] = v;
  row[UPDATED_AT_COLUMN] = now;
  return true;
}

export function deleteRow(table: DbTable, id: number): boolean {
  const i = table.rows.findIndex((r) => r.id === id);
  if (i < 0) return false;
  table.rows.splice(i, 1);
  return true;
}

const num = (v: DbValue | undefined): number => (typeof v === 'number' ? v : Number(v ?? Number.NaN));

function timestampOf(t: JdbcSourceTable, row: DbRow): number {
  // COALESCE(ts1, ts2, …): the first non-null column
  for (const c of t.timestampColumns ?? []) if (row[c] !== null && row[c] !== undefined) return num(row[c]);
  return Number.NaN;
}

/**
 * Runs the polling query `jdbcPollQuery` builds for `t` and `offset` over the table: the same predicate and
 * order (TimestampIncrementingCriteria), at most `maxRows` rows (batch.max.rows).
 */
export function runPollQuery(
  table: DbTable,
  t: JdbcSourceTable,
  offset: JdbcOffset,
  now: number,
  maxRows: number,
): { query: JdbcQuery; rows: DbRow[] } {
  const query = jdbcPollQuery(t, offset, now);
  const inc = t.incrementingColumn ?? ID_COLUMN;
  let rows: DbRow[];
  switch (t.mode) {
    case 'bulk':
      rows = [...table.rows];
      break;
    case 'incrementing': {
      const last = offset.incrementing ?? -1;
      rows = table.rows.filter((r) => num(r[inc]) > last).sort((a, b) => num(a[inc]) - num(b[inc]));
      break;
    }
    case 'timestamp': {
      const last = offset.timestamp ?? 0;
      rows = table.rows
        .filter((r) => timestampOf(t, r) > last && timestampOf(t, r) < now)
        .sort((a, b) => timestampOf(t, a) - timestampOf(t, b));
      break;
    }
    case 'timestamp+incrementing': {
      const lastTs = offset.timestamp ?? 0;
      const lastInc = offset.incrementing ?? -1;
      rows = table.rows
        .filter((r) => {
          const ts = timestampOf(t, r);
          return ts < now && ((ts === lastTs && num(r[inc]) > lastInc) || ts > lastTs);
        })
        .sort((a, b) => timestampOf(t, a) - timestampOf(t, b) || num(a[inc]) - num(b[inc]));
      break;
    }
  }
  // bulk re-reads the whole table each poll: batch.max.rows splits a poll, it does not skip rows (simplified: one batch)
  return { query, rows: t.mode === 'bulk' ? rows : rows.slice(0, maxRows) };
}

/** The SQL text with its parameters inlined, as a learner reads it in the event log. */
export function inlineSql(q: JdbcQuery): string {
  let i = 0;
  return q.sql.replace(/\?/g, () => String(q.params[i++]));
}
