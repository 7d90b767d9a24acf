// Applies a pure share-partition transition to the area's state and turns its events into simulation events.
import type { Ctx } from '../../engine/context';
import type { RecordState, SharePartitionEvent, SharePartitionState } from '../types';

/** How many settled records per share-partition the area keeps for views. */
export const SETTLED_KEPT = 100;

/** Store the new share-partition state and emit every event the transition returned, with its reason. */
export function recordTransition(
  ctx: Ctx,
  groupId: string,
  next: SharePartitionState,
  events: readonly SharePartitionEvent[],
): void {
  const group = ctx.state.areas.shareGroups.groups[groupId];
  const key = `${next.topic}-${next.partition}`;
  const before = group.partitions[key];
  group.partitions[key] = next;
  const settle = (offset: number, state: RecordState) => {
    if (state !== 'ACKNOWLEDGED' && state !== 'ARCHIVED') return;
    const deliveryCount = before?.inFlight.find((r) => r.offset === offset)?.deliveryCount ?? 0;
    const list = (group.settled[key] ?? []).filter((r) => r.offset !== offset);
    list.push({ offset, state, deliveryCount });
    list.sort((a, b) => a.offset - b.offset);
    group.settled[key] = list.slice(-SETTLED_KEPT);
  };
  const where = { groupId, topic: next.topic, partition: next.partition };
  for (const e of events) {
    switch (e.type) {
      case 'shareRecordsAcquired':
        ctx.emit(e.type, e.reason, { ...where, memberId: e.memberId, records: e.records });
        break;
      case 'shareRecordAcknowledged':
        settle(e.offset, e.newState);
        ctx.emit(e.type, e.reason, {
          ...where,
          memberId: e.memberId,
          offset: e.offset,
          acknowledgeType: e.acknowledgeType,
          newState: e.newState,
        });
        break;
      case 'shareAcquisitionLockExpired':
        settle(e.offset, e.newState);
        ctx.emit(e.type, e.reason, {
          ...where,
          memberId: e.memberId,
          offset: e.offset,
          newState: e.newState,
        });
        break;
      case 'shareRecordsReleased':
        for (const o of e.offsets) settle(o, next.inFlight.find((r) => r.offset === o)?.state ?? 'ARCHIVED');
        ctx.emit(e.type, e.reason, { ...where, memberId: e.memberId, offsets: e.offsets });
        break;
      case 'shareRecordArchived':
        ctx.emit(e.type, e.reason, { ...where, offset: e.offset, deliveryCount: e.deliveryCount });
        break;
      case 'shareStartOffsetAdvanced':
        ctx.emit(e.type, e.reason, { ...where, from: e.from, to: e.to });
        break;
    }
  }
}
