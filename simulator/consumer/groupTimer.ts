// Each group's coordinator timer on the virtual clock: after any change to a group its next deadline is
// scheduled (tasks are never cancelled, so a timer that fires checks what is due), and a group left Empty
// for offsets.retention.minutes loses its committed offsets.
import type { Ctx } from '../engine/context';
import { memberClients } from './client/membership';
import { advanceGroup, nextGroupDeadline, transitionTo } from './group/coordinator';
import { recordLagSample } from './offsets/lag';

/** offsets.retention.minutes default: 10080 (7 days). */
export const OFFSETS_RETENTION_MS = 10_080 * 60_000;

/** After any change to a group: track Empty time and make sure its next deadline is scheduled. */
export function settleGroup(ctx: Ctx, groupId: string): void {
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (!rec) return;
  if (rec.group.state === 'Empty') rec.emptySince ??= ctx.now;
  else rec.emptySince = null;
  let next = nextGroupDeadline(rec.group);
  if (rec.emptySince !== null && rec.group.state === 'Empty') {
    const expiry = rec.emptySince + OFFSETS_RETENTION_MS;
    next = next === null ? expiry : Math.min(next, expiry);
  }
  if (next !== null && (rec.timerAt === null || rec.timerAt <= ctx.now || next < rec.timerAt)) {
    rec.timerAt = next;
    ctx.scheduleAt(next, { type: 'consumerGroupTimer', groupId });
  }
}

/** The coordinator's timer fired: run every due deadline. */
export function onGroupTimer(ctx: Ctx, groupId: string): void {
  const rec = ctx.state.areas.consumers.groups[groupId];
  if (!rec) return;
  if (rec.timerAt !== null && rec.timerAt <= ctx.now) rec.timerAt = null;
  advanceGroup(ctx, rec.group, ctx.now, memberClients);
  if (
    rec.group.state === 'Empty' &&
    rec.emptySince !== null &&
    ctx.now >= rec.emptySince + OFFSETS_RETENTION_MS
  ) {
    expireGroupOffsets(ctx, groupId);
    return;
  }
  recordLagSample(ctx, groupId);
  settleGroup(ctx, groupId);
}

/**
 * offsets.retention.minutes (7 days): once a group has been Empty that long its committed offsets expire
 * and the group becomes Dead (GroupMetadataManager cleanup; ClassicGroupState Empty -> Dead).
 */
function expireGroupOffsets(ctx: Ctx, groupId: string): void {
  const rec = ctx.state.areas.consumers.groups[groupId];
  const expired = Object.keys(rec.offsets).length;
  rec.offsets = {};
  transitionTo(
    ctx,
    rec.group,
    'Dead',
    `group ${groupId}: Empty for offsets.retention.minutes=${OFFSETS_RETENTION_MS / 60_000}; its ${expired} committed offset(s) expired and the group is removed`,
  );
  rec.emptySince = null;
  rec.timerAt = null;
}
