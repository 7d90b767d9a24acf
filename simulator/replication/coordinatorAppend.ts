// A group or transaction coordinator writing to a partition it leads (__consumer_offsets, __transaction_state,
// transaction markers): ReplicaManager#appendRecords with AppendOrigin.COORDINATOR. No produce request and no
// acks; followers fetch the records and the high watermark moves as for any append.
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { type AppendBatchInput, type AppendResult, appendAsLeader } from '../log';
import { wakeParkedFetches } from './delayedFetch';
import { maybeIncrementHighWatermark } from './highWatermark';
import { logConfigFor } from './logConfigCache';

/** Append `batch` to the leader's log of `part` (the caller checked there is a leader). */
export function appendAsCoordinator(ctx: Ctx, part: Partition, batch: AppendBatchInput): AppendResult {
  const leader = part.replicaLogs[part.leader!];
  const appended = appendAsLeader(leader.log, batch, logConfigFor(ctx.state, part.topic), ctx.now);
  wakeParkedFetches(ctx, part);
  maybeIncrementHighWatermark(ctx, part);
  return appended;
}
