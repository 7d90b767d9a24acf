// Public read surface of the consumer area (re-exported by simulator/index.ts): what the console's
// kafka-consumer-groups.sh and the views need. All functions read SimState and never change it.
import { Ctx } from '../engine/context';
import type { SimState } from '../engine/state';
import type { ConsumerArea, ConsumerClient, LagSample } from './consumerTypes';
import { CtxClusterAccess } from './ctxClusterAccess';
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
} from './groupDescribe';
import { groupLag, type PartitionLag } from './lag';

const EMPTY: ConsumerArea = { groups: {}, consumers: {}, clientSequence: 1 };

function areaOf(state: SimState): ConsumerArea {
  return (state.areas as { consumers?: ConsumerArea }).consumers ?? EMPTY;
}

function reader(state: SimState): CtxClusterAccess {
  return new CtxClusterAccess(new Ctx(state, []));
}

/** kafka-consumer-groups --list */
export function listConsumerGroups(state: SimState): string[] {
  return listGroupIds(areaOf(state));
}

/** kafka-consumer-groups --describe (offsets): rows in the tool's order. */
export function describeConsumerGroupOffsets(state: SimState, groupId: string): DescribeOffsetRow[] {
  return describeGroupOffsets(areaOf(state), reader(state), groupId);
}

/** kafka-consumer-groups --describe --members (all members, including those with no partitions). */
export function describeConsumerGroupMembers(state: SimState, groupId: string): DescribeMemberRow[] {
  return describeGroupMembers(areaOf(state), groupId);
}

/** kafka-consumer-groups --describe --state */
export function describeConsumerGroupState(state: SimState, groupId: string): DescribeStateRow | null {
  return describeGroupState(areaOf(state), reader(state), groupId);
}

export function consumerGroupView(state: SimState, groupId: string): ConsumerGroupView | null {
  return groupViewOf(areaOf(state), reader(state), groupId);
}

/** Lag per partition with a committed offset (HW − committed; LSO for read_committed groups), never negative. */
export function consumerGroupLag(state: SimState, groupId: string): PartitionLag[] {
  return groupLag(areaOf(state), reader(state), groupId);
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
  const owned = new Set(clients.flatMap((c) => c.assignment.map((p) => `${p.topic}-${p.partition}`)));
  const topics = [...new Set(rec.group.members.flatMap((m) => m.topics))].sort();
  const out: Array<{ topic: string; partition: number }> = [];
  for (const topic of topics) {
    const n = state.topics[topic]?.partitions.length ?? 0;
    for (let partition = 0; partition < n; partition++) {
      if (!owned.has(`${topic}-${partition}`)) out.push({ topic, partition });
    }
  }
  return out;
}

export function consumerClients(state: SimState): ConsumerClient[] {
  return Object.values(areaOf(state).consumers);
}

export { ASSIGNORS, DEFAULT_ASSIGNMENT_STRATEGY, rebalanceProtocolFor } from './assignors';
export type { ConsumerCreateConfig } from './commands';
export type { ConsumerEvent, OffsetEntry } from './consumerEvents';
export type { ConsumerArea, ConsumerClient, ConsumerConfig, GroupRecord, LagSample } from './consumerTypes';
export type {
  ConsumerGroupView,
  DescribeMemberRow,
  DescribeOffsetRow,
  DescribeStateRow,
} from './groupDescribe';
export type { ClassicGroup, GroupMember, GroupStateName } from './groupTypes';
export { CONSUMER_DEFAULTS, GROUP_INITIAL_REBALANCE_DELAY_MS } from './groupTypes';
export type { IsolationLevel, ReadCommittedView } from './isolation';
export type { PartitionLag } from './lag';
export type { ResetSpec } from './offsetReset';
export { CONSUMER_OFFSETS_TOPIC, offsetsPartitionFor } from './offsetsTopic';
export type { AssignorName, RebalanceProtocol, TopicPartition } from './types';
