// Turns parsed DSL statements into a topology the way StreamsBuilder does: the same counter consumption per
// operation (KStreamImpl, KTableImpl, KGroupedStreamImpl, KGroupedTableImpl, *WindowedKStreamImpl,
// KStreamImplJoin, BranchedKStreamImpl), the same graph nodes and the same build() order, so every generated
// processor, store and internal topic name matches what the Java DSL would produce.

import type { OpAst, Pos, ProgramAst, SourceAst, StatementAst } from '../dsl/dslAst';
import { parseDsl } from '../dsl/dslParser';
import { DslError } from '../dsl/scanner';
import type { Expr } from '../expr/exprAst';
import { groupedStreamOp, groupedTableOp, windowedOp } from './aggregateOps';
import type { DslObj, GNode, StreamObj } from './graph';
import { isGeneratedName, NameCounter, P } from './naming';
import { streamOp } from './streamOps';
import { tableOp } from './tableOps';
import { TopologyError, TopologyWriter } from './topologyWriter';
import type { ProcOp, StoreSpec, Topology } from './types';

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

  notAvailable(o: DslObj, op: OpAst, hint: string): DslError {
    return this.err(op, `'${opWord(op)}' is not available on a ${kindName(o)}: ${hint}`, opWord(op));
  }

  apply(o: DslObj, op: OpAst): DslObj | null {
    if (o.kind === 'stream') return streamOp(this, o, op);
    if (o.kind === 'table') return tableOp(this, o, op);
    if (o.kind === 'groupedStream') return groupedStreamOp(this, o, op);
    if (o.kind === 'windowedStream') return windowedOp(this, o, op);
    if (o.kind === 'groupedTable') return groupedTableOp(this, o, op);
    throw this.notAvailable(o, op, 'a GlobalKTable can only be joined with');
  }

  stream(prev: StreamObj, name: string, node: GNode, patch: Partial<StreamObj> = {}): StreamObj {
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

export function union(a: string[], b: string[]): string[] {
  return [...a, ...b.filter((x) => !a.includes(x))];
}

function opWord(op: OpAst): string {
  if (op.k === 'filter') return op.not ? 'filterNot' : 'filter';
  if (op.k === 'join') return op.kind === 'inner' ? 'join' : op.kind === 'left' ? 'leftJoin' : 'outerJoin';
  return op.k;
}

/** GraphGraceSearchUtil#findAndVerifyWindowGrace. */
export function findWindowGrace(node: GNode, chain: string, fail: (m: string) => DslError): number {
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
