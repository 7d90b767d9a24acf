// New replicas and the leader's fresh bookkeeping of a follower (Replica.scala: reset on every leader epoch).
import { createLog } from '../log';
import type { BrokerId, FollowerState, Replica } from './types';

export function freshFollowerState(now: number, inIsr: boolean): FollowerState {
  return {
    fetchOffset: -1,
    lastCaughtUpTime: inIsr ? now : 0,
    lastFetchTime: now,
    lastFetchLeaderLogEndOffset: -1,
    fetch: 'idle',
    sentHighWatermark: -1,
  };
}

/** An empty replica on `brokerId` (a new partition's, or one a reassignment adds). */
export function newReplica(brokerId: BrokerId, now: number, inIsr: boolean): Replica {
  return {
    brokerId,
    log: createLog(now),
    highWatermark: 0,
    follower: freshFollowerState(now, inIsr),
    producers: {},
  };
}
