// Pratt parser for DSL expressions. Stops at the first token that cannot continue an expression ('|', 'as',
// 'grace', ',', ...) and leaves it to the statement parser; every error names the column and what was expected.

import { describeToken, type Scanner, type Token } from '../dsl/scanner';
import { type BinOp, type Expr, type ExprScope, FUNCTIONS, PRECEDENCE } from './exprAst';

const KEYWORD_LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };

function binOpOf(t: Token): BinOp | null {
  if (t.kind === 'op' && t.text in PRECEDENCE) return t.text as BinOp;
  if (t.kind === 'ident' && (t.text === 'and' || t.text === 'or')) return t.text;
  return null;
}

function badTokenHint(t: Token): string {
  if (t.text === '&&') return "use 'and' instead of &&";
  if (t.text === '||') return "use 'or' instead of || (a single | separates operations)";
  if (t.text === '=') return 'use == to compare';
  return `unexpected character ${describeToken(t)}`;
}

function scopeHint(scope: ExprScope): string {
  return scope.length === 0 ? 'no names are available here' : `here you can use ${scope.join(', ')}`;
}

export function parseExpr(sc: Scanner, scope: ExprScope): Expr {
  return parseBinary(sc, scope, 1);
}

function parseBinary(sc: Scanner, scope: ExprScope, minPrec: number): Expr {
  let left = parsePrefix(sc, scope);
  for (;;) {
    const t = sc.peek();
    if (t.kind === 'bad') throw sc.error(t.col, badTokenHint(t), t.text);
    const op = binOpOf(t);
    if (op === null) return left;
    const prec = PRECEDENCE[op];
    if (prec < minPrec) return left;
    sc.next();
    // Comparisons do not chain (a < b < c is a mistake, not a range test).
    const right = parseBinary(sc, scope, prec + 1);
    if (prec === 4 && binOpOf(sc.peek()) !== null && PRECEDENCE[binOpOf(sc.peek())!] === 4) {
      const n = sc.peek();
      throw sc.error(n.col, `comparisons do not chain: combine them with 'and'`, n.text);
    }
    left = { k: 'bin', op, l: left, r: right, col: t.col };
  }
}

function parsePrefix(sc: Scanner, scope: ExprScope): Expr {
  const t = sc.peek();
  if ((t.kind === 'ident' && t.text === 'not') || (t.kind === 'op' && t.text === '!')) {
    sc.next();
    return { k: 'not', e: parseBinary(sc, scope, 4), col: t.col };
  }
  if (t.kind === 'op' && t.text === '-') {
    sc.next();
    return { k: 'neg', e: parsePrefix(sc, scope), col: t.col };
  }
  return parsePostfix(sc, scope, parsePrimary(sc, scope));
}

function parsePostfix(sc: Scanner, scope: ExprScope, base: Expr): Expr {
  let e = base;
  for (;;) {
    const t = sc.peek();
    if (t.kind === 'punct' && t.text === '.') {
      sc.next();
      const f = sc.next();
      if (f.kind !== 'ident')
        throw sc.error(
          f.col,
          `expected a field name after '.', found ${describeToken(f)}`,
          f.text,
          'field name',
        );
      e = { k: 'field', obj: e, name: f.text, col: f.col };
    } else if (t.kind === 'punct' && t.text === '[') {
      sc.next();
      const index = parseExpr(sc, scope);
      expectPunct(sc, ']');
      e = { k: 'index', obj: e, index, col: t.col };
    } else return e;
  }
}

function expectPunct(sc: Scanner, p: string): void {
  const t = sc.next();
  if (t.kind !== 'punct' || t.text !== p)
    throw sc.error(t.col, `expected '${p}', found ${describeToken(t)}`, t.text, `'${p}'`);
}

function parsePrimary(sc: Scanner, scope: ExprScope): Expr {
  const t = sc.next();
  switch (t.kind) {
    case 'num':
      return { k: 'lit', v: t.value as number, col: t.col };
    case 'str':
      return { k: 'lit', v: t.value as string, col: t.col };
    case 'ident': {
      if (t.text in KEYWORD_LITERALS) return { k: 'lit', v: KEYWORD_LITERALS[t.text], col: t.col };
      const after = sc.peek();
      if (after.kind === 'punct' && after.text === '(' && after.start === t.end) {
        const fn = FUNCTIONS[t.text];
        if (!fn)
          throw sc.error(
            t.col,
            `unknown function '${t.text}': known are ${Object.keys(FUNCTIONS).join(', ')}`,
            t.text,
          );
        sc.next();
        const args: Expr[] = [];
        if (!sc.accept('punct', ')')) {
          for (;;) {
            args.push(parseExpr(sc, scope));
            if (sc.accept('punct', ')')) break;
            expectPunct(sc, ',');
          }
        }
        if (args.length < fn.min || (fn.max >= 0 && args.length > fn.max)) {
          throw sc.error(t.col, `${t.text} takes ${arityText(fn.min, fn.max)}: ${fn.doc}`, t.text);
        }
        return { k: 'call', fn: t.text, args, col: t.col };
      }
      if (!scope.includes(t.text)) {
        const field = scope.includes('value') ? ` (a JSON field is written value.${t.text})` : '';
        throw sc.error(t.col, `unknown name '${t.text}': ${scopeHint(scope)}${field}`, t.text);
      }
      return { k: 'var', name: t.text, col: t.col };
    }
    case 'punct':
      if (t.text === '(') {
        const e = parseExpr(sc, scope);
        expectPunct(sc, ')');
        return e;
      }
      if (t.text === '[') {
        const items: Expr[] = [];
        if (!sc.accept('punct', ']')) {
          for (;;) {
            items.push(parseExpr(sc, scope));
            if (sc.accept('punct', ']')) break;
            expectPunct(sc, ',');
          }
        }
        return { k: 'list', items, col: t.col };
      }
      if (t.text === '{') {
        const entries: Array<[string, Expr]> = [];
        if (!sc.accept('punct', '}')) {
          for (;;) {
            const k = sc.next();
            if (k.kind !== 'ident' && k.kind !== 'str') {
              throw sc.error(
                k.col,
                `expected a field name in the object, found ${describeToken(k)}`,
                k.text,
                'field name',
              );
            }
            expectPunct(sc, ':');
            entries.push([k.kind === 'str' ? (k.value as string) : k.text, parseExpr(sc, scope)]);
            if (sc.accept('punct', '}')) break;
            expectPunct(sc, ',');
          }
        }
        return { k: 'obj', entries, col: t.col };
      }
      break;
    case 'bad':
      throw sc.error(t.col, badTokenHint(t), t.text);
    default:
      break;
  }
  throw sc.error(t.col, `expected an expression, found ${describeToken(t)}`, t.text, 'expression');
}

function arityText(min: number, max: number): string {
  if (min === max) return `${min} argument${min === 1 ? '' : 's'}`;
  if (max < 0) return `${min} or more arguments`;
  return `${min} to ${max} arguments`;
}
