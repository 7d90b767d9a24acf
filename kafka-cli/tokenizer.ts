// Shell-like tokenizer for console lines and scripts. It understands just enough of POSIX sh for
// the commands learners copy from Kafka docs: quotes, backslash escapes, `#` comments, trailing
// `\` line continuation and here-documents (`<<EOF` ... `EOF`). No variables, globs or pipes.

export type Tokenized =
  | { kind: 'ok'; tokens: string[]; heredoc: HeredocMarker | null }
  | { kind: 'error'; message: string };

/** A here-document request found on a command line (`<<EOF`, `<< 'EOF'`, `<<-END`). */
export type HeredocMarker = { delimiter: string; stripTabs: boolean };

const UNSUPPORTED = new Set(['|', '||', '&&', ';', '>', '>>', '<', '&', '2>', '2>&1']);

/** Split one command line into words. Never throws. */
export function tokenizeLine(line: string): Tokenized {
  const tokens: string[] = [];
  let heredoc: HeredocMarker | null = null;
  let i = 0;
  const n = line.length;
  // A `$ ` prompt copied from a tutorial is not part of the command.
  const trimmedStart = line.replace(/^\s+/, '');
  if (trimmedStart.startsWith('$ ')) {
    i = line.length - trimmedStart.length + 2;
  }
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (c === '#') break; // comment to end of line (only at the start of a word)
    if (c === '<' && line[i + 1] === '<') {
      // here-document marker
      let j = i + 2;
      let stripTabs = false;
      if (line[j] === '-') {
        stripTabs = true;
        j++;
      }
      while (line[j] === ' ' || line[j] === '\t') j++;
      const word = readWord(line, j);
      if (word.kind === 'error') return word;
      if (word.value === '')
        return { kind: 'error', message: 'syntax error: here-document needs a delimiter word' };
      if (heredoc) return { kind: 'error', message: 'only one here-document per command is supported' };
      heredoc = { delimiter: word.value, stripTabs };
      i = word.end;
      continue;
    }
    const word = readWord(line, i);
    if (word.kind === 'error') return word;
    // `cat > FILE` is the one redirection the console understands (it writes a virtual file).
    const catRedirect = word.value === '>' && tokens.length === 1 && tokens[0] === 'cat';
    if (!word.quoted && !catRedirect && UNSUPPORTED.has(word.value)) {
      return {
        kind: 'error',
        message: `'${word.value}': pipes, redirections and command lists are not supported in this console; run one command per line`,
      };
    }
    tokens.push(word.value);
    i = word.end;
  }
  return { kind: 'ok', tokens, heredoc };
}

type Word =
  | { kind: 'word'; value: string; end: number; quoted: boolean }
  | { kind: 'error'; message: string };

function readWord(line: string, start: number): Word {
  let value = '';
  let i = start;
  let quoted = false;
  const n = line.length;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') break;
    if (c === "'") {
      quoted = true;
      const close = line.indexOf("'", i + 1);
      if (close < 0) return { kind: 'error', message: 'syntax error: unterminated single quote' };
      value += line.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (c === '"') {
      quoted = true;
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i];
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < n && '"\\$`'.includes(line[i + 1])) {
          value += line[i + 1];
          i += 2;
          continue;
        }
        value += d;
        i++;
      }
      if (!closed) return { kind: 'error', message: 'syntax error: unterminated double quote' };
      continue;
    }
    if (c === '\\') {
      quoted = true;
      if (i + 1 < n) {
        value += line[i + 1];
        i += 2;
      } else {
        i++;
      }
      continue;
    }
    if (c === '<' && line[i + 1] === '<' && value === '') break;
    value += c;
    i++;
  }
  return { kind: 'word', value, end: i, quoted };
}

/** True when the line ends with an unquoted, unescaped backslash (shell line continuation). */
export function endsWithContinuation(line: string): boolean {
  let single = false;
  let double = false;
  let i = 0;
  const s = line.replace(/\s+$/, '');
  while (i < s.length) {
    const c = s[i];
    if (single) {
      if (c === "'") single = false;
    } else if (double) {
      if (c === '\\') i++;
      else if (c === '"') double = false;
    } else if (c === "'") single = true;
    else if (c === '"') double = true;
    else if (c === '\\') {
      if (i === s.length - 1) return true;
      i++;
    } else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]))) return false;
    i++;
  }
  return false;
}

/** One command of a script: its (joined) command line, its stdin lines and where it started. */
export type ScriptEntry = {
  line: string;
  /** Lines fed to the command's standard input (here-document or lines up to `EOF`), or null. */
  input: string[] | null;
  lineNumber: number;
};

/** Does this command read records from stdin (console producer, kcat -P)? */
export type StdinPredicate = (tokens: string[]) => boolean;

/**
 * Group raw script lines into commands: joins `\` continuations, skips blank lines and `#`
 * comments, and attaches here-document bodies. A producer command without `<<EOF` reads the
 * following lines up to a line `EOF` (or to the end of the script, as a real stdin would).
 */
export function splitScript(lines: readonly string[], readsStdin: StdinPredicate): ScriptEntry[] {
  const entries: ScriptEntry[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let line = String(lines[i] ?? '');
    i++;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    while (endsWithContinuation(line) && i < lines.length) {
      line = `${line.replace(/\s+$/, '').slice(0, -1).replace(/\s+$/, '')} ${String(lines[i] ?? '').replace(/^\s+/, '')}`;
      i++;
    }
    if (endsWithContinuation(line)) line = line.replace(/\s+$/, '').slice(0, -1);
    const tok = tokenizeLine(line);
    let input: string[] | null = null;
    if (tok.kind === 'ok' && tok.heredoc) {
      const { delimiter, stripTabs } = tok.heredoc;
      input = [];
      while (i < lines.length) {
        const raw = String(lines[i] ?? '');
        i++;
        const body = stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (body === delimiter || body.trim() === delimiter) break;
        input.push(body);
      }
    } else if (tok.kind === 'ok' && readsStdin(tok.tokens)) {
      input = [];
      while (i < lines.length) {
        const raw = String(lines[i] ?? '');
        i++;
        if (raw.trim() === 'EOF') break;
        input.push(raw);
      }
    }
    entries.push({ line, input, lineNumber: start + 1 });
  }
  return entries;
}
