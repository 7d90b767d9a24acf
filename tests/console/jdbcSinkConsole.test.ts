// Golden transcript: the Connect lesson's JDBC round trip through the console. A JDBC source with JsonConverter
// schemas reads the customers table, a JDBC sink (SqliteDatabaseDialect) upserts the topic into a table it
// creates, and sqlite3 reads the result back from the same SQLite database.
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsoleLines } from '@/kafka-cli';
import { preset } from '@/lib/content.server';
import { loadSqlite, Simulation } from '@/simulator/index';

beforeAll(() => loadSqlite());

const SOURCE = `curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"jdbc-typed","config":{"connector.class":"io.confluent.connect.jdbc.JdbcSourceConnector","connection.url":"jdbc:sqlite:shop.db","mode":"incrementing","incrementing.column.name":"id","table.whitelist":"customers","topic.prefix":"typed-"}}' localhost:8083/connectors`;
const SINK = `curl -s -X POST -H 'Content-Type: application/json' -d '{"name":"jdbc-copy","config":{"connector.class":"io.confluent.connect.jdbc.JdbcSinkConnector","connection.url":"jdbc:sqlite:shop.db","topics":"typed-customers","table.name.format":"customers_copy","insert.mode":"upsert","pk.mode":"record_value","pk.fields":"id","auto.create":"true"}}' localhost:8083/connectors`;

describe('JDBC source → topic → JDBC sink, in one SQLite database (console transcript)', () => {
  it('auto.create builds customers_copy with PRIMARY KEY(`id`); upsert copies every row; the task stays RUNNING', () => {
    const p = preset('connect-source-jdbc');
    if (!p) throw new Error('no preset connect-source-jdbc');
    const sim = new Simulation({ brokers: p.brokers, seed: p.seed });
    runConsoleLines(sim, p.setup);
    const out = runConsoleLines(sim, [
      SOURCE,
      SINK,
      'clock advance 6s',
      'sqlite3 shop.db ".schema customers_copy"',
      'sqlite3 shop.db "UPDATE customers SET email = \'ann@new.example\' WHERE id = 1; SELECT * FROM customers_copy"',
      'curl -s localhost:8083/connectors/jdbc-copy/status',
    ]);
    expect(out.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(out[3].stdout).toBe(
      'CREATE TABLE `customers_copy` (\n`id` INTEGER NOT NULL,\n`name` TEXT NULL,\n`email` TEXT NULL,\n`updated_at` INTEGER NULL,\nPRIMARY KEY(`id`));',
    );
    // the update is in SQLite, but incrementing mode never reads it again: the copy keeps the old email
    expect(out[4].stdout).toBe('1|ann|ann@example.com|0\n2|bob|bob@example.com|0\n3|cy|cy@example.com|0');
    expect(JSON.parse(out[5].stdout).tasks[0].state).toBe('RUNNING');
  });
});
