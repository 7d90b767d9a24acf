// Test kit for the Connect area: a 3-broker Simulation with a Connect worker group, REST calls, the source
// database and readers of the topics the workers write.
import type { Simulation } from '../../index';
import { readModel } from '../../read/index';
import { must, sim } from '../../testing/sim.testkit';
import { loadSqlite } from '../database/loader';
import type { HttpMethod } from '../rest/types';

export function connectSim(workers = 2, offsetFlushIntervalMs = 10_000): Simulation {
  const s = sim();
  must(s, { type: 'connectStart', workers, offsetFlushIntervalMs });
  return s;
}

export function rest(s: Simulation, method: HttpMethod, path: string, body?: unknown) {
  const r = must(s, {
    type: 'connectRest',
    request: {
      method,
      path: path.split('?')[0],
      query: Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? '')),
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
  });
  if (!r.ok) throw new Error('unreachable');
  return r.data;
}

export const advance = (s: Simulation, ms: number) => must(s, { type: 'advanceClock', ms });

/** The lessons' customers table: an AUTOINCREMENT id and an updated_at (epoch ms) kept by a DEFAULT and a trigger. */
export const CUSTOMERS_DDL = `CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT, updated_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)));
CREATE TRIGGER customers_updated_at AFTER UPDATE ON customers BEGIN UPDATE customers SET updated_at = CAST(unixepoch('subsec') * 1000 AS INTEGER) WHERE id = NEW.id; END`;

/** Runs SQL through SQLite (as `sqlite3 shop.db "…"`); throws on any SQLite error. */
export function sql(s: Simulation, text: string) {
  const r = must(s, { type: 'connectDbExec', sql: text });
  if (!r.ok) throw new Error('unreachable');
  const err = r.data.results.find((x) => x.kind === 'error');
  if (err) throw new Error(`SQLite: ${err.message}`);
  return r.data.results;
}

const lit = (v: string) => `'${v.replace(/'/g, "''")}'`;

export function customers(s: Simulation, names: string[]): void {
  sql(s, CUSTOMERS_DDL);
  for (const name of names)
    sql(s, `INSERT INTO customers (name, email) VALUES (${lit(name)}, ${lit(`${name}@example.com`)})`);
}

/** Loads sql.js once for a test file (the simulator runs SQL only once it is installed). */
export const withSqlite = () => loadSqlite();

export const JDBC_SOURCE = (mode = 'incrementing', extra: Record<string, string> = {}) => ({
  name: 'jdbc-customers',
  config: {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'connection.url': 'jdbc:sqlite:shop.db',
    mode,
    'table.whitelist': 'customers',
    'topic.prefix': 'shop-',
    'value.converter.schemas.enable': 'false',
    ...extra,
  },
});

/** Every record of every partition of `topic`, in partition then offset order. */
export function topicRecords(s: Simulation, topic: string) {
  const t = readModel(s).topic(topic);
  if (!t) return [];
  return t.partitions.flatMap((p) => readModel(s).records(topic, p.partition, 0, 10_000, 'read_uncommitted'));
}

export const valuesOf = (s: Simulation, topic: string) =>
  topicRecords(s, topic).map((r) => (r.value === null ? null : JSON.parse(r.value)));
