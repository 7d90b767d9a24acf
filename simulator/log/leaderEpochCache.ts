// The leader epoch cache (LeaderEpochFileCache / leader-epoch-checkpoint): for each leader
// epoch, the first offset written in it. Used by followers to truncate by epoch (KIP-101/279).
import type { PartitionLog } from './types';

export const UNDEFINED_EPOCH = -1;
export const UNDEFINED_EPOCH_OFFSET = -1;

/** Records that `epoch` starts at `startOffset` if it is newer than the latest cached epoch. */
export function assignEpoch(log: PartitionLog, epoch: number, startOffset: number): void {
  const last = log.epochs[log.epochs.length - 1];
  if (last === undefined || epoch > last[0]) log.epochs.push([epoch, startOffset]);
}

export function latestEpoch(log: PartitionLog): number {
  const last = log.epochs[log.epochs.length - 1];
  return last === undefined ? UNDEFINED_EPOCH : last[0];
}

/** Drops entries whose start offset is ≥ endOffset (truncateFromEnd after log truncation). */
export function truncateEpochsFromEnd(log: PartitionLog, endOffset: number): void {
  while (log.epochs.length > 0 && log.epochs[log.epochs.length - 1][1] >= endOffset) log.epochs.pop();
}

/**
 * Moves the first epoch's start up to the new log start offset (truncateFromStart): entries
 * entirely below it are dropped and the one holding it is re-based.
 */
export function truncateEpochsFromStart(log: PartitionLog, startOffset: number): void {
  let i = 0;
  while (i + 1 < log.epochs.length && log.epochs[i + 1][1] <= startOffset) i++;
  const kept = log.epochs.slice(i);
  if (kept.length > 0 && kept[0][1] < startOffset) kept[0] = [kept[0][0], startOffset];
  log.epochs = kept;
}

export type EpochEndOffset = { leaderEpoch: number; endOffset: number };

/**
 * OffsetsForLeaderEpoch answer (LeaderEpochFileCache#endOffsetFor): the latest epoch
 * answers with the LEO; an older epoch answers with the start offset of the next higher
 * epoch, paired with the largest cached epoch ≤ the requested one; an epoch older than
 * all cached ones answers with the first cached start offset.
 */
export function endOffsetForEpoch(log: PartitionLog, requestedEpoch: number): EpochEndOffset {
  const undefinedAnswer = { leaderEpoch: UNDEFINED_EPOCH, endOffset: UNDEFINED_EPOCH_OFFSET };
  if (requestedEpoch === UNDEFINED_EPOCH) return undefinedAnswer;
  if (log.epochs.length > 0 && latestEpoch(log) === requestedEpoch) {
    return { leaderEpoch: requestedEpoch, endOffset: log.logEndOffset };
  }
  const higher = log.epochs.find(([e]) => e > requestedEpoch);
  if (higher === undefined) return undefinedAnswer;
  let floor: readonly [number, number] | undefined;
  for (const entry of log.epochs) if (entry[0] <= requestedEpoch) floor = entry;
  return { leaderEpoch: floor === undefined ? requestedEpoch : floor[0], endOffset: higher[1] };
}
