// The JDBC sink task's put (io.confluent.connect.jdbc.sink.JdbcSinkTask#put → JdbcDbWriter#write): the records of
// one poll become one transaction in SQLite, with the statements SqliteDatabaseDialect generates (CREATE TABLE
// when auto.create, ALTER TABLE … ADD when auto.evolve, INSERT / INSERT OR REPLACE, DELETE for a tombstone when
// delete.enabled). A failed statement rolls the whole batch back and fails the task: put() errors are not
// covered by errors.tolerance (only conversion and transforms are), so nothing is half-written and the records
// are read again after a restart. Committed batches reach the change log like any other transaction.
import type { Ctx } from '../../engine/context';
import { type BoundStatement, runTransaction } from '../database/session';
import {
  alterTableSql,
  bindValues,
  type ConnectSchema,
  createTableSql,
  deleteSql,
  fieldsMetadata,
  JdbcSinkError,
  type JdbcSinkRecord,
  jdbcSinkConfigError,
  jdbcSinkSettings,
  missingFieldsError,
  missingTableError,
  type SchemaAndValue,
  tableNameOf,
  updateSql,
  validateRecord,
  writeSql,
} from '../jdbcSink';
import type { ConnectorEntry } from '../rest/types';
import { logTransaction } from './changeLog';
import { JSON_CONVERTER, STRING_CONVERTER } from './converters';
import { sqliteJdbcMessage } from './database';
import { failTask } from './errors';
import { area } from './group';
import type { TaskRuntime } from './types';

export const JDBC_SINK_CLASS = 'io.confluent.connect.jdbc.JdbcSinkConnector';

/** A key or value as its converter hands it to the task: JsonConverter with schemas.enable reads the envelope. */
export function schemaAndValue(
  config: Record<string, string>,
  side: 'key' | 'value',
  raw: string | null,
): SchemaAndValue {
  if (raw === null) return { schema: null, value: null };
  const cls = config[`${side}.converter`] ?? JSON_CONVERTER;
  if (cls === STRING_CONVERTER) return { schema: { type: 'string' }, value: raw };
  try {
    const parsed = JSON.parse(raw) as { schema?: ConnectSchema; payload?: unknown };
    if (config[`${side}.converter.schemas.enable`] === 'false') return { schema: null, value: parsed };
    return { schema: parsed.schema ?? null, value: parsed.payload ?? null };
  } catch {
    return { schema: null, value: raw };
  }
}

const unrecoverable = (cause: string) =>
  `org.apache.kafka.connect.errors.ConnectException: Exiting WorkerSinkTask due to unrecoverable exception.\n\tat org.apache.kafka.connect.runtime.WorkerSinkTask.deliverMessages(WorkerSinkTask.java)\nCaused by: ${cause}`;

/** Writes one poll's records; false when the task failed (the caller rewinds its positions). */
export function putJdbcRecords(
  ctx: Ctx,
  rt: TaskRuntime,
  c: ConnectorEntry,
  records: JdbcSinkRecord[],
): boolean {
  if (records.length === 0) return true;
  const config = c.taskConfigs[rt.task] ?? c.config;
  const s = jdbcSinkSettings(c.name, config);
  const configError = jdbcSinkConfigError(s);
  if (configError) {
    failTask(ctx, rt, c, `org.apache.kafka.common.config.ConfigException: ${configError}`);
    return false;
  }
  const db = area(ctx).database;
  // the columns each table has, as the statements planned so far leave it (DbStructure's table metadata cache)
  const columns = new Map(
    Object.entries(db.tables).map(([t, v]) => [t.toLowerCase(), v.columns.map((x) => x.toLowerCase())]),
  );
  const statements: BoundStatement[] = [];
  try {
    for (const r of records) {
      validateRecord(s, r);
      const table = tableNameOf(s, r.topic);
      const m = fieldsMetadata(s, table, r);
      const fields = [...m.keyFields, ...m.nonKeyFields];
      const have = columns.get(table.toLowerCase());
      if (!have) {
        if (!s.autoCreate) throw missingTableError(table);
        statements.push({ sql: createTableSql(table, m), params: [] });
        columns.set(
          table.toLowerCase(),
          fields.map((f) => f.name.toLowerCase()),
        );
      } else {
        const missing = fields.filter((f) => !have.includes(f.name.toLowerCase()));
        if (missing.length > 0) {
          if (!s.autoEvolve) throw missingFieldsError(table, missing);
          for (const f of missing) statements.push({ sql: alterTableSql(table, f), params: [] });
          have.push(...missing.map((f) => f.name.toLowerCase()));
        }
      }
      if (r.value.value === null)
        statements.push({ sql: deleteSql(table, m), params: bindValues(s, m, r, true) });
      else
        statements.push({
          sql: s.insertMode === 'update' ? updateSql(table, m) : writeSql(table, m, s.insertMode),
          params: bindValues(s, m, r, false, s.insertMode),
        });
    }
  } catch (e) {
    if (!(e instanceof JdbcSinkError)) throw e;
    failTask(ctx, rt, c, unrecoverable(`${e.exception}: ${e.message}`));
    return false;
  }
  const outcome = runTransaction(db, statements, ctx.now);
  if (!outcome.ok) {
    failTask(
      ctx,
      rt,
      c,
      unrecoverable(
        `org.apache.kafka.connect.errors.ConnectException: java.sql.SQLException: Exception chain:\njava.sql.SQLException: ${sqliteJdbcMessage(outcome.message, outcome.code)}\n\twhile running ${statements[outcome.failedAt].sql}`,
      ),
    );
    return false;
  }
  if (outcome.changes.length > 0) logTransaction(ctx, outcome.changes);
  const texts = [...new Set(statements.map((x) => x.sql.replace(/\n/g, ' ')))];
  ctx.emit(
    'connectSinkDelivered',
    `task ${rt.connector}-${rt.task} wrote ${records.length} record(s) to SQLite in one transaction: ${texts.join('; ')}`,
    { connector: rt.connector, task: rt.task, records: records.length, written: texts },
  );
  return true;
}
