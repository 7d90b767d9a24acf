// The expression language of the DSL text: small on purpose. Values are what a String serde gives a Kafka
// Streams app (text, often JSON), so field access parses JSON, `+` adds numbers or joins text, and a handful of
// string functions cover WordCount-style lambdas.

export type BinOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

export type Expr =
  | { k: 'lit'; v: string | number | boolean | null; col: number }
  | { k: 'var'; name: string; col: number }
  | { k: 'field'; obj: Expr; name: string; col: number }
  | { k: 'index'; obj: Expr; index: Expr; col: number }
  | { k: 'call'; fn: string; args: Expr[]; col: number }
  | { k: 'neg'; e: Expr; col: number }
  | { k: 'not'; e: Expr; col: number }
  | { k: 'bin'; op: BinOp; l: Expr; r: Expr; col: number }
  | { k: 'list'; items: Expr[]; col: number }
  | { k: 'obj'; entries: Array<[string, Expr]>; col: number };

/** Built-in functions with their arity (min, max; -1 = any). */
export const FUNCTIONS: Record<string, { min: number; max: number; doc: string }> = {
  upper: { min: 1, max: 1, doc: 'upper(text): text in upper case' },
  lower: { min: 1, max: 1, doc: 'lower(text): text in lower case' },
  trim: { min: 1, max: 1, doc: 'trim(text): without leading and trailing spaces' },
  length: { min: 1, max: 1, doc: 'length(x): characters of a text, items of a list' },
  split: { min: 2, max: 2, doc: 'split(text, regex): list of parts, like Java String#split' },
  concat: { min: 1, max: -1, doc: 'concat(a, b, ...): the texts joined' },
  substring: { min: 2, max: 3, doc: 'substring(text, start[, end])' },
  contains: { min: 2, max: 2, doc: 'contains(text, part): true when part occurs in text' },
  startsWith: { min: 2, max: 2, doc: 'startsWith(text, prefix)' },
  endsWith: { min: 2, max: 2, doc: 'endsWith(text, suffix)' },
  replace: { min: 3, max: 3, doc: 'replace(text, find, with): every occurrence, literally' },
  number: { min: 1, max: 1, doc: 'number(text): the number it spells' },
  string: { min: 1, max: 1, doc: 'string(x): x as text (JSON for objects)' },
  if: { min: 3, max: 3, doc: 'if(condition, then, else)' },
  coalesce: { min: 2, max: -1, doc: 'coalesce(a, b, ...): the first that is not null' },
  abs: { min: 1, max: 1, doc: 'abs(n)' },
  round: { min: 1, max: 1, doc: 'round(n): to the nearest whole number' },
  floor: { min: 1, max: 1, doc: 'floor(n)' },
  ceil: { min: 1, max: 1, doc: 'ceil(n)' },
  min: { min: 2, max: 2, doc: 'min(a, b)' },
  max: { min: 2, max: 2, doc: 'max(a, b)' },
};

/** Expression names a DSL operation binds (the lambda's parameters in the Java version). */
export type ExprScope = readonly string[];

/** Pretty-prints an expression back to DSL text (used in events and for round-trip tests). */
export function exprToText(e: Expr): string {
  switch (e.k) {
    case 'lit':
      return typeof e.v === 'string' ? JSON.stringify(e.v) : String(e.v);
    case 'var':
      return e.name;
    case 'field':
      return `${wrap(e.obj, 9)}.${e.name}`;
    case 'index':
      return `${wrap(e.obj, 9)}[${exprToText(e.index)}]`;
    case 'call':
      return `${e.fn}(${e.args.map(exprToText).join(', ')})`;
    case 'neg':
      return `-${wrap(e.e, 8)}`;
    case 'not':
      return `not ${wrap(e.e, 3)}`;
    case 'bin': {
      const p = PRECEDENCE[e.op];
      return `${wrap(e.l, p)} ${e.op} ${wrap(e.r, p + 1)}`;
    }
    case 'list':
      return `[${e.items.map(exprToText).join(', ')}]`;
    case 'obj':
      return `{${e.entries.map(([k, v]) => `${k}: ${exprToText(v)}`).join(', ')}}`;
  }
}

export const PRECEDENCE: Record<BinOp, number> = {
  or: 1,
  and: 2,
  '==': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
  '%': 6,
};

function precedenceOf(e: Expr): number {
  if (e.k === 'bin') return PRECEDENCE[e.op];
  if (e.k === 'not') return 3;
  if (e.k === 'neg') return 8;
  return 10;
}

function wrap(e: Expr, min: number): string {
  const t = exprToText(e);
  return precedenceOf(e) < min ? `(${t})` : t;
}

/** Every variable an expression reads. */
export function exprVariables(e: Expr, out = new Set<string>()): Set<string> {
  switch (e.k) {
    case 'var':
      out.add(e.name);
      break;
    case 'field':
      exprVariables(e.obj, out);
      break;
    case 'index':
      exprVariables(e.obj, out);
      exprVariables(e.index, out);
      break;
    case 'call':
      for (const a of e.args) exprVariables(a, out);
      break;
    case 'neg':
    case 'not':
      exprVariables(e.e, out);
      break;
    case 'bin':
      exprVariables(e.l, out);
      exprVariables(e.r, out);
      break;
    case 'list':
      for (const a of e.items) exprVariables(a, out);
      break;
    case 'obj':
      for (const [, v] of e.entries) exprVariables(v, out);
      break;
    default:
      break;
  }
  return out;
}
