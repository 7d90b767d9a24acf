// Parser for the DSL text: one statement per line (a line starting with '|' continues the one before),
// `name = source | op | op ...`. Lines starting with '#' or '//' are comments. The result is the syntax tree or
// the first error with its line, column, what was found and what was expected.

import type { Expr, ExprScope } from '../expr/exprAst';
import { parseExpr } from '../expr/exprParser';
import type { BranchAst, Dur, OpAst, ProgramAst, SourceAst, StatementAst, WindowAst, Word } from './dslAst';
import { namedProblem, suggest, topicNameProblem } from './dslErrors';
import { parseDuration } from './duration';
import { DslError, describeToken, isIdentStart, Scanner } from './scanner';

export const OPERATIONS = [
  'filter',
  'filterNot',
  'map',
  'mapValues',
  'flatMap',
  'flatMapValues',
  'selectKey',
  'peek',
  'split',
  'merge',
  'repartition',
  'to',
  'toStream',
  'toTable',
  'groupByKey',
  'groupBy',
  'windowedBy',
  'count',
  'reduce',
  'aggregate',
  'suppress',
  'join',
  'leftJoin',
  'outerJoin',
] as const;

const SOURCES = ['stream', 'table', 'globalTable'];

const KV: ExprScope = ['key', 'value'];

export type ParseResult = { ok: true; program: ProgramAst } | { ok: false; error: DslError };

type Line = { no: number; text: string };

/** Parses DSL text into statements; never throws. */
export function parseDsl(text: string): ParseResult {
  try {
    return { ok: true, program: parseProgram(text) };
  } catch (e) {
    if (e instanceof DslError) return { ok: false, error: e };
    throw e;
  }
}

function isComment(t: string): boolean {
  const s = t.trim();
  return s === '' || s.startsWith('#') || s.startsWith('//');
}

function parseProgram(text: string): ProgramAst {
  const lines: Line[] = text.split(/\r?\n/).map((t, i) => ({ no: i + 1, text: t }));
  const statements: StatementAst[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isComment(lines[i].text)) {
      i++;
      continue;
    }
    const first = lines[i];
    if (first.text.trim().startsWith('|')) {
      const col = first.text.indexOf('|') + 1;
      throw new DslError(
        first.no,
        col,
        "a line starting with '|' continues a statement, but there is none before it",
        '|',
      );
    }
    // The statement's continuation lines.
    const group: Line[] = [first];
    let j = i + 1;
    while (j < lines.length && (isComment(lines[j].text) || lines[j].text.trim().startsWith('|'))) {
      if (!isComment(lines[j].text)) group.push(lines[j]);
      j++;
    }
    statements.push(new StatementParser(group).parse());
    i = j;
  }
  return { statements };
}

class StatementParser {
  private idx = 0;
  private sc: Scanner;

  constructor(private readonly lines: Line[]) {
    this.sc = new Scanner(lines[0].text, lines[0].no);
  }

  private pos(col: number) {
    return { line: this.sc.line, col };
  }

  private err(col: number, message: string, found?: string, expected?: string): DslError {
    return this.sc.error(col, message, found, expected);
  }

  /** Moves to the next continuation line when the current one is used up; true when a '|' follows. */
  private nextPipe(): boolean {
    if (this.sc.accept('pipe')) return true;
    if (!this.sc.atEnd()) {
      const t = this.sc.peek();
      throw this.err(t.col, `expected '|' or the end of the line, found ${describeToken(t)}`, t.text, "'|'");
    }
    if (this.idx + 1 < this.lines.length) {
      this.idx++;
      const l = this.lines[this.idx];
      this.sc = new Scanner(l.text, l.no);
      if (!this.sc.accept('pipe')) throw this.err(this.sc.col(), "expected '|'", undefined, "'|'");
      return true;
    }
    return false;
  }

  parse(): StatementAst {
    const line = this.sc.line;
    let bind: Word | undefined;
    // `name = ...`: look for an identifier followed by '='.
    const save = this.sc.pos;
    const w = this.sc.word();
    this.sc.skipSpaces();
    if (w && this.sc.src[this.sc.pos] === '=' && this.sc.src[this.sc.pos + 1] !== '=') {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(w.text)) {
        throw this.err(
          w.col,
          `'${w.text}' cannot name a stream: use letters, digits and _ (it becomes a Java variable)`,
          w.text,
        );
      }
      if (SOURCES.includes(w.text) || (OPERATIONS as readonly string[]).includes(w.text)) {
        throw this.err(w.col, `'${w.text}' is a DSL word and cannot name a stream`, w.text);
      }
      bind = { ...this.pos(w.col), text: w.text };
      this.sc.pos++; // '='
    } else this.sc.pos = save;
    const source = this.parseSource();
    const ops: OpAst[] = [];
    while (this.nextPipe()) {
      const op = this.parseOp();
      if (op.k === 'split') {
        this.parseBranches(op);
        ops.push(op);
        break;
      }
      ops.push(op);
    }
    if (!this.sc.atEnd()) {
      const t = this.sc.peek();
      throw this.err(t.col, `nothing can follow here, found ${describeToken(t)}`, t.text);
    }
    return { line, bind, source, ops };
  }

  private parseSource(): SourceAst {
    const w = this.sc.word();
    if (!w) {
      const t = this.sc.peek();
      throw this.err(
        t.col,
        `expected a source (stream, table, globalTable) or a name, found ${describeToken(t)}`,
        t.text,
        'source',
      );
    }
    const at = this.pos(w.col);
    if (w.text === 'stream') {
      const topics = [this.topic('stream')];
      while (this.sc.accept('punct', ',')) topics.push(this.topic('stream'));
      return { ...at, k: 'stream', topics, as: this.optAs() };
    }
    if (w.text === 'table' || w.text === 'globalTable') {
      const topic = this.topic(w.text);
      return { ...at, k: w.text, topic, as: this.optAs() };
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(w.text)) {
      throw this.err(
        w.col,
        `expected a source (stream, table, globalTable) or a name, found '${w.text}'`,
        w.text,
        'source',
      );
    }
    return { ...at, k: 'ref', name: { ...at, text: w.text } };
  }

  private topic(after: string): Word {
    const w = this.sc.word();
    if (!w || w.text === 'as') {
      const t = this.sc.peek();
      throw this.err(
        w?.col ?? t.col,
        `expected a topic name after '${after}', found ${w ? `'${w.text}'` : describeToken(t)}`,
        w?.text ?? t.text,
        'topic name',
      );
    }
    const bad = topicNameProblem(w.text);
    if (bad) throw this.err(w.col, bad, w.text, 'topic name');
    return { ...this.pos(w.col), text: w.text };
  }

  private name(after: string): Word {
    const w = this.sc.word();
    if (!w) {
      const t = this.sc.peek();
      throw this.err(t.col, `expected a name after '${after}', found ${describeToken(t)}`, t.text, 'name');
    }
    const bad = namedProblem(w.text);
    if (bad) throw this.err(w.col, bad, w.text, 'name');
    return { ...this.pos(w.col), text: w.text };
  }

  private optAs(): Word | undefined {
    if (!this.sc.acceptKeyword('as')) return undefined;
    return this.name('as');
  }

  private expr(scope: ExprScope): Expr {
    return parseExpr(this.sc, scope);
  }

  private comma(what: string): void {
    const t = this.sc.next();
    if (t.kind !== 'punct' || t.text !== ',') {
      throw this.err(t.col, `expected ',' and ${what}, found ${describeToken(t)}`, t.text, "','");
    }
  }

  private duration(after: string): Dur {
    const w = this.sc.word();
    const ms = w ? parseDuration(w.text) : null;
    if (!w || ms === null) {
      const t = this.sc.peek();
      throw this.err(
        w?.col ?? t.col,
        `expected a duration after '${after}' (like 5m, 30s, 100ms), found ${w ? `'${w.text}'` : describeToken(t)}`,
        w?.text ?? t.text,
        'duration',
      );
    }
    return { ...this.pos(w.col), ms, text: w.text };
  }

  private optGrace(): Dur | undefined {
    return this.sc.acceptKeyword('grace') ? this.duration('grace') : undefined;
  }

  private parseOp(): OpAst {
    const t = this.sc.next();
    if (t.kind !== 'ident') {
      throw this.err(
        t.col,
        `expected an operation after '|', found ${describeToken(t)}`,
        t.text,
        'operation',
      );
    }
    const at = this.pos(t.col);
    switch (t.text) {
      case 'filter':
      case 'filterNot':
        return { ...at, k: 'filter', not: t.text === 'filterNot', pred: this.expr(KV), as: this.optAs() };
      case 'map': {
        const key = this.expr(KV);
        this.comma('the new value');
        return { ...at, k: 'map', key, value: this.expr(KV), as: this.optAs() };
      }
      case 'mapValues':
        return { ...at, k: 'mapValues', value: this.expr(KV), as: this.optAs() };
      case 'flatMap': {
        const list = this.expr(KV);
        const arrow = this.sc.next();
        if (arrow.kind !== 'op' || arrow.text !== '=>') {
          throw this.err(
            arrow.col,
            `expected '=>' and the key, value of each item (named it), found ${describeToken(arrow)}`,
            arrow.text,
            "'=>'",
          );
        }
        const scope = ['key', 'value', 'it'];
        const key = this.expr(scope);
        this.comma('the value of each item');
        return { ...at, k: 'flatMap', list, key, value: this.expr(scope), as: this.optAs() };
      }
      case 'flatMapValues':
        return { ...at, k: 'flatMapValues', list: this.expr(KV), as: this.optAs() };
      case 'selectKey':
        return { ...at, k: 'selectKey', key: this.expr(KV), as: this.optAs() };
      case 'peek':
        return { ...at, k: 'peek', as: this.optAs() };
      case 'split':
        return { ...at, k: 'split', as: this.optAs(), branches: [] };
      case 'branch':
      case 'defaultBranch':
        throw this.err(
          t.col,
          `'${t.text}' belongs after split: ... | split | branch <condition> as <name>`,
          t.text,
          'operation',
        );
      case 'merge': {
        const other = this.sc.word();
        if (!other)
          throw this.err(this.sc.col(), 'expected the name of a stream to merge', undefined, 'name');
        return { ...at, k: 'merge', other: { ...this.pos(other.col), text: other.text }, as: this.optAs() };
      }
      case 'repartition':
        return { ...at, k: 'repartition', as: this.optAs() };
      case 'to':
        return { ...at, k: 'to', topic: this.topic('to'), as: this.optAs() };
      case 'toStream':
        return { ...at, k: 'toStream', as: this.optAs() };
      case 'toTable':
        return { ...at, k: 'toTable', as: this.optAs() };
      case 'groupByKey':
        return { ...at, k: 'groupByKey', as: this.optAs() };
      case 'groupBy': {
        const key = this.expr(KV);
        const value = this.sc.accept('punct', ',') ? this.expr(KV) : undefined;
        return { ...at, k: 'groupBy', key, value, as: this.optAs() };
      }
      case 'windowedBy':
        return { ...at, k: 'windowedBy', window: this.windowSpec() };
      case 'count':
        return { ...at, k: 'count', as: this.optAs() };
      case 'reduce': {
        const scope = ['agg', 'value'];
        const adder = this.expr(scope);
        const subtractor = this.sc.accept('punct', ',') ? this.expr(scope) : undefined;
        return { ...at, k: 'reduce', adder, subtractor, as: this.optAs() };
      }
      case 'aggregate': {
        const init = this.expr([]);
        this.comma('the adder (key, value, agg)');
        const scope = ['key', 'value', 'agg'];
        const adder = this.expr(scope);
        const subtractor = this.sc.accept('punct', ',') ? this.expr(scope) : undefined;
        return { ...at, k: 'aggregate', init, adder, subtractor, as: this.optAs() };
      }
      case 'suppress':
        return this.suppress(at);
      case 'join':
      case 'leftJoin':
      case 'outerJoin':
        return this.join(at, t.text === 'join' ? 'inner' : t.text === 'leftJoin' ? 'left' : 'outer');
      default: {
        const hint = suggest(t.text, [...OPERATIONS]);
        throw this.err(
          t.col,
          `unknown operation '${t.text}'${hint ? `: did you mean ${hint}?` : `: expected one of ${OPERATIONS.join(', ')}`}`,
          t.text,
          'operation',
        );
      }
    }
  }

  private windowSpec(): WindowAst {
    const t = this.sc.next();
    switch (t.kind === 'ident' ? t.text : '') {
      case 'tumbling':
        return { k: 'tumbling', size: this.duration('tumbling'), grace: this.optGrace() };
      case 'hopping': {
        const size = this.duration('hopping');
        if (!this.sc.acceptKeyword('advance')) {
          const n = this.sc.peek();
          throw this.err(
            n.col,
            `expected 'advance' and the hop after the window size, found ${describeToken(n)}`,
            n.text,
            "'advance'",
          );
        }
        return { k: 'hopping', size, advance: this.duration('advance'), grace: this.optGrace() };
      }
      case 'sliding':
        return { k: 'sliding', diff: this.duration('sliding'), grace: this.optGrace() };
      case 'session':
        return { k: 'session', gap: this.duration('session'), grace: this.optGrace() };
      default:
        throw this.err(
          t.col,
          `expected a window (tumbling, hopping, sliding, session), found ${describeToken(t)}`,
          t.text,
          'window type',
        );
    }
  }

  private suppress(at: { line: number; col: number }): OpAst {
    const t = this.sc.next();
    let until: { k: 'windowCloses' } | { k: 'timeLimit'; limit: Dur };
    if (t.kind === 'ident' && t.text === 'untilWindowCloses') until = { k: 'windowCloses' };
    else if (t.kind === 'ident' && t.text === 'untilTimeLimit')
      until = { k: 'timeLimit', limit: this.duration('untilTimeLimit') };
    else {
      throw this.err(
        t.col,
        `expected untilWindowCloses or untilTimeLimit <duration>, found ${describeToken(t)}`,
        t.text,
        'untilWindowCloses',
      );
    }
    let buffer: { k: 'unbounded' } | { k: 'maxRecords'; n: number } = { k: 'unbounded' };
    if (this.sc.acceptKeyword('unbounded')) buffer = { k: 'unbounded' };
    else if (this.sc.acceptKeyword('maxRecords')) {
      const n = this.sc.next();
      if (n.kind !== 'num' || !Number.isInteger(n.value) || (n.value as number) < 1) {
        throw this.err(
          n.col,
          `expected a whole number of records after maxRecords, found ${describeToken(n)}`,
          n.text,
          'number',
        );
      }
      buffer = { k: 'maxRecords', n: n.value as number };
    }
    return { ...at, k: 'suppress', until, buffer, as: this.optAs() };
  }

  private join(at: { line: number; col: number }, kind: 'inner' | 'left' | 'outer'): OpAst {
    const other = this.sc.word();
    if (!other || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(other.text)) {
      throw this.err(
        other?.col ?? this.sc.col(),
        'expected the name of the stream or table to join with',
        other?.text,
        'name',
      );
    }
    const op: OpAst = { ...at, k: 'join', kind, other: { ...this.pos(other.col), text: other.text } };
    if (this.sc.acceptKeyword('on')) op.on = this.expr(KV);
    if (this.sc.acceptKeyword('window')) {
      const diff = this.duration('window');
      op.window = { diff };
      if (this.sc.acceptKeyword('before')) op.window.before = this.duration('before');
      if (this.sc.acceptKeyword('after')) op.window.after = this.duration('after');
    }
    op.grace = this.optGrace();
    if (this.sc.acceptKeyword('with')) op.joiner = this.expr(['key', 'left', 'right']);
    op.as = this.optAs();
    return op;
  }

  private parseBranches(op: OpAst & { k: 'split' }): void {
    while (this.nextPipe()) {
      const t = this.sc.next();
      if (t.kind === 'ident' && t.text === 'branch') {
        if (op.defaultBranch) throw this.err(t.col, 'defaultBranch must be the last branch', t.text);
        const pred = this.expr(KV);
        if (!this.sc.acceptKeyword('as')) {
          const n = this.sc.peek();
          throw this.err(
            n.col,
            `name each branch: branch <condition> as <name>, found ${describeToken(n)}`,
            n.text,
            "'as'",
          );
        }
        const as = this.branchName();
        const b: BranchAst = { line: this.sc.line, col: t.col, pred, as };
        op.branches.push(b);
      } else if (t.kind === 'ident' && t.text === 'defaultBranch') {
        if (op.defaultBranch) throw this.err(t.col, 'only one defaultBranch', t.text);
        if (!this.sc.acceptKeyword('as')) {
          const n = this.sc.peek();
          throw this.err(
            n.col,
            `name the default branch: defaultBranch as <name>, found ${describeToken(n)}`,
            n.text,
            "'as'",
          );
        }
        op.defaultBranch = this.branchName();
      } else {
        throw this.err(
          t.col,
          `after split only branch and defaultBranch can follow, found ${describeToken(t)}`,
          t.text,
          'branch',
        );
      }
    }
    if (op.branches.length === 0 && !op.defaultBranch) {
      throw this.err(
        op.col,
        'split needs at least one branch: split | branch <condition> as <name>',
        'split',
      );
    }
  }

  private branchName(): Word {
    const w = this.name('as');
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(w.text)) {
      throw this.err(
        w.col,
        `'${w.text}' cannot name a branch: use letters, digits and _ (it becomes a Java variable)`,
        w.text,
      );
    }
    return w;
  }
}

export { formatDslError, namedProblem, suggest, topicNameProblem } from './dslErrors';
export { DslError, isIdentStart };
