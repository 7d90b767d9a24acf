import { describe, expect, it } from 'vitest';
import { formatDslError, parseDsl } from '../dsl/dslParser';
import { formatDslDuration, parseDuration } from '../dsl/duration';
import { Scanner } from '../dsl/scanner';
import { exprToText } from '../expr/exprAst';
import { compileExpr, javaSplit, toText } from '../expr/exprEval';
import { parseExpr } from '../expr/exprParser';

function err(text: string) {
  const r = parseDsl(text);
  if (r.ok) throw new Error('expected a parse error');
  return r.error;
}

function evalExpr(src: string, env: Record<string, string | null> = {}) {
  const e = parseExpr(new Scanner(src, 1), ['key', 'value', 'agg', 'left', 'right']);
  return toText(compileExpr(e)(env));
}

describe('DSL text: statements, names and positions', () => {
  it('parses the example pipeline from the lesson', () => {
    const r = parseDsl(
      'stream orders | filter value.amount > 100 | groupByKey | windowedBy tumbling 5m grace 1m | count | toStream | to big-orders-per-5m',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.program.statements[0];
    expect(s.source).toMatchObject({ k: 'stream', topics: [{ text: 'orders' }] });
    expect(s.ops.map((o) => o.k)).toEqual(['filter', 'groupByKey', 'windowedBy', 'count', 'toStream', 'to']);
    expect(s.ops[2]).toMatchObject({
      window: { k: 'tumbling', size: { ms: 300_000 }, grace: { ms: 60_000 } },
    });
  });

  it('bindings, comments, blank lines and continuation lines starting with |', () => {
    const r = parseDsl(
      '# WordCount\n\nlines = stream text\n// the pipeline\nlines\n  | flatMapValues split(value, " ")\n  | to words\n',
    );
    expect(r.ok && r.program.statements.map((s) => [s.bind?.text, s.ops.length, s.line])).toEqual([
      ['lines', 0, 3],
      [undefined, 2, 5],
    ]);
  });

  it('a parse error names the line, the column of the bad token, what was found and what was expected', () => {
    const e = err('stream orders | filter | count');
    expect([e.line, e.column, e.found, e.expected]).toEqual([1, 24, '|', 'expression']);
    expect(e.message).toBe("expected an expression, found '|'");
    expect(formatDslError('stream orders | filter | count', e)).toBe(
      "line 1, column 24: expected an expression, found '|'\n  stream orders | filter | count\n                         ^",
    );
  });

  it('errors on a continuation line report that line', () => {
    const e = err('stream orders\n  | windowedBy tumbling five');
    expect([e.line, e.column]).toEqual([2, 25]);
    expect(e.message).toBe("expected a duration after 'tumbling' (like 5m, 30s, 100ms), found 'five'");
  });

  it('a misspelt operation gets a suggestion', () => {
    expect(err('stream orders | fliter true').message).toBe(
      "unknown operation 'fliter': did you mean filter?",
    );
  });

  it('unknown names in expressions point at the name and say what is available', () => {
    const e = err('stream orders | filter amount > 100');
    expect(e.column).toBe(24);
    expect(e.message).toBe(
      "unknown name 'amount': here you can use key, value (a JSON field is written value.amount)",
    );
  });

  it('|| and && and = get a hint; comparisons do not chain', () => {
    expect(err('stream o | filter value == "a" || value == "b"').message).toBe(
      "use 'or' instead of || (a single | separates operations)",
    );
    expect(err('stream o | filter value = "a"').message).toBe('use == to compare');
    expect(err('stream o | filter 1 < value < 3').message).toBe(
      "comparisons do not chain: combine them with 'and'",
    );
  });

  it('topic names follow Topic#validate and names follow Named#validate', () => {
    expect(err('stream orders! | to x').message).toBe(
      `Topic name "orders!" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
    expect(err('stream o | filter true as my name').message).toBe(
      "expected '|' or the end of the line, found 'name'",
    );
    expect(err('stream o | filter true as bad$name').message).toBe(
      `Invalid topology: Name "bad$name" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`,
    );
  });

  it('split requires named branches and only branch / defaultBranch after it', () => {
    expect(err('stream o | split | branch true').message).toBe(
      'name each branch: branch <condition> as <name>, found the end of the line',
    );
    expect(err('stream o | split | branch true as a | to x').message).toBe(
      "after split only branch and defaultBranch can follow, found 'to'",
    );
    expect(err('stream o | branch true as a').message).toBe(
      "'branch' belongs after split: ... | split | branch <condition> as <name>",
    );
  });

  it('durations: ms, s, m, h, d and bare milliseconds', () => {
    expect(['500ms', '30s', '5m', '1h', '1d', '250', '-5m'].map(parseDuration)).toEqual([
      500, 30_000, 300_000, 3_600_000, 86_400_000, 250, -300_000,
    ]);
    expect(parseDuration('5 minutes')).toBeNull();
    expect([300_000, 1500, 0].map(formatDslDuration)).toEqual(['5m', '1500ms', '0ms']);
  });
});

describe('the expression language', () => {
  it('field access reads JSON; a missing field or a null value reads as null (null-safe)', () => {
    expect(evalExpr('value.amount', { value: '{"amount":150}' })).toBe('150');
    expect(evalExpr('value.customer.name', { value: '{"customer":{"name":"Ann"}}' })).toBe('Ann');
    expect(evalExpr('value.missing', { value: '{"a":1}' })).toBeNull();
    expect(evalExpr('value.amount > 100', { value: null })).toBe('false');
  });

  it('+ adds numbers (and numeric text, such as a count) and joins anything else', () => {
    expect(evalExpr('value + 1', { value: '41' })).toBe('42');
    expect(evalExpr('value.a + value.b', { value: '{"a":1.5,"b":2}' })).toBe('3.5');
    expect(evalExpr('"id-" + key', { key: '7' })).toBe('id-7');
    expect(evalExpr('concat(key, 1)', { key: '7' })).toBe('71');
    expect(evalExpr('left + "+" + right', { left: 'A', right: null })).toBe('A+null');
  });

  it('comparisons: numeric when both sides are numeric, text otherwise; == across number and numeric text', () => {
    expect(evalExpr('value > 9', { value: '10' })).toBe('true');
    expect(evalExpr('value > "9"', { value: 'a' })).toBe('true');
    expect(evalExpr('key == 1', { key: '1' })).toBe('true');
    expect(
      evalExpr('value.status == "PAID" and not (value.amount < 10)', {
        value: '{"status":"PAID","amount":12}',
      }),
    ).toBe('true');
  });

  it('objects and lists become JSON text; numbers print in decimal', () => {
    expect(evalExpr('{id: key, total: value * 2}', { key: 'o1', value: '2.5' })).toBe(
      '{"id":"o1","total":5}',
    );
    expect(evalExpr('[1, "a", null]')).toBe('[1,"a",null]');
  });

  it('split follows Java String#split: trailing empty strings are removed, no match returns the text', () => {
    expect(javaSplit('hello kafka streams ', ' ')).toEqual(['hello', 'kafka', 'streams']);
    expect(javaSplit(' lead', '\\W+')).toEqual(['', 'lead']);
    expect(javaSplit('', '\\W+')).toEqual(['']);
    expect(javaSplit('a,b,,', ',')).toEqual(['a', 'b']);
  });

  it('reading a field of text that is not JSON is a processing error', () => {
    expect(() => evalExpr('value.amount', { value: 'plain text' })).toThrow(
      'value is not JSON, so it has no fields: "plain text"',
    );
  });

  it('exprToText prints an expression back with the parentheses it needs', () => {
    const e = parseExpr(new Scanner('(value.a + 1) * 2 > 3 and not key == "x"', 1), ['key', 'value']);
    expect(exprToText(e)).toBe('(value.a + 1) * 2 > 3 and not key == "x"');
  });
});
