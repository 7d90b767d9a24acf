// Appending to __cluster_metadata through the active controller. Every cluster change the controller makes
// (registrations, topics, partition leader/ISR changes, configs) is one record here, like KRaft.
import type { Ctx } from '../engine/context';
import type { MetadataRecord, MetadataRecordBody } from './types';

export function hasActiveController(ctx: Ctx): boolean {
  return ctx.state.quorum.leaderId !== null;
}

/** Append a record (caller checked hasActiveController). Returns its offset. */
export function appendMetadata(ctx: Ctx, body: MetadataRecordBody): number {
  const q = ctx.state.quorum;
  const offset = q.log.length;
  const record = { ...body, offset, epoch: q.epoch, time: ctx.now } as MetadataRecord;
  q.log.push(record);
  return offset;
}
