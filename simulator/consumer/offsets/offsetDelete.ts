// OffsetDelete (KIP-496): the admin deletes a group's committed offsets for some partitions
// (kafka-consumer-groups.sh --delete-offsets). The coordinator refuses a partition whose topic the group
// is still subscribed to (GROUP_SUBSCRIBED_TO_TOPIC, OffsetMetadataManager#deleteOffsets with
// ClassicGroup#isSubscribedToTopic), deletes the others, and writes a tombstone for each deleted offset to
// __consumer_offsets. KafkaApis answers UNKNOWN_TOPIC_OR_PARTITION for a topic or partition the cluster
// does not have. Simplified: every group here speaks the consumer protocol, so NON_EMPTY_GROUP (a
// non-consumer group with members) does not arise.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import { appendAsCoordinator } from '../../replication/coordinatorAppend';
import type { TopicPartition } from '../assignors/types';
import { CONSUMER_OFFSETS_TOPIC, coordinatorAvailable, offsetsPartitionFor } from '../group/offsetsTopic';
import { recordLagSample } from './lag';

export type OffsetDeleteError = 'GROUP_SUBSCRIBED_TO_TOPIC' | 'UNKNOWN_TOPIC_OR_PARTITION';

export type OffsetDeleteOutcome =
  | { ok: true; partitions: Array<TopicPartition & { error: OffsetDeleteError | null }> }
  | { ok: false; error: { exception: string; message: string } };

export function deleteGroupOffsets(
  ctx: Ctx,
  groupId: string,
  partitions: TopicPartition[],
): OffsetDeleteOutcome {
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (!rec || rec.group.state === 'Dead')
    return {
      ok: false,
      error: { exception: 'GroupIdNotFoundException', message: 'The group id does not exist.' },
    };
  if (!coordinatorAvailable(ctx.state, groupId))
    return {
      ok: false,
      error: { exception: 'CoordinatorNotAvailableException', message: 'The coordinator is not available.' },
    };
  const subscribed = new Set(rec.group.members.flatMap((m) => m.topics));
  const results: Array<TopicPartition & { error: OffsetDeleteError | null }> = [];
  const deleted: TopicPartition[] = [];
  for (const p of partitions) {
    const exists = ctx.state.topics[p.topic]?.partitions[p.partition] !== undefined;
    if (!exists) results.push({ ...p, error: 'UNKNOWN_TOPIC_OR_PARTITION' });
    else if (subscribed.has(p.topic)) results.push({ ...p, error: 'GROUP_SUBSCRIBED_TO_TOPIC' });
    else {
      results.push({ ...p, error: null });
      const key = tpKey(p.topic, p.partition);
      if (rec.offsets[key] !== undefined) {
        delete rec.offsets[key];
        deleted.push(p);
      }
    }
  }
  if (deleted.length > 0) {
    writeOffsetTombstones(ctx, groupId, deleted);
    ctx.emit(
      'groupOffsetsDeleted',
      `group ${groupId}: committed offsets of ${deleted.map((p) => tpKey(p.topic, p.partition)).join(', ')} deleted by the admin; a consumer of the group starting on them follows auto.offset.reset`,
      { groupId, partitions: deleted },
    );
    recordLagSample(ctx, groupId);
  }
  return { ok: true, partitions: results };
}

/** A null value for each OffsetCommitKey: compaction then removes the offset from __consumer_offsets. */
function writeOffsetTombstones(ctx: Ctx, groupId: string, partitions: TopicPartition[]): void {
  const t = ctx.state.topics[CONSUMER_OFFSETS_TOPIC];
  const p = t?.partitions[offsetsPartitionFor(groupId, t.partitions.length)];
  if (!p || p.leader === null) return;
  appendAsCoordinator(ctx, p, {
    leaderEpoch: p.leaderEpoch,
    records: partitions.map((x) => ({
      key: `offset:${groupId}:${x.topic}:${x.partition}`,
      value: null,
      timestamp: ctx.now,
    })),
  });
}
