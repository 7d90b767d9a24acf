// Fetches parked at the leader (Kafka's fetch purgatory, DelayedFetch): a caught-up follower's fetch waits at
// the leader and is answered when the leader appends or its high watermark moves, so a quiet cluster
// schedules nothing.

import { isBrokerAlive } from '../cluster/lookup';
import type { Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { replicaFetchPaused } from '../network/replicaFetchFaults';

/** Can `follower` exchange fetches with the current leader right now? */
export function linkUp(ctx: Ctx, part: Partition, follower: number): boolean {
  return (
    part.leader !== null &&
    isBrokerAlive(ctx.state, part.leader) &&
    isBrokerAlive(ctx.state, follower) &&
    !replicaFetchPaused(ctx.state, follower)
  );
}

/** The leader answers `follower`'s fetch: records from its fetch offset up to the LEO, and the HW. */
export function respond(ctx: Ctx, part: Partition, follower: number): void {
  const leader = part.replicaLogs[part.leader!];
  const fs = part.replicaLogs[follower].follower;
  fs.fetch = 'inflight';
  fs.sentHighWatermark = leader.highWatermark;
  ctx.schedule(ctx.state.latencyMs, {
    type: 'replicaFetchResponse',
    topic: part.topic,
    partition: part.partition,
    follower,
    session: part.fetchSession,
    from: fs.fetchOffset,
    to: leader.log.logEndOffset,
    highWatermark: leader.highWatermark,
  });
}

/** Leader appended or moved its HW: answer every parked fetch that now has something to return. */
export function wakeParkedFetches(ctx: Ctx, part: Partition): void {
  if (part.leader === null) return;
  const leader = part.replicaLogs[part.leader];
  for (const id of part.replicas) {
    if (id === part.leader) continue;
    const fs = part.replicaLogs[id].follower;
    if (fs.fetch !== 'parked') continue;
    if (fs.fetchOffset < leader.log.logEndOffset || fs.sentHighWatermark < leader.highWatermark) {
      // A parked caught-up follower counts as fetching continuously (it would re-fetch every replica.fetch.wait.max.ms).
      if (fs.fetchOffset >= fs.lastFetchLeaderLogEndOffset) fs.lastCaughtUpTime = ctx.now;
      if (linkUp(ctx, part, id)) respond(ctx, part, id);
      else fs.fetch = 'idle';
    }
  }
}
