// How the brokers apply what the controller committed (ReplicaManager#applyDelta: makeLeader / makeFollower),
// and how followers reconnect when a broker comes back. The controller publishes each partition change as a
// signal (kraft/metadataPublisher.ts); this area reacts, so kraft never calls into replication.
import { freshFollowerState } from '../cluster/replicas';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { type Hook, on, onSignal } from '../engine/registry';
import type { PartitionChange } from '../kraft/types';
import { assignEpoch } from '../log';
import { failDelayedProduces } from './delayedProduce';
import { restartFetchers, startAllFetchers } from './fetcher';
import { maybeIncrementHighWatermark } from './highWatermark';

/** A new leader epoch: the old leader's waiting produces fail, the new leader starts the epoch, followers fetch. */
function applyLeaderChange(ctx: Ctx, part: Partition, change: Extract<PartitionChange, { kind: 'leader' }>) {
  const { previousLeader, leader, isr } = change;
  part.fetchSession++;
  if (previousLeader !== null && previousLeader !== leader) failDelayedProduces(ctx, part, previousLeader);
  for (const id of part.replicas) {
    const rep = part.replicaLogs[id];
    rep.follower = freshFollowerState(ctx.now, isr.includes(id));
  }
  if (leader !== null) {
    const leaderLog = part.replicaLogs[leader].log;
    // makeLeader: the new epoch starts at the leader's current LEO (LeaderEpochFileCache#assign).
    assignEpoch(leaderLog, part.leaderEpoch, leaderLog.logEndOffset);
    startAllFetchers(ctx, part);
    maybeIncrementHighWatermark(ctx, part);
  }
}

/** The leader's AlterPartition (or the controller's removal of a fenced broker) is committed. */
function applyIsrChange(ctx: Ctx, part: Partition, joined: BrokerId | null) {
  if (joined !== null) part.replicaLogs[joined].follower.lastCaughtUpTime = ctx.now;
  // A smaller ISR can let the HW move (min LEO over fewer replicas), a larger one can satisfy min ISR again.
  maybeIncrementHighWatermark(ctx, part);
}

function applyPartitionChange(ctx: Ctx, part: Partition, change: PartitionChange): void {
  switch (change.kind) {
    case 'leader':
      applyLeaderChange(ctx, part, change);
      break;
    case 'isr':
      applyIsrChange(ctx, part, change.joined);
      break;
    case 'replicas':
      // Fetches in flight to or from replicas that came or went must not land: a new fetch session.
      if (part.leader !== null) restartFetchers(ctx, part);
      else part.fetchSession++;
  }
}

/** A broker that can reach the cluster again: its followers resume fetching where a leader exists. */
export function resumeReplication(ctx: Ctx, id: BrokerId): void {
  for (const name in ctx.state.topics)
    for (const part of ctx.state.topics[name].partitions)
      if (part.replicas.includes(id) && part.leader !== null) restartFetchers(ctx, part);
}

export const replicaManagerHooks: readonly Hook[] = [
  onSignal('partitionChangePublished', (ctx, { topic, partition, change }) => {
    const part = ctx.state.topics[topic]?.partitions[partition];
    if (part) applyPartitionChange(ctx, part, change);
  }),
  on('brokerRegistered', (ctx, ev) => resumeReplication(ctx, ev.brokerId)),
  on('replicaFetchResumed', (ctx, ev) => {
    const b = ctx.state.brokers[ev.brokerId];
    if (b.process === 'running' && b.network === 'connected' && b.brokerEpoch >= 0)
      resumeReplication(ctx, ev.brokerId);
  }),
  on('brokerHealed', (ctx, ev) => {
    const b = ctx.state.brokers[ev.brokerId];
    // An unregistered broker registers first (brokerRegistered); a stopped one has nothing to resume.
    if (b.process === 'running' && b.brokerEpoch >= 0) resumeReplication(ctx, ev.brokerId);
  }),
];
