import { DEFAULT_SHARE_GROUP_CONFIG } from './config';
import { initSharePartition } from './sharePartition';
import type { ShareGroupConfig, SharePartitionState, ShareResult } from './types';

export const CONFIG: ShareGroupConfig = DEFAULT_SHARE_GROUP_CONFIG;

export function freshPartition(logStartOffset = 0, logEndOffset = 0): SharePartitionState {
  return initSharePartition({
    groupId: 'orders-workers',
    topic: 'orders',
    partition: 0,
    logStartOffset,
    logEndOffset,
    autoOffsetReset: 'earliest',
  });
}

export function must<T>(r: ShareResult<T>): Extract<ShareResult<T>, { ok: true }> {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r;
}

export const stateOf = (s: SharePartitionState, offset: number) =>
  s.inFlight.find((r) => r.offset === offset);
