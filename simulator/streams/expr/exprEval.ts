// Compiles expressions to closures once per topology, so processing a record does not walk the syntax tree.
// Semantics (what the lesson says about the language):
// - record keys and values are text (or null); `x.f` reads field f of the JSON text x (null when missing or x is
//   null: the language is null-safe, unlike a Java lambda that would throw a NullPointerException);
// - arithmetic and < <= > >= work on numbers and numeric text; `+` adds when both sides are numeric and joins text
//   otherwise; == compares numbers numerically and everything else exactly;
// - a result becomes record text: numbers in decimal, objects and lists as JSON, null stays null (a tombstone).

import type { Expr } from './exprAst';

export type Val = string | number | boolean | null | Val[] | { [k: string]: Val };

/** A windowed key as Kafka Streams' Windowed<K>: the record key and its window. */
export type WindowedKey = { key: string; window: { start: number; end: number } };

/** What expressions can read: key, value and the operation's own names (agg, left, right, it). */
export type Env = { [name: string]: Val | WindowedKey | undefined };

export type Compiled = (env: Env) => Val;

export class ExprError extends Error {}

export function isWindowedKey(v: unknown): v is WindowedKey {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const w = (v as { window?: unknown }).window;
  return (
    typeof w === 'object' &&
    w !== null &&
    typeof (w as { start?: unknown }).start === 'number' &&
    'key' in (v as object)
  );
}

/** Windowed#toString: [A@0/5000]. */
export function windowedKeyText(k: WindowedKey): string {
  return `[${k.key}@${k.window.start}/${k.window.end}]`;
}

let lastJsonText: string | null = null;
let lastJsonValue: Val = null;

/** JSON.parse with a one-entry cache: value.a and value.b on the same record parse it once. */
function parseJson(text: string): Val {
  if (text === lastJsonText) return lastJsonValue;
  let v: Val;
  try {
    v = JSON.parse(text) as Val;
  } catch {
    throw new ExprError(`value is not JSON, so it has no fields: ${JSON.stringify(clip(text))}`);
  }
  lastJsonText = text;
  lastJsonValue = v;
  return v;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || (typeof v === 'string' && NUMERIC.test(v));
}

function toNum(v: unknown, what: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
  if (v === null || v === undefined) throw new ExprError(`${what}: cannot compute with null`);
  throw new ExprError(`${what}: ${JSON.stringify(typeof v === 'string' ? clip(v) : v)} is not a number`);
}

/** Record text for a value: the String serde view of an expression result. */
export function toText(v: Val | WindowedKey | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (isWindowedKey(v)) return windowedKeyText(v);
  return JSON.stringify(v);
}

export function numberText(n: number): string {
  return Object.is(n, -0) ? '0' : String(n);
}

function textOf(v: Val | WindowedKey | undefined): string {
  const t = toText(v);
  return t === null ? 'null' : t;
}

function field(obj: Val | WindowedKey | undefined, name: string): Val {
  if (obj === null || obj === undefined) return null;
  if (isWindowedKey(obj)) {
    if (name === 'key') return obj.key;
    if (name === 'start') return obj.window.start;
    if (name === 'end') return obj.window.end;
  }
  const o = typeof obj === 'string' ? parseJson(obj) : obj;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return null;
  const f = (o as Record<string, Val>)[name];
  return f === undefined ? null : f;
}

function index(obj: Val | WindowedKey | undefined, i: Val): Val {
  if (obj === null || obj === undefined) return null;
  const o = typeof obj === 'string' ? parseJson(obj) : obj;
  if (Array.isArray(o)) {
    const n = toNum(i, 'list index');
    return o[n] === undefined ? null : o[n];
  }
  if (typeof o === 'object' && o !== null && !isWindowedKey(o)) {
    const f = (o as Record<string, Val>)[textOf(i)];
    return f === undefined ? null : f;
  }
  return null;
}

function equal(a: Val, b: Val): boolean {
  if (a === null || b === null) return a === b;
  if ((typeof a === 'number' || typeof b === 'number') && isNumeric(a) && isNumeric(b))
    return Number(a) === Number(b);
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return a === b;
}

function compare(a: Val, b: Val, op: string): boolean {
  if (a === null || b === null) return false;
  let c: number;
  if (isNumeric(a) && isNumeric(b)) c = Number(a) - Number(b);
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0;
  else throw new ExprError(`cannot compare ${textOf(a)} ${op} ${textOf(b)}`);
  switch (op) {
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    default:
      return c >= 0;
  }
}

export function truthy(v: Val, what: string): boolean {
  if (v === true) return true;
  if (v === false || v === null) return false;
  throw new ExprError(`${what} must be true or false, got ${textOf(v)}`);
}

const regexCache = new Map<string, RegExp>();

/** Java String#split(regex): trailing empty strings removed; no match returns the text itself. */
export function javaSplit(text: string, regex: string): string[] {
  let re = regexCache.get(regex);
  if (!re) {
    try {
      re = new RegExp(regex);
    } catch {
      throw new ExprError(`split: invalid regular expression ${JSON.stringify(regex)}`);
    }
    regexCache.set(regex, re);
  }
  if (!re.test(text)) return [text];
  const parts = text.split(re).filter((p) => p !== undefined);
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

function callFn(fn: string, a: Val[]): Val {
  const str = (i: number): string => {
    const v = a[i];
    if (v === null) throw new ExprError(`${fn}: argument ${i + 1} is null`);
    return textOf(v);
  };
  switch (fn) {
    case 'upper':
      return a[0] === null ? null : str(0).toUpperCase();
    case 'lower':
      return a[0] === null ? null : str(0).toLowerCase();
    case 'trim':
      return a[0] === null ? null : str(0).trim();
    case 'length': {
      const v = a[0];
      if (v === null) throw new ExprError('length: argument is null');
      if (Array.isArray(v)) return v.length;
      return textOf(v).length;
    }
    case 'split':
      return a[0] === null ? null : javaSplit(str(0), str(1));
    case 'concat':
      return a.map(textOf).join('');
    case 'substring': {
      const s = str(0);
      const from = toNum(a[1], 'substring start');
      const to = a.length > 2 ? toNum(a[2], 'substring end') : s.length;
      if (from < 0 || to > s.length || from > to) {
        throw new ExprError(
          `substring: begin ${from}, end ${to}, length ${s.length} (StringIndexOutOfBoundsException)`,
        );
      }
      return s.slice(from, to);
    }
    case 'contains':
      return a[0] === null ? false : str(0).includes(str(1));
    case 'startsWith':
      return a[0] === null ? false : str(0).startsWith(str(1));
    case 'endsWith':
      return a[0] === null ? false : str(0).endsWith(str(1));
    case 'replace':
      return a[0] === null ? null : str(0).split(str(1)).join(str(2));
    case 'number':
      return a[0] === null ? null : toNum(a[0], 'number');
    case 'string':
      return toText(a[0]);
    case 'coalesce':
      return a.find((v) => v !== null) ?? null;
    case 'abs':
      return Math.abs(toNum(a[0], 'abs'));
    case 'round':
      return Math.round(toNum(a[0], 'round'));
    case 'floor':
      return Math.floor(toNum(a[0], 'floor'));
    case 'ceil':
      return Math.ceil(toNum(a[0], 'ceil'));
    case 'min':
      return Math.min(toNum(a[0], 'min'), toNum(a[1], 'min'));
    case 'max':
      return Math.max(toNum(a[0], 'max'), toNum(a[1], 'max'));
    default:
      throw new ExprError(`unknown function ${fn}`);
  }
}

export function compileExpr(e: Expr): Compiled {
  switch (e.k) {
    case 'lit': {
      const v = e.v;
      return () => v;
    }
    case 'var': {
      const name = e.name;
      return (env) => {
        const v = env[name];
        return v === undefined ? null : (v as Val);
      };
    }
    case 'field': {
      const name = e.name;
      if (e.obj.k === 'var') {
        const vn = e.obj.name;
        return (env) => field(env[vn], name);
      }
      const obj = compileExpr(e.obj);
      return (env) => field(obj(env), name);
    }
    case 'index': {
      const obj = compileExpr(e.obj);
      const i = compileExpr(e.index);
      return (env) => index(obj(env), i(env));
    }
    case 'call': {
      const args = e.args.map(compileExpr);
      if (e.fn === 'if') {
        const [c, t, f] = args;
        return (env) => (truthy(c(env), 'the condition of if') ? t(env) : f(env));
      }
      const fn = e.fn;
      return (env) =>
        callFn(
          fn,
          args.map((a) => a(env)),
        );
    }
    case 'neg': {
      const x = compileExpr(e.e);
      return (env) => -toNum(x(env), "'-'");
    }
    case 'not': {
      const x = compileExpr(e.e);
      return (env) => !truthy(x(env), "the operand of 'not'");
    }
    case 'list': {
      const items = e.items.map(compileExpr);
      return (env) => items.map((i) => i(env));
    }
    case 'obj': {
      const entries = e.entries.map(([k, v]) => [k, compileExpr(v)] as const);
      return (env) => {
        const o: Record<string, Val> = {};
        for (const [k, v] of entries) o[k] = v(env);
        return o;
      };
    }
    case 'bin':
      return compileBinary(e.op, compileExpr(e.l), compileExpr(e.r));
  }
}

function compileBinary(op: string, l: Compiled, r: Compiled): Compiled {
  switch (op) {
    case 'and':
      return (env) => truthy(l(env), "the left side of 'and'") && truthy(r(env), "the right side of 'and'");
    case 'or':
      return (env) => truthy(l(env), "the left side of 'or'") || truthy(r(env), "the right side of 'or'");
    case '==':
      return (env) => equal(l(env), r(env));
    case '!=':
      return (env) => !equal(l(env), r(env));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (env) => compare(l(env), r(env), op);
    case '+':
      return (env) => {
        const a = l(env);
        const b = r(env);
        if (isNumeric(a) && isNumeric(b)) return Number(a) + Number(b);
        return textOf(a) + textOf(b);
      };
    case '-':
      return (env) => toNum(l(env), "'-'") - toNum(r(env), "'-'");
    case '*':
      return (env) => toNum(l(env), "'*'") * toNum(r(env), "'*'");
    case '/':
      return (env) => toNum(l(env), "'/'") / toNum(r(env), "'/'");
    default:
      return (env) => toNum(l(env), "'%'") % toNum(r(env), "'%'");
  }
}
