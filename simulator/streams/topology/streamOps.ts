// KStream operations of the DSL builder (KStreamImpl, BranchedKStreamImpl): each consumes the counter values
// the Java method consumes, and key-changing ones mark the stream for repartitioning.

import type { OpAst } from '../dsl/dslAst';
import { type Builder, kindName, kvStore, union } from './dslBuilder';
import type { DslObj, StreamObj, TableObj } from './graph';
import { applyJoin } from './joinOps';
import { P } from './naming';

export function streamOp(b: Builder, s: StreamObj, op: OpAst): DslObj | null {
  switch (op.k) {
    case 'filter': {
      const name = b.names.orElseGenerate(op.as?.text, P.FILTER);
      const node = b.processor(name, s.node, () => ({ t: 'filter', pred: op.pred, not: op.not }));
      return b.stream(s, name, node);
    }
    case 'map': {
      const name = b.names.orElseGenerate(op.as?.text, P.MAP);
      const node = b.processor(name, s.node, () => ({ t: 'map', key: op.key, value: op.value }));
      return b.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
    }
    case 'mapValues': {
      const name = b.names.orElseGenerate(op.as?.text, P.MAPVALUES);
      const node = b.processor(name, s.node, () => ({ t: 'mapValues', value: op.value }));
      return b.stream(s, name, node);
    }
    case 'flatMap': {
      const name = b.names.orElseGenerate(op.as?.text, P.FLATMAP);
      const node = b.processor(name, s.node, () => ({
        t: 'flatMap',
        list: op.list,
        key: op.key,
        value: op.value,
      }));
      return b.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
    }
    case 'flatMapValues': {
      const name = b.names.orElseGenerate(op.as?.text, P.FLATMAPVALUES);
      const node = b.processor(name, s.node, () => ({ t: 'flatMapValues', list: op.list }));
      return b.stream(s, name, node);
    }
    case 'selectKey': {
      const name = b.names.orElseGenerate(op.as?.text, P.KEY_SELECT);
      const node = b.processor(name, s.node, () => ({ t: 'selectKey', key: op.key }));
      return b.stream(s, name, node, { repartitionRequired: true, keyWindowed: false });
    }
    case 'peek': {
      const name = b.names.orElseGenerate(op.as?.text, P.PEEK);
      const node = b.processor(name, s.node, () => ({ t: 'peek' }));
      return b.stream(s, name, node);
    }
    case 'split':
      split(b, s, op);
      return null;
    case 'merge': {
      const other = b.vars.get(op.other.text);
      if (!other) throw b.err(op.other, `unknown name '${op.other.text}'`, op.other.text);
      if (other.kind !== 'stream') {
        throw b.err(
          op.other,
          `merge needs a KStream, '${op.other.text}' is a ${kindName(other)}`,
          op.other.text,
        );
      }
      const name = b.names.orElseGenerate(op.as?.text, P.MERGE);
      const node = b.processor(name, [s.node, other.node], () => ({ t: 'passThrough', role: 'merge' }));
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
      const name = op.as?.text ?? b.names.newProcessorName(P.REPARTITION);
      const r = b.repartitionNode(name, s.node);
      return {
        ...b.stream(s, r.sourceName, r.node),
        repartitionRequired: false,
        sourceNodes: [r.sourceName],
      };
    }
    case 'to': {
      const name = b.names.orElseGenerate(op.as?.text, P.SINK);
      const topic = op.topic.text;
      const node = b.node(name, (w, parents) => w.addSink(name, topic, parents));
      b.add(s.node, node);
      return null;
    }
    case 'toTable':
      return toTable(b, s, op);
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
        throw b.err(
          op,
          'KStream#groupBy selects only the new key: change the value with mapValues first',
          'groupBy',
        );
      }
      // internalSelectKey named by Grouped.as: the select processor takes the grouping name.
      const name = b.names.orElseGenerate(op.as?.text, P.KEY_SELECT);
      const node = b.processor(name, s.node, () => ({ t: 'selectKey', key: op.key }));
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
      return applyJoin(b, s, op);
    case 'toStream':
      throw b.notAvailable(s, op, 'it is already a stream');
    case 'count':
    case 'reduce':
    case 'aggregate':
      throw b.notAvailable(s, op, `group it first: ... | groupByKey | ${op.k} (or groupBy <new key>)`);
    case 'windowedBy':
      throw b.notAvailable(s, op, 'group it first: ... | groupByKey | windowedBy ...');
    case 'suppress':
      throw b.notAvailable(s, op, 'suppress works on a KTable, e.g. after a windowed count');
  }
}

export function split(b: Builder, s: StreamObj, op: OpAst & { k: 'split' }): void {
  const splitter = b.names.orElseGenerate(op.as?.text, P.BRANCH);
  b.splitters.set(op, splitter);
  const children: string[] = [];
  const preds = op.branches.map((br) => br.pred);
  const splitNode = b.processor(splitter, s.node, () => ({ t: 'branch', preds, children }));
  const branches = [...op.branches.map((br) => br.as), ...(op.defaultBranch ? [op.defaultBranch] : [])].map(
    (as) => ({
      name: as.text,
      as,
    }),
  );
  const seen = new Set<string>();
  for (const br of branches) {
    if (seen.has(br.name)) throw b.err(br.as, `branch name '${br.name}' is used twice`, br.name);
    seen.add(br.name);
    const child = splitter + br.name;
    children.push(child);
    // BranchedKStreamImpl#createBranch burns a counter value for every branch.
    b.names.newProcessorName(child);
    const node = b.processor(child, splitNode, () => ({ t: 'passThrough', role: 'branchChild' }));
    b.vars.set(br.name, b.stream(s, child, node));
  }
}

export function toTable(b: Builder, s: StreamObj, op: OpAst & { k: 'toTable' }): TableObj {
  const name = b.names.newProcessorName(P.TO_KTABLE);
  const storeName = op.as?.text ?? b.names.newStoreName(P.TO_KTABLE);
  let parent = s.node;
  let sourceNodes = s.sourceNodes;
  if (s.repartitionRequired) {
    const r = b.repartitionNode(name, s.node);
    parent = r.node;
    sourceNodes = [r.sourceName];
  }
  const sup = {
    k: 'source' as const,
    storeName,
    queryable: op.as ? storeName : null,
    sendOldValues: false,
  };
  const node = b.node(name, (w, parents) => {
    w.addProcessor(
      name,
      { t: 'tableSource', store: sup.queryable, sendOldValues: sup.sendOldValues },
      parents,
    );
    if (sup.queryable !== null) w.addStateStore(kvStore(storeName), name);
  });
  b.add(parent, node);
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
