// The JDBC source connector's polling queries and source offsets (io.confluent.connect.jdbc.source:
// TimestampIncrementingCriteria, TimestampIncrementingTableQuerier, OffsetProtocols). The query text is what the
// connector logs and runs; the simulator runs it for real against SQLite, so what polling misses (deletes,
// updates between polls in incrementing mode, rows sharing a timestamp) is visible, not asserted.

export type JdbcMode = 'bulk' | 'incrementing' | 'timestamp' | 'timestamp+incrementing';

export type JdbcSourceTable = {
  table: string;
  mode: JdbcMode;
  incrementingColumn?: string;
  /** Several columns are combined with COALESCE, as the connector does. */
  timestampColumns?: string[];
};

/** The offset a table querier stores in connect-offsets (value side), as the JDBC source writes it. */
export type JdbcOffset = { incrementing?: number; timestamp?: number; timestamp_nanos?: number };

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

function timestampExpr(t: JdbcSourceTable): string {
  const cols = (t.timestampColumns ?? []).map((c) => `${q(t.table)}.${q(c)}`);
  if (cols.length === 0) throw new Error('timestamp.column.name must be set for timestamp modes');
  return cols.length === 1 ? cols[0] : `COALESCE(${cols.join(',')})`;
}

export type JdbcQuery = { sql: string; params: number[] };

/**
 * The polling query for one table and its stored offset. `now` is the database's current time in ms;
 * the upper timestamp bound is now − timestamp.delay.interval.ms (default 0), so rows committed with a
 * timestamp in the future are picked up later.
 */
export function jdbcPollQuery(t: JdbcSourceTable, offset: JdbcOffset, now: number, delayMs = 0): JdbcQuery {
  const base = `SELECT * FROM ${q(t.table)}`;
  const upper = now - delayMs;
  switch (t.mode) {
    case 'bulk':
      return { sql: base, params: [] };
    case 'incrementing': {
      if (!t.incrementingColumn)
        throw new Error('incrementing.column.name must be set for incrementing mode');
      const inc = `${q(t.table)}.${q(t.incrementingColumn)}`;
      return { sql: `${base} WHERE ${inc} > ? ORDER BY ${inc} ASC`, params: [offset.incrementing ?? -1] };
    }
    case 'timestamp': {
      const ts = timestampExpr(t);
      return {
        sql: `${base} WHERE ${ts} > ? AND ${ts} < ? ORDER BY ${ts} ASC`,
        params: [offset.timestamp ?? 0, upper],
      };
    }
    case 'timestamp+incrementing': {
      if (!t.incrementingColumn) throw new Error('incrementing.column.name must be set');
      const ts = timestampExpr(t);
      const inc = `${q(t.table)}.${q(t.incrementingColumn)}`;
      const lastTs = offset.timestamp ?? 0;
      return {
        sql: `${base} WHERE ${ts} < ? AND ((${ts} = ? AND ${inc} > ?) OR ${ts} > ?) ORDER BY ${ts},${inc} ASC`,
        params: [upper, lastTs, offset.incrementing ?? -1, lastTs],
      };
    }
  }
}

/** The offset after emitting `row` (the querier's offset moves row by row). */
export function jdbcNextOffset(t: JdbcSourceTable, row: Record<string, unknown>): JdbcOffset {
  const out: JdbcOffset = {};
  if (t.mode === 'incrementing' || t.mode === 'timestamp+incrementing')
    out.incrementing = Number(row[t.incrementingColumn as string]);
  if (t.mode === 'timestamp' || t.mode === 'timestamp+incrementing') {
    const ts = (t.timestampColumns ?? []).map((c) => row[c]).find((v) => v !== null && v !== undefined);
    out.timestamp = Number(ts);
    out.timestamp_nanos = 0;
  }
  return out;
}

/** The connect-offsets key for a table: ["<connector>", {"protocol":"1","table":"<table>"}] (OffsetProtocols V1). */
export function jdbcOffsetKey(connector: string, table: string): string {
  return JSON.stringify([connector, { protocol: '1', table }]);
}
