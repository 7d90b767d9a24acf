// The JDBC source task's poll (io.confluent.connect.jdbc.source.JdbcSourceTask#poll): for each of its tables,
// the querier runs its query from the task's current offset, each row becomes a record of topic
// `topic.prefix + table`, and the offset moves row by row. Offsets reach connect-offsets only when the worker
// flushes (offset.flush.interval.ms), so a crash re-reads the rows after the last flush: at-least-once
// (exactly.once.source.support=disabled, Kafka's default).
import type { Ctx } from '../../engine/context';
import {
  type JdbcMode,
  type JdbcOffset,
  type JdbcSourceTable,
  jdbcNextOffset,
  jdbcOffsetKey,
} from '../jdbcSource';
import type { ConnectorEntry } from '../rest/types';
import { type ConnectError, type ConnectRecord, type ConnectValue, transformChain } from '../transforms';
import { valueFromConnect } from './converters';
import { inlineSql, runPollQuery, sqliteJdbcMessage } from './database';
import { failTask } from './errors';
import { area } from './group';
import { appendRecords, ensureTopic } from './kafkaLog';
import type { TaskRuntime } from './types';

export const JDBC_SOURCE_CLASS = 'io.confluent.connect.jdbc.JdbcSourceConnector';
const MODES: readonly string[] = ['bulk', 'incrementing', 'timestamp', 'timestamp+incrementing'];

const list = (v: string | undefined): string[] =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The tables a task reads: the connector splits the table list among its tasks (ConnectorUtils#groupPartitions: contiguous groups). */
export function tablesOfTask(
  ctx: Ctx,
  config: Record<string, string>,
  task: number,
  tasks: number,
): string[] {
  const all = list(config['table.whitelist']);
  const db = area(ctx).database.tables;
  const tables = (all.length > 0 ? all : Object.keys(db).sort()).filter((t) => db[t]);
  const per = Math.floor(tables.length / tasks);
  const extra = tables.length % tasks;
  const start = task * per + Math.min(task, extra);
  return tables.slice(start, start + per + (task < extra ? 1 : 0));
}

export function sourceTable(config: Record<string, string>, table: string): JdbcSourceTable {
  return {
    table,
    mode: config.mode as JdbcMode,
    incrementingColumn: config['incrementing.column.name'] || 'id',
    timestampColumns: list(config['timestamp.column.name'] || 'updated_at'),
  };
}

/** The offset a task resumes from: its own (in memory), else the committed one from connect-offsets. */
export function currentOffset(ctx: Ctx, rt: TaskRuntime, table: string): JdbcOffset {
  const key = jdbcOffsetKey(rt.connector, table);
  return (rt.sourceOffsets[key] ?? area(ctx).committedSourceOffsets[key] ?? {}) as JdbcOffset;
}

export function pollSourceTask(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry): number {
  const config = c.taskConfigs[rt.task] ?? c.config;
  if (!MODES.includes(config.mode ?? '')) {
    // JdbcSourceTask#start: TableQuerier construction refuses an empty mode
    failTask(
      ctx,
      rt,
      c,
      'org.apache.kafka.connect.errors.ConnectException: Invalid configuration: Query mode must be specified\n\tat io.confluent.connect.jdbc.source.JdbcSourceTask.start',
    );
    return 0;
  }
  let chain: ReturnType<typeof transformChain>;
  try {
    chain = transformChain(config);
  } catch (e) {
    const err = e as ConnectError;
    failTask(
      ctx,
      rt,
      c,
      `${err.exception ?? 'org.apache.kafka.common.config.ConfigException'}: ${err.message}`,
    );
    return 0;
  }
  const maxRows = Number(config['batch.max.rows'] ?? '100');
  let total = 0;
  for (const table of tablesOfTask(ctx, config, rt.task, c.taskConfigs.length)) {
    const t = sourceTable(config, table);
    let polled: ReturnType<typeof runPollQuery>;
    try {
      polled = runPollQuery(area(ctx).database, t, currentOffset(ctx, rt, table), ctx.now, maxRows);
    } catch (e) {
      // SQLite refused the generated query (a column that is not there, a dropped table): the querier's
      // SQLException ends the task (simplified: query.retry.attempts is not modelled)
      failTask(
        ctx,
        rt,
        c,
        `org.apache.kafka.connect.errors.ConnectException: java.sql.SQLException: ${sqliteJdbcMessage((e as Error).message)}\n\tat io.confluent.connect.jdbc.source.JdbcSourceTask.poll`,
      );
      return total;
    }
    const { query, rows } = polled;
    const topic = `${config['topic.prefix'] ?? ''}${table}`;
    if (rows.length > 0) ensureTopic(ctx, topic, 1, 1);
    const nullKeyPartition = ctx.state.topics[topic]
      ? ctx.randomInt(ctx.state.topics[topic].partitions.length)
      : 0;
    for (const row of rows) {
      const record: ConnectRecord = {
        topic,
        partition: null,
        key: null,
        value: { ...row } as ConnectValue,
        timestamp: ctx.now,
        headers: [],
        kafkaOffset: null,
      };
      let out: ConnectRecord | null;
      try {
        out = chain.apply(record);
      } catch (e) {
        failTask(ctx, rt, c, `${(e as ConnectError).exception}: ${(e as Error).message}`);
        return total;
      }
      rt.sourceOffsets[jdbcOffsetKey(rt.connector, table)] = jdbcNextOffset(t, row);
      if (out === null) continue;
      ensureTopic(ctx, out.topic, 1, 1);
      const key = out.key === null ? null : valueFromConnect(config, out.key);
      appendRecords(
        ctx,
        out.topic,
        [{ key, value: valueFromConnect(config, out.value, table), headers: out.headers }],
        nullKeyPartition,
      );
      total++;
    }
    if (rows.length === 0) continue; // an empty poll changes nothing
    ctx.emit(
      'connectSourcePolled',
      `task ${rt.connector}-${rt.task} ran ${inlineSql(query)} and produced ${rows.length} row(s) to ${topic} (offset now ${JSON.stringify(rt.sourceOffsets[jdbcOffsetKey(rt.connector, table)])}, flushed at the next offset.flush.interval.ms)`,
      { connector: rt.connector, task: rt.task, table, sql: inlineSql(query), rows: rows.length },
    );
  }
  return total;
}
