// Topology#describe() text, reproduced from InternalTopologyBuilder's TopologyDescription / SubtopologyDescription /
// AbstractNode toString methods. Nodes are listed by the size of the sub-graph below them (largest first), then by
// name. Successor and predecessor lists are TreeSets whose order is fixed when each edge is added, with the sizes
// known at that moment; edges are added while iterating a HashMap of node names, so that order is reproduced too.

import { javaHashOrder, javaStringHashCode } from '../../consumer/assignors/javaCompat';
import type { Topology } from './types';

type DNode = { name: string; size: number; preds: DNode[]; succs: DNode[]; text: (n: DNode) => string };

function compare(a: DNode, b: DNode): number {
  if (a === b) return 0;
  if (a.size !== b.size) return b.size - a.size;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** TreeSet#add with the comparator evaluated now (later size changes do not reorder the set). */
function insertSorted(set: DNode[], n: DNode): void {
  if (set.includes(n)) return;
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(n, set[mid]) > 0) lo = mid + 1;
    else hi = mid;
  }
  set.splice(lo, 0, n);
}

function updateSize(n: DNode, delta: number): void {
  n.size += delta;
  for (const p of n.preds) updateSize(p, delta);
}

function nodeNames(set: DNode[]): string {
  return set.length === 0 ? 'none' : set.map((n) => n.name).join(', ');
}

function hashSetOrder(items: string[]): string[] {
  return javaHashOrder(items, javaStringHashCode);
}

function describeSubtopology(t: Topology, id: number, names: string[]): string {
  const byName = new Map<string, DNode>();
  for (const name of names) {
    const node = t.nodes[name];
    let text: DNode['text'];
    if (node.kind === 'source') {
      text = (n) =>
        `Source: ${n.name} (topics: [${hashSetOrder(node.topics).join(', ')}])\n      --> ${nodeNames(n.succs)}`;
    } else if (node.kind === 'processor') {
      text = (n) =>
        `Processor: ${n.name} (stores: [${hashSetOrder(node.stores).join(', ')}])\n      --> ${nodeNames(n.succs)}\n      <-- ${nodeNames(n.preds)}`;
    } else {
      text = (n) => `Sink: ${n.name} (topic: ${node.topic})\n      <-- ${nodeNames(n.preds)}`;
    }
    byName.set(name, { name, size: 1, preds: [], succs: [], text });
  }
  // describeSubtopology iterates nodesByName.values() (a HashMap) and each node's predecessors in order.
  for (const name of hashSetOrder(names)) {
    const node = byName.get(name)!;
    const def = t.nodes[name];
    const parents = def.kind === 'source' ? [] : def.parents;
    for (const p of parents) {
      const pred = byName.get(p)!;
      insertSorted(node.preds, pred);
      insertSorted(pred.succs, node);
      updateSize(pred, node.size);
    }
  }
  const sorted = [...byName.values()].sort(compare);
  return `Sub-topology: ${id}\n${sorted.map((n) => `    ${n.text(n)}\n`).join('')}\n`;
}

function describeGlobalStore(g: Topology['globalStores'][number]): string {
  return (
    `Sub-topology: ${g.id} for global store (will not generate tasks)\n` +
    `    Source: ${g.source} (topics: [${g.topic}])\n      --> ${g.processor}\n` +
    `    Processor: ${g.processor} (stores: [${g.store}])\n      --> none\n      <-- ${g.source}\n`
  );
}

/** The exact text of Topology#describe().toString(). */
export function describeTopology(t: Topology, topologyName?: string): string {
  let out = topologyName === undefined ? 'Topologies:\n ' : `Topology: ${topologyName}:\n `;
  const subs = [...t.subtopologies].sort((a, b) => a.id - b.id);
  const globals = [...t.globalStores].sort((a, b) => a.id - b.id);
  let si = 0;
  let gi = 0;
  let expected = 0;
  while (si < subs.length && gi < globals.length) {
    out += '  ';
    if (subs[si].id === expected) out += describeSubtopology(t, subs[si].id, subs[si++].nodes);
    else out += describeGlobalStore(globals[gi++]);
    expected++;
  }
  while (si < subs.length) out += `  ${describeSubtopology(t, subs[si].id, subs[si++].nodes)}`;
  while (gi < globals.length) out += `  ${describeGlobalStore(globals[gi++])}`;
  return out;
}
