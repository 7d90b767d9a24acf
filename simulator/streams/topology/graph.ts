// The logical graph StreamsBuilder keeps before build() (kstream/internals/graph): every DSL call adds a graph
// node with a build priority; build() writes the nodes to the topology builder in priority order. The DSL-level
// objects (KStream, KTable, grouped and windowed streams) live here only while a program is being built.

import type { Expr } from '../expr/exprAst';
import type { TopologyWriter } from './topologyWriter';
import type { ValueGetter } from './types';

export type GNode = {
  /** GraphNode#nodeName: used as the predecessor name of child processors and in grace-search errors. */
  nodeName: string;
  parents: GNode[];
  children: GNode[];
  priority: number;
  write: (w: TopologyWriter, parentNames: string[]) => void;
  /** Window aggregations record their grace here (GraphGraceSearchUtil#extractGracePeriod). */
  grace?: number;
};

export type WindowDef =
  | { k: 'time'; sizeMs: number; advanceMs: number; graceMs: number }
  | { k: 'sliding'; diffMs: number; graceMs: number }
  | { k: 'session'; gapMs: number; graceMs: number };

export type StreamObj = {
  kind: 'stream';
  name: string;
  node: GNode;
  repartitionRequired: boolean;
  sourceNodes: string[];
  keyWindowed: boolean;
  /** KStreamImpl#repartitionNode: a key-changed stream joined twice reuses its repartition topic. */
  joinRepartition?: { name: string; node: GNode; sourceName: string };
};

export type TableObj = {
  kind: 'table';
  name: string;
  node: GNode;
  sourceNodes: string[];
  queryableStore: string | null;
  sup: TableSupplier;
  /** KTableImpl#sendOldValues. */
  sendOldValues: boolean;
  keyWindowed: boolean;
};

export type GlobalTableObj = { kind: 'globalTable'; store: string };

export type GroupedStreamObj = {
  kind: 'groupedStream';
  name: string;
  node: GNode;
  repartitionRequired: boolean;
  sourceNodes: string[];
  groupedName?: string;
  repartitionNode: GNode | null;
};

export type WindowedStreamObj = { kind: 'windowedStream'; grouped: GroupedStreamObj; window: WindowDef };

export type GroupedTableObj = {
  kind: 'groupedTable';
  name: string;
  node: GNode;
  sourceNodes: string[];
  groupedName?: string;
  repartitionNode: GNode | null;
};

export type DslObj =
  | StreamObj
  | TableObj
  | GlobalTableObj
  | GroupedStreamObj
  | WindowedStreamObj
  | GroupedTableObj;

/** The processor supplier behind a KTable, with the mutable flags build() reads at the end. */
export type TableSupplier =
  | { k: 'source'; storeName: string; queryable: string | null; sendOldValues: boolean }
  | { k: 'agg'; storeName: string; sendOldValues: boolean }
  | { k: 'tableAgg'; storeName: string; sendOldValues: boolean }
  | { k: 'filter'; parent: TableObj; pred: Expr; not: boolean; sendOldValues: boolean }
  | { k: 'mapValues'; parent: TableObj; value: Expr; sendOldValues: boolean }
  | {
      k: 'merger';
      kind: 'inner' | 'left' | 'outer';
      left: TableObj;
      right: TableObj;
      joiner: Expr;
      joinThis: { sendOldValues: boolean };
      joinOther: { sendOldValues: boolean };
      sendOldValues: boolean;
    }
  | { k: 'suppress'; parent: TableObj; store: string };

/** KTableImpl#enableSendingOldValues(forceMaterialization). */
export function enableSendingOldValues(t: TableObj, force: boolean): boolean {
  if (t.sendOldValues) return true;
  const s = t.sup;
  switch (s.k) {
    case 'source':
      if (!force && s.queryable === null) return false;
      // KTableSource#enableSendingOldValues materializes the source store.
      s.sendOldValues = true;
      s.queryable = s.storeName;
      break;
    case 'agg':
      s.sendOldValues = true;
      break;
    default:
      if (!supplierEnable(s, force)) return false;
  }
  t.sendOldValues = true;
  return true;
}

function supplierEnable(s: TableSupplier, force: boolean): boolean {
  switch (s.k) {
    case 'tableAgg':
      s.sendOldValues = true;
      return true;
    case 'filter':
    case 'mapValues':
      if (enableSendingOldValues(s.parent, force)) s.sendOldValues = true;
      return s.sendOldValues;
    case 'merger':
      // KTableKTableJoinMerger: table-table joins require upstream materialization.
      enableSendingOldValues(s.left, true);
      enableSendingOldValues(s.right, true);
      s.joinThis.sendOldValues = true;
      s.joinOther.sendOldValues = true;
      s.sendOldValues = true;
      return true;
    case 'suppress':
      return enableSendingOldValues(s.parent, force);
    default:
      return true;
  }
}

/** KTableImpl#valueGetterSupplier: how another processor reads this table; materializes a source table. */
export function valueGetterOf(t: TableObj): ValueGetter | { error: string } {
  const s = t.sup;
  switch (s.k) {
    case 'source':
      s.queryable = s.storeName;
      return { t: 'store', store: s.storeName };
    case 'agg':
    case 'tableAgg':
      return { t: 'store', store: s.storeName };
    case 'filter': {
      const p = valueGetterOf(s.parent);
      return 'error' in p ? p : { t: 'filter', parent: p, pred: s.pred, not: s.not };
    }
    case 'mapValues': {
      const p = valueGetterOf(s.parent);
      return 'error' in p ? p : { t: 'mapValues', parent: p, value: s.value };
    }
    case 'merger': {
      const l = valueGetterOf(s.left);
      if ('error' in l) return l;
      const r = valueGetterOf(s.right);
      if ('error' in r) return r;
      return { t: 'join', kind: s.kind, left: l, right: r, joiner: s.joiner };
    }
    case 'suppress':
      return { error: 'reading a suppressed KTable from a join is not modelled by the simulation' };
  }
}

export function getterStores(g: ValueGetter, out: string[] = []): string[] {
  switch (g.t) {
    case 'store':
      if (!out.includes(g.store)) out.push(g.store);
      break;
    case 'filter':
    case 'mapValues':
      getterStores(g.parent, out);
      break;
    case 'join':
      getterStores(g.left, out);
      getterStores(g.right, out);
      break;
  }
  return out;
}
