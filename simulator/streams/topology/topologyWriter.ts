// The InternalTopologyBuilder part: receives processor nodes in build order, groups them into sub-topologies
// (nodes connected by an edge or by a shared state store end up together; repartition topics cut the graph
// because their sink and source are not connected) and numbers the groups in the order their first node arrived.

import { internalTopicConfigs } from './internalTopics';
import { CHANGELOG_SUFFIX } from './naming';
import type {
  GlobalStoreDesc,
  InternalTopicSpec,
  ProcOp,
  StoreSpec,
  Subtopology,
  Topology,
  TopologyNode,
} from './types';

/** org.apache.kafka.streams.errors.TopologyException: "Invalid topology: ..." */
export class TopologyError extends Error {
  constructor(message: string) {
    super(`Invalid topology: ${message}`);
  }
}

class UnionFind {
  private parent = new Map<string, string>();

  add(x: string): void {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }

  root(x: string): string {
    let r = x;
    while (this.parent.get(r) !== r) r = this.parent.get(r)!;
    let c = x;
    while (c !== r) {
      const n = this.parent.get(c)!;
      this.parent.set(c, r);
      c = n;
    }
    return r;
  }

  unite(a: string, b: string): void {
    const ra = this.root(a);
    const rb = this.root(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

export class TopologyWriter {
  readonly nodes = new Map<string, TopologyNode>();
  readonly order: string[] = [];
  readonly stores = new Map<string, StoreSpec & { users: string[] }>();
  readonly internalTopics = new Map<string, InternalTopicSpec>();
  private readonly topicToSource = new Map<string, string>();
  private readonly uf = new UnionFind();
  private readonly globalSources = new Set<string>();
  private readonly globalStores: Array<Omit<GlobalStoreDesc, 'id'>> = [];
  readonly copartitionSourceGroups: string[][] = [];

  private addNode(node: TopologyNode): void {
    if (this.nodes.has(node.name)) throw new TopologyError(`Processor ${node.name} is already added.`);
    this.nodes.set(node.name, node);
    this.order.push(node.name);
    this.uf.add(node.name);
  }

  private predecessorsOf(name: string, parents: string[]): void {
    for (const p of parents) {
      const parent = this.nodes.get(p);
      if (!parent) throw new TopologyError(`Predecessor processor ${p} is not added yet for ${name}`);
      if (parent.kind === 'sink') throw new TopologyError(`Sink ${p} cannot be used a parent.`);
      parent.children.push(name);
      this.uf.unite(name, p);
    }
  }

  addSource(name: string, topics: string[], global = false): void {
    for (const t of topics) {
      if (this.topicToSource.has(t))
        throw new TopologyError(`Topic ${t} has already been registered by another source.`);
    }
    this.addNode({
      kind: 'source',
      name,
      topics: [...topics],
      children: [],
      ...(global ? { global: true } : {}),
    });
    for (const t of topics) this.topicToSource.set(t, name);
    if (global) this.globalSources.add(name);
  }

  addProcessor(name: string, op: ProcOp, parents: string[]): void {
    this.addNode({ kind: 'processor', name, parents: [...parents], children: [], stores: [], op });
    this.predecessorsOf(name, parents);
  }

  addSink(name: string, topic: string, parents: string[], partitioner?: 'primaryPartition'): void {
    this.addNode({
      kind: 'sink',
      name,
      parents: [...parents],
      topic,
      ...(partitioner ? { partitioner } : {}),
    });
    this.predecessorsOf(name, parents);
  }

  addInternalTopic(name: string, kind: 'repartition'): void {
    this.internalTopics.set(name, { name, kind, configs: internalTopicConfigs({ kind }) });
  }

  addStateStore(spec: StoreSpec, ...processors: string[]): void {
    if (this.stores.has(spec.name))
      throw new TopologyError(`A different StateStore has already been added with the name ${spec.name}`);
    this.stores.set(spec.name, { ...spec, users: [] });
    for (const p of processors) this.connect(p, spec.name);
  }

  connect(processor: string, store: string): void {
    const s = this.stores.get(store);
    if (!s) throw new TopologyError(`StateStore ${store} is not added yet.`);
    const node = this.nodes.get(processor);
    if (node?.kind !== 'processor') throw new TopologyError(`Processor ${processor} is not added yet.`);
    if (s.users.length > 0) this.uf.unite(s.users[0], processor);
    if (!s.users.includes(processor)) s.users.push(processor);
    if (!node.stores.includes(store)) node.stores.push(store);
  }

  addGlobalStore(
    spec: StoreSpec,
    sourceName: string,
    topic: string,
    processorName: string,
    op: ProcOp,
  ): void {
    this.addSource(sourceName, [topic], true);
    this.addProcessor(processorName, op, [sourceName]);
    this.stores.set(spec.name, { ...spec, users: [processorName] });
    const node = this.nodes.get(processorName) as { stores: string[] };
    node.stores.push(spec.name);
    this.globalStores.push({ source: sourceName, processor: processorName, store: spec.name, topic });
  }

  copartition(sourceNodes: string[]): void {
    this.copartitionSourceGroups.push([...sourceNodes]);
  }

  /** Node groups in the order of their first node (InternalTopologyBuilder#makeNodeGroups). */
  private nodeGroups(): string[][] {
    const byRoot = new Map<string, string[]>();
    const groups: string[][] = [];
    for (const name of this.order) {
      const r = this.uf.root(name);
      let g = byRoot.get(r);
      if (!g) {
        g = [];
        byRoot.set(r, g);
        groups.push(g);
      }
      g.push(name);
    }
    return groups;
  }

  build(): Topology {
    const subtopologies: Subtopology[] = [];
    const globalStores: GlobalStoreDesc[] = [];
    const groups = this.nodeGroups();
    groups.forEach((names, id) => {
      const global = names.find((n) => this.globalSources.has(n));
      if (global) {
        const g = this.globalStores.find((s) => s.source === global)!;
        globalStores.push({ id, ...g });
        return;
      }
      const sourceTopics: string[] = [];
      const sinkTopics: string[] = [];
      const stores: string[] = [];
      for (const n of names) {
        const node = this.nodes.get(n)!;
        if (node.kind === 'source') sourceTopics.push(...node.topics);
        else if (node.kind === 'sink') sinkTopics.push(node.topic);
        else for (const s of node.stores) if (!stores.includes(s)) stores.push(s);
      }
      subtopologies.push({ id, nodes: names, sourceTopics, sinkTopics, stores });
    });

    const storeSpecs: Record<string, StoreSpec> = {};
    const internalTopics: Record<string, InternalTopicSpec> = {};
    for (const [name, t] of this.internalTopics) internalTopics[name] = t;
    for (const [name, { users: _users, ...spec }] of this.stores) {
      storeSpecs[name] = spec;
      if (spec.logging && !spec.global) {
        const topic = name + CHANGELOG_SUFFIX;
        internalTopics[topic] = {
          name: topic,
          kind: 'changelog',
          configs: internalTopicConfigs({ kind: 'changelog', store: spec }),
          store: name,
        };
      }
    }

    const nodes: Record<string, TopologyNode> = {};
    for (const n of this.order) nodes[n] = this.nodes.get(n)!;

    const copartitionGroups = this.copartitionSourceGroups.map((g) => {
      const topics: string[] = [];
      for (const s of g) {
        const node = this.nodes.get(s);
        if (node?.kind === 'source') for (const t of node.topics) if (!topics.includes(t)) topics.push(t);
      }
      return topics.sort();
    });

    const inputTopics: string[] = [];
    const outputTopics: string[] = [];
    for (const n of this.order) {
      const node = this.nodes.get(n)!;
      if (node.kind === 'source')
        for (const t of node.topics) if (!internalTopics[t] && !inputTopics.includes(t)) inputTopics.push(t);
      if (node.kind === 'sink' && !internalTopics[node.topic] && !outputTopics.includes(node.topic))
        outputTopics.push(node.topic);
    }

    return {
      nodes,
      order: [...this.order],
      subtopologies,
      globalStores,
      stores: storeSpecs,
      internalTopics,
      copartitionGroups: dedupeGroups(copartitionGroups),
      inputTopics,
      outputTopics,
    };
  }
}

function dedupeGroups(groups: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const g of groups) {
    const k = g.join('\u0000');
    if (g.length > 1 && !seen.has(k)) {
      seen.add(k);
      out.push(g);
    }
  }
  return out;
}
