// Where a MirrorMaker 2 flow's two ends are: two clusters of the simulation (`east`, `west`), or the one
// cluster of a single-cluster simulation playing both regions (see types.ts), and what a lost region refuses.
import { clusterCtx, clusterNameOf } from '../clusters/index';
import type { Ctx } from '../engine/context';
import { type Guard, guard, type KafkaError } from '../engine/registry';
import { filterMatches } from './mm2Config';
import {
  defaultReplicationPolicy,
  identityReplicationPolicy,
  isHeartbeatsTopic,
  isInternalTopic,
  type ReplicationPolicy,
} from './replicationPolicy';
import type { MirrorFlow, MirrorState } from './types';

/** The mirror area's state: MM2 runs beside the clusters, so it lives in the simulation's first one. */
export const mirrorState = (ctx: Ctx): MirrorState => ctx.root.state.areas.mirror;

/** The context of a flow's source or target cluster (null: that cluster is gone). */
export function flowCtx(ctx: Ctx, flow: MirrorFlow, side: 'source' | 'target'): Ctx | null {
  if (!flow.clusters) return ctx.root;
  return clusterCtx(ctx.root, side === 'source' ? flow.source : flow.target);
}

/** The flow's replication.policy.class, configured for its source (IdentityReplicationPolicy needs it). */
export function flowPolicy(flow: {
  source: string;
  separator?: string;
  policy?: 'default' | 'identity';
}): ReplicationPolicy {
  return flow.policy === 'identity'
    ? identityReplicationPolicy(flow.source)
    : defaultReplicationPolicy(flow.separator ?? '.');
}

/**
 * MirrorSourceConnector#isCycle: a topic whose source (followed upstream) is the target is already there.
 * IdentityReplicationPolicy cannot tell (the upstream name is the name itself), so it never finds a cycle.
 */
export function isCycle(policy: ReplicationPolicy, topic: string, target: string): boolean {
  const source = policy.topicSource(topic);
  if (source === null) return false;
  if (source === target) return true;
  const upstream = policy.upstreamTopic(topic);
  if (upstream === null || upstream === topic) return false;
  return isCycle(policy, upstream, target);
}

/**
 * MirrorSourceConnector#shouldReplicateTopic: the topic filter's choice, or a heartbeats topic
 * (heartbeats.replication.enabled = true), and never an internal topic nor a cycle.
 */
export function shouldReplicateTopic(
  policy: ReplicationPolicy,
  topic: string,
  target: string,
  topicFilter: (topic: string) => boolean,
): boolean {
  return (
    (topicFilter(topic) || isHeartbeatsTopic(policy, topic)) &&
    !isInternalTopic(policy, topic) &&
    !isCycle(policy, topic, target)
  );
}

/**
 * Which topics of the source a flow replicates. Between two clusters: MirrorSourceConnector#shouldReplicateTopic
 * (the topic filter, or a heartbeats topic with heartbeats.replication.enabled = true; never an internal topic
 * nor a cycle). In one cluster: the filter minus MM2's own topics and the flow's own output.
 */
export function mirroredTopics(
  source: Ctx,
  flow: {
    source: string;
    target: string;
    topics: string;
    topicsExclude: string;
    separator: string;
    policy: 'default' | 'identity';
  },
  clusters: boolean,
): string[] {
  const topics = Object.values(source.state.topics).filter((t) => !t.internal);
  if (clusters) {
    const policy = flowPolicy(flow);
    const filter = (topic: string) => filterMatches(topic, flow.topics, flow.topicsExclude);
    return topics.filter((t) => shouldReplicateTopic(policy, t.name, flow.target, filter)).map((t) => t.name);
  }
  const policy = defaultReplicationPolicy(flow.separator);
  return (
    topics
      .filter((t) => filterMatches(t.name, flow.topics, flow.topicsExclude))
      .filter((t) => !policy.isMM2InternalTopic(t.name) && t.name !== policy.heartbeatsTopic())
      // In the single cluster, a topic already named after the source alias is this flow's own output.
      .filter((t) => policy.topicSource(t.name) !== flow.source)
      .map((t) => t.name)
  );
}

const regionOfTopic = (ctx: Ctx, topic: string): string | null => {
  for (const f of Object.values(mirrorState(ctx).flows))
    if (!f.clusters && Object.values(f.partitions).some((p) => p.topic === topic)) return f.source;
  return null;
};

const downError = (topic: string, region: string): KafkaError => ({
  code: 'TIMEOUT_EXCEPTION',
  message: `Topic ${topic} not present in metadata after 60000 ms. (region ${region} is down: no broker of its cluster answers)`,
});

/** Why a client of a lost region cannot reach its cluster, or null. */
export function regionDownError(ctx: Ctx, topics: readonly string[]): KafkaError | null {
  const down = mirrorState(ctx).downRegions;
  if (down.length === 0) return null; // the common case: costs nothing on every send
  const here = clusterNameOf(ctx);
  // Between clusters the whole cluster is gone; in one cluster, only the topics of the lost region.
  if (here !== null && down.includes(here)) return downError(topics[0] ?? '', here);
  for (const t of topics) {
    const region = regionOfTopic(ctx, t);
    if (region && down.includes(region)) return downError(t, region);
  }
  return null;
}

/** Groups the flow checkpoints (groups, groups.exclude). */
export const checkpointedGroup = (flow: MirrorFlow, groupId: string) =>
  filterMatches(groupId, flow.groups, flow.groupsExclude);

/** A lost region's clients cannot reach its cluster. */
export const mirrorGuards: readonly Guard[] = [
  guard('producerSend', (ctx, cmd) => regionDownError(ctx, [cmd.topic])),
  guard('producerSendMany', (ctx, cmd) => regionDownError(ctx, [cmd.topic])),
  guard('consumerCreate', (ctx, cmd) => regionDownError(ctx, cmd.config.topics)),
  guard('consumerPoll', (ctx, cmd) =>
    regionDownError(ctx, ctx.state.areas.consumers.consumers[cmd.name]?.config.topics ?? []),
  ),
];
