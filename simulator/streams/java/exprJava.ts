// DSL expressions printed as the Java a Kafka Streams developer would write in the lambda: JSON values are read
// with Jackson (`json(value).path("amount").asDouble()`), text uses String methods. A small static typing pass
// picks the conversions; it does not have to prove the Java compiles, only read as what the expression means.

import type { Expr } from '../expr/exprAst';

export type JT =
  | 'String'
  | 'long'
  | 'double'
  | 'boolean'
  | 'JsonNode'
  | 'List'
  | 'Windowed'
  | 'null'
  | 'Object';

export type JExpr = { code: string; t: JT };

export type JavaCtx = { vars: Record<string, JT>; usesJson: boolean };

const NUM = new Set<JT>(['long', 'double']);

export function javaString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

export function asStr(x: JExpr): string {
  switch (x.t) {
    case 'String':
    case 'null':
      return x.code;
    case 'JsonNode':
      return `text(${x.code})`;
    case 'Windowed':
      return `${x.code}.toString()`;
    default:
      return `String.valueOf(${x.code})`;
  }
}

function asNum(x: JExpr): string {
  if (NUM.has(x.t)) return x.code;
  if (x.t === 'JsonNode') return `${x.code}.asDouble()`;
  if (x.t === 'String') return `Double.parseDouble(${x.code})`;
  return x.code;
}

function asBool(x: JExpr): string {
  if (x.t === 'JsonNode') return `${x.code}.asBoolean()`;
  return x.code;
}

function numType(a: JExpr, b: JExpr): JT {
  return a.t === 'long' && b.t === 'long' ? 'long' : 'double';
}

function isNumeric(x: JExpr): boolean {
  return NUM.has(x.t);
}

function paren(x: JExpr, ops: RegExp): string {
  return ops.test(x.code) && !/^\(.*\)$/.test(x.code) ? `(${x.code})` : x.code;
}

export function javaExpr(e: Expr, c: JavaCtx): JExpr {
  switch (e.k) {
    case 'lit':
      if (typeof e.v === 'string') return { code: javaString(e.v), t: 'String' };
      if (typeof e.v === 'number')
        return Number.isInteger(e.v) ? { code: String(e.v), t: 'long' } : { code: String(e.v), t: 'double' };
      if (typeof e.v === 'boolean') return { code: String(e.v), t: 'boolean' };
      return { code: 'null', t: 'null' };
    case 'var':
      return { code: e.name, t: c.vars[e.name] ?? 'Object' };
    case 'field': {
      const o = javaExpr(e.obj, c);
      if (o.t === 'Windowed') {
        if (e.name === 'key') return { code: `${o.code}.key()`, t: 'String' };
        if (e.name === 'start') return { code: `${o.code}.window().start()`, t: 'long' };
        if (e.name === 'end') return { code: `${o.code}.window().end()`, t: 'long' };
      }
      c.usesJson = true;
      const base = o.t === 'JsonNode' ? o.code : `json(${asStr(o)})`;
      return { code: `${base}.path(${javaString(e.name)})`, t: 'JsonNode' };
    }
    case 'index': {
      const o = javaExpr(e.obj, c);
      const i = javaExpr(e.index, c);
      if (o.t === 'List') return { code: `${o.code}.get((int) ${asNum(i)})`, t: 'String' };
      c.usesJson = true;
      const base = o.t === 'JsonNode' ? o.code : `json(${asStr(o)})`;
      return { code: `${base}.path(${i.t === 'String' ? i.code : `(int) ${asNum(i)}`})`, t: 'JsonNode' };
    }
    case 'neg': {
      const x = javaExpr(e.e, c);
      return {
        code: `-${paren({ code: asNum(x), t: x.t }, /[ +\-*/%]/)}`,
        t: x.t === 'long' ? 'long' : 'double',
      };
    }
    case 'not': {
      const x = javaExpr(e.e, c);
      return { code: `!${paren({ code: asBool(x), t: 'boolean' }, / /)}`, t: 'boolean' };
    }
    case 'list':
      return { code: `List.of(${e.items.map((i) => asStr(javaExpr(i, c))).join(', ')})`, t: 'List' };
    case 'obj': {
      c.usesJson = true;
      let code = 'MAPPER.createObjectNode()';
      for (const [k, v] of e.entries) {
        const jv = javaExpr(v, c);
        code +=
          jv.t === 'JsonNode'
            ? `.set(${javaString(k)}, ${jv.code})`
            : `.put(${javaString(k)}, ${jv.t === 'null' ? '(String) null' : jv.code})`;
      }
      return { code: `${code}.toString()`, t: 'String' };
    }
    case 'call':
      return javaCall(
        e.fn,
        e.args.map((a) => javaExpr(a, c)),
      );
    case 'bin':
      return javaBin(e.op, javaExpr(e.l, c), javaExpr(e.r, c));
  }
}

function javaBin(op: string, l: JExpr, r: JExpr): JExpr {
  const arith = /[ ?]/;
  switch (op) {
    case 'and':
      return {
        code: `${paren({ code: asBool(l), t: 'boolean' }, /\|\|/)} && ${paren({ code: asBool(r), t: 'boolean' }, /\|\|/)}`,
        t: 'boolean',
      };
    case 'or':
      return { code: `${asBool(l)} || ${asBool(r)}`, t: 'boolean' };
    case '==':
    case '!=': {
      const neg = op === '!=' ? '!' : '';
      if (l.t === 'null' || r.t === 'null')
        return { code: `${l.t === 'null' ? r.code : l.code} ${op} null`, t: 'boolean' };
      if (isNumeric(l) || isNumeric(r)) return { code: `${asNum(l)} ${op} ${asNum(r)}`, t: 'boolean' };
      const textOf = (x: JExpr) => (x.t === 'JsonNode' ? `${x.code}.asText()` : asStr(x));
      if (l.t === 'String' && /^"/.test(l.code))
        return { code: `${neg}${l.code}.equals(${textOf(r)})`, t: 'boolean' };
      if (r.t === 'String' && /^"/.test(r.code))
        return { code: `${neg}${r.code}.equals(${textOf(l)})`, t: 'boolean' };
      return { code: `${neg}Objects.equals(${textOf(l)}, ${textOf(r)})`, t: 'boolean' };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
      if (l.t === 'String' && r.t === 'String')
        return { code: `${l.code}.compareTo(${r.code}) ${op} 0`, t: 'boolean' };
      return { code: `${asNum(l)} ${op} ${asNum(r)}`, t: 'boolean' };
    case '+': {
      const textual = (x: JExpr) => x.t === 'String' || x.t === 'Windowed' || x.t === 'List';
      if (textual(l) || textual(r)) return { code: `${asStr(l)} + ${asStr(r)}`, t: 'String' };
      return {
        code: `${paren({ code: asNum(l), t: l.t }, arith)} + ${paren({ code: asNum(r), t: r.t }, arith)}`,
        t: numType(l, r),
      };
    }
    default:
      return {
        code: `${paren({ code: asNum(l), t: l.t }, /[+-] /)} ${op} ${paren({ code: asNum(r), t: r.t }, /[+\-*/%] /)}`,
        t: numType(l, r),
      };
  }
}

function javaCall(fn: string, a: JExpr[]): JExpr {
  const s = (i: number) => asStr(a[i]);
  const n = (i: number) => asNum(a[i]);
  switch (fn) {
    case 'upper':
      return { code: `${s(0)}.toUpperCase()`, t: 'String' };
    case 'lower':
      return { code: `${s(0)}.toLowerCase()`, t: 'String' };
    case 'trim':
      return { code: `${s(0)}.trim()`, t: 'String' };
    case 'length':
      return { code: a[0].t === 'List' ? `${a[0].code}.size()` : `${s(0)}.length()`, t: 'long' };
    case 'split':
      return { code: `Arrays.asList(${s(0)}.split(${s(1)}))`, t: 'List' };
    case 'concat':
      return { code: a.map((_, i) => s(i)).join(' + '), t: 'String' };
    case 'substring':
      return {
        code: `${s(0)}.substring(${a
          .slice(1)
          .map((x) => (x.t === 'long' ? x.code : `(int) ${asNum(x)}`))
          .join(', ')})`,
        t: 'String',
      };
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return { code: `${s(0)}.${fn}(${s(1)})`, t: 'boolean' };
    case 'replace':
      return { code: `${s(0)}.replace(${s(1)}, ${s(2)})`, t: 'String' };
    case 'number':
      return {
        code: a[0].t === 'JsonNode' ? `${a[0].code}.asDouble()` : `Double.parseDouble(${s(0)})`,
        t: 'double',
      };
    case 'string':
      return { code: s(0), t: 'String' };
    case 'if': {
      const t: JT = a[1].t === a[2].t ? a[1].t : isNumeric(a[1]) && isNumeric(a[2]) ? 'double' : 'String';
      const v = (x: JExpr) => (t === 'String' ? asStr(x) : x.code);
      return { code: `(${asBool(a[0])} ? ${v(a[1])} : ${v(a[2])})`, t };
    }
    case 'coalesce':
      return { code: `Objects.requireNonNullElse(${a.map((x) => x.code).join(', ')})`, t: a[0].t };
    case 'abs':
      return { code: `Math.abs(${n(0)})`, t: a[0].t === 'long' ? 'long' : 'double' };
    case 'round':
      return { code: `Math.round(${n(0)})`, t: 'long' };
    case 'floor':
    case 'ceil':
      return { code: `Math.${fn}(${n(0)})`, t: 'double' };
    default:
      return { code: `Math.${fn}(${n(0)}, ${n(1)})`, t: numType(a[0], a[1]) };
  }
}

/** Java value type for a record value of this expression type. */
export function boxedType(t: JT): 'String' | 'Long' | 'Double' | 'Boolean' {
  if (t === 'long') return 'Long';
  if (t === 'double') return 'Double';
  if (t === 'boolean') return 'Boolean';
  return 'String';
}

/** The expression as a record value of the given boxed type. */
export function asValue(x: JExpr, type: 'String' | 'Long' | 'Double' | 'Boolean'): string {
  if (type === 'String') return asStr(x);
  if (type === 'Double' && x.t === 'long') return /^\d+$/.test(x.code) ? `${x.code}.0` : `(double) ${x.code}`;
  if (x.t === 'JsonNode')
    return type === 'Long'
      ? `${x.code}.asLong()`
      : type === 'Double'
        ? `${x.code}.asDouble()`
        : `${x.code}.asBoolean()`;
  return x.code;
}

export function javaTypeOf(boxed: string): JT {
  return boxed === 'Long'
    ? 'long'
    : boxed === 'Double'
      ? 'double'
      : boxed === 'Boolean'
        ? 'boolean'
        : 'String';
}
