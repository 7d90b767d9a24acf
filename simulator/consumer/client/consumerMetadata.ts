// When a consumer group learns that a subscribed topic gained partitions. A consumer refreshes its metadata in the
// background every metadata.max.age.ms (300000 ms by default: "we force a refresh of metadata even if we haven't
// seen any partition leadership changes to proactively discover any new brokers or partitions",
// CommonClientConfigs). Only the group leader keeps the metadata it assigned with (ConsumerCoordinator's
// assignmentSnapshot, taken in onLeaderElected); when a refresh shows different partition counts,
// ConsumerCoordinator#rejoinNeededOrPending requests a rejoin ("cached metadata has changed") and the group
// rebalances. Until then the new partitions belong to no member.
// Simplified: the refresh runs on a fixed cadence from the consumer's creation (the Java client also refreshes
// after errors and leadership changes, which restarts the cadence), completes at once, and the leader's
// assignment uses the cluster's current partition counts.
import type { Ctx } from '../../engine/context';
import { prepareRebalance } from '../group/coordinator';
import type { ClassicGroup } from '../group/types';
import { settleGroup } from '../groupTimer';
import type { ConsumerClient } from '../types';

/** The first background refresh strictly after `now`. */
export function nextMetadataRefresh(c: ConsumerClient, now: number): number {
  const age = c.config.metadataMaxAgeMs;
  if (age <= 0) return now;
  return c.createdAt + (Math.floor((now - c.createdAt) / age) + 1) * age;
}

function leaderClient(ctx: Ctx, g: ClassicGroup): ConsumerClient | undefined {
  return Object.values(ctx.state.areas.consumers.consumers).find(
    (c) => c.status === 'running' && c.memberId !== null && c.memberId === g.leaderId,
  );
}

/** Partition counts the leader's snapshot and the cluster disagree on, for the group's subscribed topics. */
function changedCounts(
  ctx: Ctx,
  g: ClassicGroup,
): Array<{ topic: string; from: number | null; to: number | null }> {
  const assigned = g.assignedPartitionCounts ?? {};
  const topics = [...new Set(g.members.flatMap((m) => m.topics))].sort();
  const out: Array<{ topic: string; from: number | null; to: number | null }> = [];
  for (const topic of topics) {
    const from = assigned[topic] ?? null;
    const to = ctx.state.topics[topic]?.partitions.length ?? null;
    if (from !== to) out.push({ topic, from, to });
  }
  return out;
}

/**
 * A subscribed topic gained partitions: every Stable group subscribed to it keeps its assignment until its leader's
 * next metadata refresh. Returns the groups with no simulated leader client (the caller rebalances those at once).
 */
export function awaitLeaderRefresh(ctx: Ctx, topic: string, from: number, to: number): string[] {
  const unattended: string[] = [];
  for (const [groupId, rec] of Object.entries(ctx.state.areas.consumers.groups)) {
    const g = rec.group;
    if (rec.wire) continue; // real clients over the wire refresh their own metadata
    if (g.state !== 'Stable' || !g.members.some((m) => m.topics.includes(topic))) continue;
    const leader = leaderClient(ctx, g);
    if (!leader) {
      unattended.push(groupId);
      continue;
    }
    const at = nextMetadataRefresh(leader, ctx.now);
    ctx.emit(
      'consumerMetadataStale',
      `group ${groupId}: ${topic} now has ${to} partitions, but the leader ${leader.name} still knows ${from}; it learns at its next metadata refresh in ${at - ctx.now} ms (metadata.max.age.ms=${leader.config.metadataMaxAgeMs}), and until then partitions ${from}–${to - 1} belong to no member`,
      { consumer: leader.name, groupId, topic, refreshAt: at },
    );
    ctx.scheduleAt(at, { type: 'consumerMetadataRefresh', consumer: leader.name, groupId });
  }
  return unattended;
}

/** The leader's background refresh: rejoin when the metadata differs from what it assigned with. */
export function onMetadataRefresh(ctx: Ctx, consumer: string, groupId: string): void {
  const c = ctx.state.areas.consumers.consumers[consumer];
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (c?.status !== 'running' || !rec) return;
  const g = rec.group;
  // A rebalance since then assigned with the current metadata, or made another member the leader.
  if (g.state !== 'Stable' || g.leaderId !== c.memberId) return;
  const changes = changedCounts(ctx, g);
  if (changes.length === 0) return;
  const what = changes
    .map((x) => `${x.topic} ${x.from ?? 'absent'} -> ${x.to ?? 'absent'} partitions`)
    .join(', ');
  ctx.emit(
    'consumerMetadataChanged',
    `${consumer}, leader of group ${groupId}: its metadata refresh (metadata.max.age.ms=${c.config.metadataMaxAgeMs}) finds ${what}; cached metadata has changed since its assignment, so it rejoins and the group rebalances`,
    { consumer, groupId, changes },
  );
  prepareRebalance(
    ctx,
    g,
    ctx.now,
    `leader ${consumer}'s metadata refresh: cached metadata has changed (${what})`,
  );
  settleGroup(ctx, groupId);
}
