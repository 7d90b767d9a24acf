// What the consumer area does when the cluster changes: subscribed topics' metadata triggers a rebalance,
// and a moving high watermark adds a lag sample.
import { tpKey } from '../cluster/topicPartition';
import type { Ctx } from '../engine/context';
import { type Hook, on } from '../engine/registry';
import { prepareRebalance } from './group/coordinator';
import { settleGroup } from './groupTimer';
import { recordLagSample } from './offsets/lag';

/**
 * The group leader watches the metadata of the subscribed topics; when a topic appears, disappears or
 * gains partitions it asks for a rebalance (ConsumerCoordinator: "cached metadata has changed").
 * Simplification: the real client notices on its next metadata refresh; the simulation reacts at once.
 */
function onSubscribedTopicChange(ctx: Ctx, topic: string, what: string): void {
  for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
    const g = rec.group;
    // Real clients' leaders watch metadata themselves and rejoin (kafka-sim --listen): nothing to do here
    if (rec.wire) continue;
    // A Streams application's group rebalances through the Streams area (its leader plans the internal topics)
    if (rec.streams) continue;
    if (g.state !== 'Stable' || !g.members.some((m) => m.topics.includes(topic))) continue;
    prepareRebalance(ctx, g, ctx.now, `metadata of subscribed topic ${topic} changed (${what})`);
    settleGroup(ctx, groupId);
  }
}

export const consumerHooks: readonly Hook[] = [
  on('topicCreated', (ctx, ev) =>
    onSubscribedTopicChange(ctx, ev.topic, `created with ${ev.partitions} partitions`),
  ),
  on('partitionsAdded', (ctx, ev) =>
    onSubscribedTopicChange(ctx, ev.topic, `partitions ${ev.from} -> ${ev.to}`),
  ),
  on('topicDeleted', (ctx, ev) => onSubscribedTopicChange(ctx, ev.topic, 'deleted')),
  // Lag over time: sample every group that has committed offsets on a partition whose HW moved.
  on('highWatermarkAdvanced', (ctx, ev) => {
    const key = tpKey(ev.topic, ev.partition);
    for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
      if (rec.offsets[key]) recordLagSample(ctx, groupId);
    }
  }),
];
