// `sqlite3 DB "SQL"` and SQL on stdin run real SQLite (sql.js): output in the shell's list mode and its error
// texts, as the sqlite3 3.40 shell prints them (shell.c: shell_exec's "in prepare, " / "stepping, " prefixes,
// runOneSqlLine's "Parse error near line N:" for stdin, shell_error_context's "^--- error here").
import { beforeAll, describe, expect, it } from 'vitest';
import { createConsole, needsSqlite } from '@/kafka-cli';
import { loadSqlite } from '@/simulator';

beforeAll(() => loadSqlite());

function session() {
  const s = createConsole({ brokers: 1, seed: 42 });
  s.runScript(
    'sqlite3 shop.db "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT)"',
  );
  return s;
}
const run = (s: ReturnType<typeof createConsole>, line: string) => s.runScript(line).at(-1);

describe('sqlite3 over the Connect database (real SQLite)', () => {
  it('list mode: rows with | between columns, NULL printed as nothing, REAL with its decimal point', () => {
    const s = session();
    run(
      s,
      `sqlite3 shop.db "INSERT INTO customers (name, email) VALUES ('ann', 'ann@example.com'), ('bob', NULL)"`,
    );
    const r = run(s, `sqlite3 shop.db "SELECT * FROM customers; SELECT count(*), avg(id) FROM customers"`);
    expect(r).toMatchObject({ stdout: '1|ann|ann@example.com\n2|bob|\n2|1.5', stderr: '', exitCode: 0 });
  });

  it('a syntax error as an argument: "Error: in prepare, …" with the statement quoted and marked, exit 1, later statements not run', () => {
    const s = session();
    const r = run(s, `sqlite3 shop.db "SELEC * FROM customers; INSERT INTO customers (name) VALUES ('x')"`);
    expect(r?.stderr).toBe(
      `Error: in prepare, near "SELEC": syntax error\n  SELEC * FROM customers; INSERT INTO customers (name) VALUES ('x')\n  ^--- error here`,
    );
    expect(r?.exitCode).toBe(1);
    expect(run(s, 'sqlite3 shop.db "SELECT count(*) FROM customers"')?.stdout).toBe('0');
  });

  it('a constraint failure while stepping: "Error: stepping, … (19)", exit status 19 (SQLITE_CONSTRAINT)', () => {
    const s = session();
    const r = run(
      s,
      `sqlite3 shop.db "INSERT INTO customers (id, name) VALUES (1, 'a'); INSERT INTO customers (id, name) VALUES (1, 'b')"`,
    );
    expect(r).toMatchObject({
      stderr: 'Error: stepping, UNIQUE constraint failed: customers.id (19)',
      exitCode: 19,
    });
    expect(run(s, 'sqlite3 shop.db "SELECT name FROM customers"')?.stdout).toBe('a');
  });

  it('SQL on stdin goes on after an error: "Parse error near line N:" / "Runtime error near line N:", exit 1', () => {
    const s = session();
    const [r] = s.runScript(
      "sqlite3 shop.db <<EOF\nINSERT INTO customers (name) VALUES (NULL);\nSELECT * FROM nope;\nINSERT INTO customers (name) VALUES ('cy');\nSELECT name FROM customers;\nEOF",
    );
    expect(r).toMatchObject({
      stdout: 'cy',
      stderr:
        'Runtime error near line 1: NOT NULL constraint failed: customers.name (19)\nParse error near line 2: no such table: nope',
      exitCode: 1,
    });
  });

  it('.tables and .schema print what sqlite_schema holds', () => {
    const s = session();
    run(s, 'sqlite3 shop.db "CREATE INDEX customers_email ON customers (email)"');
    expect(run(s, 'sqlite3 shop.db .tables')?.stdout).toBe('customers');
    expect(run(s, 'sqlite3 shop.db .schema')?.stdout).toBe(
      'CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT);\nCREATE TABLE sqlite_sequence(name,seq);\nCREATE INDEX customers_email ON customers (email);',
    );
  });

  it('pages load SQLite only for lines that use the database (a sqlite3 line or a JDBC connector)', () => {
    expect(needsSqlite(['sqlite3 shop.db "SELECT 1"'])).toBe(true);
    expect(
      needsSqlite([
        'curl -d \'{"config":{"connector.class":"io.confluent.connect.jdbc.JdbcSinkConnector"}}\' localhost:8083/connectors',
      ]),
    ).toBe(true);
    expect(needsSqlite(['kafka-topics.sh --list', 'kcat -L'])).toBe(false);
  });
});
