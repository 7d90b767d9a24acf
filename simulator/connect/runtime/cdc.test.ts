import { beforeAll, describe, expect, it } from 'vitest';
import { readModel } from '../../read/index';
import {
  advance,
  connectSim,
  customers,
  JDBC_SOURCE,
  rest,
  sql,
  topicRecords,
  withSqlite,
} from './connect.testkit';

beforeAll(withSqlite);

const DEBEZIUM = {
  name: 'cdc-shop',
  config: {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'database.hostname': 'db',
    'database.user': 'debezium',
    'database.password': 'dbz',
    'database.dbname': 'shop',
    'topic.prefix': 'dbserver1',
    'table.include.list': 'public.customers',
    'value.converter.schemas.enable': 'false',
  },
};

const TOPIC = 'dbserver1.public.customers';
const events = (s: ReturnType<typeof connectSim>) =>
  topicRecords(s, TOPIC).map((r) => ({ key: r.key, value: r.value === null ? null : JSON.parse(r.value) }));

describe('Debezium PostgreSQL source over the change log (log-based CDC)', () => {
  it('snapshots the existing rows first (op "r", the last one source.snapshot "last"), keyed by the primary key', () => {
    const s = connectSim();
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', DEBEZIUM);
    advance(s, 100);
    const ev = events(s);
    expect(ev.map((e) => [e.key, e.value.op, e.value.source.snapshot])).toEqual([
      ['{"id":1}', 'r', 'true'],
      ['{"id":2}', 'r', 'last'],
    ]);
  });

  it('streams every committed change in commit order: an update with before/after, a delete followed by a tombstone', () => {
    const s = connectSim();
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', DEBEZIUM);
    advance(s, 100);
    sql(s, "UPDATE customers SET email = 'a1@example.com' WHERE id = 1");
    sql(s, "UPDATE customers SET email = 'a2@example.com' WHERE id = 1");
    sql(s, 'DELETE FROM customers WHERE id = 2');
    advance(s, 1_000);
    const streamed = events(s).slice(2);
    expect(streamed.map((e) => [e.key, e.value?.op ?? null, e.value?.after?.email ?? null])).toEqual([
      ['{"id":1}', 'u', 'a1@example.com'],
      ['{"id":1}', 'u', 'a2@example.com'],
      ['{"id":2}', 'd', null],
      ['{"id":2}', null, null],
    ]);
    expect(streamed[2].value.before).toEqual({ id: 2 }); // REPLICA IDENTITY DEFAULT: the key columns only
  });

  it('the JDBC source on the same table misses what CDC sees: the intermediate update and the delete', () => {
    const s = connectSim();
    customers(s, ['ann', 'bob']);
    rest(s, 'POST', '/connectors', DEBEZIUM);
    rest(s, 'POST', '/connectors', JDBC_SOURCE('incrementing'));
    advance(s, 100);
    sql(s, "UPDATE customers SET email = 'a1@example.com' WHERE id = 1");
    sql(s, 'DELETE FROM customers WHERE id = 2');
    advance(s, 6_000);
    expect(topicRecords(s, 'shop-customers')).toHaveLength(2);
    expect(topicRecords(s, TOPIC)).toHaveLength(5);
  });

  it('resumes from the flushed lsn after a clean restart: no snapshot again, no change repeated', () => {
    const s = connectSim(2, 10_000);
    customers(s, ['ann']);
    rest(s, 'POST', '/connectors', DEBEZIUM);
    advance(s, 100);
    sql(s, "INSERT INTO customers (name) VALUES ('bob')");
    advance(s, 11_000);
    const committed = readModel(s).connect().sourceOffsets['["cdc-shop",{"server":"dbserver1"}]'] as {
      lsn: number;
    };
    expect(committed.lsn).toBeGreaterThan(0);
    rest(s, 'POST', '/connectors/cdc-shop/restart?includeTasks=true');
    sql(s, "INSERT INTO customers (name) VALUES ('cy')");
    advance(s, 1_000);
    expect(events(s).map((e) => `${e.value.op}:${e.value.after.name}`)).toEqual(['r:ann', 'c:bob', 'c:cy']);
  });
});
