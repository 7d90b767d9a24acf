// The JDBC sink writing real SQLite (sql.js): Confluent's kafka-connect-jdbc with its SqliteDatabaseDialect.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Simulation } from '../../index';
import { readModel } from '../../read/index';
import { eventsOf, must } from '../../testing/sim.testkit';
import { createTableSql, fieldsMetadata, jdbcSinkSettings, writeSql } from '../jdbcSink';
import { advance, connectSim, rest, sql, topicRecords, withSqlite } from './connect.testkit';

beforeAll(withSqlite);

const ORDER_SCHEMA = {
  type: 'struct',
  name: 'order',
  optional: false,
  fields: [
    { field: 'id', type: 'int64', optional: false },
    { field: 'item', type: 'string', optional: true },
    { field: 'qty', type: 'int32', optional: true },
  ],
};
const order = (id: number, item: string, qty: number) =>
  JSON.stringify({ schema: ORDER_SCHEMA, payload: { id, item, qty } });
const KEY = (id: number) => JSON.stringify({ schema: { type: 'int64', optional: false }, payload: id });

function produce(s: Simulation, records: Array<{ key: string | null; value: string | null }>): void {
  if (!s.state.topics.orders)
    must(s, { type: 'createTopic', topic: 'orders', partitions: 1, replicationFactor: 3 });
  if (!s.state.producers?.tk) must(s, { type: 'producerCreate', name: 'tk', configs: { acks: 'all' } });
  must(s, {
    type: 'producerSendMany',
    producer: 'tk',
    topic: 'orders',
    records: records.map((r) => ({ ...r, partition: 0 })),
  });
  must(s, { type: 'producerFlush', producer: 'tk' });
}

const SINK = (extra: Record<string, string> = {}) => ({
  name: 'jdbc-orders',
  config: {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
    'connection.url': 'jdbc:sqlite:shop.db',
    topics: 'orders',
    'auto.create': 'true',
    ...extra,
  },
});

const rows = (s: Simulation, q: string) => sql(s, q).flatMap((r) => (r.kind === 'rows' ? r.rows : []));
const taskState = (s: Simulation) => readModel(s).connect().connectors[0]?.tasks[0];

describe('JDBC sink (JdbcSinkTask, SqliteDatabaseDialect) into SQLite', () => {
  it('auto.create: CREATE TABLE from the value schema (SqliteDatabaseDialect#getSqlType), then INSERT INTO per record', () => {
    const m = fieldsMetadata(jdbcSinkSettings('x', {}), 'orders', {
      topic: 'orders',
      partition: 0,
      offset: 0,
      timestamp: 0,
      key: { schema: null, value: null },
      value: { schema: ORDER_SCHEMA, value: {} },
    });
    expect(createTableSql('orders', m)).toBe(
      'CREATE TABLE `orders` (\n`id` INTEGER NOT NULL,\n`item` TEXT NULL,\n`qty` INTEGER NULL)',
    );
    expect(writeSql('orders', m, 'insert')).toBe('INSERT INTO `orders`(`id`,`item`,`qty`) VALUES(?,?,?)');
    const s = connectSim();
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(2), value: order(2, 'ink', 1) },
    ]);
    rest(s, 'POST', '/connectors', SINK());
    advance(s, 1_100);
    expect(rows(s, 'SELECT * FROM orders ORDER BY id')).toEqual([
      ['1', 'pen', '2'],
      ['2', 'ink', '1'],
    ]);
    expect(taskState(s)?.state).toBe('RUNNING');
  });

  it('insert.mode=upsert with pk.mode=record_key: INSERT OR REPLACE keyed by the record key, so a re-sent key overwrites', () => {
    const s = connectSim();
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(1), value: order(1, 'pen', 5) },
    ]);
    rest(
      s,
      'POST',
      '/connectors',
      SINK({ 'insert.mode': 'upsert', 'pk.mode': 'record_key', 'pk.fields': 'order_id' }),
    );
    advance(s, 1_100);
    expect(rows(s, 'SELECT order_id, item, qty FROM orders')).toEqual([['1', 'pen', '5']]);
    expect(
      readModel(s)
        .connect()
        .schema.find((x) => x.name === 'orders')?.sql,
    ).toBe(
      'CREATE TABLE `orders` (\n`order_id` INTEGER NOT NULL,\n`id` INTEGER NOT NULL,\n`item` TEXT NULL,\n`qty` INTEGER NULL,\nPRIMARY KEY(`order_id`))',
    );
  });

  it("insert.mode=insert on an existing key: SQLite's UNIQUE constraint rolls the batch back; JdbcSinkTask#put retries max.retries=10 times every retry.backoff.ms=3000, then the task fails", () => {
    const s = connectSim();
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(2), value: order(2, 'ink', 1) },
      { key: KEY(1), value: order(1, 'pen', 5) },
    ]);
    rest(s, 'POST', '/connectors', SINK({ 'pk.mode': 'record_value', 'pk.fields': 'id' }));
    advance(s, 1_100);
    // a RetriableException keeps the task RUNNING (WorkerSinkTask#deliverMessages pauses and redelivers)
    expect(taskState(s)?.state).toBe('RUNNING');
    expect(eventsOf(s, 'connectSinkRetry').map((e) => e.remainingRetries)).toEqual([9]);
    advance(s, 28_000); // the 11th attempt, 30 s after the first, is the last
    expect(taskState(s)?.state).toBe('RUNNING');
    advance(s, 1_000);
    const retries = eventsOf(s, 'connectSinkRetry');
    expect(retries.map((e) => e.remainingRetries)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    // each redelivery comes retry.backoff.ms after the previous attempt
    expect(retries.slice(1).map((e, i) => e.time - retries[i].time)).toEqual(Array(9).fill(3_000));
    expect(taskState(s)?.state).toBe('FAILED');
    expect(taskState(s)?.trace).toContain('Exiting WorkerSinkTask due to unrecoverable exception.');
    expect(taskState(s)?.trace).toContain('UNIQUE constraint failed: orders.id');
    expect(
      readModel(s)
        .connect()
        .tables.find((t) => t.name === 'orders'),
    ).toBeUndefined();
  });

  it('retry.backoff.ms: a write that fails only for a while (a conflicting row removed meanwhile) succeeds on a redelivery and the task never fails', () => {
    const s = connectSim();
    sql(s, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT, qty INTEGER)');
    sql(s, "INSERT INTO orders VALUES (1, 'old', 0)");
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(2), value: order(2, 'ink', 1) },
    ]);
    rest(
      s,
      'POST',
      '/connectors',
      SINK({ 'pk.mode': 'record_value', 'pk.fields': 'id', 'retry.backoff.ms': '5000' }),
    );
    advance(s, 1_100);
    expect(rows(s, 'SELECT * FROM orders')).toEqual([['1', 'old', '0']]);
    sql(s, 'DELETE FROM orders WHERE id = 1');
    advance(s, 5_000);
    expect(rows(s, 'SELECT * FROM orders ORDER BY id')).toEqual([
      ['1', 'pen', '2'],
      ['2', 'ink', '1'],
    ]);
    expect(eventsOf(s, 'connectSinkRetry')).toHaveLength(1);
    expect(taskState(s)?.state).toBe('RUNNING');
    // the redelivered batch is not written twice, and its offsets are committed once it is written
    advance(s, 10_000);
    expect(rows(s, 'SELECT count(*) FROM orders')).toEqual([['2']]);
    expect(readModel(s).connect().connectors[0].sinkGroup?.lag).toBe(0);
  });

  it('errors.tolerance=all with a DLQ: once max.retries is exhausted JdbcSinkTask#unrollAndRetry writes record by record and reports the failing one (stage TASK_PUT) to the DLQ', () => {
    const s = connectSim();
    sql(s, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT, qty INTEGER)');
    sql(s, "INSERT INTO orders VALUES (2, 'old', 0)");
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(2), value: order(2, 'ink', 1) },
      { key: KEY(3), value: order(3, 'cap', 4) },
    ]);
    rest(
      s,
      'POST',
      '/connectors',
      SINK({
        'pk.mode': 'record_value',
        'pk.fields': 'id',
        'max.retries': '1',
        'retry.backoff.ms': '1000',
        'errors.tolerance': 'all',
        'errors.deadletterqueue.topic.name': 'dlq-orders',
        'errors.deadletterqueue.topic.replication.factor': '1',
        'errors.deadletterqueue.context.headers.enable': 'true',
      }),
    );
    advance(s, 2_100);
    expect(eventsOf(s, 'connectSinkRetry')).toHaveLength(1);
    expect(rows(s, 'SELECT id, item FROM orders ORDER BY id')).toEqual([
      ['1', 'pen'],
      ['2', 'old'],
      ['3', 'cap'],
    ]);
    expect(taskState(s)?.state).toBe('RUNNING');
    const dead = topicRecords(s, 'dlq-orders');
    expect(dead).toHaveLength(1);
    expect(dead[0].value).toBe(order(2, 'ink', 1));
    expect(Object.fromEntries(dead[0].headers)).toMatchObject({
      '__connect.errors.offset': '1',
      '__connect.errors.stage': 'TASK_PUT',
      '__connect.errors.class.name': 'org.apache.kafka.connect.sink.SinkTask',
      '__connect.errors.exception.class.name': 'java.sql.SQLException',
    });
  });

  it('errors.tolerance=none with a DLQ: the failing record is reported to the DLQ first (RetryWithToleranceOperator#executeFailed), then the task fails with "Tolerance exceeded in error handler"', () => {
    const s = connectSim();
    sql(s, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT, qty INTEGER)');
    sql(s, "INSERT INTO orders VALUES (1, 'old', 0)");
    produce(s, [{ key: KEY(1), value: order(1, 'pen', 2) }]);
    rest(
      s,
      'POST',
      '/connectors',
      SINK({
        'pk.mode': 'record_value',
        'pk.fields': 'id',
        'max.retries': '0',
        'errors.deadletterqueue.topic.name': 'dlq-orders',
        'errors.deadletterqueue.topic.replication.factor': '1',
      }),
    );
    advance(s, 1_100);
    expect(eventsOf(s, 'connectSinkRetry')).toHaveLength(0);
    expect(topicRecords(s, 'dlq-orders')).toHaveLength(1);
    expect(taskState(s)?.state).toBe('FAILED');
    expect(taskState(s)?.trace).toContain(
      'Caused by: org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler',
    );
  });

  it('delete.enabled: a tombstone becomes DELETE FROM … WHERE the key; the deletion reaches the change log', () => {
    const s = connectSim();
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 2) },
      { key: KEY(2), value: order(2, 'ink', 1) },
    ]);
    const cfg = SINK({
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'pk.fields': 'id',
      'delete.enabled': 'true',
    });
    rest(s, 'POST', '/connectors', cfg);
    advance(s, 1_100);
    produce(s, [{ key: KEY(1), value: null }]);
    advance(s, 1_100);
    expect(rows(s, 'SELECT id, item FROM orders')).toEqual([['2', 'ink']]);
    const wal = s.state.areas.connect.wal;
    expect(wal.at(-1)?.change).toMatchObject({ kind: 'delete', before: { id: 1, item: 'pen', qty: 2 } });
  });

  it("delete.enabled without pk.mode=record_key fails with JdbcSinkConfig's message", () => {
    const s = connectSim();
    produce(s, [{ key: KEY(1), value: order(1, 'pen', 2) }]);
    rest(s, 'POST', '/connectors', SINK({ 'delete.enabled': 'true' }));
    advance(s, 1_100);
    expect(taskState(s)?.trace).toContain(
      "Primary key mode must be 'record_key' when delete support is enabled",
    );
  });

  it('schemaless JSON (schemas.enable=false) is refused by RecordValidator: the sink needs a Struct value', () => {
    const s = connectSim();
    produce(s, [{ key: null, value: JSON.stringify({ id: 1 }) }]);
    rest(s, 'POST', '/connectors', SINK({ 'value.converter.schemas.enable': 'false' }));
    advance(s, 1_100);
    expect(taskState(s)?.trace).toContain(
      "Sink connector 'jdbc-orders' is configured with 'delete.enabled=false' and 'pk.mode=none' and therefore requires records with a non-null Struct or String value and non-null Struct or String schema, but found record at (topic='orders',partition=0,offset=0,",
    );
    expect(taskState(s)?.trace).toContain('with a HashMap value and null value schema.');
  });

  it('auto.create=false on a missing table: TableAlterOrCreateException; auto.evolve adds a new field with ALTER TABLE … ADD', () => {
    const s = connectSim();
    produce(s, [{ key: KEY(1), value: order(1, 'pen', 2) }]);
    rest(s, 'POST', '/connectors', SINK({ 'auto.create': 'false' }));
    advance(s, 1_100);
    expect(taskState(s)?.trace).toContain('Table "orders" is missing and auto-creation is disabled');

    const e = connectSim();
    sql(e, 'CREATE TABLE orders (id INTEGER NOT NULL, item TEXT)');
    produce(e, [{ key: KEY(1), value: order(1, 'pen', 2) }]);
    rest(e, 'POST', '/connectors', SINK({ 'auto.evolve': 'true' }));
    advance(e, 1_100);
    expect(rows(e, 'SELECT id, item, qty FROM orders')).toEqual([['1', 'pen', '2']]);
    expect(readModel(e).connect().schema[0].sql).toBe(
      'CREATE TABLE orders (id INTEGER NOT NULL, item TEXT, `qty` INTEGER NULL)',
    );
  });
});

describe('JDBC sink insert.mode=update (GenericDatabaseDialect#buildUpdateStatement)', () => {
  it('UPDATE `t` SET … WHERE the key: an existing row changes, a missing key writes nothing and does not fail', () => {
    const s = connectSim();
    sql(s, 'CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT, qty INTEGER)');
    sql(s, "INSERT INTO orders VALUES (1, 'pen', 2)");
    produce(s, [
      { key: KEY(1), value: order(1, 'pen', 9) },
      { key: KEY(7), value: order(7, 'cap', 1) },
    ]);
    rest(
      s,
      'POST',
      '/connectors',
      SINK({ 'insert.mode': 'update', 'pk.mode': 'record_value', 'pk.fields': 'id' }),
    );
    advance(s, 1_100);
    expect(rows(s, 'SELECT * FROM orders')).toEqual([['1', 'pen', '9']]);
    expect(taskState(s)?.state).toBe('RUNNING');
  });
});
