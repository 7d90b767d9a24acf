// The Java StreamsBuilder code equivalent to a DSL program, for showing both side by side in a lesson.
// Assumes default.key.serde and default.value.serde are Serdes.String() (printed as a comment), so only
// operations producing other types spell out their serdes.

import type { OpAst, ProgramAst, SourceAst, StatementAst, WindowAst } from '../dsl/dslAst';
import { javaDuration } from '../dsl/duration';
import type { DslError } from '../dsl/scanner';
import type { Expr } from '../expr/exprAst';
import { exprVariables } from '../expr/exprAst';
import { buildTopology } from '../topology/dslBuilder';
import { asValue, boxedType, type JavaCtx, type JT, javaExpr, javaString, javaTypeOf } from './exprJava';

type Boxed = 'String' | 'Long' | 'Double' | 'Boolean';

type JObj = {
  kind:
    | 'KStream'
    | 'KTable'
    | 'GlobalKTable'
    | 'KGroupedStream'
    | 'TimeWindowedKStream'
    | 'SessionWindowedKStream'
    | 'KGroupedTable';
  windowed: null | { session: boolean; sizeMs: number };
  value: Boxed;
};

export type JavaResult = { ok: true; java: string } | { ok: false; error: DslError };

const JOINER_DEFAULT = 'left + "+" + right';

class Printer {
  readonly vars = new Map<string, JObj>();
  usesJson = false;
  lines: string[] = [];

  constructor(private readonly splitters: Map<OpAst, string>) {}

  private ctx(vars: Record<string, JT>): JavaCtx {
    return { vars, usesJson: false };
  }

  /** A lambda body; records whether JSON helpers are needed. */
  private lambda(e: Expr, vars: Record<string, JT>, want?: Boxed): { code: string; type: Boxed } {
    const c = this.ctx(vars);
    const x = javaExpr(e, c);
    if (c.usesJson) this.usesJson = true;
    const type = want ?? boxedType(x.t);
    return { code: asValue(x, type), type };
  }

  private exprType(e: Expr, vars: Record<string, JT>): JT {
    return javaExpr(e, this.ctx(vars)).t;
  }

  private kv(o: JObj): Record<string, JT> {
    return { key: o.windowed ? 'Windowed' : 'String', value: javaTypeOf(o.value) };
  }

  private keyType(o: JObj): string {
    return o.windowed ? 'Windowed<String>' : 'String';
  }

  typeName(o: JObj): string {
    return `${o.kind}<${this.keyType(o)}, ${o.value}>`;
  }

  private keySerde(o: JObj): string {
    if (!o.windowed) return 'Serdes.String()';
    return o.windowed.session
      ? 'WindowedSerdes.sessionWindowedSerdeFrom(String.class)'
      : `WindowedSerdes.timeWindowedSerdeFrom(String.class, ${o.windowed.sizeMs}L)`;
  }

  source(s: SourceAst): { head: string; obj: JObj } {
    const str = (kind: JObj['kind']): JObj => ({ kind, windowed: null, value: 'String' });
    switch (s.k) {
      case 'ref':
        return { head: s.name.text, obj: this.vars.get(s.name.text)! };
      case 'stream': {
        const topics =
          s.topics.length === 1
            ? javaString(s.topics[0].text)
            : `Arrays.asList(${s.topics.map((t) => javaString(t.text)).join(', ')})`;
        return {
          head: `builder.stream(${topics}${s.as ? `, Consumed.as(${javaString(s.as.text)})` : ''})`,
          obj: str('KStream'),
        };
      }
      case 'table':
      case 'globalTable':
        return {
          head: `builder.${s.k}(${javaString(s.topic.text)}${s.as ? `, Materialized.as(${javaString(s.as.text)})` : ''})`,
          obj: str(s.k === 'table' ? 'KTable' : 'GlobalKTable'),
        };
    }
  }

  statement(st: StatementAst): void {
    const src = this.source(st.source);
    let obj = src.obj;
    const calls: string[] = [];
    let splitOp: (OpAst & { k: 'split' }) | null = null;
    for (const op of st.ops) {
      if (op.k === 'split') {
        splitOp = op;
        calls.push(...this.splitCalls(op, obj));
        break;
      }
      const r = this.op(op, obj);
      calls.push(r.call);
      if (r.obj) obj = r.obj;
    }
    const body = [src.head, ...calls.map((c) => `    ${c}`)].join('\n');
    if (splitOp) {
      const mapName = `${splitOp.branches[0]?.as.text ?? splitOp.defaultBranch!.text}Branches`;
      this.lines.push(`Map<String, ${this.typeName(obj)}> ${mapName} = ${body};`);
      const prefix = this.splitters.get(splitOp)!;
      for (const b of [
        ...splitOp.branches.map((x) => x.as),
        ...(splitOp.defaultBranch ? [splitOp.defaultBranch] : []),
      ]) {
        this.vars.set(b.text, obj);
        this.lines.push(`${this.typeName(obj)} ${b.text} = ${mapName}.get(${javaString(prefix + b.text)});`);
      }
      return;
    }
    const last = st.ops[st.ops.length - 1];
    if (st.bind) {
      this.vars.set(st.bind.text, obj);
      this.lines.push(`${this.typeName(obj)} ${st.bind.text} = ${body};`);
    } else if (last?.k === 'to' || st.ops.length > 0 || st.source.k !== 'ref') this.lines.push(`${body};`);
  }

  private splitCalls(op: OpAst & { k: 'split' }, o: JObj): string[] {
    const out = [op.as ? `.split(Named.as(${javaString(op.as.text)}))` : '.split()'];
    for (const b of op.branches) {
      out.push(
        `.branch((key, value) -> ${this.lambda(b.pred, this.kv(o), 'Boolean').code}, Branched.as(${javaString(b.as.text)}))`,
      );
    }
    out.push(
      op.defaultBranch
        ? `.defaultBranch(Branched.as(${javaString(op.defaultBranch.text)}))`
        : '.noDefaultBranch()',
    );
    return out;
  }

  private named(
    as: OpAst['as' & keyof OpAst] | { text: string } | undefined,
    cls: string,
    lead = ', ',
  ): string {
    return as ? `${lead}${cls}.as(${javaString((as as { text: string }).text)})` : '';
  }

  private op(op: OpAst, o: JObj): { call: string; obj?: JObj } {
    const kv = this.kv(o);
    const isTable = o.kind === 'KTable';
    switch (op.k) {
      case 'filter':
        return {
          call: `.${op.not ? 'filterNot' : 'filter'}((key, value) -> ${this.lambda(op.pred, kv, 'Boolean').code}${this.named(op.as, 'Named')})`,
        };
      case 'map': {
        const v = this.lambda(op.value, kv);
        const k = this.lambda(op.key, kv, 'String');
        return {
          call: `.map((key, value) -> KeyValue.pair(${k.code}, ${v.code})${this.named(op.as, 'Named')})`,
          obj: { kind: 'KStream', windowed: null, value: v.type },
        };
      }
      case 'mapValues': {
        const v = this.lambda(op.value, kv);
        const params = exprVariables(op.value).has('key') ? '(key, value)' : 'value';
        return {
          call: `.mapValues(${params} -> ${v.code}${this.named(op.as, 'Named')})`,
          obj: { ...o, value: v.type },
        };
      }
      case 'flatMapValues': {
        const l = this.lambda(op.list, kv);
        const params = exprVariables(op.list).has('key') ? '(key, value)' : 'value';
        return {
          call: `.flatMapValues(${params} -> ${l.code.startsWith('String.valueOf(') ? l.code.slice(15, -1) : l.code}${this.named(op.as, 'Named')})`,
          obj: { ...o, value: 'String' },
        };
      }
      case 'flatMap': {
        const l = this.lambda(op.list, kv);
        const inner = { ...kv, it: 'String' as JT };
        const k = this.lambda(op.key, inner, 'String');
        const v = this.lambda(op.value, inner);
        const list = l.code.startsWith('String.valueOf(') ? l.code.slice(15, -1) : l.code;
        return {
          call: `.flatMap((key, value) -> {\n        List<KeyValue<String, ${v.type}>> out = new ArrayList<>();\n        for (String it : ${list}) out.add(KeyValue.pair(${k.code}, ${v.code}));\n        return out;\n    }${this.named(op.as, 'Named')})`,
          obj: { kind: 'KStream', windowed: null, value: v.type },
        };
      }
      case 'selectKey':
        return {
          call: `.selectKey((key, value) -> ${this.lambda(op.key, kv, 'String').code}${this.named(op.as, 'Named')})`,
          obj: { ...o, windowed: null },
        };
      case 'peek':
        return {
          call: `.peek((key, value) -> System.out.println(key + " = " + value)${this.named(op.as, 'Named')})`,
        };
      case 'merge':
        return { call: `.merge(${op.other.text}${this.named(op.as, 'Named')})` };
      case 'repartition':
        return { call: `.repartition(${this.named(op.as, 'Repartitioned', '')})` };
      case 'to': {
        const custom = o.windowed !== null || o.value !== 'String';
        let produced = '';
        if (custom)
          produced = `, Produced.with(${this.keySerde(o)}, Serdes.${o.value}())${op.as ? `.withName(${javaString(op.as.text)})` : ''}`;
        else if (op.as) produced = `, Produced.as(${javaString(op.as.text)})`;
        return { call: `.to(${javaString(op.topic.text)}${produced})` };
      }
      case 'toStream':
        return { call: `.toStream(${this.named(op.as, 'Named', '')})`, obj: { ...o, kind: 'KStream' } };
      case 'toTable':
        return { call: `.toTable(${this.named(op.as, 'Materialized', '')})`, obj: { ...o, kind: 'KTable' } };
      case 'groupByKey':
        return {
          call: `.groupByKey(${this.named(op.as, 'Grouped', '')})`,
          obj: { ...o, kind: 'KGroupedStream' },
        };
      case 'groupBy': {
        const k = this.lambda(op.key, kv, 'String');
        if (isTable) {
          const v = op.value ? this.lambda(op.value, kv) : { code: 'value', type: o.value };
          return {
            call: `.groupBy((key, value) -> KeyValue.pair(${k.code}, ${v.code})${this.named(op.as, 'Grouped')})`,
            obj: { kind: 'KGroupedTable', windowed: null, value: v.type },
          };
        }
        return {
          call: `.groupBy((key, value) -> ${k.code}${this.named(op.as, 'Grouped')})`,
          obj: { kind: 'KGroupedStream', windowed: null, value: o.value },
        };
      }
      case 'windowedBy':
        return this.windowedBy(op.window, o);
      case 'count':
        return {
          call: `.count(${this.named(op.as, 'Materialized', '')})`,
          obj: { kind: 'KTable', windowed: this.windowOf(o), value: 'Long' },
        };
      case 'reduce': {
        const vars = { agg: javaTypeOf(o.value), value: javaTypeOf(o.value) };
        const add = this.lambda(op.adder, vars, o.value);
        const sub = op.subtractor
          ? `, (agg, value) -> ${this.lambda(op.subtractor, vars, o.value).code}`
          : '';
        return {
          call: `.reduce((agg, value) -> ${add.code}${sub}${this.named(op.as, 'Materialized')})`,
          obj: { kind: 'KTable', windowed: this.windowOf(o), value: o.value },
        };
      }
      case 'aggregate':
        return this.aggregate(op, o);
      case 'suppress': {
        const buffer =
          op.buffer.k === 'unbounded'
            ? 'BufferConfig.unbounded()'
            : `BufferConfig.maxRecords(${op.buffer.n})${op.until.k === 'windowCloses' ? '.shutDownWhenFull()' : ''}`;
        const until =
          op.until.k === 'windowCloses'
            ? `Suppressed.untilWindowCloses(${buffer})`
            : `Suppressed.untilTimeLimit(${javaDuration(op.until.limit.ms)}, ${buffer})`;
        return { call: `.suppress(${until}${op.as ? `.withName(${javaString(op.as.text)})` : ''})` };
      }
      case 'join':
        return this.join(op, o);
      case 'split':
        return { call: '' };
    }
  }

  private windowOf(o: JObj): JObj['windowed'] {
    return o.kind === 'TimeWindowedKStream' || o.kind === 'SessionWindowedKStream' ? o.windowed : null;
  }

  private windowedBy(w: WindowAst, o: JObj): { call: string; obj: JObj } {
    const g = w.grace ? javaDuration(w.grace.ms) : null;
    let spec: string;
    let sizeMs: number;
    switch (w.k) {
      case 'tumbling':
      case 'hopping':
        sizeMs = w.size.ms;
        spec = g
          ? `TimeWindows.ofSizeAndGrace(${javaDuration(w.size.ms)}, ${g})`
          : `TimeWindows.ofSizeWithNoGrace(${javaDuration(w.size.ms)})`;
        if (w.k === 'hopping') spec += `.advanceBy(${javaDuration(w.advance.ms)})`;
        break;
      case 'sliding':
        sizeMs = w.diff.ms;
        spec = g
          ? `SlidingWindows.ofTimeDifferenceAndGrace(${javaDuration(w.diff.ms)}, ${g})`
          : `SlidingWindows.ofTimeDifferenceWithNoGrace(${javaDuration(w.diff.ms)})`;
        break;
      case 'session':
        sizeMs = 0;
        spec = g
          ? `SessionWindows.ofInactivityGapAndGrace(${javaDuration(w.gap.ms)}, ${g})`
          : `SessionWindows.ofInactivityGapWithNoGrace(${javaDuration(w.gap.ms)})`;
        break;
    }
    const session = w.k === 'session';
    return {
      call: `.windowedBy(${spec})`,
      obj: {
        kind: session ? 'SessionWindowedKStream' : 'TimeWindowedKStream',
        windowed: { session, sizeMs },
        value: o.value,
      },
    };
  }

  private aggregate(op: OpAst & { k: 'aggregate' }, o: JObj): { call: string; obj: JObj } {
    const initT = this.exprType(op.init, {});
    let aggT: JT = initT === 'long' || initT === 'double' ? initT : 'String';
    const adderVars = () => ({ key: 'String' as JT, value: javaTypeOf(o.value), agg: aggT });
    if (aggT === 'long' && this.exprType(op.adder, adderVars()) === 'double') aggT = 'double';
    const type = boxedType(aggT);
    const init = this.lambda(op.init, {}, type);
    const add = this.lambda(op.adder, adderVars(), type);
    let third = '';
    if (op.subtractor) {
      if (o.kind === 'SessionWindowedKStream') {
        third = `, (key, agg1, agg2) -> ${this.lambda(op.subtractor, { key: 'String', agg1: aggT, agg2: aggT }, type).code}`;
      } else third = `, (key, value, agg) -> ${this.lambda(op.subtractor, adderVars(), type).code}`;
    }
    let mat = '';
    if (op.as)
      mat =
        type === 'String'
          ? `, Materialized.as(${javaString(op.as.text)})`
          : `, Materialized.<String, ${type}, ${this.storeType(o)}>as(${javaString(op.as.text)}).withValueSerde(Serdes.${type}())`;
    else if (type !== 'String') mat = `, Materialized.with(Serdes.String(), Serdes.${type}())`;
    return {
      call: `.aggregate(() -> ${init.code}, (key, value, agg) -> ${add.code}${third}${mat})`,
      obj: { kind: 'KTable', windowed: this.windowOf(o), value: type },
    };
  }

  private storeType(o: JObj): string {
    if (o.kind === 'SessionWindowedKStream') return 'SessionStore<Bytes, byte[]>';
    if (o.kind === 'TimeWindowedKStream') return 'WindowStore<Bytes, byte[]>';
    return 'KeyValueStore<Bytes, byte[]>';
  }

  private join(op: OpAst & { k: 'join' }, o: JObj): { call: string; obj: JObj } {
    const method = op.kind === 'inner' ? 'join' : op.kind === 'left' ? 'leftJoin' : 'outerJoin';
    const other = this.vars.get(op.other.text)!;
    const vars = { key: 'String' as JT, left: javaTypeOf(o.value), right: javaTypeOf(other.value) };
    const joiner = op.joiner
      ? this.lambda(op.joiner, vars)
      : { code: JOINER_DEFAULT, type: 'String' as Boxed };
    const params = op.joiner && exprVariables(op.joiner).has('key') ? '(key, left, right)' : '(left, right)';
    const j = `${params} -> ${joiner.code}`;
    if (o.kind === 'KStream' && other.kind === 'KStream') {
      const w = op.window!;
      let win = op.grace
        ? `JoinWindows.ofTimeDifferenceAndGrace(${javaDuration(w.diff.ms)}, ${javaDuration(op.grace.ms)})`
        : `JoinWindows.ofTimeDifferenceWithNoGrace(${javaDuration(w.diff.ms)})`;
      if (w.before) win += `.before(${javaDuration(w.before.ms)})`;
      if (w.after) win += `.after(${javaDuration(w.after.ms)})`;
      return {
        call: `.${method}(${op.other.text}, ${j}, ${win}${this.named(op.as, 'StreamJoined')})`,
        obj: { kind: 'KStream', windowed: null, value: joiner.type },
      };
    }
    if (other.kind === 'GlobalKTable') {
      const sel = this.lambda(op.on!, this.kv(o), 'String').code;
      return {
        call: `.${method}(${op.other.text}, (key, value) -> ${sel}, ${j}${this.named(op.as, 'Named')})`,
        obj: { kind: 'KStream', windowed: null, value: joiner.type },
      };
    }
    if (o.kind === 'KStream') {
      return {
        call: `.${method}(${op.other.text}, ${j}${this.named(op.as, 'Joined')})`,
        obj: { kind: 'KStream', windowed: null, value: joiner.type },
      };
    }
    if (op.on) {
      // KTable#join(other, Function<V, KO> foreignKeyExtractor, joiner, TableJoined) (KIP-213).
      const fk = this.lambda(op.on, { value: javaTypeOf(o.value) }, 'String').code;
      return {
        call: `.${method}(${op.other.text}, value -> ${fk}, ${j}${this.named(op.as, 'TableJoined')})`,
        obj: { kind: 'KTable', windowed: null, value: joiner.type },
      };
    }
    return {
      call: `.${method}(${op.other.text}, ${j}${this.named(op.as, 'Named')})`,
      obj: { kind: 'KTable', windowed: null, value: joiner.type },
    };
  }
}

const JSON_HELPERS = [
  '// JSON values are read with Jackson:',
  'static final ObjectMapper MAPPER = new ObjectMapper();',
  'static JsonNode json(String s) {',
  '    try { return MAPPER.readTree(s); } catch (JsonProcessingException e) { throw new UncheckedIOException(e); }',
  '}',
  'static String text(JsonNode n) { return n.isTextual() ? n.asText() : n.toString(); }',
  '',
];

/** The Java StreamsBuilder code for DSL text (or a parsed program). */
export function toJava(input: string | ProgramAst): JavaResult {
  const built = buildTopology(input);
  if (!built.ok) return built;
  const p = new Printer(built.splitters);
  for (const st of built.program.statements) p.statement(st);
  const out = [
    ...(p.usesJson ? JSON_HELPERS : []),
    '// default.key.serde and default.value.serde: Serdes.String()',
    'StreamsBuilder builder = new StreamsBuilder();',
    '',
    ...p.lines.flatMap((l) => [l, '']),
    'Topology topology = builder.build();',
  ];
  return { ok: true, java: `${out.join('\n')}\n` };
}
