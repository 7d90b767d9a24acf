// MirrorSourceConnector's topic housekeeping: creating a remote topic for a source topic (at the start, and for
// topics found by refreshTopicPartitions every refresh.topics.interval.seconds), and syncTopicConfigs (every
// sync.topic.configs.interval.seconds) copying the source topics' configs to their remote topics through
// DefaultConfigPropertyFilter.
import type { Ctx } from '../engine/context';
import type { KafkaError } from '../engine/registry';
import { createTopicInternal, tpKey } from '../extend';
import { flowCtx, flowPolicy, mirroredTopics } from './mirrorClusters';
import { emptySyncStore, initialPartitionSyncState, markReadToEnd } from './offsetSyncs';
import type { MirrorFlow, MirrorPartition } from './types';

/** Topic configs MM2's DefaultConfigPropertyFilter never copies to the remote topic. */
export const CONFIGS_NOT_SYNCED = new Set([
  'follower.replication.throttled.replicas',
  'leader.replication.throttled.replicas',
  'message.timestamp.difference.max.ms',
  'message.timestamp.type',
  'unclean.leader.election.enable',
  'min.insync.replicas',
]);

/** refresh.topics.interval.seconds and sync.topic.configs.interval.seconds default: 10 minutes (MirrorSourceConfig). */
export const DEFAULT_REFRESH_INTERVAL_MS = 600_000;

/** The source topic's configs a remote topic gets (DefaultConfigPropertyFilter#shouldReplicateConfigProperty). */
export function syncedConfigs(configs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(configs).filter(([k]) => !CONFIGS_NOT_SYNCED.has(k)));
}

/**
 * Mirror `topic` of the source: its remote topic on the target (created with the source's partition count,
 * replication.factor and synced configs, unless it exists) and one MirrorPartition per partition, reading from
 * the log start (MM2's source consumer has no committed offsets for a new partition: auto.offset.reset=earliest).
 */
export function mirrorTopic(
  source: Ctx,
  target: Ctx,
  flow: MirrorFlow,
  topic: string,
  replicationFactor: number,
): { ok: true; remoteTopic: string } | { ok: false; error: KafkaError } {
  const src = source.state.topics[topic];
  const remoteTopic = flowPolicy(flow).formatRemoteTopic(flow.source, topic);
  if (!target.state.topics[remoteTopic]) {
    const r = createTopicInternal(target, {
      topic: remoteTopic,
      partitions: src.partitions.length,
      replicationFactor,
      configs: syncedConfigs(src.configs),
    });
    if (!r.ok) return r;
  }
  for (const p of src.partitions) {
    const part: MirrorPartition = {
      topic,
      partition: p.partition,
      remoteTopic,
      position: p.leader === null ? 0 : p.replicaLogs[p.leader].log.logStartOffset,
      syncState: initialPartitionSyncState(),
      // The checkpoint task reads the (empty) offset-syncs topic to its end before it translates.
      store: markReadToEnd(emptySyncStore()),
      replicated: 0,
      runs: [],
    };
    flow.partitions[tpKey(topic, p.partition)] = part;
  }
  return { ok: true, remoteTopic };
}

/** The source topics the flow mirrors now (the filter, MirrorSourceConnector#shouldReplicateTopic). */
function topicsOf(source: Ctx, flow: MirrorFlow): string[] {
  return mirroredTopics(
    source,
    {
      source: flow.source,
      target: flow.target,
      topics: flow.topicsPattern,
      topicsExclude: flow.topicsExclude ?? '',
      separator: flow.separator ?? '.',
      policy: flow.policy ?? 'default',
    },
    flow.clusters === true,
  );
}

/**
 * MirrorSourceConnector#refreshTopicPartitions: topics created on the source since the last look (and matching
 * the filter) get their remote topic and are mirrored from their log start; until this runs, a new topic is not
 * replicated at all. Simplification: partitions added to a topic already mirrored are not picked up.
 */
export function refreshTopics(ctx: Ctx, flow: MirrorFlow): number {
  const source = flowCtx(ctx, flow, 'source');
  const target = flowCtx(ctx, flow, 'target');
  if (!source || !target) return 0;
  const known = new Set(Object.values(flow.partitions).map((p) => p.topic));
  const added: string[] = [];
  for (const topic of topicsOf(source, flow)) {
    if (known.has(topic)) continue;
    const r = mirrorTopic(source, target, flow, topic, flow.replicationFactor ?? 2);
    if (r.ok) added.push(`${topic} → ${r.remoteTopic}`);
  }
  if (added.length === 0) return 0;
  ctx.root.emit(
    'mirrorTopicsRefreshed',
    `refresh.topics: MirrorSourceConnector found new topic${added.length === 1 ? '' : 's'} on ${flow.source} and now mirrors ${added.join(', ')} from the log start`,
    { flow: flow.name, topics: added.map((a) => a.split(' → ')[0]) },
  );
  return added.length;
}

/**
 * MirrorSourceConnector#syncTopicConfigs: each mirrored topic's configs (minus DefaultConfigPropertyFilter's
 * exclusions) are written to its remote topic, so a retention change on the source reaches the target at the
 * next sync, not at once.
 */
export function syncTopicConfigs(ctx: Ctx, flow: MirrorFlow): void {
  const source = flowCtx(ctx, flow, 'source');
  const target = flowCtx(ctx, flow, 'target');
  if (!source || !target) return;
  const seen = new Set<string>();
  for (const p of Object.values(flow.partitions)) {
    if (seen.has(p.topic)) continue;
    seen.add(p.topic);
    const src = source.state.topics[p.topic];
    const dst = target.state.topics[p.remoteTopic];
    if (!src || !dst) continue;
    const wanted = syncedConfigs(src.configs);
    const changed = Object.keys({ ...wanted, ...syncedConfigs(dst.configs) }).filter(
      (k) => wanted[k] !== dst.configs[k],
    );
    if (changed.length === 0) continue;
    // Keys the filter excludes stay as the target has them (an operator's own min.insync.replicas).
    const kept = Object.fromEntries(Object.entries(dst.configs).filter(([k]) => CONFIGS_NOT_SYNCED.has(k)));
    dst.configs = { ...kept, ...wanted };
    ctx.root.emit(
      'mirrorTopicConfigsSynced',
      `sync.topic.configs: ${p.remoteTopic} on ${flow.target} now has ${p.topic}'s ${changed.map((k) => (k in wanted ? `${k}=${wanted[k]}` : `${k} (removed)`)).join(', ')}`,
      { flow: flow.name, topic: p.remoteTopic, configs: changed },
    );
  }
}
