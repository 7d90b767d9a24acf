// A follower whose replica fetcher stalls (a saturated disk or a congested link between brokers) while the broker
// itself stays healthy: it keeps heartbeating, so the controller does not fence it, but its fetches stop. The
// leader then drops it from the ISR once it is behind for replica.lag.time.max.ms (Partition#getOutOfSyncReplicas),
// the way a slow follower leaves the ISR in production.
import type { BrokerId } from '../cluster/types';
import { type CommandHandlers, fail, okVoid } from '../engine/registry';

export const replicaFetchFaultCommands = {
  replicaFetchPause: (ctx, cmd) => {
    if (!ctx.state.brokers[cmd.id]) return fail('BROKER_NOT_AVAILABLE', `Broker ${cmd.id} does not exist.`);
    const paused = ctx.state.network.pausedReplicaFetchers;
    if (paused.includes(cmd.id))
      return fail('INVALID_REQUEST', `Broker ${cmd.id}'s replica fetchers are already paused.`);
    paused.push(cmd.id);
    paused.sort((a, b) => a - b);
    ctx.emit(
      'replicaFetchPaused',
      `broker ${cmd.id}'s replica fetchers stall: it still heartbeats to the controller, but as a follower it fetches nothing, so it falls behind every leader it follows`,
      { brokerId: cmd.id },
    );
    return okVoid();
  },
  replicaFetchResume: (ctx, cmd) => {
    const paused = ctx.state.network.pausedReplicaFetchers;
    if (!paused.includes(cmd.id))
      return fail('INVALID_REQUEST', `Broker ${cmd.id}'s replica fetchers are not paused.`);
    ctx.state.network.pausedReplicaFetchers = paused.filter((id) => id !== cmd.id);
    ctx.emit(
      'replicaFetchResumed',
      `broker ${cmd.id}'s replica fetchers run again: it catches up and rejoins each ISR once it reaches the leader's high watermark`,
      { brokerId: cmd.id },
    );
    return okVoid();
  },
} satisfies CommandHandlers;

export function replicaFetchPaused(
  state: { network: { pausedReplicaFetchers: BrokerId[] } },
  id: BrokerId,
): boolean {
  return state.network.pausedReplicaFetchers.includes(id);
}
