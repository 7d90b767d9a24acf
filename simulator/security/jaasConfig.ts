// `sasl.jaas.config` parsed exactly as org.apache.kafka.common.security.JaasConfig does: a java.io.StreamTokenizer
// with // and /* */ comments, '-', '_', '$' as word characters (and its default number parsing, which is why
// an unquoted `password=123` has no value), then `<LoginModule> <flag> (key=value)* ;` per entry, with its
// IllegalArgumentException texts. JaasContext#load then requires exactly one login module.

export type JaasEntry = {
  loginModule: string;
  controlFlag: 'REQUIRED' | 'REQUISITE' | 'SUFFICIENT' | 'OPTIONAL';
  options: Record<string, string>;
};

export type JaasParse = { ok: true; entries: JaasEntry[] } | { ok: false; error: string };

const TT_EOF = -1;
const TT_NUMBER = -2;
const TT_WORD = -3;

const CT_WHITESPACE = 1;
const CT_DIGIT = 2;
const CT_ALPHA = 4;
const CT_QUOTE = 8;
const CT_COMMENT = 16;

/** The character table StreamTokenizer's constructor builds, plus JaasConfig's wordChars('-'), ('_'), ('$'). */
function charTable(): Uint8Array {
  const ct = new Uint8Array(256);
  const set = (lo: number, hi: number, bit: number) => {
    for (let i = lo; i <= hi; i++) ct[i] |= bit;
  };
  set(97, 122, CT_ALPHA);
  set(65, 90, CT_ALPHA);
  set(160, 255, CT_ALPHA);
  set(0, 32, CT_WHITESPACE);
  ct[47] = CT_COMMENT; // commentChar('/')
  ct[34] = CT_QUOTE; // quoteChar('"')
  ct[39] = CT_QUOTE; // quoteChar('\'')
  // parseNumbers(): digits, '.', '-'
  set(48, 57, CT_DIGIT);
  ct[46] |= CT_DIGIT;
  ct[45] |= CT_DIGIT;
  ct[45] |= CT_ALPHA; // wordChars('-', '-')
  ct[95] |= CT_ALPHA; // wordChars('_', '_')
  ct[36] |= CT_ALPHA; // wordChars('$', '$')
  return ct;
}

const CT = charTable();
const NEED_CHAR = Number.MAX_SAFE_INTEGER;
const SKIP_LF = Number.MAX_SAFE_INTEGER - 1;

/** java.io.StreamTokenizer over a string (slashSlashComments and slashStarComments on). */
function tokenizer(input: string) {
  let pos = 0;
  let peekc = NEED_CHAR;
  const t = { ttype: -4, sval: null as string | null };
  const read = () => (pos < input.length ? input.charCodeAt(pos++) : -1);
  const ctypeOf = (c: number) => (c < 0 ? CT_WHITESPACE : c < 256 ? CT[c] : CT_ALPHA);
  const ret = (type: number) => {
    t.ttype = type;
    return type;
  };
  /** Skip to the end of the line; returns the character that ended it (or -1). */
  const skipLine = () => {
    let c = read();
    while (c !== 10 && c !== 13 && c >= 0) c = read();
    return c;
  };

  const nextToken = (): number => {
    t.sval = null;
    let c = peekc;
    if (c === SKIP_LF) {
      c = read();
      if (c < 0) return ret(TT_EOF);
      if (c === 10) c = NEED_CHAR;
    }
    if (c === NEED_CHAR) {
      c = read();
      if (c < 0) return ret(TT_EOF);
    }
    t.ttype = c;
    peekc = NEED_CHAR;
    let ctype = c < 256 ? CT[c] : CT_ALPHA;
    while ((ctype & CT_WHITESPACE) !== 0) {
      if (c === 13) {
        c = read();
        if (c === 10) c = read();
      } else c = read();
      if (c < 0) return ret(TT_EOF);
      ctype = c < 256 ? CT[c] : CT_ALPHA;
    }
    if ((ctype & CT_DIGIT) !== 0) {
      if (c === 45) {
        c = read();
        if (c !== 46 && (c < 48 || c > 57)) {
          peekc = c;
          return ret(45);
        }
      }
      let seenDot = false;
      while (true) {
        if (c === 46 && !seenDot) seenDot = true;
        else if (!(c >= 48 && c <= 57)) break;
        c = read();
      }
      peekc = c;
      return ret(TT_NUMBER);
    }
    if ((ctype & CT_ALPHA) !== 0) {
      let word = '';
      do {
        word += String.fromCharCode(c);
        c = read();
        ctype = ctypeOf(c);
      } while ((ctype & (CT_ALPHA | CT_DIGIT)) !== 0);
      peekc = c;
      t.sval = word;
      return ret(TT_WORD);
    }
    if ((ctype & CT_QUOTE) !== 0) {
      const quote = c;
      t.ttype = quote;
      let out = '';
      let d = read();
      while (d >= 0 && d !== quote && d !== 10 && d !== 13) {
        if (d === 92) {
          c = read();
          const first = c;
          if (c >= 48 && c <= 55) {
            c -= 48;
            let c2 = read();
            if (c2 >= 48 && c2 <= 55) {
              c = (c << 3) + (c2 - 48);
              c2 = read();
              if (c2 >= 48 && c2 <= 55 && first <= 51) {
                c = (c << 3) + (c2 - 48);
                d = read();
              } else d = c2;
            } else d = c2;
          } else {
            const esc: Record<number, number> = { 97: 7, 98: 8, 102: 12, 110: 10, 114: 13, 116: 9, 118: 11 };
            c = esc[c] ?? c;
            d = read();
          }
        } else {
          c = d;
          d = read();
        }
        out += String.fromCharCode(c);
      }
      peekc = d === quote ? NEED_CHAR : d;
      t.sval = out;
      return quote;
    }
    if (c === 47) {
      c = read();
      if (c === 42) {
        let prevc = 0;
        for (;;) {
          c = read();
          if (c === 47 && prevc === 42) break;
          if (c === 13) {
            c = read();
            if (c === 10) c = read();
          } else if (c === 10) c = read();
          if (c < 0) return ret(TT_EOF);
          prevc = c;
        }
        return nextToken();
      }
      if (c === 47) {
        peekc = skipLine();
        return nextToken();
      }
      // '/' is also the default comment character: the rest of the line is a comment.
      peekc = skipLine();
      return nextToken();
    }
    if ((ctype & CT_COMMENT) !== 0) {
      peekc = skipLine();
      return nextToken();
    }
    return ret(c);
  };
  return { t, nextToken };
}

/** JaasConfig#loginModuleControlFlag. */
function controlFlag(flag: string | null): JaasEntry['controlFlag'] {
  if (flag === null) throw new JaasError('Login module control flag is not available in the JAAS config');
  const up = flag.toUpperCase();
  if (up === 'REQUIRED' || up === 'REQUISITE' || up === 'SUFFICIENT' || up === 'OPTIONAL') return up;
  throw new JaasError(`Invalid login module control flag '${flag}' in JAAS config`);
}

class JaasError {
  constructor(readonly message: string) {}
}

/** new JaasConfig(loginContextName, sasl.jaas.config): every entry, or the IllegalArgumentException message. */
export function parseJaasConfig(text: string): JaasParse {
  const { t, nextToken } = tokenizer(text);
  const entries: JaasEntry[] = [];
  try {
    while (nextToken() !== TT_EOF) {
      const loginModule = t.sval;
      if (nextToken() === TT_EOF)
        throw new JaasError('Login module control flag not specified in JAAS config');
      const flag = controlFlag(t.sval);
      const options: Record<string, string> = {};
      while (nextToken() !== TT_EOF && t.ttype !== 59) {
        const key = t.sval;
        if (nextToken() !== 61 || nextToken() === TT_EOF || t.sval === null) {
          throw new JaasError(`Value not specified for key '${key}' in JAAS config`);
        }
        options[key as string] = t.sval;
      }
      if (t.ttype !== 59) throw new JaasError('JAAS config entry not terminated by semi-colon');
      // AppConfigurationEntry's constructor refuses a missing module name (no message).
      if (loginModule === null || loginModule === '') throw new JaasError('null');
      entries.push({ loginModule, controlFlag: flag, options });
    }
    if (entries.length === 0) throw new JaasError('Login module not specified in JAAS config');
  } catch (e) {
    if (e instanceof JaasError) return { ok: false, error: e.message };
    throw e;
  }
  return { ok: true, entries };
}

/** JaasContext#load for a `sasl.jaas.config` value: exactly one login module. */
export function loadJaasContext(text: string): { ok: true; entry: JaasEntry } | { ok: false; error: string } {
  const p = parseJaasConfig(text);
  if (!p.ok) return p;
  if (p.entries.length !== 1) {
    return {
      ok: false,
      error: `JAAS config property contains ${p.entries.length} login modules, should be 1 module`,
    };
  }
  return { ok: true, entry: p.entries[0] };
}

export const PLAIN_LOGIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
export const SCRAM_LOGIN_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
