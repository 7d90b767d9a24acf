// PromQL parser for the simulator's subset, with Prometheus' error wording and positions ("1:14: parse error:
// unexpected end of input"). Precedence, lowest first: or; and unless; comparisons; + -; * / % atan2; ^ (right).
import type { AggregateOp, BinaryOp, Expr, Matcher, MatchOp, ValueType, VectorSelector } from './ast';
import { COMPARISON_OPS, SET_OPS } from './ast';
import { FUNCTIONS } from './functions';
import { lex, PromQLError, type Token } from './lexer';

const AGGREGATES = new Set<string>([
  'sum',
  'avg',
  'min',
  'max',
  'count',
  'group',
  'stddev',
  'stdvar',
  'topk',
  'bottomk',
]);
const UNSUPPORTED_AGGREGATES = new Set(['quantile', 'count_values', 'limitk', 'limit_ratio']);

function describeToken(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'end of input';
    case 'ident':
      return `identifier "${t.text}"`;
    case 'number':
      return `number "${t.text}"`;
    case 'duration':
      return `duration "${t.text}"`;
    case 'string':
      return `string ${t.text}`;
    case 'keyword':
      return `<${t.text}>`;
    case 'op':
      return `<op:${t.text}>`;
    default:
      return `"${t.text}"`;
  }
}

class Parser {
  private i = 0;
  constructor(
    private readonly query: string,
    private readonly tokens: Token[],
  ) {}

  private peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
  }
  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }
  private fail(t: Token, detail: string): never {
    throw new PromQLError(this.query, t.pos, detail);
  }
  private unexpected(t: Token, context = ''): never {
    this.fail(t, `unexpected ${describeToken(t)}${context}`);
  }
  private isPunct(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'punct' && t.text === text;
  }
  private expectPunct(text: string, context: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.next();
    if (t.kind === 'eof' && text === ')') this.fail(t, 'unclosed left parenthesis');
    if (t.kind === 'eof' && text === ']') this.fail(t, 'unclosed left bracket');
    return this.unexpected(t, context);
  }

  parse(): Expr {
    if (this.peek().kind === 'eof') this.fail(this.peek(), 'no expression found in input');
    const e = this.parseBinary(0);
    const t = this.peek();
    if (t.kind !== 'eof') {
      if (t.kind === 'punct' && t.text === ')') this.fail(t, "unexpected right parenthesis ')'");
      this.unexpected(t);
    }
    return e;
  }

  private static readonly LEVELS: ReadonlyArray<readonly string[]> = [
    ['or'],
    ['and', 'unless'],
    ['==', '!=', '>', '<', '>=', '<='],
    ['+', '-'],
    ['*', '/', '%', 'atan2'],
    ['^'],
  ];

  private binaryOpAt(level: number): string | null {
    const t = this.peek();
    if ((t.kind === 'op' || t.kind === 'keyword') && Parser.LEVELS[level].includes(t.text)) return t.text;
    return null;
  }

  private parseBinary(level: number): Expr {
    if (level >= Parser.LEVELS.length) return this.parseUnary();
    let lhs = this.parseBinary(level + 1);
    for (;;) {
      const op = this.binaryOpAt(level);
      if (op === null) return lhs;
      const opTok = this.next();
      if (op === 'atan2') this.fail(opTok, 'the atan2 operator is not supported in this simulation');
      let returnBool = false;
      if (this.peek().kind === 'keyword' && this.peek().text === 'bool') {
        const b = this.next();
        if (!COMPARISON_OPS.includes(op))
          this.fail(b, 'bool modifier can only be used on comparison operators');
        returnBool = true;
      }
      let matching: { on: boolean; labels: string[] } | null = null;
      const mod = this.peek();
      if (mod.kind === 'keyword' && (mod.text === 'on' || mod.text === 'ignoring')) {
        this.next();
        matching = { on: mod.text === 'on', labels: this.parseLabelList() };
      }
      const g = this.peek();
      if (g.kind === 'keyword' && (g.text === 'group_left' || g.text === 'group_right'))
        this.fail(g, `${g.text} (many-to-one matching) is not supported in this simulation`);
      // ^ is right-associative; the others associate to the left.
      const rhs = op === '^' ? this.parseBinary(level) : this.parseBinary(level + 1);
      lhs = { kind: 'binary', op: op as BinaryOp, lhs, rhs, returnBool, matching, pos: opTok.pos };
      if (op === '^') return lhs;
    }
  }

  private parseUnary(): Expr {
    const t = this.peek();
    if (t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      this.next();
      const expr = this.parseBinary(5);
      if (expr.kind === 'number')
        return { kind: 'number', value: t.text === '-' ? -expr.value : expr.value, pos: t.pos };
      return { kind: 'unary', op: t.text, expr, pos: t.pos };
    }
    return this.parsePostfix(this.parsePrimary());
  }

  private parsePostfix(e: Expr): Expr {
    let expr = e;
    for (;;) {
      if (this.isPunct('[')) {
        const open = this.next();
        const d = this.peek();
        if (d.kind !== 'duration' && d.kind !== 'number')
          this.unexpected(d, ' in subquery or range selector, expected duration');
        this.next();
        const rangeMs = d.kind === 'duration' ? (d.value as number) : (d.value as number) * 1000;
        if (this.peek().kind === 'punct' && this.peek().text === ']') this.next();
        else if (
          this.peek().kind === 'op' ||
          (this.peek().kind === 'ident' && this.peek().text.startsWith(':')) ||
          this.peek().text === ':'
        )
          this.fail(this.peek(), 'subqueries are not supported in this simulation');
        else this.expectPunct(']', ' in range selector, expected "]"');
        if (expr.kind !== 'vector') this.fail(open, 'ranges only allowed for vector selectors');
        if (rangeMs <= 0) this.fail(d, 'range selector duration must be greater than 0');
        expr = { kind: 'matrix', vector: expr, rangeMs, pos: expr.pos };
        continue;
      }
      const t = this.peek();
      if (t.kind === 'keyword' && t.text === 'offset') {
        this.next();
        let sign = 1;
        if (this.peek().kind === 'op' && this.peek().text === '-') {
          this.next();
          sign = -1;
        }
        const d = this.next();
        if (d.kind !== 'duration') this.unexpected(d, ' in offset, expected duration');
        const target = expr.kind === 'matrix' ? expr.vector : expr.kind === 'vector' ? expr : null;
        if (!target)
          this.fail(
            t,
            'offset modifier must be preceded by an instant vector selector or range vector selector',
          );
        target.offsetMs = sign * (d.value as number);
        continue;
      }
      return expr;
    }
  }

  private parseLabelList(): string[] {
    this.expectPunct('(', ' in grouping opts, expected "("');
    const labels: string[] = [];
    while (!this.isPunct(')')) {
      const t = this.next();
      if (t.kind !== 'ident' && t.kind !== 'keyword') this.unexpected(t, ' in grouping opts, expected label');
      labels.push(t.text);
      if (this.isPunct(',')) this.next();
      else if (!this.isPunct(')')) this.unexpected(this.peek(), ' in grouping opts, expected "," or ")"');
    }
    this.next();
    return labels;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number':
        this.next();
        return { kind: 'number', value: t.value as number, pos: t.pos };
      case 'string':
        this.next();
        return { kind: 'string', value: t.value as string, pos: t.pos };
      case 'punct':
        if (t.text === '(') {
          this.next();
          const expr = this.parseBinary(0);
          this.expectPunct(')', '');
          return { kind: 'paren', expr, pos: t.pos };
        }
        if (t.text === '{') return this.parseSelector(null, t.pos);
        if (t.text === ')') this.fail(t, "unexpected right parenthesis ')'");
        return this.unexpected(t);
      case 'ident': {
        this.next();
        if (
          AGGREGATES.has(t.text) &&
          (this.isPunct('(') || this.peek().text === 'by' || this.peek().text === 'without')
        )
          return this.parseAggregate(t);
        if (UNSUPPORTED_AGGREGATES.has(t.text) && this.isPunct('('))
          this.fail(t, `the ${t.text} aggregation is not supported in this simulation`);
        if (this.isPunct('(')) return this.parseCall(t);
        return this.parseSelector(t.text, t.pos);
      }
      case 'keyword':
      case 'op':
      case 'duration':
      case 'eof':
        return this.unexpected(t);
    }
  }

  private parseCall(name: Token): Expr {
    const sig = FUNCTIONS[name.text];
    if (!sig) this.fail(name, `unknown function with name "${name.text}"`);
    this.next(); // (
    const args: Expr[] = [];
    while (!this.isPunct(')')) {
      if (this.peek().kind === 'eof') this.fail(this.peek(), 'unclosed left parenthesis');
      args.push(this.parseBinary(0));
      if (this.isPunct(',')) this.next();
      else if (!this.isPunct(')')) this.unexpected(this.peek(), ' in call to function, expected "," or ")"');
    }
    this.next();
    const min = sig.args.length - (sig.optional ?? 0);
    if (args.length < min || args.length > sig.args.length) {
      const want = sig.optional ? `at least ${min}` : String(sig.args.length);
      this.fail(name, `expected ${want} argument(s) in call to "${name.text}", got ${args.length}`);
    }
    args.forEach((a, i) => {
      const got = typeOf(a);
      if (got !== sig.args[i])
        throw new PromQLError(
          this.query,
          a.pos,
          `expected type ${typeName(sig.args[i])} in call to function "${name.text}", got ${typeName(got)}`,
        );
    });
    return { kind: 'call', func: name.text, args, pos: name.pos };
  }

  private parseAggregate(op: Token): Expr {
    let grouping: string[] = [];
    let without = false;
    let hasGrouping = false;
    const modifier = () => {
      const m = this.peek();
      if (m.kind === 'keyword' && (m.text === 'by' || m.text === 'without')) {
        this.next();
        if (hasGrouping) this.fail(m, 'aggregation must only contain one grouping clause');
        hasGrouping = true;
        without = m.text === 'without';
        grouping = this.parseLabelList();
      }
    };
    modifier();
    if (!this.isPunct('(')) this.unexpected(this.peek(), ' in aggregation, expected "("');
    this.next();
    if (this.isPunct(')')) this.fail(this.peek(), `no arguments for aggregate expression provided`);
    let param: Expr | null = null;
    let expr = this.parseBinary(0);
    if (op.text === 'topk' || op.text === 'bottomk') {
      if (!this.isPunct(','))
        this.fail(
          this.peek(),
          `wrong number of arguments for aggregate expression provided, expected 2, got 1`,
        );
      this.next();
      param = expr;
      expr = this.parseBinary(0);
      if (typeOf(param) !== 'scalar')
        throw new PromQLError(
          this.query,
          param.pos,
          `expected type scalar in aggregation parameter, got ${typeName(typeOf(param))}`,
        );
    } else if (this.isPunct(','))
      this.fail(
        this.peek(),
        'wrong number of arguments for aggregate expression provided, expected 1, got 2',
      );
    if (this.peek().kind === 'eof') this.fail(this.peek(), 'unclosed left parenthesis');
    this.expectPunct(')', ' in aggregation, expected ")"');
    modifier();
    if (typeOf(expr) !== 'vector')
      throw new PromQLError(
        this.query,
        expr.pos,
        `expected type instant vector in aggregation expression, got ${typeName(typeOf(expr))}`,
      );
    return { kind: 'aggregate', op: op.text as AggregateOp, param, grouping, without, expr, pos: op.pos };
  }

  private parseSelector(name: string | null, pos: number): VectorSelector {
    const matchers: Matcher[] = [];
    if (this.isPunct('{')) {
      this.next();
      while (!this.isPunct('}')) {
        const l = this.next();
        if (l.kind === 'eof') this.fail(l, 'unexpected end of input inside braces');
        if (l.kind !== 'ident' && l.kind !== 'keyword')
          this.unexpected(l, ' in label matching, expected label');
        const op = this.next();
        if (op.kind !== 'op' || !['=', '!=', '=~', '!~'].includes(op.text))
          this.unexpected(op, ' in label matching, expected one of "=", "!=", "=~" or "!~"');
        const v = this.next();
        if (v.kind !== 'string') this.unexpected(v, ' in label matching, expected string');
        if (op.text === '=~' || op.text === '!~') {
          try {
            new RegExp(`^(?:${v.value as string})$`);
          } catch {
            this.fail(v, `error parsing regexp: invalid regular expression ${v.text}`);
          }
        }
        matchers.push({ name: l.text, op: op.text as MatchOp, value: v.value as string });
        if (this.isPunct(',')) this.next();
        else if (this.peek().kind === 'eof') this.fail(this.peek(), 'unexpected end of input inside braces');
        else if (!this.isPunct('}')) this.unexpected(this.peek(), ' in label matching, expected "," or "}"');
      }
      this.next();
    }
    const nameMatcher = matchers.find((m) => m.name === '__name__' && m.op === '=');
    const finalName = name ?? nameMatcher?.value ?? null;
    if (name !== null && matchers.some((m) => m.name === '__name__'))
      throw new PromQLError(
        this.query,
        pos,
        `metric name must not be set twice: "${name}" or "${matchers.find((m) => m.name === '__name__')?.value}"`,
      );
    if (finalName === null && !matchers.some((m) => !matchesEmpty(m)))
      throw new PromQLError(this.query, pos, 'vector selector must contain at least one non-empty matcher');
    return {
      kind: 'vector',
      name: finalName,
      matchers: matchers.filter((m) => !(m === nameMatcher)),
      offsetMs: 0,
      pos,
    };
  }
}

export function matchesEmpty(m: Matcher): boolean {
  switch (m.op) {
    case '=':
      return m.value === '';
    case '!=':
      return m.value !== '';
    case '=~':
      return new RegExp(`^(?:${m.value})$`).test('');
    case '!~':
      return !new RegExp(`^(?:${m.value})$`).test('');
  }
}

export function typeName(t: ValueType): string {
  return t === 'vector' ? 'instant vector' : t === 'matrix' ? 'range vector' : t;
}

export function typeOf(e: Expr): ValueType {
  switch (e.kind) {
    case 'number':
      return 'scalar';
    case 'string':
      return 'string';
    case 'vector':
      return 'vector';
    case 'matrix':
      return 'matrix';
    case 'call':
      return FUNCTIONS[e.func].returns;
    case 'aggregate':
      return 'vector';
    case 'paren':
      return typeOf(e.expr);
    case 'unary':
      return typeOf(e.expr);
    case 'binary':
      return typeOf(e.lhs) === 'scalar' && typeOf(e.rhs) === 'scalar' ? 'scalar' : 'vector';
  }
}

function checkTypes(query: string, e: Expr): void {
  switch (e.kind) {
    case 'paren':
      checkTypes(query, e.expr);
      return;
    case 'unary': {
      checkTypes(query, e.expr);
      const t = typeOf(e.expr);
      if (t !== 'scalar' && t !== 'vector')
        throw new PromQLError(
          query,
          e.pos,
          `unary expression only allowed on expressions of type scalar or instant vector, got ${typeName(t)}`,
        );
      return;
    }
    case 'binary': {
      checkTypes(query, e.lhs);
      checkTypes(query, e.rhs);
      const l = typeOf(e.lhs);
      const r = typeOf(e.rhs);
      if ((l !== 'scalar' && l !== 'vector') || (r !== 'scalar' && r !== 'vector'))
        throw new PromQLError(
          query,
          e.pos,
          'binary expression must contain only scalar and instant vector types',
        );
      if (SET_OPS.includes(e.op) && (l === 'scalar' || r === 'scalar'))
        throw new PromQLError(query, e.pos, `set operator "${e.op}" not allowed in binary scalar expression`);
      if (COMPARISON_OPS.includes(e.op) && l === 'scalar' && r === 'scalar' && !e.returnBool)
        throw new PromQLError(query, e.pos, 'comparisons between scalars must use BOOL modifier');
      if (e.matching && (l === 'scalar' || r === 'scalar'))
        throw new PromQLError(query, e.pos, 'vector matching only allowed between instant vectors');
      return;
    }
    case 'call':
      for (const a of e.args) checkTypes(query, a);
      return;
    case 'aggregate':
      checkTypes(query, e.expr);
      return;
    default:
      return;
  }
}

/** Parse a PromQL expression; throws PromQLError ("1:5: parse error: ...") on bad syntax or types. */
export function parsePromQL(query: string): Expr {
  const ast = new Parser(query, lex(query)).parse();
  checkTypes(query, ast);
  return ast;
}
