// Parse-only check of Go text/template source, as Prometheus' rulefmt runs it on an alerting rule's labels and
// annotations (model/rulefmt/rulefmt.go testTemplateParsing → template.Expander#ParseTest → text/template Parse).
// A port of the grammar's shape (text/template/parse lex.go, parse.go: actions, pipelines, variables in scope,
// control keywords, the function map), written for error reporting only: it builds no tree and executes nothing.
// Errors read as Go prints them: `template: NAME:LINE: MESSAGE`.

/** text/template's builtins (funcs.go) and Prometheus' template functions (template/template.go). */
const FUNCTIONS = new Set([
  'and',
  'call',
  'html',
  'index',
  'slice',
  'js',
  'len',
  'not',
  'or',
  'print',
  'printf',
  'println',
  'urlquery',
  'eq',
  'ge',
  'gt',
  'le',
  'lt',
  'ne',
  'query',
  'first',
  'label',
  'value',
  'strvalue',
  'args',
  'reReplaceAll',
  'safeHtml',
  'match',
  'title',
  'toUpper',
  'toLower',
  'graphLink',
  'tableLink',
  'sortByLabel',
  'stripPort',
  'stripDomain',
  'humanize',
  'humanize1024',
  'humanizeDuration',
  'humanizePercentage',
  'humanizeTimestamp',
  'toTime',
  'toDuration',
  'now',
  'pathPrefix',
  'externalURL',
  'parseDuration',
  'urlQueryEscape',
  'tmpl',
]);

const KEYWORDS = new Set([
  'block',
  'break',
  'continue',
  'define',
  'else',
  'end',
  'if',
  'range',
  'template',
  'with',
]);

type Kind =
  | 'text'
  | 'left'
  | 'right'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'nil'
  | 'bool'
  | 'string'
  | 'rawString'
  | 'charConstant'
  | 'number'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'char'
  | 'error'
  | 'eof';

type Item = { kind: Kind; val: string; line: number };

/** item.String(): EOF, an error's text, <keyword>, a value quoted (cut to 10 characters). */
function show(i: Item): string {
  if (i.kind === 'eof') return 'EOF';
  if (i.kind === 'error') return i.val;
  if (i.kind === 'keyword' || i.kind === 'nil') return `<${i.val}>`;
  const chars = [...i.val];
  return chars.length > 10 ? `${JSON.stringify(chars.slice(0, 10).join(''))}...` : JSON.stringify(i.val);
}

const isSpace = (c: string) => c === ' ' || c === '\t';
const isEol = (c: string) => c === '\r' || c === '\n';
const isAlnum = (c: string) => c === '_' || /[\p{L}\p{Nd}]/u.test(c);

function lex(input: string): Item[] {
  const items: Item[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let parenDepth = 0;
  const lineAt = (p: number) => line + (input.slice(start, p).match(/\n/g)?.length ?? 0);
  const emit = (kind: Kind, end = pos) => {
    items.push({ kind, val: input.slice(start, end), line: lineAt(start) });
    line = lineAt(end);
    start = end;
    pos = end;
  };
  const fail = (msg: string) => {
    items.push({ kind: 'error', val: msg, line: lineAt(start) });
    items.push({ kind: 'eof', val: '', line: lineAt(start) });
    return items;
  };
  const atTerminator = (p: number) => {
    const c = input[p] ?? '';
    return c === '' || isSpace(c) || isEol(c) || '.,|:)('.includes(c) || c === '}';
  };
  for (;;) {
    // Text up to the next action (or the end).
    const open = input.indexOf('{{', pos);
    if (open < 0) {
      if (input.length > start) emit('text', input.length);
      items.push({ kind: 'eof', val: '', line });
      return items;
    }
    const trimLeft = input.startsWith('{{- ', open) || input.startsWith('{{-\t', open);
    if (open > start) emit('text', open);
    pos = open + (trimLeft ? 3 : 2);
    // A comment: {{/* ... */}} with nothing else in the action.
    if (input.startsWith('/*', pos)) {
      const close = input.indexOf('*/', pos + 2);
      if (close < 0) return fail('unclosed comment');
      let after = close + 2;
      if (input.startsWith(' -', after)) after += 2;
      if (!input.startsWith('}}', after)) return fail('comment ends before closing delimiter');
      line = lineAt(after + 2);
      start = pos = after + 2;
      continue;
    }
    emit('left');
    for (;;) {
      const trimRight = input.startsWith(' -}}', pos) || input.startsWith('\t-}}', pos);
      if (trimRight || input.startsWith('}}', pos)) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trimRight) pos += 2; // the marker belongs to the delimiter
        start = pos;
        emit('right', pos + 2);
        break;
      }
      const c = input[pos] ?? '';
      pos++;
      if (c === '' || isEol(c)) return fail('unclosed action');
      if (isSpace(c)) {
        // A space that starts a right trim marker (" -}}") is left for the delimiter.
        while (isSpace(input[pos] ?? '') && !input.startsWith('-}}', pos + 1)) pos++;
        emit('space');
      } else if (c === ':') {
        if (input[pos] !== '=') return fail('expected :=');
        emit('declare', pos + 1);
      } else if (c === '=') emit('assign');
      else if (c === '|') emit('pipe');
      else if (c === '"' || c === "'") {
        for (;;) {
          const d = input[pos++] ?? '';
          if (d === '\\' && input[pos] !== undefined && !isEol(input[pos])) pos++;
          else if (d === '' || isEol(d) || d === '\\')
            return fail(c === '"' ? 'unterminated quoted string' : 'unterminated character constant');
          else if (d === c) break;
        }
        emit(c === '"' ? 'string' : 'charConstant');
      } else if (c === '`') {
        const close = input.indexOf('`', pos);
        if (close < 0) return fail('unterminated raw quoted string');
        emit('rawString', close + 1);
      } else if (c === '$' || (c === '.' && !/[0-9]/.test(input[pos] ?? ''))) {
        while (isAlnum(input[pos] ?? '')) pos++;
        if (!atTerminator(pos)) return fail(`bad character ${goRune(input[pos])}`);
        emit(c === '$' ? 'variable' : pos === start + 1 ? 'dot' : 'field');
      } else if (c === '+' || c === '-' || c === '.' || /[0-9]/.test(c)) {
        const m = /^[+-]?(?:0[xX][0-9a-fA-F]*|[0-9]*)(?:\.[0-9a-fA-F]*)?(?:[eE][+-]?[0-9]*)?i?/.exec(
          input.slice(start),
        );
        pos = start + (m?.[0].length ?? 1);
        if (isAlnum(input[pos] ?? '') || m?.[0] === '' || m?.[0] === '+' || m?.[0] === '-')
          return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos + 1))}`);
        emit('number');
      } else if (isAlnum(c)) {
        while (isAlnum(input[pos] ?? '')) pos++;
        if (!atTerminator(pos)) return fail(`bad character ${goRune(input[pos])}`);
        const word = input.slice(start, pos);
        emit(
          KEYWORDS.has(word)
            ? 'keyword'
            : word === 'nil'
              ? 'nil'
              : word === 'true' || word === 'false'
                ? 'bool'
                : 'identifier',
        );
      } else if (c === '(') {
        parenDepth++;
        emit('leftParen');
      } else if (c === ')') {
        parenDepth--;
        emit('rightParen'); // emitted before the error, as lexInsideAction does
        if (parenDepth < 0) return fail("unexpected right paren U+0029 ')'");
      } else if (c.charCodeAt(0) < 0x80 && c >= ' ' && c <= '~') emit('char');
      else return fail(`unrecognized character in action: ${goRune(c)}`);
    }
  }
}

/** Go's %#U: U+007D '}'. */
function goRune(c: string | undefined): string {
  const cp = c?.codePointAt(0) ?? 0;
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${c ?? ''}'`;
}

class TemplateError extends Error {}

/** text/template Parse of `text` named `name`; null when it parses, else Go's error text. */
export function parseGoTemplate(name: string, text: string): string | null {
  const items = lex(text);
  let at = 0;
  let seen = 0; // the furthest token read: Go reports the line of the newest token its lookahead pulled
  const vars: string[] = ['$'];
  let rangeDepth = 0;
  const read = (i: number) => {
    seen = Math.max(seen, Math.min(i, items.length - 1));
    return items[Math.min(i, items.length - 1)];
  };
  const errorf = (msg: string): never => {
    throw new TemplateError(`template: ${name}:${items[seen].line}: ${msg}`);
  };
  const next = () => read(at++);
  const peek = () => read(at);
  const nextNonSpace = () => {
    let t = next();
    while (t.kind === 'space') t = next();
    return t;
  };
  const peekNonSpace = () => {
    const save = at;
    const t = nextNonSpace();
    at = save;
    while (items[at].kind === 'space') at++;
    return t;
  };
  const unexpected = (t: Item, context: string): never => errorf(`unexpected ${show(t)} in ${context}`);

  type End = 'end' | 'else' | 'node';
  const term = (): boolean => {
    const t = nextNonSpace();
    switch (t.kind) {
      case 'error':
        return errorf(t.val);
      case 'identifier':
        if (!FUNCTIONS.has(t.val)) errorf(`function ${JSON.stringify(t.val)} not defined`);
        return true;
      case 'variable': {
        const v = t.val.split('.')[0];
        if (!vars.includes(v)) errorf(`undefined variable ${JSON.stringify(v)}`);
        return true;
      }
      case 'leftParen': {
        pipeline('parenthesized pipeline');
        const close = next();
        if (close.kind !== 'rightParen') errorf(`unclosed right paren: unexpected ${show(close)}`);
        return true;
      }
      case 'dot':
      case 'nil':
      case 'field':
      case 'bool':
      case 'number':
      case 'string':
      case 'rawString':
      case 'charConstant':
        if (
          ['dot', 'nil', 'bool', 'number', 'string', 'rawString'].includes(t.kind) &&
          peek().kind === 'field'
        )
          errorf(`unexpected . after term ${JSON.stringify(t.val)}`);
        while (peek().kind === 'field') next();
        return true;
      default:
        at--;
        return false;
    }
  };
  const command = () => {
    let args = 0;
    for (;;) {
      peekNonSpace();
      if (term()) {
        args++;
        while (peek().kind === 'field') next();
      }
      const t = next();
      if (t.kind === 'space') continue;
      if (t.kind === 'error') errorf(t.val);
      else if (t.kind === 'right' || t.kind === 'rightParen') at--;
      else if (t.kind !== 'pipe') errorf(`unexpected ${show(t)} in operand`);
      break;
    }
    if (args === 0) errorf('empty command');
  };
  const pipeline = (context: string) => {
    const v = peekNonSpace();
    if (v.kind === 'variable') {
      const save = at;
      nextNonSpace();
      const n = peekNonSpace();
      if (n.kind === 'declare' || n.kind === 'assign') {
        nextNonSpace();
        vars.push(v.val);
      } else if (n.kind === 'char' && n.val === ',') {
        nextNonSpace();
        vars.push(v.val);
        if (context === 'range' && peekNonSpace().kind === 'variable') {
          vars.push(nextNonSpace().val);
          if (!['declare', 'assign'].includes(nextNonSpace().kind))
            errorf('range can only initialize variables');
        } else errorf(`too many declarations in ${context}`);
      } else at = save;
    }
    let cmds = 0;
    for (;;) {
      const t = nextNonSpace();
      if (t.kind === 'right' || t.kind === 'rightParen') {
        if (cmds === 0) errorf(`missing value for ${context}`);
        if (t.kind === 'rightParen') at--;
        return;
      }
      if (
        [
          'bool',
          'charConstant',
          'dot',
          'field',
          'identifier',
          'number',
          'nil',
          'rawString',
          'string',
          'variable',
          'leftParen',
        ].includes(t.kind)
      ) {
        at--;
        command();
        cmds++;
      } else unexpected(t, context);
    }
  };
  const itemList = (): End => {
    for (;;) {
      if (peekNonSpace().kind === 'eof') errorf('unexpected EOF');
      const n = textOrAction();
      if (n !== 'node') return n;
    }
  };
  const control = (context: string, allowElseIf: boolean) => {
    const depth = vars.length;
    pipeline(context);
    let end = itemList();
    if (end === 'else') {
      if (allowElseIf && peek().kind === 'keyword' && peek().val === 'if') {
        next();
        control('if', true);
        end = 'end';
      } else {
        end = itemList();
        if (end !== 'end') errorf(`expected end; found {{${end}}}`);
      }
    }
    vars.length = depth;
  };
  const action = (): End => {
    const t = nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.val) {
        case 'end': {
          const r = nextNonSpace();
          if (r.kind !== 'right') unexpected(r, 'end');
          return 'end';
        }
        case 'else': {
          if (peekNonSpace().kind === 'keyword' && peekNonSpace().val === 'if') return 'else';
          const r = nextNonSpace();
          if (r.kind !== 'right') unexpected(r, 'else');
          return 'else';
        }
        case 'if':
          control('if', true);
          return 'node';
        case 'with':
          control('with', false);
          return 'node';
        case 'range':
          rangeDepth++;
          control('range', false);
          rangeDepth--;
          return 'node';
        case 'break':
        case 'continue': {
          if (rangeDepth === 0) errorf(`{{${t.val}}} outside {{range}}`);
          const r = nextNonSpace();
          if (r.kind !== 'right') errorf(`unexpected ${show(r)} in {{${t.val}}}`);
          return 'node';
        }
        case 'template':
        case 'block':
        case 'define': {
          const context = `${t.val === 'define' ? 'define' : t.val === 'block' ? 'block' : 'template'} clause`;
          const n = nextNonSpace();
          if (n.kind !== 'string' && n.kind !== 'rawString') unexpected(n, context);
          if (t.val === 'define') {
            const r = nextNonSpace();
            if (r.kind !== 'right') unexpected(r, context);
            if (itemList() !== 'end') errorf(`unexpected {{else}} in ${context}`);
          } else if (t.val === 'block') {
            pipeline(context);
            if (itemList() !== 'end') errorf(`unexpected {{else}} in ${context}`);
          } else if (nextNonSpace().kind !== 'right') {
            at--;
            pipeline(context);
          }
          return 'node';
        }
      }
    }
    at--;
    pipeline('command');
    return 'node';
  };
  function textOrAction(): End {
    const t = nextNonSpace();
    if (t.kind === 'text') return 'node';
    if (t.kind === 'left') return action();
    return unexpected(t, 'input');
  }
  try {
    while (peek().kind !== 'eof') {
      const n = textOrAction();
      if (n !== 'node') errorf(`unexpected {{${n}}}`);
    }
    return null;
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
}

/** Prometheus' alert template variables, declared before the text (rulefmt testTemplateParsing's defs). */
const ALERT_DEFS =
  '{{$labels := .Labels}}{{$externalLabels := .ExternalLabels}}{{$externalURL := .ExternalURL}}{{$value := .Value}}';

/** testTemplateParsing for one label or annotation value of alert `alert`: null or Go's parse error. */
export function checkAlertTemplate(alert: string, text: string): string | null {
  return parseGoTemplate(`__alert_${alert}`, ALERT_DEFS + text);
}
