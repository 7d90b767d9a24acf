// `sqlite3 DB "SQL"` (or SQL on stdin) for the Connect lesson's source database. The database is the Connect
// area's table model, not SQLite: this parses the statements a lesson needs and prints like the sqlite3 shell
// (list mode, `|` between columns, errors as "Parse error: …" / "Runtime error: …"):
//   CREATE TABLE t (col [type], …)       id INTEGER PRIMARY KEY and updated_at are added
//   INSERT INTO t (col, …) VALUES (v, …)[, (…)]
//   UPDATE t SET col = v[, …] WHERE id = N
//   DELETE FROM t WHERE id = N
//   SELECT * FROM t [WHERE id = N]
import { Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

type Tok = { kind: 'word' | 'num' | 'str' | 'punct'; text: string; value: string | number };

function tokenize(sql: string): Tok[] | string {
  const out: Tok[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= sql.length) return 'unrecognized token: "\'"';
        if (sql[j] === "'" && sql[j + 1] === "'") {
          s += "'";
          j += 2;
        } else if (sql[j] === "'") break;
        else s += sql[j++];
      }
      out.push({ kind: 'str', text: sql.slice(i, j + 1), value: s });
      i = j + 1;
    } else if (/[0-9-]/.test(c) && /[0-9]/.test(sql[c === '-' ? i + 1 : i] ?? '')) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(sql.slice(i)) as RegExpExecArray;
      out.push({ kind: 'num', text: m[0], value: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_"]/.test(c)) {
      const m = /^("[^"]+"|[A-Za-z_][A-Za-z0-9_]*)/.exec(sql.slice(i)) as RegExpExecArray;
      out.push({ kind: 'word', text: m[0], value: m[0].replace(/"/g, '') });
      i += m[0].length;
    } else if ('(),=;*'.includes(c)) {
      out.push({ kind: 'punct', text: c, value: c });
      i++;
    } else return `unrecognized token: "${c}"`;
  }
  return out;
}

class Parser {
  i = 0;
  constructor(readonly toks: Tok[]) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  syntax(): never {
    const t = this.peek();
    throw new SqlError('Parse error', t ? `near "${t.text}": syntax error` : 'incomplete input');
  }
  word(expected?: string): string {
    const t = this.peek();
    if (t?.kind !== 'word' || (expected && String(t.value).toUpperCase() !== expected)) this.syntax();
    this.i++;
    return String(t.value);
  }
  punct(p: string): void {
    const t = this.peek();
    if (!t || t.text !== p) this.syntax();
    this.i++;
  }
  isWord(w: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && String(t.value).toUpperCase() === w;
  }
  value(): string | number | null {
    const t = this.peek();
    if (!t) this.syntax();
    if (t.kind === 'num' || t.kind === 'str') {
      this.i++;
      return t.value;
    }
    if (t.kind === 'word' && String(t.value).toUpperCase() === 'NULL') {
      this.i++;
      return null;
    }
    return this.syntax();
  }
  whereId(): number {
    this.word('WHERE');
    const col = this.word();
    if (col !== 'id') throw new SqlError('Parse error', 'only WHERE id = N is supported here');
    this.punct('=');
    const v = this.value();
    if (typeof v !== 'number') this.syntax();
    return v;
  }
}

class SqlError extends Error {
  constructor(
    readonly kind: 'Parse error' | 'Runtime error',
    message: string,
  ) {
    super(message);
  }
}

function runStatement(p: Parser, ctx: ToolContext, out: Output): void {
  const db = () => ctx.read.connect().tables;
  const check = (r: { ok: boolean; error?: { code: string; message: string } }) => {
    if (r.ok || !r.error) return;
    if (r.error.code === 'SQLITE_CONSTRAINT') throw new SqlError('Runtime error', `${r.error.message} (19)`);
    throw new SqlError('Parse error', r.error.message);
  };
  const verb = p.word().toUpperCase();
  if (verb === 'CREATE') {
    p.word('TABLE');
    const table = p.word();
    p.punct('(');
    const columns: string[] = [];
    for (;;) {
      columns.push(p.word());
      while (p.peek() && p.peek()?.text !== ',' && p.peek()?.text !== ')') p.i++; // type and constraints
      if (p.peek()?.text === ',') p.i++;
      else break;
    }
    p.punct(')');
    check(ctx.port.connect({ type: 'connectDbCreateTable', table, columns }));
  } else if (verb === 'INSERT') {
    p.word('INTO');
    const table = p.word();
    p.punct('(');
    const cols: string[] = [p.word()];
    while (p.peek()?.text === ',') {
      p.i++;
      cols.push(p.word());
    }
    p.punct(')');
    p.word('VALUES');
    const rows: Array<Record<string, string | number | null>> = [];
    do {
      if (rows.length > 0) p.i++;
      p.punct('(');
      const vals = [p.value()];
      while (p.peek()?.text === ',') {
        p.i++;
        vals.push(p.value());
      }
      p.punct(')');
      if (vals.length !== cols.length)
        throw new SqlError('Parse error', `${vals.length} values for ${cols.length} columns`);
      rows.push(Object.fromEntries(cols.map((c, i) => [c, vals[i]])));
    } while (p.peek()?.text === ',');
    if (!db().some((t) => t.name === table)) throw new SqlError('Parse error', `no such table: ${table}`);
    for (const values of rows) check(ctx.port.connect({ type: 'connectDbInsert', table, values }));
  } else if (verb === 'UPDATE') {
    const table = p.word();
    p.word('SET');
    const values: Record<string, string | number | null> = {};
    do {
      if (Object.keys(values).length > 0) p.i++;
      const col = p.word();
      p.punct('=');
      values[col] = p.value();
    } while (p.peek()?.text === ',');
    const id = p.whereId();
    check(ctx.port.connect({ type: 'connectDbUpdate', table, id, values }));
  } else if (verb === 'DELETE') {
    p.word('FROM');
    const table = p.word();
    const id = p.whereId();
    check(ctx.port.connect({ type: 'connectDbDelete', table, id }));
  } else if (verb === 'SELECT') {
    p.punct('*');
    p.word('FROM');
    const table = p.word();
    const id = p.isWord('WHERE') ? p.whereId() : null;
    const t = db().find((x) => x.name === table);
    if (!t) throw new SqlError('Parse error', `no such table: ${table}`);
    for (const row of t.rows)
      if (id === null || row.id === id)
        out.line(t.columns.map((c) => (row[c] === null ? '' : String(row[c]))).join('|'));
  } else {
    p.i--;
    p.syntax();
  }
  if (p.peek() && p.peek()?.text !== ';') p.syntax();
}

/** Runs `sql` (statements separated by `;`), stopping at the first error as the sqlite3 shell does with -bail. */
export function runSql(sql: string, ctx: ToolContext, out: Output): void {
  const toks = tokenize(sql);
  if (typeof toks === 'string') {
    out.fail(`Parse error: ${toks}`);
    return;
  }
  const p = new Parser(toks);
  try {
    while (p.peek()) {
      if (p.peek()?.text === ';') {
        p.i++;
        continue;
      }
      runStatement(p, ctx, out);
    }
  } catch (e) {
    if (e instanceof SqlError) out.fail(`${e.kind}: ${e.message}`);
    else throw e;
  }
}

export const sqlite3Tool: ToolDef = {
  name: 'sqlite3',
  aliases: ['sql'],
  helpGroup: 'other',
  summary:
    "The Connect lesson's source database: CREATE TABLE, INSERT, UPDATE/DELETE … WHERE id = N, SELECT *.",
  usage: 'sqlite3 shop.db "SQL; …"   or   sqlite3 shop.db <<EOF … EOF',
  flags: [],
  readsStdin: (args) => args.length <= 1,
  run(args, ctx) {
    const out = new Output();
    const sql = args.length >= 2 ? args.slice(1).join(' ') : (ctx.input ?? []).join('\n');
    if (sql.trim() === '') return out.fail('Usage: sqlite3 shop.db "SQL"').result();
    runSql(sql, ctx, out);
    return out.result();
  },
};
