// The application's consumer group (group.id = application.id) as the group coordinator holds it: every
// StreamThread's main consumer is a member (client id `<app>-<processId>-StreamThread-N-consumer`), with the
// source partitions of its active tasks as its assignment, so kafka-consumer-groups --describe --members shows
// them. The group's state follows the classic protocol (Empty -> PreparingRebalance -> CompletingRebalance ->
// Stable) through the consumer area's state machine; the assignor is StreamsPartitionAssignor ("stream").
//
// Simplified: the Streams area drives the join phase itself (join.ts) instead of sending JoinGroup/SyncGroup to
// the consumer area's coordinator, whose timers and metadata hooks leave a group marked `streams` alone.
import { parseTpKey, tpKey } from '../../cluster/topicPartition';
import type { TopicPartition } from '../../consumer/assignors/types';
import { transitionTo } from '../../consumer/group/groupState';
import type { GroupMember, GroupStateName } from '../../consumer/group/types';
import { groupRecord } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import { streamsClientNames } from '../tasks/partitions';
import { brokerTopic, topologyOf } from './appTopology';
import type { StreamsApp, StreamsInstance, StreamThread } from './types';

/** Consumer defaults Streams does not override (ConsumerConfig). */
export const SESSION_TIMEOUT_MS = 45_000;
export const HEARTBEAT_INTERVAL_MS = 3_000;
export const MAX_POLL_INTERVAL_MS = 300_000;

/** Instances whose members are still in the group: running ones, and dead ones until session.timeout.ms. */
export function memberInstances(app: StreamsApp): StreamsInstance[] {
  return Object.values(app.instances).filter((i) => i.inGroup);
}

function host(app: StreamsApp, inst: StreamsInstance): string {
  return `/10.0.1.${(Object.keys(app.instances).indexOf(inst.name) % 250) + 2}`;
}

function assignmentOf(app: StreamsApp, inst: StreamsInstance, th: StreamThread): TopicPartition[] {
  const keys = new Set<string>();
  for (const task of Object.values(app.tasks))
    if (task.owner === inst.name && task.thread === th.index)
      for (const topic of task.sources) keys.add(tpKey(topic, task.partition));
  return [...keys].map(parseTpKey);
}

/** Rewrite the group's member list from the application's threads (after any change to them). */
export function syncGroupMembers(ctx: Ctx, app: StreamsApp): void {
  const rec = groupRecord(ctx.state.areas.consumers, app.applicationId);
  rec.streams = true;
  const t = topologyOf(app.dsl);
  const topics = t.subtopologies.flatMap((s) =>
    s.sourceTopics.map((x) => brokerTopic(app.applicationId, t, x)),
  );
  const members: GroupMember[] = [];
  for (const inst of memberInstances(app)) {
    for (const th of inst.threads) {
      const assignment = assignmentOf(app, inst, th);
      members.push({
        memberId: th.memberId,
        label: streamsClientNames.consumer(th.name),
        groupInstanceId: null,
        clientId: streamsClientNames.consumer(th.name),
        host: host(app, inst),
        topics,
        strategies: ['stream' as never],
        protocol: 'COOPERATIVE',
        sessionTimeoutMs: SESSION_TIMEOUT_MS,
        rebalanceTimeoutMs: MAX_POLL_INTERVAL_MS,
        heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
        since: th.since,
        heartbeating: inst.status === 'RUNNING',
        lastHeartbeatAt: th.since,
        joined: app.join === null || inst.status === 'RUNNING',
        rejoinAt: null,
        assignment,
        owned: assignment,
        ownedGeneration: app.generation,
      });
    }
  }
  rec.group.members = members;
  if (!members.some((m) => m.memberId === rec.group.leaderId))
    rec.group.leaderId = members[0]?.memberId ?? null;
  rec.group.generationId = app.generation;
  rec.group.protocolName = members.length > 0 ? 'stream' : null;
}

/** Move the group through ClassicGroupState (legal transitions only), emitting groupStateChanged. */
export function groupTo(ctx: Ctx, app: StreamsApp, to: GroupStateName, reason: string): void {
  const rec = groupRecord(ctx.state.areas.consumers, app.applicationId);
  const g = rec.group;
  if (g.state === to) return;
  if (g.state === 'Dead') g.state = 'Empty';
  if (to === 'Stable' && g.state === 'PreparingRebalance')
    transitionTo(ctx, g, 'CompletingRebalance', `group ${g.groupId}: ${reason}`);
  if (to === 'Empty' && g.state !== 'PreparingRebalance')
    transitionTo(ctx, g, 'PreparingRebalance', `group ${g.groupId}: ${reason}`);
  transitionTo(ctx, g, to, `group ${g.groupId}: ${reason}`);
  rec.emptySince = to === 'Empty' ? ctx.now : null;
}

export function groupState(ctx: Ctx, app: StreamsApp): GroupStateName {
  return ctx.state.areas.consumers.groups[app.applicationId]?.group.state ?? 'Empty';
}

/** The next heartbeat of a member that joined at `since` (heartbeats tick every heartbeat.interval.ms). */
export function nextHeartbeat(since: number, now: number): number {
  const ticks = Math.floor((now - since) / HEARTBEAT_INTERVAL_MS) + 1;
  return since + ticks * HEARTBEAT_INTERVAL_MS;
}
