import { beforeAll, describe, expect, it } from 'vitest';
import { installedSqlite } from './engine';
import { loadSqlite } from './loader';
import { runQuery, runScript, statementEnd } from './session';
import { readDatabase, restoreDatabase, sqliteFor } from './snapshot';
import { sqliteRealText } from './sqliteText';
import { emptyDatabase } from './types';

beforeAll(async () => {
  await loadSqlite();
});

const CUSTOMERS =
  "CREATE TABLE customers (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, email TEXT, updated_at INTEGER NOT NULL DEFAULT (CAST(unixepoch('subsec') * 1000 AS INTEGER)))";

describe('SQLite (sql.js) runs the statements; the state keeps the rows', () => {
  it('INSERT … VALUES runs in SQLite: AUTOINCREMENT ids, DEFAULT read from the virtual clock (unixepoch subsec)', () => {
    const db = emptyDatabase();
    const r = runScript(db, `${CUSTOMERS}; INSERT INTO customers (name) VALUES ('ann'), ('bob')`, 1500, true);
    expect(r.results).toEqual([]);
    expect(db.tables.customers.rows).toEqual([
      { id: 1, name: 'ann', email: null, updated_at: 1500 },
      { id: 2, name: 'bob', email: null, updated_at: 1500 },
    ]);
    expect(db.sequence).toEqual({ customers: 2 });
    expect(db.tables.customers.primaryKey).toEqual(['id']);
    expect(r.transactions).toHaveLength(1);
    expect(r.transactions[0].map((c) => c.kind)).toEqual(['insert', 'insert']);
  });

  it('a SELECT prints SQLite text: INTEGER without, REAL with a decimal point (%!.15g), NULL empty', () => {
    const db = emptyDatabase();
    const r = runScript(db, "SELECT 1, 1.0, 0.1, 1e20, NULL, 'x', 1/3.0, 2.5e-7", 0, true);
    expect(r.results).toEqual([
      {
        kind: 'rows',
        columns: ['1', '1.0', '0.1', '1e20', 'NULL', "'x'", '1/3.0', '2.5e-7'],
        rows: [['1', '1.0', '0.1', '1.0e+20', null, 'x', '0.333333333333333', '2.5e-07']],
      },
    ]);
    expect(sqliteRealText(100)).toBe('100.0');
  });

  it("a syntax error is SQLite's own text with its offset; statements before it stay committed", () => {
    const db = emptyDatabase();
    const r = runScript(
      db,
      `${CUSTOMERS}; INSERT INTO customers (name) VALUES ('ann'); SELEC 1; INSERT INTO customers (name) VALUES ('bob')`,
      0,
      true,
    );
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({
      kind: 'error',
      phase: 'prepare',
      message: 'near "SELEC": syntax error',
      code: 1,
      offset: 0,
    });
    expect(db.tables.customers.rows.map((x) => x.name)).toEqual(['ann']);
  });

  it('without bail the next statement still runs (the shell reading stdin), errors keep their line', () => {
    const db = emptyDatabase();
    const r = runScript(
      db,
      `${CUSTOMERS};\nINSERT INTO customers (name) VALUES (NULL);\nINSERT INTO customers (name) VALUES ('cy');\nSELECT name FROM nope;`,
      0,
      false,
    );
    expect(
      r.results.map((x) => (x.kind === 'error' ? [x.phase, x.message, x.code, x.line] : x.kind)),
    ).toEqual([
      ['step', 'NOT NULL constraint failed: customers.name', 19, 2],
      ['prepare', 'no such table: nope', 1, 4],
    ]);
    expect(db.tables.customers.rows.map((x) => x.name)).toEqual(['cy']);
  });

  it('BEGIN … COMMIT is one transaction; ROLLBACK and a transaction left open change nothing', () => {
    const db = emptyDatabase();
    runScript(db, `${CUSTOMERS}; INSERT INTO customers (name) VALUES ('ann')`, 0, true);
    const tx = runScript(
      db,
      "BEGIN; UPDATE customers SET email = 'a@x' WHERE id = 1; INSERT INTO customers (name) VALUES ('bob'); COMMIT",
      5,
      true,
    );
    expect(tx.transactions.map((t) => t.map((c) => c.kind))).toEqual([['update', 'insert']]);
    const rb = runScript(db, 'BEGIN; DELETE FROM customers; ROLLBACK', 6, true);
    expect(rb.transactions).toEqual([]);
    const open = runScript(db, 'BEGIN; DELETE FROM customers', 7, true);
    expect(open.transactions).toEqual([]);
    expect(db.tables.customers.rows.map((x) => x.name)).toEqual(['ann', 'bob']);
  });

  it('an UPDATE that changes the primary key is a delete of the old row and an insert of the new one', () => {
    const db = emptyDatabase();
    runScript(db, `${CUSTOMERS}; INSERT INTO customers (name) VALUES ('ann')`, 0, true);
    const r = runScript(db, 'UPDATE customers SET id = 10 WHERE id = 1', 1, true);
    expect(r.transactions[0].map((c) => [c.kind, c.before?.id ?? null, c.after?.id ?? null])).toEqual([
      ['delete', 1, null],
      ['insert', null, 10],
    ]);
  });

  it('a fresh instance restored from the rows gives the same answers (rowids, sqlite_sequence, triggers)', () => {
    const db = emptyDatabase();
    runScript(
      db,
      `CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('a'), ('b'), ('c'); DELETE FROM notes WHERE body = 'b'; ${CUSTOMERS}; INSERT INTO customers (name) VALUES ('x'); DELETE FROM customers; CREATE TRIGGER touch AFTER UPDATE ON notes BEGIN UPDATE notes SET body = body || '!' WHERE rowid = NEW.rowid; END`,
      0,
      true,
    );
    const sqlJs = installedSqlite();
    if (!sqlJs) throw new Error('not loaded');
    const fresh = new sqlJs.Database();
    restoreDatabase(fresh, db);
    expect(readDatabase(fresh, db.version)).toEqual(db);
    // AUTOINCREMENT does not reuse id 1 after the restore; the trigger fires after it
    const copy = structuredClone(db);
    runScript(
      copy,
      "INSERT INTO customers (name) VALUES ('y'); UPDATE notes SET body = 'z' WHERE rowid = 3",
      0,
      true,
    );
    expect(copy.tables.customers.rows[0].id).toBe(2);
    expect(runQuery(copy, 'SELECT rowid, body FROM notes ORDER BY rowid', [], 0)).toEqual([
      { rowid: 1, body: 'a' },
      { rowid: 3, body: 'z!' },
    ]);
    expect(sqliteFor(copy)).not.toBe(sqliteFor(db));
  });

  it('statementEnd skips quoted semicolons and comments', () => {
    const s = "INSERT INTO t VALUES (';'); -- ;\nSELECT 1;";
    expect(statementEnd(s, 0)).toBe(27);
  });
});
