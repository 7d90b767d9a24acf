// Public reads of the consumer area (re-exported by simulator/index.ts): what the console's
// kafka-consumer-groups.sh and the views need. All functions read SimState and never change it.
import { tpKey } from '../cluster/topicPartition';
import type { SimState } from '../engine/state';
import {
  type ConsumerGroupView,
  type DescribeMemberRow,
  type DescribeOffsetRow,
  type DescribeStateRow,
  describeGroupMembers,
  describeGroupOffsets,
  describeGroupState,
  consumerGroupView as groupViewOf,
  listGroupIds,
} from './group/describe';
import { groupLag, type PartitionLag } from './offsets/lag';
import type { ConsumerArea, ConsumerClient, LagSample } from './types';

const EMPTY: ConsumerArea = { groups: {}, consumers: {}, clientSequence: 1 };

function areaOf(state: SimState): ConsumerArea {
  return (state.areas as { consumers?: ConsumerArea }).consumers ?? EMPTY;
}

/** kafka-consumer-groups --list */
export function listConsumerGroups(state: SimState): string[] {
  return listGroupIds(areaOf(state));
}

/** kafka-consumer-groups --describe (offsets): rows in the tool's order. */
export function describeConsumerGroupOffsets(state: SimState, groupId: string): DescribeOffsetRow[] {
  return describeGroupOffsets(areaOf(state), state, groupId);
}

/** kafka-consumer-groups --describe --members (all members, including those with no partitions). */
export function describeConsumerGroupMembers(state: SimState, groupId: string): DescribeMemberRow[] {
  return describeGroupMembers(areaOf(state), groupId);
}

/** kafka-consumer-groups --describe --state */
export function describeConsumerGroupState(state: SimState, groupId: string): DescribeStateRow | null {
  return describeGroupState(areaOf(state), state, groupId);
}

export function consumerGroupView(state: SimState, groupId: string): ConsumerGroupView | null {
  return groupViewOf(areaOf(state), state, groupId);
}

/** Lag per partition with a committed offset (HW − committed; LSO for read_committed groups), never negative. */
export function consumerGroupLag(state: SimState, groupId: string): PartitionLag[] {
  return groupLag(state, groupId);
}

/** Lag samples over virtual time, for charts. */
export function consumerGroupLagHistory(state: SimState, groupId: string): readonly LagSample[] {
  return areaOf(state).groups[groupId]?.lagHistory ?? [];
}

/**
 * Partitions of the group's subscribed topics that no running member currently owns: processing of them
 * is paused. Eager rebalances pause every partition; cooperative ones only the partitions that move.
 */
export function pausedPartitions(
  state: SimState,
  groupId: string,
): Array<{ topic: string; partition: number }> {
  const area = areaOf(state);
  const rec = area.groups[groupId];
  if (!rec) return [];
  const clients = Object.values(area.consumers).filter(
    (c) => c.config.groupId === groupId && c.status === 'running',
  );
  const owned = new Set(clients.flatMap((c) => c.assignment.map((p) => tpKey(p.topic, p.partition))));
  const topics = [...new Set(rec.group.members.flatMap((m) => m.topics))].sort();
  const out: Array<{ topic: string; partition: number }> = [];
  for (const topic of topics) {
    const n = state.topics[topic]?.partitions.length ?? 0;
    for (let partition = 0; partition < n; partition++) {
      if (!owned.has(tpKey(topic, partition))) out.push({ topic, partition });
    }
  }
  return out;
}

export function consumerClients(state: SimState): ConsumerClient[] {
  return Object.values(areaOf(state).consumers);
}
