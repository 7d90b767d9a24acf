// kafka-consumer-groups.sh --reset-offsets semantics (ConsumerGroupCommand#prepareOffsetsToReset):
// new offsets are clamped to [log start offset, log end offset (HW)], and --execute is only allowed
// while the group is inactive (Empty or unknown), as the real tool requires.
import { tpKey } from '../../cluster/topicPartition';
import type { Ctx } from '../../engine/context';
import type { TopicPartition } from '../assignors/types';
import { coordinatorAvailable } from '../group/offsetsTopic';
import { offsetForTimestamp, partitionReadView } from '../leaderReads';
import type { ConsumerArea, OffsetEntry, ResetSpec } from '../types';

export type { ResetSpec };

import { storeOffsets } from './offsetStore';

export type ResetOutcome =
  | { ok: true; value: OffsetEntry[] }
  | { ok: false; error: { exception: string; message: string } };

export function groupIsInactive(area: ConsumerArea, groupId: string): boolean {
  const g = area.groups[groupId]?.group;
  return !g || g.state === 'Empty' || g.state === 'Dead';
}

export function planOffsetReset(
  ctx: Ctx,
  groupId: string,
  partitions: TopicPartition[],
  spec: ResetSpec,
): ResetOutcome {
  const area = ctx.state.areas.consumers;
  const out: OffsetEntry[] = [];
  for (const p of partitions) {
    const view = partitionReadView(ctx.state, p.topic, p.partition);
    if (!view) {
      return {
        ok: false,
        error: {
          exception: 'UnknownTopicOrPartitionException',
          message: `${p.topic}-${p.partition} does not exist`,
        },
      };
    }
    const clamp = (o: number) => Math.min(view.highWatermark, Math.max(view.logStartOffset, o));
    const current = area.groups[groupId]?.offsets[tpKey(p.topic, p.partition)]?.offset;
    let target: number;
    switch (spec.kind) {
      case 'to-earliest':
        target = view.logStartOffset;
        break;
      case 'to-latest':
        target = view.highWatermark;
        break;
      case 'to-current':
        target = current ?? view.highWatermark;
        break;
      case 'to-offset':
        target = clamp(spec.offset);
        break;
      case 'shift-by':
        target = clamp((current ?? view.highWatermark) + spec.delta);
        break;
      case 'to-datetime':
      case 'by-duration': {
        const ts = spec.kind === 'to-datetime' ? spec.timestamp : ctx.now - spec.durationMs;
        target = offsetForTimestamp(ctx.state, p.topic, p.partition, ts) ?? view.highWatermark;
        break;
      }
    }
    out.push({ topic: p.topic, partition: p.partition, offset: target });
  }
  return { ok: true, value: out };
}

/** Admin OffsetCommit (reset --execute): rejected while the group has active members. */
export function adminCommitOffsets(ctx: Ctx, groupId: string, offsets: OffsetEntry[]): ResetOutcome {
  const area = ctx.state.areas.consumers;
  if (!groupIsInactive(area, groupId)) {
    const state = area.groups[groupId]?.group.state;
    return {
      ok: false,
      error: {
        exception: 'IllegalStateException',
        message: `Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${state}.`,
      },
    };
  }
  if (!coordinatorAvailable(ctx.state, groupId)) {
    return {
      ok: false,
      error: { exception: 'CoordinatorNotAvailableException', message: 'The coordinator is not available.' },
    };
  }
  storeOffsets(
    ctx,
    groupId,
    offsets,
    null,
    'admin',
    'offsets reset by kafka-consumer-groups --reset-offsets --execute',
  );
  return { ok: true, value: offsets };
}
