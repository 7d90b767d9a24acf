// Turns parsed DSL statements into a topology the way StreamsBuilder does: the same counter consumption per
// operation (KStreamImpl, KTableImpl, KGroupedStreamImpl, KGroupedTableImpl, *WindowedKStreamImpl,
// KStreamImplJoin, BranchedKStreamImpl), the same graph nodes and the same build() order, so every generated
// processor, store and internal topic name matches what the Java DSL would produce.

import type { OpAst, Pos, ProgramAst, SourceAst, StatementAst } from '../dsl/dslAst';
import { parseDsl } from '../dsl/dslParser';
import { DslError } from '../dsl/scanner';
import type { Expr } from '../expr/exprAst';
import {
  type DslObj,
  enableSendingOldValues,
  type GNode,
  type GroupedStreamObj,
  type GroupedTableObj,
  type StreamObj,
  type TableObj,
  type WindowDef,
  type WindowedStreamObj,
} from './graph';
import { applyJoin } from './joinOps';
import { isGeneratedName, NameCounter, P } from './naming';
import { TopologyError, TopologyWriter } from './topologyWriter';
import type { AggSpec, ProcOp, StoreSpec, Topology } from './types';

export type BuildResult =
  | {
      ok: true;
      topology: Topology;
      program: ProgramAst;
      /** The splitter processor name of each split (the prefix of its branches' map keys). */
      splitters: Map<OpAst, string>;
    }
  | { ok: false; error: DslError };

/** Parses and builds DSL text (or an already parsed program); never throws. */
export function buildTopology(input: string | ProgramAst): BuildResult {
  let program: ProgramAst;
  if (typeof input === 'string') {
    const parsed = parseDsl(input);
    if (!parsed.ok) return parsed;
    program = parsed.program;
  } else program = input;
  try {
    const b = new Builder();
    for (const s of program.statements) b.statement(s);
    return { ok: true, topology: b.build(), program, splitters: b.splitters };
  } catch (e) {
    if (e instanceof DslError) return { ok: false, error: e };
    if (e instanceof TopologyError) return { ok: false, error: new DslError(1, 1, e.message) };
    throw e;
  }
}

export const KIND_NAMES: Record<DslObj['kind'], string> = {
  stream: 'KStream',
  table: 'KTable',
  globalTable: 'GlobalKTable',
  groupedStream: 'KGroupedStream',
  windowedStream: 'TimeWindowedKStream',
  groupedTable: 'KGroupedTable',
};

export function kindName(o: DslObj): string {
  if (o.kind === 'windowedStream') {
    return o.window.k === 'session' ? 'SessionWindowedKStream' : 'TimeWindowedKStream';
  }
  return KIND_NAMES[o.kind];
}

const DEFAULT_JOINER: Expr = {
  k: 'call',
  fn: 'concat',
  args: [
    { k: 'var', name: 'left', col: 0 },
    { k: 'lit', v: '+', col: 0 },
    { k: 'var', name: 'right', col: 0 },
  ],
  col: 0,
};

export class Builder {
  readonly names = new NameCounter();
  private priority = 0;
  readonly root: GNode = { nodeName: 'root', parents: [], children: [], priority: -1, write: () => {} };
  readonly nodes: GNode[] = [];
  readonly vars = new Map<string, DslObj>();
  readonly copartitions: string[][] = [];
  readonly splitters = new Map<OpAst, string>();
  line = 1;

  err(pos: Pos, message: string, found?: string, expected?: string): DslError {
    return new DslError(pos.line, pos.col, message, found, expected);
  }

  node(nodeName: string, write: GNode['write'], grace?: number): GNode {
    const n: GNode = { nodeName, parents: [], children: [], priority: 0, write, grace };
    this.nodes.push(n);
    return n;
  }

  /** InternalStreamsBuilder#addGraphNode: the child's build priority is (re)set on every call. */
  add(parents: GNode | GNode[], child: GNode): void {
    for (const p of Array.isArray(parents) ? parents : [parents]) {
      if (!p.children.includes(child)) p.children.push(child);
      if (!child.parents.includes(p)) child.parents.push(p);
      child.priority = this.priority++;
    }
  }

  /** AbstractStream#ensureCopartitionWith. */
  copartition(...groups: string[][]): string[] {
    const all: string[] = [];
    for (const g of groups) for (const s of g) if (!all.includes(s)) all.push(s);
    this.copartitions.push(all);
    return all;
  }

  statement(s: StatementAst): void {
    this.line = s.line;
    let obj: DslObj | null = this.source(s.source);
    for (const op of s.ops) {
      if (obj === null) {
        throw this.err(op, `nothing can follow 'to': KStream#to ends the pipeline`, op.k);
      }
      obj = this.apply(obj, op);
    }
    if (s.bind) {
      if (obj === null) {
        const last = s.ops[s.ops.length - 1];
        throw this.err(
          s.bind,
          last?.k === 'split'
            ? `split names its branches itself (branch ... as <name>): drop '${s.bind.text} ='`
            : `'${s.bind.text}' would name nothing: the statement ends with 'to'`,
          s.bind.text,
        );
      }
      this.vars.set(s.bind.text, obj);
    }
  }

  private source(s: SourceAst): DslObj {
    if (s.k === 'ref') {
      const v = this.vars.get(s.name.text);
      if (!v) {
        throw this.err(
          s.name,
          `unknown name '${s.name.text}': define it first, e.g. ${s.name.text} = stream <topic>`,
          s.name.text,
        );
      }
      if (v.kind === 'globalTable') {
        throw this.err(
          s.name,
          `'${s.name.text}' is a GlobalKTable: it can only be joined with (join ${s.name.text} on <key>)`,
          s.name.text,
        );
      }
      return v;
    }
    if (s.k === 'stream') {
      const seen = new Set<string>();
      for (const t of s.topics) {
        if (seen.has(t.text)) throw this.err(t, `topic '${t.text}' is listed twice`, t.text);
        seen.add(t.text);
      }
      const topics = s.topics.map((t) => t.text);
      const name = this.names.orElseGenerate(s.as?.text, P.SOURCE);
      const node = this.node(name, (w) => w.addSource(name, topics));
      (node as GNode & { topics?: string[] }).topics = topics;
      this.add(this.root, node);
      return {
        kind: 'stream',
        name,
        node,
        repartitionRequired: false,
        sourceNodes: [name],
        keyWindowed: false,
      };
    }
    // table / globalTable: MaterializedInternal (store name) first, then the two source names.
    const topic = s.topic.text;
    const storeName = s.as?.text ?? this.names.newStoreName(`${topic}-`);
    const sourceName = this.names.newProcessorName(P.SOURCE);
    const procName = this.names.newProcessorName(P.KTABLE_SOURCE);
    if (s.k === 'globalTable') {
      const spec: StoreSpec = { name: storeName, type: 'keyValue', logging: false, global: true };
      const node = this.node(procName, (w) =>
        w.addGlobalStore(spec, sourceName, topic, procName, {
          t: 'tableSource',
          store: storeName,
          sendOldValues: false,
        }),
      );
      this.add(this.root, node);
      return { kind: 'globalTable', store: storeName };
    }
    const sup = { k: 'source' as const, storeName, queryable: s.as ? storeName : null, sendOldValues: false };
    const node = this.node(procName, (w) => {
      w.addSource(sourceName, [topic]);
      w.addProcessor(procName, { t: 'tableSource', store: sup.queryable, sendOldValues: sup.sendOldValues }, [
        sourceName,
      ]);
      if (sup.queryable !== null) w.addStateStore(kvStore(storeName), procName);
    });
    this.add(this.root, node);
    return {
      kind: 'table',
      name: procName,
      node,
      sourceNodes: [sourceName],
      queryableStore: sup.queryable,
      sup,
      sendOldValues: false,
      keyWindowed: false,
    };
  }

  /** A plain processor graph node (ProcessorGraphNode / StatefulProcessorNode / TableProcessorNode). */
  processor(
    name: string,
    parent: GNode | GNode[],
    op: () => ProcOp,
    stores?: { add?: StoreSpec; connect?: () => string[] },
    grace?: number,
  ): GNode {
    const node = this.node(
      name,
      (w, parents) => {
        w.addProcessor(name, op(), parents);
        if (stores?.connect) for (const s of stores.connect()) w.connect(name, s);
        if (stores?.add) w.addStateStore(stores.add, name);
      },
      grace,
    );
    this.add(parent, node);
    return node;
  }

  private notAvailable(o: DslObj, op: OpAst, hint: string): DslError {
    return this.err(op, `'${opWord(op)}' is not available on a ${kindName(o)}: ${hint}`, opWord(op));
  }

  apply(o: DslObj, op: OpAst): DslObj | null {
    if (o.kind === 'stream') return this.streamOp(o, op);
    if (o.kind === 'table') return this.tableOp(o, op);
    if (o.kind === 'groupedStream') return this.groupedStreamOp(o, op);
    if (o.kind === 'windowedStream') return this.windowedOp(o, op);
    if (o.kind === 'groupedTable') return this.groupedTableOp(o, op);
    throw this.notAvailable(o, op, 'a GlobalKTable can only be joined with');
  }

  private stream(prev: StreamObj, name: string, node: GNode, patch: Partial<StreamObj> = {}): StreamObj {
    return {
      kind: 'stream',
      name,
      node,
      repartitionRequired: prev.repartitionRequired,
      sourceNodes: prev.sourceNodes,
      keyWindowed: prev.keyWindowed,
      ...patch,
    };
  }

  private streamOp(s: StreamObj, op: OpAst): DslObj | null {
    switch (op.k) {
      case 'filter': {
        const name = this.names.orElseGenerate(op.as?.text, P.FILTER);
        const node = this.processor(name, s.node, () => ({ t: 'filter', pred: op.pred, not: op.not }));
        return this.stream(s, name, node);
      }
      case 'map': {
        const name = this.names.orElseGenerate(op.as?.text, P.MAP);
        const node = this.processor(name, s.node, () => ({ t: 'map', key: op.key, value: op.value }));
        return this.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
      }
      case 'mapValues': {
        const name = this.names.orElseGenerate(op.as?.text, P.MAPVALUES);
        const node = this.processor(name, s.node, () => ({ t: 'mapValues', value: op.value }));
        return this.stream(s, name, node);
      }
      case 'flatMap': {
        const name = this.names.orElseGenerate(op.as?.text, P.FLATMAP);
        const node = this.processor(name, s.node, () => ({
          t: 'flatMap',
          list: op.list,
          key: op.key,
          value: op.value,
        }));
        return this.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
      }
      case 'flatMapValues': {
        const name = this.names.orElseGenerate(op.as?.text, P.FLATMAPVALUES);
        const node = this.processor(name, s.node, () => ({ t: 'flatMapValues', list: op.list }));
        return this.stream(s, name, node);
      }
      case 'selectKey': {
        const name = this.names.orElseGenerate(op.as?.text, P.KEY_SELECT);
        const node = this.processor(name, s.node, () => ({ t: 'selectKey', key: op.key }));
        return this.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
      }
      case 'peek': {
        const name = this.names.orElseGenerate(op.as?.text, P.PEEK);
        const node = this.processor(name, s.node, () => ({ t: 'peek' }));
        return this.stream(s, name, node);
      }
      case 'split':
        this.split(s, op);
        return null;
      case 'merge': {
        const other = this.vars.get(op.other.text);
        if (!other) throw this.err(op.other, `unknown name '${op.other.text}'`, op.other.text);
        if (other.kind !== 'stream') {
          throw this.err(
            op.other,
            `merge needs a KStream, '${op.other.text}' is a ${kindName(other)}`,
            op.other.text,
          );
        }
        const name = this.names.orElseGenerate(op.as?.text, P.MERGE);
        const node = this.processor(name, [s.node, other.node], () => ({ t: 'passThrough', role: 'merge' }));
        return {
          kind: 'stream',
          name,
          node,
          repartitionRequired: s.repartitionRequired || other.repartitionRequired,
          sourceNodes: union(s.sourceNodes, other.sourceNodes),
          keyWindowed: s.keyWindowed && other.keyWindowed,
        };
      }
      case 'repartition': {
        // KStreamImpl#doRepartition: an explicit name is used as is (no counter), else KSTREAM-REPARTITION-n.
        const name = op.as?.text ?? this.names.newProcessorName(P.REPARTITION);
        const r = this.repartitionNode(name, s.node);
        return {
          ...this.stream(s, r.sourceName, r.node),
          repartitionRequired: false,
          sourceNodes: [r.sourceName],
        };
      }
      case 'to': {
        const name = this.names.orElseGenerate(op.as?.text, P.SINK);
        const topic = op.topic.text;
        const node = this.node(name, (w, parents) => w.addSink(name, topic, parents));
        this.add(s.node, node);
        return null;
      }
      case 'toTable':
        return this.toTable(s, op);
      case 'groupByKey':
        return {
          kind: 'groupedStream',
          name: s.name,
          node: s.node,
          repartitionRequired: s.repartitionRequired,
          sourceNodes: s.sourceNodes,
          groupedName: op.as?.text,
          repartitionNode: null,
        };
      case 'groupBy': {
        if (op.value) {
          throw this.err(
            op,
            'KStream#groupBy selects only the new key: change the value with mapValues first',
            'groupBy',
          );
        }
        // internalSelectKey named by Grouped.as: the select processor takes the grouping name.
        const name = this.names.orElseGenerate(op.as?.text, P.KEY_SELECT);
        const node = this.processor(name, s.node, () => ({ t: 'selectKey', key: op.key }));
        return {
          kind: 'groupedStream',
          name,
          node,
          repartitionRequired: true,
          sourceNodes: s.sourceNodes,
          groupedName: op.as?.text,
          repartitionNode: null,
        };
      }
      case 'join':
        return applyJoin(this, s, op);
      case 'toStream':
        throw this.notAvailable(s, op, 'it is already a stream');
      case 'count':
      case 'reduce':
      case 'aggregate':
        throw this.notAvailable(s, op, `group it first: ... | groupByKey | ${op.k} (or groupBy <new key>)`);
      case 'windowedBy':
        throw this.notAvailable(s, op, 'group it first: ... | groupByKey | windowedBy ...');
      case 'suppress':
        throw this.notAvailable(s, op, 'suppress works on a KTable, e.g. after a windowed count');
    }
  }

  /**
   * KStreamImpl#createRepartitionedSource: burns three counter values (sink, filter, source) and builds an
   * (un)optimizable repartition node (filter, sink, source) that is not yet in the graph.
   */
  makeRepartition(prefix: string): { node: GNode; sourceName: string; topic: string } {
    const topic = prefix.endsWith('-repartition') ? prefix : `${prefix}-repartition`;
    const genSink = this.names.newProcessorName(P.SINK);
    const genFilter = this.names.newProcessorName(P.FILTER);
    const genSource = this.names.newProcessorName(P.SOURCE);
    const generated = isGeneratedName(prefix);
    const sinkName = generated ? genSink : `${topic}-sink`;
    const sourceName = generated ? genSource : `${topic}-source`;
    const filterName = generated ? genFilter : `${topic}-filter`;
    const node = this.node(sourceName, (w, parents) => {
      w.addInternalTopic(topic, 'repartition');
      w.addProcessor(filterName, { t: 'passThrough', role: 'repartitionFilter' }, parents);
      w.addSink(sinkName, topic, [filterName]);
      w.addSource(sourceName, [topic]);
    });
    return { node, sourceName, topic };
  }

  repartitionNode(prefix: string, parent: GNode): { node: GNode; sourceName: string; topic: string } {
    const r = this.makeRepartition(prefix);
    this.add(parent, r.node);
    return r;
  }

  /** KStreamImpl#repartitionForJoin: a key-changed stream is repartitioned once, however often it is joined. */
  repartitionForJoin(s: StreamObj, repartitionName: string): StreamObj {
    const r = this.makeRepartition(repartitionName);
    if (!s.joinRepartition || s.name !== repartitionName) {
      s.joinRepartition = { name: repartitionName, node: r.node, sourceName: r.sourceName };
      this.add(s.node, r.node);
    }
    return {
      kind: 'stream',
      name: r.sourceName,
      node: s.joinRepartition.node,
      repartitionRequired: false,
      sourceNodes: [r.sourceName],
      keyWindowed: s.keyWindowed,
    };
  }

  private split(s: StreamObj, op: OpAst & { k: 'split' }): void {
    const splitter = this.names.orElseGenerate(op.as?.text, P.BRANCH);
    this.splitters.set(op, splitter);
    const children: string[] = [];
    const preds = op.branches.map((b) => b.pred);
    const splitNode = this.processor(splitter, s.node, () => ({ t: 'branch', preds, children }));
    const branches = [...op.branches.map((b) => b.as), ...(op.defaultBranch ? [op.defaultBranch] : [])].map(
      (as) => ({
        name: as.text,
        as,
      }),
    );
    const seen = new Set<string>();
    for (const b of branches) {
      if (seen.has(b.name)) throw this.err(b.as, `branch name '${b.name}' is used twice`, b.name);
      seen.add(b.name);
      const child = splitter + b.name;
      children.push(child);
      this.names.newProcessorName(child);
      const node = this.processor(child, splitNode, () => ({ t: 'passThrough', role: 'branchChild' }));
      this.vars.set(b.name, this.stream(s, child, node));
    }
  }

  private toTable(s: StreamObj, op: OpAst & { k: 'toTable' }): TableObj {
    const name = this.names.newProcessorName(P.TO_KTABLE);
    const storeName = op.as?.text ?? this.names.newStoreName(P.TO_KTABLE);
    let parent = s.node;
    let sourceNodes = s.sourceNodes;
    if (s.repartitionRequired) {
      const r = this.repartitionNode(name, s.node);
      parent = r.node;
      sourceNodes = [r.sourceName];
    }
    const sup = {
      k: 'source' as const,
      storeName,
      queryable: op.as ? storeName : null,
      sendOldValues: false,
    };
    const node = this.node(name, (w, parents) => {
      w.addProcessor(
        name,
        { t: 'tableSource', store: sup.queryable, sendOldValues: sup.sendOldValues },
        parents,
      );
      if (sup.queryable !== null) w.addStateStore(kvStore(storeName), name);
    });
    this.add(parent, node);
    return {
      kind: 'table',
      name,
      node,
      sourceNodes,
      queryableStore: sup.queryable,
      sup,
      sendOldValues: false,
      keyWindowed: false,
    };
  }

  private tableOp(t: TableObj, op: OpAst): DslObj | null {
    switch (op.k) {
      case 'filter': {
        const name = this.names.orElseGenerate(op.as?.text, P.KTABLE_FILTER);
        // KTableFilter's constructor: send old values if upstream is already materialized.
        const sup = { k: 'filter' as const, parent: t, pred: op.pred, not: op.not, sendOldValues: false };
        sup.sendOldValues = enableSendingOldValues(t, false);
        const node = this.processor(name, t.node, () => ({
          t: 'tableFilter',
          pred: op.pred,
          not: op.not,
          sendOldValues: sup.sendOldValues,
        }));
        return { ...t, name, node, queryableStore: null, sup, sendOldValues: false };
      }
      case 'mapValues': {
        const name = this.names.orElseGenerate(op.as?.text, P.KTABLE_MAPVALUES);
        const sup = { k: 'mapValues' as const, parent: t, value: op.value, sendOldValues: false };
        const node = this.processor(name, t.node, () => ({
          t: 'tableMapValues',
          value: op.value,
          sendOldValues: sup.sendOldValues,
        }));
        return { ...t, name, node, queryableStore: null, sup, sendOldValues: false };
      }
      case 'toStream': {
        const name = this.names.orElseGenerate(op.as?.text, P.KTABLE_TOSTREAM);
        const node = this.processor(name, t.node, () => ({ t: 'toStream' }));
        return {
          kind: 'stream',
          name,
          node,
          repartitionRequired: false,
          sourceNodes: t.sourceNodes,
          keyWindowed: t.keyWindowed,
        };
      }
      case 'groupBy': {
        const name = this.names.orElseGenerate(op.as?.text, P.KTABLE_SELECT);
        const node = this.processor(name, t.node, () => ({
          t: 'tableSelect',
          key: op.key,
          value: op.value ?? null,
        }));
        enableSendingOldValues(t, true);
        return {
          kind: 'groupedTable',
          name,
          node,
          sourceNodes: t.sourceNodes,
          groupedName: op.as?.text,
          repartitionNode: null,
        };
      }
      case 'suppress':
        return this.suppress(t, op);
      case 'join':
        return applyJoin(this, t, op);
      case 'to':
        throw this.notAvailable(t, op, 'turn it into a stream first: ... | toStream | to <topic>');
      case 'groupByKey':
        throw this.notAvailable(t, op, 'a KTable is grouped with groupBy <key>[, <value>]');
      case 'map':
      case 'flatMap':
      case 'selectKey':
      case 'flatMapValues':
        throw this.notAvailable(
          t,
          op,
          'a KTable has mapValues; to change the key use groupBy, or toStream first',
        );
      case 'windowedBy':
        throw this.notAvailable(
          t,
          op,
          'only a grouped stream can be windowed: stream <topic> | groupByKey | windowedBy ...',
        );
      default:
        throw this.notAvailable(
          t,
          op,
          'see the list of KTable operations: filter, filterNot, mapValues, toStream, groupBy, join, leftJoin, outerJoin, suppress',
        );
    }
  }

  private suppress(t: TableObj, op: OpAst & { k: 'suppress' }): TableObj {
    const name = op.as?.text ?? this.names.newProcessorName(P.KTABLE_SUPPRESS);
    let durationMs: number;
    if (op.until.k === 'windowCloses') {
      durationMs = findWindowGrace(t.node, '', (m) =>
        this.err(op, `Invalid topology: ${m}`, 'untilWindowCloses'),
      );
    } else {
      if (op.until.limit.ms < 0)
        throw this.err(
          op.until.limit,
          'untilTimeLimit needs a duration of zero or more',
          op.until.limit.text,
        );
      durationMs = op.until.limit.ms;
    }
    const store = op.as ? `${op.as.text}-store` : this.names.newStoreName(P.KTABLE_SUPPRESS);
    enableSendingOldValues(t, true);
    const spec: StoreSpec = { name: store, type: 'suppress', logging: true, global: false };
    const maxRecords = op.buffer.k === 'maxRecords' ? op.buffer.n : null;
    const node = this.processor(
      name,
      t.node,
      () => ({
        t: 'suppress',
        store,
        mode: op.until.k,
        durationMs,
        maxRecords,
        whenFull: op.until.k === 'windowCloses' ? 'shutDown' : 'emitEarly',
        dropTombstones: op.until.k === 'windowCloses',
      }),
      { add: spec },
    );
    return {
      kind: 'table',
      name,
      node,
      sourceNodes: [t.name],
      queryableStore: null,
      sup: { k: 'suppress', parent: t, store },
      sendOldValues: false,
      keyWindowed: t.keyWindowed,
    };
  }

  private groupedStreamOp(g: GroupedStreamObj, op: OpAst): DslObj {
    switch (op.k) {
      case 'windowedBy':
        return { kind: 'windowedStream', grouped: g, window: this.windowDef(op) };
      case 'count':
      case 'reduce':
      case 'aggregate':
        return this.streamAggregate(g, op, null);
      default:
        throw this.notAvailable(
          g,
          op,
          'aggregate it (count, reduce, aggregate) or window it (windowedBy) first',
        );
    }
  }

  private windowedOp(w: WindowedStreamObj, op: OpAst): DslObj {
    if (op.k === 'count' || op.k === 'reduce' || op.k === 'aggregate')
      return this.streamAggregate(w.grouped, op, w.window);
    throw this.notAvailable(w, op, 'aggregate it first: count, reduce or aggregate');
  }

  private windowDef(op: OpAst & { k: 'windowedBy' }): WindowDef {
    const w = op.window;
    const fail = (pos: Pos & { text: string }, m: string) => this.err(pos, m, pos.text);
    switch (w.k) {
      case 'tumbling':
      case 'hopping': {
        const size = w.size.ms;
        const advance = w.k === 'hopping' ? w.advance.ms : size;
        const grace = w.grace?.ms ?? 0;
        // TimeWindows constructor checks.
        if (size <= 0) throw fail(w.size, 'Window size (sizeMs) must be larger than zero.');
        if (advance <= 0 || advance > size) {
          throw fail(
            w.k === 'hopping' ? w.advance : w.size,
            `Window advancement interval should be more than zero and less than window duration which is ${size} ms, but given advancement interval is: ${advance} ms`,
          );
        }
        if (grace < 0) throw fail(w.grace!, 'Grace period must not be negative.');
        return { k: 'time', sizeMs: size, advanceMs: advance, graceMs: grace };
      }
      case 'sliding':
        if (w.diff.ms < 0) throw fail(w.diff, 'Window time difference must not be negative.');
        if ((w.grace?.ms ?? 0) < 0) throw fail(w.grace!, 'Window grace period must not be negative.');
        return { k: 'sliding', diffMs: w.diff.ms, graceMs: w.grace?.ms ?? 0 };
      case 'session':
        if (w.gap.ms <= 0) throw fail(w.gap, 'Gap time cannot be zero or negative.');
        if ((w.grace?.ms ?? 0) < 0) throw fail(w.grace!, 'Grace period must not be negative.');
        return { k: 'session', gapMs: w.gap.ms, graceMs: w.grace?.ms ?? 0 };
    }
  }

  private aggSpec(
    op: OpAst & { k: 'count' | 'reduce' | 'aggregate' },
    target: 'stream' | 'session' | 'table',
  ): AggSpec {
    if (op.k === 'count') return { k: 'count' };
    const third = op.k === 'reduce' ? op.subtractor : op.subtractor;
    if (target === 'table' && !third) {
      throw this.err(
        op,
        op.k === 'reduce'
          ? 'KGroupedTable#reduce needs an adder and a subtractor: reduce <adder>, <subtractor>'
          : 'KGroupedTable#aggregate needs an initializer, an adder and a subtractor: aggregate <init>, <adder>, <subtractor>',
        op.k,
      );
    }
    if (target !== 'table' && third && !(target === 'session' && op.k === 'aggregate')) {
      throw this.err(
        op,
        `a KGroupedStream ${op.k} takes no subtractor: records only add to a stream aggregate`,
        op.k,
      );
    }
    if (op.k === 'reduce') return { k: 'reduce', adder: op.adder, subtractor: op.subtractor };
    if (target === 'session') {
      if (!op.subtractor) {
        throw this.err(
          op,
          'a session aggregate also needs a merger of two sessions: aggregate <init>, <adder>, <merger of agg1, agg2>',
          op.k,
        );
      }
      return { k: 'aggregate', init: op.init, adder: op.adder, merger: op.subtractor };
    }
    return { k: 'aggregate', init: op.init, adder: op.adder, subtractor: op.subtractor };
  }

  /** KGroupedStreamImpl / *WindowedKStreamImpl count, reduce, aggregate + GroupedStreamAggregateBuilder#build. */
  private streamAggregate(
    g: GroupedStreamObj,
    op: OpAst & { k: 'count' | 'reduce' | 'aggregate' },
    window: WindowDef | null,
  ): TableObj {
    const prefix = op.k === 'reduce' ? P.REDUCE : P.AGGREGATE;
    const storeName = op.as?.text ?? this.names.newStoreName(prefix);
    const aggName = this.names.newProcessorName(prefix);
    const agg = this.aggSpec(op, window?.k === 'session' ? 'session' : 'stream');
    let parent = g.node;
    let sourceName = g.name;
    if (g.repartitionRequired) {
      // GroupedStreamAggregateBuilder#build: a named grouping aggregated twice shares one repartition topic.
      const r = this.makeRepartition(g.groupedName ?? storeName);
      if (g.repartitionNode === null || g.groupedName === undefined) g.repartitionNode = r.node;
      this.add(g.node, g.repartitionNode);
      parent = g.repartitionNode;
      sourceName = r.sourceName;
    }
    const sup = { k: 'agg' as const, storeName, sendOldValues: false };
    let spec: StoreSpec;
    let op2: () => ProcOp;
    let grace: number | undefined;
    if (window === null) {
      spec = kvStore(storeName);
      op2 = () => ({ t: 'streamAggregate', agg, store: storeName, sendOldValues: sup.sendOldValues });
    } else if (window.k === 'time') {
      spec = {
        name: storeName,
        type: 'window',
        logging: true,
        global: false,
        retentionMs: window.sizeMs + window.graceMs,
        windowSizeMs: window.sizeMs,
      };
      grace = window.graceMs;
      op2 = () => ({
        t: 'windowAggregate',
        sizeMs: window.sizeMs,
        advanceMs: window.advanceMs,
        graceMs: window.graceMs,
        agg,
        store: storeName,
        sendOldValues: sup.sendOldValues,
      });
    } else if (window.k === 'sliding') {
      spec = {
        name: storeName,
        type: 'window',
        logging: true,
        global: false,
        retentionMs: 2 * window.diffMs + window.graceMs,
        windowSizeMs: window.diffMs,
      };
      grace = window.graceMs;
      op2 = () => ({
        t: 'slidingAggregate',
        diffMs: window.diffMs,
        graceMs: window.graceMs,
        agg,
        store: storeName,
        sendOldValues: sup.sendOldValues,
      });
    } else {
      spec = {
        name: storeName,
        type: 'session',
        logging: true,
        global: false,
        retentionMs: window.gapMs + window.graceMs,
      };
      grace = window.graceMs + window.gapMs;
      op2 = () => ({
        t: 'sessionAggregate',
        gapMs: window.gapMs,
        graceMs: window.graceMs,
        agg,
        store: storeName,
        sendOldValues: sup.sendOldValues,
      });
    }
    const node = this.processor(aggName, parent, op2, { add: spec }, grace);
    return {
      kind: 'table',
      name: aggName,
      node,
      sourceNodes: sourceName === g.name ? g.sourceNodes : [sourceName],
      queryableStore: op.as ? storeName : null,
      sup,
      sendOldValues: false,
      keyWindowed: window !== null,
    };
  }

  /** KGroupedTableImpl count, reduce, aggregate (#doAggregate). */
  private groupedTableOp(g: GroupedTableObj, op: OpAst): TableObj {
    if (op.k !== 'count' && op.k !== 'reduce' && op.k !== 'aggregate') {
      throw this.notAvailable(
        g,
        op,
        'aggregate it: count, reduce <adder>, <subtractor> or aggregate <init>, <adder>, <subtractor>',
      );
    }
    const storeName = op.as?.text ?? this.names.newStoreName(P.KTABLE_AGGREGATE);
    const agg = this.aggSpec(op, 'table');
    const sinkName = this.names.newProcessorName(P.SINK);
    const sourceName = this.names.newProcessorName(P.SOURCE);
    const funcName = this.names.newProcessorName(op.k === 'reduce' ? P.KTABLE_REDUCE : P.KTABLE_AGGREGATE);
    const topic = `${g.groupedName ?? storeName}-repartition`;
    if (g.repartitionNode === null || g.groupedName === undefined) {
      g.repartitionNode = this.node(sourceName, (w, parents) => {
        w.addInternalTopic(topic, 'repartition');
        w.addSink(sinkName, topic, parents);
        w.addSource(sourceName, [topic]);
      });
    }
    const rep = g.repartitionNode;
    this.add(g.node, rep);
    const sup = { k: 'tableAgg' as const, storeName, sendOldValues: false };
    const node = this.processor(
      funcName,
      rep,
      () => ({ t: 'tableAggregate', agg, store: storeName, sendOldValues: sup.sendOldValues }),
      {
        add: kvStore(storeName),
      },
    );
    return {
      kind: 'table',
      name: funcName,
      node,
      sourceNodes: [rep.nodeName],
      queryableStore: op.as ? storeName : null,
      sup,
      sendOldValues: false,
      keyWindowed: false,
    };
  }

  defaultJoiner(): Expr {
    return DEFAULT_JOINER;
  }

  /**
   * StreamsBuilder#build (InternalStreamsBuilder#buildAndOptimizeTopology): merge duplicate sources, then take
   * graph nodes from a priority queue ordered by build priority, writing a node once all its parents are written.
   */
  build(): Topology {
    mergeDuplicateSources(this.root);
    const w = new TopologyWriter();
    const written = new Set<GNode>([this.root]);
    const queue: GNode[] = [...this.root.children];
    while (queue.length > 0) {
      let min = 0;
      for (let i = 1; i < queue.length; i++) if (queue[i].priority < queue[min].priority) min = i;
      const n = queue.splice(min, 1)[0];
      if (!written.has(n) && n.parents.every((p) => written.has(p))) {
        n.write(
          w,
          n.parents.map((p) => p.nodeName),
        );
        written.add(n);
      }
      queue.push(...n.children);
    }
    for (const g of this.copartitions) w.copartition(g);
    return w.build();
  }
}

export function kvStore(name: string): StoreSpec {
  return { name, type: 'keyValue', logging: true, global: false };
}

function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function opWord(op: OpAst): string {
  if (op.k === 'filter') return op.not ? 'filterNot' : 'filter';
  if (op.k === 'join') return op.kind === 'inner' ? 'join' : op.kind === 'left' ? 'leftJoin' : 'outerJoin';
  return op.k;
}

/** GraphGraceSearchUtil#findAndVerifyWindowGrace. */
function findWindowGrace(node: GNode, chain: string, fail: (m: string) => DslError): number {
  if (node.grace !== undefined) return node.grace;
  const newChain = chain === '' ? node.nodeName : `${node.nodeName}->${chain}`;
  if (node.parents.length === 0) {
    throw fail(`Window close time is only defined for windowed computations. Got [${newChain}].`);
  }
  let inherited = -1;
  for (const p of node.parents) inherited = Math.max(inherited, findWindowGrace(p, newChain, fail));
  return inherited;
}

/** InternalStreamsBuilder#mergeDuplicateSourceNodes: two stream() calls on the same topics share one source. */
function mergeDuplicateSources(root: GNode): void {
  const byTopic = new Map<string, GNode>();
  for (const child of [...root.children]) {
    const topics = (child as GNode & { topics?: string[] }).topics;
    if (!topics) continue;
    let main: GNode | undefined;
    for (const t of topics) {
      const m = byTopic.get(t);
      if (m === undefined) continue;
      const mt = (m as GNode & { topics?: string[] }).topics!;
      if (mt.length !== topics.length || !mt.every((x) => topics.includes(x))) {
        throw new TopologyError('Two source nodes are subscribed to overlapping but not equal input topics');
      }
      main = m;
    }
    if (main) {
      for (const c of child.children) {
        c.parents = c.parents.map((p) => (p === child ? main! : p));
        if (!main.children.includes(c)) main.children.push(c);
      }
      child.children = [];
      child.parents = [];
      root.children = root.children.filter((c) => c !== child);
    } else for (const t of topics) byTopic.set(t, child);
  }
}
