// A Debezium PostgreSQL source task over the database's change log (io.debezium.connector.postgresql): a snapshot
// of the captured tables first (op "r"), then every committed change from the log position the snapshot recorded,
// in commit order, with the before/after/source/op envelope and a tombstone after each delete (debezium.ts). Its
// offset, {"lsn","txId","ts_usec"} under ["<name>",{"server":"<topic.prefix>"}], is flushed like any source
// offset, so a crash re-emits the changes after the last flush (at-least-once).
// Simplified: the log is the simulation's own change list, not a replication slot (no slot retention, no
// heartbeats); one table schema `public`; REPLICA IDENTITY DEFAULT (before holds the key column only).
import type { Ctx } from '../../engine/context';
import { changeEvents, type DebeziumTable, snapshotEvents } from '../debezium';
import type { ConnectorEntry } from '../rest/types';
import { valueFromConnect } from './converters';
import { area } from './group';
import { appendRecords, ensureTopic } from './kafkaLog';
import type { TaskRuntime } from './types';

export const DEBEZIUM_POSTGRES_CLASS = 'io.debezium.connector.postgresql.PostgresConnector';
const SCHEMA = 'public';

const offsetKey = (connector: string, server: string) => JSON.stringify([connector, { server }]);

function capturedTables(ctx: Ctx, config: Record<string, string>): string[] {
  const list = (config['table.include.list'] ?? '')
    .split(',')
    .map((s) => s.trim().replace(/^public\./, ''))
    .filter((s) => s !== '');
  const all = Object.keys(area(ctx).database.tables).sort();
  return list.length > 0 ? all.filter((t) => list.includes(t)) : all;
}

export function pollCdcTask(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry): number {
  const a = area(ctx);
  const config = c.taskConfigs[rt.task] ?? c.config;
  const prefix = config['topic.prefix'] ?? 'dbserver1';
  const key = offsetKey(c.name, prefix);
  const offset = rt.sourceOffsets[key] ?? a.committedSourceOffsets[key];
  const tables = capturedTables(ctx, config);
  const spec = (table: string): DebeziumTable => ({
    topicPrefix: prefix,
    db: config['database.dbname'] ?? 'shop',
    schema: SCHEMA,
    table,
    primaryKey: a.database.tables[table]?.primaryKey ?? [],
    replicaIdentity: 'DEFAULT',
  });
  const out: Array<{ topic: string; key: string | null; value: string | null }> = [];
  const push = (records: ReturnType<typeof changeEvents>) => {
    for (const r of records)
      out.push({
        topic: r.topic,
        key: r.key === null ? null : JSON.stringify(r.key),
        value: r.value === null ? null : valueFromConnect(config, r.value as never, `${r.topic}.Envelope`),
      });
  };
  const end = a.wal.at(-1);
  const position = { lsn: end?.change.lsn ?? a.nextLsn, txId: end?.change.txId ?? a.nextTxId, tsMs: ctx.now };
  let phase: string;
  if (offset === undefined) {
    // snapshot.mode=initial: read every captured row as op "r", then stream from the position recorded here
    for (const table of tables)
      push(snapshotEvents(spec(table), a.database.tables[table].rows, position, ctx.now));
    rt.sourceOffsets[key] = { lsn: position.lsn, txId: position.txId, ts_usec: ctx.now * 1000 };
    phase = `snapshot of ${tables.join(', ') || 'no tables'} at lsn ${position.lsn}`;
  } else {
    const from = Number(offset.lsn);
    const changes = a.wal.filter((e) => e.change.lsn > from && tables.includes(e.table));
    for (const e of changes) {
      push(changeEvents(spec(e.table), e.change, ctx.now));
      rt.sourceOffsets[key] = { lsn: e.change.lsn, txId: e.change.txId, ts_usec: e.change.tsMs * 1000 };
    }
    phase = `${changes.length} change(s) from the log after lsn ${from}`;
  }
  if (out.length === 0) return 0;
  for (const r of out) {
    ensureTopic(ctx, r.topic, 1, 1);
    appendRecords(ctx, r.topic, [{ key: r.key, value: r.value }]);
  }
  ctx.emit(
    'connectSourcePolled',
    `task ${rt.connector}-${rt.task} (Debezium) emitted ${out.length} record(s): ${phase}, deletes followed by a tombstone`,
    { connector: rt.connector, task: rt.task, table: tables.join(','), sql: '', rows: out.length },
  );
  return out.length;
}
