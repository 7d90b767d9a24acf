// Consumer groups as kafka-consumer-groups --describe shows them, plus what the views draw (who owns what now,
// what is being revoked, each client's position). Lag has one rule, the tool's (ConsumerGroupCommand):
// LOG-END-OFFSET (ListOffsets latest, READ_UNCOMMITTED: the high watermark) minus the committed offset, and no
// lag at all ("-") for a partition the group never committed.
import type { ConsumerArea, ConsumerClient, GroupRecord } from '../consumer/index';
import { CONSUMER_OFFSETS_TOPIC, consumerGroupView, offsetsPartitionFor } from '../consumer/index';
import type { SimState } from '../engine/state';
import { brokersOf, partitionOf, statePartition, stateTopic } from './cluster';
import type { GroupMemberView, GroupPartitionView, GroupView, TopicPartition } from './types';

const tpKey = (topic: string, partition: number): string => `${topic}-${partition}`;

function parseTpKey(key: string): TopicPartition {
  const dash = key.lastIndexOf('-');
  return { topic: key.slice(0, dash), partition: Number(key.slice(dash + 1)) };
}

const byTopicPartition = (a: TopicPartition, b: TopicPartition): number =>
  a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : a.partition - b.partition;

function area(state: SimState): ConsumerArea {
  return state.areas.consumers;
}

/**
 * Leader of the group's __consumer_offsets partition (GroupCoordinatorService#partitionFor). Simplification:
 * before that topic exists, or while that partition has no leader, the simulation names a live broker
 * instead of answering COORDINATOR_NOT_AVAILABLE.
 */
export function coordinatorOf(state: SimState, groupId: string): number {
  const offsets = stateTopic(state, CONSUMER_OFFSETS_TOPIC);
  const partition = offsetsPartitionFor(groupId, offsets?.partitions.length ?? 50);
  const leader = offsets?.partitions[partition]?.leader;
  if (leader !== undefined && leader !== null) return leader;
  const online = brokersOf(state).filter((b) => b.state === 'online');
  return online.length > 0 ? online[partition % online.length].id : -1;
}

/** Lag of one partition: the tool's rule (null without a committed offset or an available partition). */
export function partitionLag(committed: number | null, logEndOffset: number | null): number | null {
  if (committed === null || committed === -1 || logEndOffset === null) return null;
  return logEndOffset - committed;
}

function runningClients(a: ConsumerArea, groupId: string): ConsumerClient[] {
  return Object.values(a.consumers).filter((c) => c.config.groupId === groupId && c.status === 'running');
}

function groupOf(state: SimState, rec: GroupRecord): GroupView {
  const a = area(state);
  const g = rec.group;
  const clients = runningClients(a, g.groupId);
  const byMember = new Map(clients.filter((c) => c.memberId !== null).map((c) => [c.memberId, c]));
  const described = consumerGroupView(state, g.groupId);
  const describedById = new Map((described?.members ?? []).map((m) => [m.memberId, m]));
  const members: GroupMemberView[] = g.members.map((m) => {
    const client = byMember.get(m.memberId);
    // The client's own view is what it processes; the coordinator's is the last assignment it handed out.
    const owned = client ? client.assignment : m.assignment;
    const revoking =
      g.state === 'Stable'
        ? []
        : owned.filter(
            (tp) => !m.assignment.some((t) => t.topic === tp.topic && t.partition === tp.partition),
          );
    return {
      memberId: m.memberId,
      clientId: m.clientId,
      host: m.host,
      groupInstanceId: m.groupInstanceId,
      name: client?.name ?? m.label,
      assignment: (describedById.get(m.memberId)?.assignment ?? []).map((p) => ({
        topic: p.topic,
        partition: p.partition,
      })),
      owned: owned.map((p) => ({ topic: p.topic, partition: p.partition })),
      revoking: revoking.map((p) => ({ topic: p.topic, partition: p.partition })),
      positions: client ? { ...client.positions } : {},
    };
  });
  const offsets = Object.entries(rec.offsets)
    .map(([key, c]) => ({ ...parseTpKey(key), offset: c.offset }))
    .sort(byTopicPartition);
  const subscribedTopics = [
    ...new Set([...g.members.flatMap((m) => m.topics), ...clients.flatMap((c) => c.config.topics)]),
  ].sort();
  const owner = new Map<string, string>();
  for (const m of members) for (const tp of m.owned) owner.set(tpKey(tp.topic, tp.partition), m.name);
  const keys = new Map<string, TopicPartition>();
  for (const topic of subscribedTopics) {
    for (const p of stateTopic(state, topic)?.partitions ?? [])
      keys.set(tpKey(topic, p.partition), { topic, partition: p.partition });
  }
  for (const m of members) for (const tp of m.owned) keys.set(tpKey(tp.topic, tp.partition), tp);
  for (const o of offsets) keys.set(tpKey(o.topic, o.partition), { topic: o.topic, partition: o.partition });
  const partitions: GroupPartitionView[] = [...keys.values()].sort(byTopicPartition).map((tp) => {
    const key = tpKey(tp.topic, tp.partition);
    const committed = Object.hasOwn(rec.offsets, key) ? rec.offsets[key].offset : null;
    const p = statePartition(state, tp.topic, tp.partition);
    const logEndOffset = p && p.leader !== null ? partitionOf(state, p).highWatermark : null;
    return {
      topic: tp.topic,
      partition: tp.partition,
      committed,
      logEndOffset,
      lag: partitionLag(committed, logEndOffset),
      owner: owner.get(key) ?? null,
    };
  });
  const protocol = clients[0]?.protocol;
  return {
    groupId: g.groupId,
    state: g.state,
    type: 'classic',
    assignmentStrategy: g.protocolName ?? '',
    rebalanceProtocol: protocol === 'COOPERATIVE' ? 'cooperative' : protocol === 'EAGER' ? 'eager' : null,
    generation: g.generationId,
    coordinator: coordinatorOf(state, g.groupId),
    members,
    offsets,
    subscribedTopics,
    partitions,
  };
}

/** The group, Dead ones included (kafka-consumer-groups reports those as missing). */
export function groupByIdOf(state: SimState, groupId: string): GroupView | null {
  const groups = area(state).groups;
  return Object.hasOwn(groups, groupId) ? groupOf(state, groups[groupId]) : null;
}

/** Every group that is not Dead, by group id. */
export function groupsOf(state: SimState): GroupView[] {
  const groups = area(state).groups;
  return Object.keys(groups)
    .sort()
    .map((id) => groupOf(state, groups[id]))
    .filter((g) => g.state !== 'Dead');
}
