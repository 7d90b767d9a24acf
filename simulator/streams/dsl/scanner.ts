// On-demand scanner over one DSL line. The statement parser reads names (topics, stores) as words, which may
// contain '-' and '.', while expressions are read as tokens; both share one position so errors point at the
// exact column.

export type TokenKind = 'num' | 'str' | 'ident' | 'op' | 'punct' | 'pipe' | 'eof' | 'bad';

export type Token = {
  kind: TokenKind;
  text: string;
  /** For 'num' the number, for 'str' the unescaped string. */
  value?: number | string;
  /** 1-based column of the first character. */
  col: number;
  start: number;
  end: number;
};

/** A DSL mistake: where it is and what was expected. Thrown inside the parser, returned to callers as data. */
export class DslError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
    readonly found?: string,
    readonly expected?: string,
  ) {
    super(message);
  }
}

const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '=>']);
const ONE_CHAR_OPS = new Set(['+', '-', '*', '/', '%', '<', '>', '!']);
const PUNCT = new Set(['(', ')', '[', ']', '{', '}', ',', ':', '.']);

export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'the end of the line';
  return `'${t.text}'`;
}

export class Scanner {
  pos = 0;

  constructor(
    readonly src: string,
    readonly line: number,
  ) {}

  error(col: number, message: string, found?: string, expected?: string): DslError {
    return new DslError(this.line, col, message, found, expected);
  }

  skipSpaces(): void {
    while (this.pos < this.src.length && (this.src[this.pos] === ' ' || this.src[this.pos] === '\t'))
      this.pos++;
  }

  atEnd(): boolean {
    this.skipSpaces();
    return this.pos >= this.src.length;
  }

  col(pos = this.pos): number {
    return pos + 1;
  }

  /** The next expression token without consuming it. */
  peek(): Token {
    const save = this.pos;
    const t = this.next();
    this.pos = save;
    return t;
  }

  next(): Token {
    this.skipSpaces();
    const s = this.src;
    const start = this.pos;
    const mk = (kind: TokenKind, end: number, value?: number | string): Token => {
      this.pos = end;
      return { kind, text: s.slice(start, end), value, col: start + 1, start, end };
    };
    if (start >= s.length) return { kind: 'eof', text: '', col: start + 1, start, end: start };
    const c = s[start];
    if (c === '|')
      return mk(s[start + 1] === '|' ? 'bad' : 'pipe', s[start + 1] === '|' ? start + 2 : start + 1);
    if (c >= '0' && c <= '9') {
      let i = start;
      while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
      if (s[i] === '.' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        i++;
        while (i < s.length && s[i] >= '0' && s[i] <= '9') i++;
      }
      return mk('num', i, Number(s.slice(start, i)));
    }
    if (c === '"' || c === "'") return this.string(start, c);
    if (isIdentStart(c)) {
      let i = start + 1;
      while (i < s.length && isIdentPart(s[i])) i++;
      return mk('ident', i);
    }
    const two = s.slice(start, start + 2);
    if (TWO_CHAR_OPS.has(two)) return mk('op', start + 2);
    if (two === '&&') return mk('bad', start + 2);
    if (ONE_CHAR_OPS.has(c)) return mk('op', start + 1);
    if (PUNCT.has(c)) return mk('punct', start + 1);
    return mk('bad', start + 1);
  }

  private string(start: number, quote: string): Token {
    const s = this.src;
    let out = '';
    let i = start + 1;
    while (i < s.length && s[i] !== quote) {
      if (s[i] === '\\' && i + 1 < s.length) {
        const e = s[i + 1];
        out += e === 'n' ? '\n' : e === 't' ? '\t' : e;
        i += 2;
      } else out += s[i++];
    }
    if (i >= s.length) throw this.error(start + 1, `unterminated string: add the closing ${quote}`);
    this.pos = i + 1;
    return { kind: 'str', text: s.slice(start, i + 1), value: out, col: start + 1, start, end: i + 1 };
  }

  /**
   * A name word (topic, store, variable): the longest run of characters up to a space, '|', ',' or '='.
   * Returns null at the end of the line or before '|'.
   */
  word(): { text: string; col: number } | null {
    this.skipSpaces();
    const s = this.src;
    const start = this.pos;
    let i = start;
    while (i < s.length && s[i] !== ' ' && s[i] !== '\t' && s[i] !== '|' && s[i] !== ',' && s[i] !== '=') i++;
    if (i === start) return null;
    this.pos = i;
    return { text: s.slice(start, i), col: start + 1 };
  }

  /** True (and consumed) when the next token is the identifier `kw`. */
  acceptKeyword(kw: string): boolean {
    const t = this.peek();
    if (t.kind === 'ident' && t.text === kw) {
      this.next();
      return true;
    }
    return false;
  }

  accept(kind: TokenKind, text?: string): Token | null {
    const t = this.peek();
    if (t.kind === kind && (text === undefined || t.text === text)) return this.next();
    return null;
  }
}

export function isIdentStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
}

function isIdentPart(c: string): boolean {
  return isIdentStart(c) || (c >= '0' && c <= '9');
}
