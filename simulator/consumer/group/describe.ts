// Read helpers for kafka-consumer-groups.sh --list / --describe (offsets, --members, --state), in the
// tool's row order (ConsumerGroupCommand): members that own partitions by descending partition count,
// each member's partitions by partition number, then committed partitions nobody owns (shown with "-").
import { parseTpKey, tpKey } from '../../cluster/topicPartition';
import type { SimState } from '../../engine/state';
import { javaCompareStrings } from '../assignors/javaCompat';
import type { TopicPartition } from '../assignors/types';
import { partitionReadView } from '../leaderReads';
import type { ConsumerArea } from '../types';
import { coordinatorId } from './offsetsTopic';
import type { GroupStateName } from './types';

export type DescribeOffsetRow = {
  group: string;
  topic: string;
  partition: number;
  /** Committed offset, or null ("-"). */
  currentOffset: number | null;
  /** The high watermark (the tool asks ListOffsets latest with READ_UNCOMMITTED); null when unknown. */
  logEndOffset: number | null;
  lag: number | null;
  /** null = no owner ("-" in CONSUMER-ID, HOST and CLIENT-ID). */
  consumerId: string | null;
  host: string | null;
  clientId: string | null;
};

export type DescribeMemberRow = {
  group: string;
  consumerId: string;
  groupInstanceId: string | null;
  host: string;
  clientId: string;
  partitions: TopicPartition[];
};

export type DescribeStateRow = {
  group: string;
  coordinatorId: number;
  assignmentStrategy: string;
  state: GroupStateName;
  members: number;
};

/**
 * DescribeGroups returns member assignments only for a Stable group (describeNoMetadata otherwise), so
 * while a group rebalances the tool shows its members without partitions.
 */
function describedAssignment(state: GroupStateName, assignment: TopicPartition[]): TopicPartition[] {
  return state === 'Stable' ? assignment : [];
}

export function listGroupIds(area: ConsumerArea): string[] {
  return Object.keys(area.groups)
    .filter((g) => area.groups[g].group.state !== 'Dead')
    .sort(javaCompareStrings);
}

export function groupState(area: ConsumerArea, groupId: string): GroupStateName | null {
  return area.groups[groupId]?.group.state ?? null;
}

export function describeGroupOffsets(
  area: ConsumerArea,
  state: SimState,
  groupId: string,
): DescribeOffsetRow[] {
  const rec = area.groups[groupId];
  if (!rec) return [];
  const row = (
    p: TopicPartition,
    owner: { consumerId: string; host: string; clientId: string } | null,
  ): DescribeOffsetRow => {
    const committed = rec.offsets[tpKey(p.topic, p.partition)]?.offset ?? null;
    const hw = partitionReadView(state, p.topic, p.partition)?.highWatermark ?? null;
    return {
      group: groupId,
      topic: p.topic,
      partition: p.partition,
      currentOffset: committed,
      logEndOffset: hw,
      lag: committed !== null && hw !== null ? Math.max(0, hw - committed) : null,
      consumerId: owner?.consumerId ?? null,
      host: owner?.host ?? null,
      clientId: owner?.clientId ?? null,
    };
  };
  const rows: DescribeOffsetRow[] = [];
  const owned = new Set<string>();
  const members = rec.group.members
    .map((m, i) => ({ m, i, parts: describedAssignment(rec.group.state, m.assignment) }))
    .filter((x) => x.parts.length > 0)
    .sort((a, b) => b.parts.length - a.parts.length || a.i - b.i);
  for (const { m, parts: assigned } of members) {
    const parts = [...assigned].sort(
      (a, b) => a.partition - b.partition || javaCompareStrings(a.topic, b.topic),
    );
    for (const p of parts) {
      owned.add(tpKey(p.topic, p.partition));
      rows.push(row(p, { consumerId: m.memberId, host: m.host, clientId: m.clientId }));
    }
  }
  const rest = Object.keys(rec.offsets)
    .filter((k) => !owned.has(k))
    .map(parseTpKey)
    .sort((a, b) => javaCompareStrings(a.topic, b.topic) || a.partition - b.partition);
  for (const p of rest) rows.push(row(p, null));
  return rows;
}

export function describeGroupMembers(area: ConsumerArea, groupId: string): DescribeMemberRow[] {
  const rec = area.groups[groupId];
  if (!rec) return [];
  return rec.group.members.map((m) => ({
    group: groupId,
    consumerId: m.memberId,
    groupInstanceId: m.groupInstanceId,
    host: m.host,
    clientId: m.clientId,
    partitions: [...describedAssignment(rec.group.state, m.assignment)].sort(
      (a, b) => javaCompareStrings(a.topic, b.topic) || a.partition - b.partition,
    ),
  }));
}

export function describeGroupState(
  area: ConsumerArea,
  state: SimState,
  groupId: string,
): DescribeStateRow | null {
  const rec = area.groups[groupId];
  if (!rec) return null;
  return {
    group: groupId,
    coordinatorId: coordinatorId(state, groupId),
    assignmentStrategy: rec.group.protocolName ?? '',
    state: rec.group.state,
    members: rec.group.members.length,
  };
}

/** The shape the console's port uses for a group (GroupView). */
export type ConsumerGroupView = {
  groupId: string;
  state: string;
  protocol: string;
  assignmentStrategy: string;
  coordinator: number;
  members: Array<{
    memberId: string;
    clientId: string;
    host: string;
    groupInstanceId: string | null;
    assignment: Array<{ topic: string; partition: number }>;
  }>;
  offsets: Array<{ topic: string; partition: number; offset: number }>;
};

export function consumerGroupView(
  area: ConsumerArea,
  state: SimState,
  groupId: string,
): ConsumerGroupView | null {
  const rec = area.groups[groupId];
  if (!rec) return null;
  return {
    groupId,
    state: rec.group.state,
    protocol: 'consumer',
    assignmentStrategy: rec.group.protocolName ?? '',
    coordinator: coordinatorId(state, groupId),
    members: describeGroupMembers(area, groupId).map((m) => ({
      memberId: m.consumerId,
      clientId: m.clientId,
      host: m.host,
      groupInstanceId: m.groupInstanceId,
      assignment: m.partitions.map((p) => ({ topic: p.topic, partition: p.partition })),
    })),
    offsets: Object.entries(rec.offsets)
      .map(([k, v]) => ({ ...parseTpKey(k), offset: v.offset }))
      .sort((a, b) => javaCompareStrings(a.topic, b.topic) || a.partition - b.partition),
  };
}
