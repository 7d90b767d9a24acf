// What the consumer area does when the cluster changes: subscribed topics' metadata triggers a rebalance,
// and a moving high watermark adds a lag sample.
import { tpKey } from '../cluster/topicPartition';
import type { Ctx } from '../engine/context';
import { type Hook, on } from '../engine/registry';
import { awaitLeaderRefresh } from './client/consumerMetadata';
import { prepareRebalance } from './group/coordinator';
import { settleGroup } from './groupTimer';
import { recordLagSample } from './offsets/lag';

/**
 * The group leader watches the metadata of the subscribed topics; when a topic appears, disappears or
 * gains partitions it asks for a rebalance (ConsumerCoordinator: "cached metadata has changed").
 * Added partitions wait for the leader's next metadata refresh (client/consumerMetadata.ts). A subscribed topic
 * that is missing or deleted makes the client's metadata requests fail with UNKNOWN_TOPIC_OR_PARTITION, an
 * InvalidMetadataException that asks for a new update after retry.backoff.ms (Metadata#handleMetadataResponse),
 * so those changes are noticed within about a second; the simulation reacts to them at once.
 */
function onSubscribedTopicChange(ctx: Ctx, topic: string, what: string, only?: readonly string[]): void {
  for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
    const g = rec.group;
    if (only && !only.includes(groupId)) continue;
    // Real clients' leaders watch metadata themselves and rejoin (kafka-sim --listen): nothing to do here
    if (rec.wire) continue;
    // A Streams application's group rebalances through the Streams area (its leader plans the internal topics)
    if (rec.streams) continue;
    // A sink connector's group follows its tasks through the Connect area
    if (rec.connect) continue;
    if (g.state !== 'Stable' || !g.members.some((m) => m.topics.includes(topic))) continue;
    prepareRebalance(ctx, g, ctx.now, `metadata of subscribed topic ${topic} changed (${what})`);
    settleGroup(ctx, groupId);
  }
}

export const consumerHooks: readonly Hook[] = [
  on('topicCreated', (ctx, ev) =>
    onSubscribedTopicChange(ctx, ev.topic, `created with ${ev.partitions} partitions`),
  ),
  on('partitionsAdded', (ctx, ev) => {
    // Groups whose leader is no simulated client (none today) fall back to reacting at once.
    const unattended = awaitLeaderRefresh(ctx, ev.topic, ev.from, ev.to);
    if (unattended.length > 0)
      onSubscribedTopicChange(ctx, ev.topic, `partitions ${ev.from} -> ${ev.to}`, unattended);
  }),
  on('topicDeleted', (ctx, ev) => onSubscribedTopicChange(ctx, ev.topic, 'deleted')),
  // Lag over time: sample every group that has committed offsets on a partition whose HW moved.
  on('highWatermarkAdvanced', (ctx, ev) => {
    const key = tpKey(ev.topic, ev.partition);
    for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
      if (rec.offsets[key]) recordLagSample(ctx, groupId);
    }
  }),
];
