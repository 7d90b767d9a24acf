// The JDBC sink task's put (io.confluent.connect.jdbc.sink.JdbcSinkTask#put → JdbcDbWriter#write): the records of
// one poll become one transaction in SQLite, with the statements SqliteDatabaseDialect generates (CREATE TABLE
// when auto.create, ALTER TABLE … ADD when auto.evolve, INSERT / INSERT OR REPLACE, DELETE for a tombstone when
// delete.enabled). A failed statement rolls the whole batch back (nothing is half-written). JdbcSinkTask#put
// turns an SQLException into a RetriableException while max.retries remain (SinkTaskContext#timeout =
// retry.backoff.ms): WorkerSinkTask#deliverMessages pauses the partitions and hands the same batch to put() again.
// Once retries are exhausted, or for a TableAlterOrCreateException, the task fails, unless the connector has an
// errant record reporter (SinkConnectorConfig#enableErrantRecordReporter: a DLQ topic or errors.log.enable): then
// JdbcSinkTask#unrollAndRetry writes the records one by one and reports each failing one
// (WorkerErrantRecordReporter → RetryWithToleranceOperator#executeFailed, stage TASK_PUT): to the DLQ, and with
// errors.tolerance=none the task then fails with "Tolerance exceeded in error handler". errors.retry.timeout plays
// no part here: RetryWithToleranceOperator retries only the converter and transform stages.
// Committed writes reach the change log like any other transaction.
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
  type JdbcSinkSettings,
  jdbcSinkConfigError,
  jdbcSinkSettings,
  missingFieldsError,
  missingTableError,
  type SchemaAndValue,
  TABLE_EXCEPTION,
  tableNameOf,
  updateSql,
  validateRecord,
  writeSql,
} from '../jdbcSink';
import type { ConnectorEntry } from '../rest/types';
import { logTransaction } from './changeLog';
import { JSON_CONVERTER, STRING_CONVERTER } from './converters';
import { sqliteJdbcMessage } from './database';
import { failTask, sendToDlq } from './errors';
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

/** What one write attempt did: committed, or the exception JdbcDbWriter#write threw (the transaction rolled back). */
type WriteAttempt =
  | { kind: 'written'; texts: string[] }
  | { kind: 'sql'; message: string }
  | { kind: 'table'; message: string }
  | { kind: 'invalid'; exception: string; message: string };

/** JdbcDbWriter#write: the records' statements in one SQLite transaction. */
function writeRecords(ctx: Ctx, s: JdbcSinkSettings, records: JdbcSinkRecord[]): WriteAttempt {
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
    if (e.exception === TABLE_EXCEPTION) return { kind: 'table', message: e.message };
    return { kind: 'invalid', exception: e.exception, message: e.message };
  }
  const outcome = runTransaction(db, statements, ctx.now);
  if (!outcome.ok)
    return {
      kind: 'sql',
      // JdbcSinkTask#getAllMessagesException: "Exception chain:" and each SQLException of the chain
      message: `Exception chain:\njava.sql.SQLException: ${sqliteJdbcMessage(outcome.message, outcome.code)}\n\twhile running ${statements[outcome.failedAt].sql}`,
    };
  if (outcome.changes.length > 0) logTransaction(ctx, outcome.changes);
  return { kind: 'written', texts: [...new Set(statements.map((x) => x.sql.replace(/\n/g, ' ')))] };
}

/** What put() did with a batch: written (or dealt with record by record), to be redelivered, or the task failed. */
export type JdbcPut = 'written' | 'retry' | 'failed';

const hasErrantRecordReporter = (config: Record<string, string>) =>
  (config['errors.deadletterqueue.topic.name'] ?? '').trim() !== '' || config['errors.log.enable'] === 'true';

/** JdbcSinkTask#put for one batch (a poll's records, or the batch being redelivered). */
export function putJdbcRecords(
  ctx: Ctx,
  rt: TaskRuntime,
  c: ConnectorEntry,
  records: JdbcSinkRecord[],
): JdbcPut {
  if (records.length === 0) return 'written';
  const config = c.taskConfigs[rt.task] ?? c.config;
  const s = jdbcSinkSettings(c.name, config);
  const configError = jdbcSinkConfigError(s);
  if (configError) {
    failTask(ctx, rt, c, `org.apache.kafka.common.config.ConfigException: ${configError}`);
    return 'failed';
  }
  const attempt = writeRecords(ctx, s, records);
  if (attempt.kind === 'written') {
    rt.remainingRetries = s.maxRetries;
    ctx.emit(
      'connectSinkDelivered',
      `task ${rt.connector}-${rt.task} wrote ${records.length} record(s) to SQLite in one transaction: ${attempt.texts.join('; ')}`,
      { connector: rt.connector, task: rt.task, records: records.length, written: attempt.texts },
    );
    return 'written';
  }
  if (attempt.kind === 'invalid') {
    failTask(ctx, rt, c, unrecoverable(`${attempt.exception}: ${attempt.message}`));
    return 'failed';
  }
  if (attempt.kind === 'sql') {
    const remaining = rt.remainingRetries ?? s.maxRetries;
    if (remaining > 0) {
      rt.remainingRetries = remaining - 1;
      ctx.emit(
        'connectSinkRetry',
        `task ${rt.connector}-${rt.task}: write of ${records.length} record(s) failed, remainingRetries=${remaining} (${attempt.message.split('\n')[1]}); put() threw a RetriableException, so WorkerSinkTask pauses its partitions and hands the same batch to put() again in retry.backoff.ms=${s.retryBackoffMs}; the task stays RUNNING`,
        {
          connector: rt.connector,
          task: rt.task,
          records: records.length,
          remainingRetries: remaining - 1,
          backoffMs: s.retryBackoffMs,
          message: attempt.message,
        },
      );
      return 'retry';
    }
  }
  const cause =
    attempt.kind === 'sql'
      ? `${CONNECT_EXCEPTION}: java.sql.SQLException: ${attempt.message}`
      : `${TABLE_EXCEPTION}: ${attempt.message}`;
  if (!hasErrantRecordReporter(config)) {
    failTask(ctx, rt, c, unrecoverable(cause));
    return 'failed';
  }
  return unrollAndRetry(ctx, rt, c, s, records);
}

const CONNECT_EXCEPTION = 'org.apache.kafka.connect.errors.ConnectException';

/** JdbcSinkTask#unrollAndRetry: each record in its own write; a failing one goes to the errant record reporter. */
function unrollAndRetry(
  ctx: Ctx,
  rt: TaskRuntime,
  c: ConnectorEntry,
  s: JdbcSinkSettings,
  records: JdbcSinkRecord[],
): JdbcPut {
  const config = c.taskConfigs[rt.task] ?? c.config;
  rt.remainingRetries = s.maxRetries;
  let written = 0;
  for (const r of records) {
    const attempt = writeRecords(ctx, s, [r]);
    if (attempt.kind === 'written') {
      written++;
      continue;
    }
    if (attempt.kind === 'invalid') {
      failTask(ctx, rt, c, unrecoverable(`${attempt.exception}: ${attempt.message}`));
      return 'failed';
    }
    const error = {
      exception: attempt.kind === 'sql' ? 'java.sql.SQLException' : TABLE_EXCEPTION,
      message: attempt.message,
      stage: 'TASK_PUT',
      executingClass: 'org.apache.kafka.connect.sink.SinkTask',
      method: 'put',
    };
    // RetryWithToleranceOperator#executeFailed: the record is reported (DLQ) first, then the tolerance is checked
    const original = {
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      ...(r.original ?? { key: null, value: null }),
    };
    const dlq = sendToDlq(ctx, rt, config, original, error);
    if (config['errors.tolerance'] !== 'all') {
      failTask(
        ctx,
        rt,
        c,
        unrecoverable(
          `${CONNECT_EXCEPTION}: Tolerance exceeded in error handler\nCaused by: ${error.exception}: ${error.message}`,
        ),
      );
      return 'failed';
    }
    if (dlq === null)
      ctx.emit(
        'connectRecordSkipped',
        `task ${rt.connector}-${rt.task} skipped ${r.topic}-${r.partition}@${r.offset} after its write failed (errors.tolerance=all, reported by errors.log.enable): ${error.message.split('\n')[1] ?? error.message}`,
        { connector: rt.connector, task: rt.task, topic: r.topic, offset: r.offset, message: error.message },
      );
  }
  ctx.emit(
    'connectSinkDelivered',
    `task ${rt.connector}-${rt.task} wrote the failed batch record by record (JdbcSinkTask#unrollAndRetry): ${written} of ${records.length} written, the rest reported`,
    { connector: rt.connector, task: rt.task, records: written, written: [] },
  );
  return 'written';
}
