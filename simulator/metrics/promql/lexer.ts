// PromQL lexer (promql/parser/lex.go): identifiers (metric names may hold ':'), numbers (Inf, NaN, hex,
// exponents), durations (1h30m, 500ms), quoted strings, operators and keywords.

export type TokenKind = 'ident' | 'number' | 'duration' | 'string' | 'op' | 'keyword' | 'punct' | 'eof';

export type Token = { kind: TokenKind; text: string; pos: number; value?: number | string };

export class PromQLError extends Error {
  /** 0-based offset in the query. */
  readonly pos: number;
  readonly detail: string;
  constructor(query: string, pos: number, detail: string) {
    super(`${positionOf(query, pos)}: parse error: ${detail}`);
    this.pos = pos;
    this.detail = detail;
  }
}

/** "line:column", 1-based, as Prometheus' ParseErr prints positions. */
export function positionOf(query: string, pos: number): string {
  const before = query.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - (before.lastIndexOf('\n') + 1) + 1;
  return `${line}:${col}`;
}

export const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'offset',
  'and',
  'or',
  'unless',
  'atan2',
]);

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

/** model.ParseDuration: units in descending order, each at most once ("1h30m", "5m", "500ms"). */
export function parseDuration(text: string): number | null {
  const re = /(\d+)(ms|s|m|h|d|w|y)/y;
  let pos = 0;
  let total = 0;
  let lastUnit = Number.POSITIVE_INFINITY;
  while (pos < text.length) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    const unit = UNITS[m[2]];
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    total += Number(m[1]) * unit;
    pos = re.lastIndex;
  }
  return text.length > 0 ? total : null;
}

const OPS = ['==', '!=', '<=', '>=', '=~', '!~', '+', '-', '*', '/', '%', '^', '<', '>', '='];

export function lex(query: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < query.length && query[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      let s = '';
      while (j < query.length && query[j] !== c) {
        if (query[j] === '\\' && c !== '`') {
          const n = query[j + 1];
          const esc: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'" };
          if (n === undefined || esc[n] === undefined)
            throw new PromQLError(query, j, `unknown escape sequence '${n ?? ''}'`);
          s += esc[n];
          j += 2;
          continue;
        }
        if (query[j] === '\n' && c !== '`') throw new PromQLError(query, start, 'unterminated quoted string');
        s += query[j];
        j++;
      }
      if (j >= query.length) throw new PromQLError(query, start, 'unterminated quoted string');
      out.push({ kind: 'string', text: query.slice(start, j + 1), pos: start, value: s });
      i = j + 1;
      continue;
    }
    if (/[0-9.]/.test(c) && (c !== '.' || /[0-9]/.test(query[i + 1] ?? ''))) {
      const m =
        /^(0[xX][0-9a-fA-F]+|(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)([a-zA-Z0-9_]*)/.exec(
          query.slice(i),
        );
      const text = m ? m[0] : c;
      if (m && m[2] !== '') {
        const dur = parseDuration(text);
        if (dur === null) throw new PromQLError(query, start, `bad number or duration syntax: "${text}"`);
        out.push({ kind: 'duration', text, pos: start, value: dur });
      } else out.push({ kind: 'number', text, pos: start, value: Number(text) });
      i += text.length;
      continue;
    }
    if (/[a-zA-Z_:]/.test(c)) {
      const m = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(query.slice(i));
      const text = m ? m[0] : c;
      const lower = text.toLowerCase();
      if (lower === 'inf' || lower === 'nan')
        out.push({ kind: 'number', text, pos: start, value: lower === 'inf' ? Infinity : Number.NaN });
      else if (KEYWORDS.has(lower)) out.push({ kind: 'keyword', text: lower, pos: start });
      else out.push({ kind: 'ident', text, pos: start });
      i += text.length;
      continue;
    }
    if ('(){}[],'.includes(c)) {
      out.push({ kind: 'punct', text: c, pos: start });
      i++;
      continue;
    }
    const op = OPS.find((o) => query.startsWith(o, i));
    if (op) {
      out.push({ kind: 'op', text: op, pos: start });
      i += op.length;
      continue;
    }
    if (c === '@') throw new PromQLError(query, start, 'the @ modifier is not supported in this simulation');
    throw new PromQLError(query, start, `unexpected character: '${c}'`);
  }
  out.push({ kind: 'eof', text: '', pos: query.length });
  return out;
}
