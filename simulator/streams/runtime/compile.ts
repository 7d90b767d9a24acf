// Compiles a topology once (per object identity) into linked processor nodes with their processing functions;
// the JSON topology stays the source of truth.

import { ExprError } from '../expr/exprEval';
import { decorateTopic } from '../topology/naming';
import type { Topology } from '../topology/types';
import { type Exec, keyText, type Rec, StreamsProcessingError } from './exec';
import type { CNode, Run } from './node';
import { aggregateRun } from './processors/aggregates';
import { foreignKeyJoinRun, responsePartition } from './processors/foreignKeyJoin';
import { joinRun } from './processors/joins';
import { statelessRun } from './processors/stateless';
import { tableRun } from './processors/tables';
import type { FlushFn } from './recordCache';

export type CompiledTopology = {
  nodes: Map<string, CNode>;
  /** Sub-topology of each node. */
  subtopologyOf: Map<string, number>;
  /** How a cached store's entry is flushed (written through and forwarded). */
  flushers: Map<string, FlushFn>;
  /** Source node by topic as the broker names it: external topics as is, internal ones decorated. */
  sourceFor: (topic: string, applicationId: string) => { node: CNode; decodeChange: boolean } | null;
};

const cache = new WeakMap<Topology, CompiledTopology>();

export function compileTopology(t: Topology): CompiledTopology {
  const hit = cache.get(t);
  if (hit) return hit;
  const nodes = new Map<string, CNode>();
  for (const name of t.order) nodes.set(name, { name, children: [], run: () => {} });
  const retentionOf = (store: string) => t.stores[store]?.retentionMs ?? Number.MAX_SAFE_INTEGER;
  const flushers = new Map<string, FlushFn>();
  for (const name of t.order) {
    const def = t.nodes[name];
    const n = nodes.get(name)!;
    if (def.kind !== 'sink') n.children = def.children.map((c) => nodes.get(c)!);
    let run: Run | null;
    if (def.kind === 'source') run = (x, r) => forwardAll(x, n, r);
    else if (def.kind === 'sink')
      run = sinkRun(
        t,
        def.name,
        def.topic,
        def.parents.some((p) => isTableSelect(t, p)),
        def.partitioner === 'primaryPartition',
      );
    else {
      const op = def.op;
      run =
        statelessRun(n, op) ??
        aggregateRun(n, op, retentionOf, flushers) ??
        tableRun(n, op, flushers) ??
        joinRun(n, op, retentionOf) ??
        foreignKeyJoinRun(n, op);
      if (run === null) throw new Error(`no runtime for ${op.t}`);
    }
    n.run = guard(name, run);
  }
  const sources = new Map<string, { node: CNode; decodeChange: boolean; internal: boolean }>();
  for (const name of t.order) {
    const def = t.nodes[name];
    if (def.kind !== 'source') continue;
    const decodeChange = def.children.some((c) => {
      const child = t.nodes[c];
      return child.kind === 'processor' && child.op.t === 'tableAggregate';
    });
    for (const topic of def.topics)
      sources.set(topic, { node: nodes.get(name)!, decodeChange, internal: !!t.internalTopics[topic] });
  }
  const subtopologyOf = new Map<string, number>();
  for (const sub of t.subtopologies) for (const n of sub.nodes) subtopologyOf.set(n, sub.id);
  const compiled: CompiledTopology = {
    nodes,
    subtopologyOf,
    flushers,
    sourceFor: (topic, app) => {
      const direct = sources.get(topic);
      if (direct && !direct.internal) return direct;
      const prefix = `${app}-`;
      if (topic.startsWith(prefix)) {
        const internal = sources.get(topic.slice(prefix.length));
        if (internal?.internal) return internal;
      }
      return null;
    },
  };
  cache.set(t, compiled);
  return compiled;
}

function forwardAll(x: Exec, n: CNode, r: Rec): void {
  for (const c of n.children) c.run(x, r);
}

function isTableSelect(t: Topology, node: string): boolean {
  const def = t.nodes[node];
  return def.kind === 'processor' && def.op.t === 'tableSelect';
}

/** A table change crosses a repartition topic as one record (ChangedSerializer); here as JSON text. */
export function encodeChange(newValue: string | null, oldValue: string | null): string {
  return JSON.stringify({ newValue, oldValue });
}

export function decodeChange(value: string | null): { newValue: string | null; oldValue: string | null } {
  if (value === null) return { newValue: null, oldValue: null };
  try {
    const o = JSON.parse(value) as { newValue?: string | null; oldValue?: string | null };
    return { newValue: o.newValue ?? null, oldValue: o.oldValue ?? null };
  } catch {
    return { newValue: value, oldValue: null };
  }
}

function sinkRun(t: Topology, name: string, topic: string, change: boolean, toPrimary: boolean): Run {
  const internal = !!t.internalTopics[topic];
  return (x, r) => {
    const partition = toPrimary ? responsePartition(r.value) : undefined;
    x.outputs.push({
      ...(partition !== undefined ? { partition } : {}),
      topic: internal ? decorateTopic(x.app, topic) : topic,
      key: keyText(r.key),
      value: change ? encodeChange(r.value, r.old) : r.value,
      timestamp: r.ts,
      node: name,
      internal,
    });
  };
}

/** Expression failures surface as a processing error of the node (the stream thread would die). */
function guard(name: string, run: Run): Run {
  return (x, r) => {
    try {
      run(x, r);
    } catch (e) {
      if (e instanceof ExprError) throw new StreamsProcessingError(`${name}: ${e.message}`, name);
      throw e;
    }
  };
}
