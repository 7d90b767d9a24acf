// Partition reassignment (AlterPartitionReassignments, kafka-reassign-partitions.sh --execute) as KRaft does it:
// the replica set becomes target + replicas being removed, new replicas start empty and fetch from the leader, and
// once every target replica is in the ISR the controller drops the removed ones (electing a target replica as
// leader if the old leader is leaving). `replicas: null` cancels (KIP-455): the partition reverts to its original
// replicas. A new target while one is in progress is computed against the original replicas, not the previous
// target (ReplicationControlManager#changePartitionReassignment, PartitionReassignmentReplicas).
import { fmtIds, isBrokerUnfenced } from '../cluster/lookup';
import { newReplica } from '../cluster/replicas';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { type CommandHandlers, fail, type Hook, okVoid, on } from '../engine/registry';
import { appendMetadata, hasActiveController } from './metadataLog';
import { publishPartitionChange } from './metadataPublisher';
import { changeLeader } from './partitionChange';

function writeChange(ctx: Ctx, p: Partition, cause: string): void {
  p.partitionEpoch++;
  appendMetadata(ctx, {
    type: 'PartitionChangeRecord',
    topicId: ctx.state.topics[p.topic].topicId,
    partitionId: p.partition,
    leader: p.leader ?? -1,
    isr: [...p.isr],
    leaderEpoch: p.leaderEpoch,
    partitionEpoch: p.partitionEpoch,
    cause,
  });
}

const target = (p: Partition): BrokerId[] => p.replicas.filter((id) => !p.removingReplicas.includes(id));
/** The replicas before the reassignment started (PartitionReassignmentRevert: replicas minus adding). */
const original = (p: Partition): BrokerId[] => p.replicas.filter((id) => !p.addingReplicas.includes(id));
const inProgress = (p: Partition): boolean => p.addingReplicas.length > 0 || p.removingReplicas.length > 0;

/** Drop replicas that are no longer in the replica set: their copies go, and leadership moves off them. */
function shrinkTo(ctx: Ctx, p: Partition, replicas: BrokerId[], why: string): void {
  const dropped = p.replicas.filter((id) => !replicas.includes(id));
  const isr = p.isr.filter((id) => replicas.includes(id));
  p.replicas = replicas;
  for (const id of dropped) delete p.replicaLogs[id];
  if (p.leader !== null && !replicas.includes(p.leader)) {
    // Clean election among the remaining ISR in replica order (PartitionChangeBuilder#electLeader).
    const next = replicas.find((id) => isr.includes(id) && isBrokerUnfenced(ctx.state, id)) ?? null;
    changeLeader(
      ctx,
      p,
      next,
      isr.length ? isr : [replicas[0]],
      next === null ? 'none' : 'clean',
      `${why}; leader moves to ${next ?? 'none'}`,
    );
  } else {
    p.isr = isr;
    writeChange(ctx, p, why);
    // Fetches in flight from the dropped replicas must not land on their deleted logs: new fetch session.
    if (dropped.length > 0) publishPartitionChange(ctx, p, { kind: 'replicas' });
  }
}

function cancel(ctx: Ctx, p: Partition): void {
  const replicas = original(p);
  const dropped = [...p.addingReplicas];
  p.addingReplicas = [];
  p.removingReplicas = [];
  const why = `reassignment of ${p.topic}-${p.partition} cancelled: back to replicas ${fmtIds(replicas)}${dropped.length ? `, the half-copied replicas on ${fmtIds(dropped)} are deleted` : ''}`;
  shrinkTo(ctx, p, replicas, why);
  ctx.emit('reassignmentCancelled', why, {
    topic: p.topic,
    partition: p.partition,
    replicas: [...replicas],
    dropped,
  });
}

function complete(ctx: Ctx, p: Partition): void {
  const replicas = target(p);
  const removed = [...p.removingReplicas];
  p.addingReplicas = [];
  p.removingReplicas = [];
  const why = `reassignment of ${p.topic}-${p.partition} finished: every target replica is in the ISR; replicas ${fmtIds(replicas)}${removed.length ? `, ${fmtIds(removed)} removed and their copies deleted` : ''}`;
  shrinkTo(ctx, p, replicas, why);
  ctx.emit('reassignmentCompleted', why, {
    topic: p.topic,
    partition: p.partition,
    replicas: [...replicas],
    removed,
  });
}

function maybeComplete(ctx: Ctx, p: Partition): void {
  if (!inProgress(p)) return;
  // The controller completes a reassignment only once every target replica is in the ISR
  // (PartitionChangeBuilder#completeReassignmentIfNeeded).
  if (target(p).every((id) => p.isr.includes(id)) && hasActiveController(ctx)) complete(ctx, p);
}

export const reassignmentCommands = {
  alterPartitionReassignments: (ctx, cmd) => {
    if (!hasActiveController(ctx))
      return fail('NOT_CONTROLLER', 'No active controller: the KRaft quorum has no leader.');
    if (cmd.reassignments.length === 0)
      return fail('INVALID_REPLICA_ASSIGNMENT', 'Partition reassignment list cannot be empty');
    for (const r of cmd.reassignments) {
      const p = ctx.state.topics[r.topic]?.partitions[r.partition];
      if (!p)
        return fail(
          'UNKNOWN_TOPIC_OR_PARTITION',
          `Topic-partition ${r.topic}-${r.partition} does not exist.`,
        );
      if (r.replicas === null) {
        if (!inProgress(p))
          return fail('NO_REASSIGNMENT_IN_PROGRESS', 'No partition reassignment is in progress.');
        if (!p.isr.some((id) => original(p).includes(id)))
          return fail(
            'INVALID_REPLICA_ASSIGNMENT',
            `Unable to revert partition assignment for ${r.topic}-${r.partition} because it would require an unclean leader election.`,
          );
        continue;
      }
      if (r.replicas.length === 0)
        return fail(
          'INVALID_REPLICA_ASSIGNMENT',
          `The proposed assignment for partition ${r.topic}-${r.partition} is empty.`,
        );
      if (new Set(r.replicas).size !== r.replicas.length)
        return fail(
          'INVALID_REPLICA_ASSIGNMENT',
          `The proposed assignment for partition ${r.topic}-${r.partition} contains duplicate brokers.`,
        );
      const unknown = r.replicas.find((id) => !ctx.state.brokers[id]);
      if (unknown !== undefined)
        return fail(
          'INVALID_REPLICA_ASSIGNMENT',
          `The manual partition assignment includes broker ${unknown}, but no such broker is registered.`,
        );
    }
    for (const r of cmd.reassignments) {
      const p = ctx.state.topics[r.topic].partitions[r.partition];
      if (r.replicas === null) {
        cancel(ctx, p);
        continue;
      }
      const wanted = r.replicas;
      const current = original(p);
      const adding = wanted.filter((id) => !current.includes(id));
      const removing = current.filter((id) => !wanted.includes(id));
      // Replicas added by an earlier, now superseded target that the new one does not keep.
      const abandoned = p.replicas.filter((id) => !wanted.includes(id) && !current.includes(id));
      for (const id of abandoned) delete p.replicaLogs[id];
      p.isr = p.isr.filter((id) => !abandoned.includes(id));
      for (const id of adding) {
        if (!p.replicaLogs[id]) {
          p.replicaLogs[id] = newReplica(id, ctx.now, false);
        }
      }
      p.replicas = [...r.replicas, ...removing];
      p.addingReplicas = adding;
      p.removingReplicas = removing;
      writeChange(ctx, p, `reassignment of ${p.topic}-${p.partition} to ${fmtIds(r.replicas)} started`);
      ctx.emit(
        'reassignmentStarted',
        `reassignment of ${p.topic}-${p.partition} started: target ${fmtIds(r.replicas)}${adding.length ? `; ${fmtIds(adding)} copy the log from leader ${p.leader ?? 'none'}` : ''}${removing.length ? `; ${fmtIds(removing)} leave once the targets are in sync` : ''}`,
        { topic: p.topic, partition: p.partition, target: [...r.replicas], adding, removing },
      );
      if (adding.length + abandoned.length > 0) publishPartitionChange(ctx, p, { kind: 'replicas' });
      maybeComplete(ctx, p);
    }
    return okVoid();
  },
} satisfies CommandHandlers;

export const reassignmentHooks: readonly Hook[] = [
  on('isrChanged', (ctx, ev) => {
    if (ev.cause !== 'expand') return;
    const p = ctx.state.topics[ev.topic]?.partitions[ev.partition];
    if (p) maybeComplete(ctx, p);
  }),
];
