// Brokers replicate __cluster_metadata as observers: a stopped broker stops fetching, so its copy of the log
// ends where it was (what DescribeQuorum reports as its log end offset and last fetch time, KIP-595).
import { type Hook, on } from '../engine/registry';

export const metadataFetcherHooks: readonly Hook[] = [
  on('brokerStopped', (ctx, e) => {
    const q = ctx.state.quorum;
    q.stoppedFetching[e.brokerId] = { logEndOffset: q.log.length, time: ctx.now };
  }),
  on('brokerStarted', (ctx, e) => {
    delete ctx.state.quorum.stoppedFetching[e.brokerId];
  }),
];
