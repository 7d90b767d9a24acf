// An application's compiled topology, built once per DSL text (buildTopology is deterministic, so the state
// keeps only the text and a replay rebuilds the same topology).
import { type BuildResult, buildTopology } from '../topology/dslBuilder';
import { decorateTopic } from '../topology/naming';
import type { Topology } from '../topology/types';

const built = new Map<string, BuildResult>();

export function buildOnce(dsl: string): BuildResult {
  let b = built.get(dsl);
  if (!b) {
    b = buildTopology(dsl);
    if (built.size > 200) built.clear();
    built.set(dsl, b);
  }
  return b;
}

export function topologyOf(dsl: string): Topology {
  const b = buildOnce(dsl);
  if (!b.ok) throw new Error('a stored Streams application has an invalid DSL');
  return b.topology;
}

/** Undecorated internal topic names (repartition and changelog) of a topology. */
export function internalNames(t: Topology): Set<string> {
  return new Set(Object.values(t.internalTopics).map((i) => i.name));
}

/** The name the broker knows a topology topic by (internal topics get the application.id prefix). */
export function brokerTopic(applicationId: string, t: Topology, name: string): string {
  return internalNames(t).has(name) ? decorateTopic(applicationId, name) : name;
}

/** The source node reading `topic` (undecorated), for the topology view's counts. */
export function sourceNodeOf(t: Topology, topic: string): string | undefined {
  for (const name of t.order) {
    const n = t.nodes[name];
    if (n.kind === 'source' && n.topics.includes(topic)) return name;
  }
  return undefined;
}
