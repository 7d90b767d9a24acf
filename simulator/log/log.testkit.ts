// Test kit for this folder's tests: build logs compactly and dump them.
import { type LogConfig, logConfigFrom } from './logConfig';
import type { PartitionLog } from './types';
import { appendAsLeader, readRecords } from './unifiedLog';

export const cfg = (overrides: Record<string, string> = {}): LogConfig => logConfigFrom(overrides);

/** Appends one single-record batch at virtual time `now` (timestamp = now) and returns its offset. */
export function put(
  log: PartitionLog,
  config: LogConfig,
  now: number,
  key: string | null,
  value: string | null,
  epoch = 0,
): number {
  return appendAsLeader(log, { leaderEpoch: epoch, records: [{ timestamp: now, key, value }] }, config, now)
    .firstOffset;
}

/** Every record from the log start up to the LEO, as [offset, key, value]. */
export function dump(log: PartitionLog): Array<[number, string | null, string | null]> {
  const r = readRecords(log, log.logStartOffset, log.logEndOffset, Number.MAX_SAFE_INTEGER);
  if (r.kind !== 'records') throw new Error('out of range');
  return r.records.map((x) => [x.offset, x.key, x.value]);
}

export const baseOffsets = (log: PartitionLog): number[] => log.segments.map((s) => s.baseOffset);
