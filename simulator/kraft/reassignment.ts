// Partition reassignment (AlterPartitionReassignments, kafka-reassign-partitions.sh --execute) as KRaft does it:
// the replica set becomes target + replicas being removed, new replicas start empty and fetch from the leader, and
// once every target replica is in the ISR the controller drops the removed ones (electing a target replica as
// leader if the old leader is leaving).
import { fmtIds, isBrokerUnfenced } from '../cluster/lookup';
import type { BrokerId, Partition } from '../cluster/types';
import type { Ctx } from '../engine/context';
import { fail, okVoid, onEvent, registerCommand } from '../engine/registry';
import { createLog } from '../log';
import { appendMetadata, hasActiveController } from './metadataLog';
import { changeLeader, freshFollowerState, restartFetchers } from './partitionChange';

declare module '../engine/registry' {
  interface CommandMap {
    /** replicas: the target replica list in order (replicas[0] becomes the preferred leader). */
    alterPartitionReassignments: {
      reassignments: Array<{ topic: string; partition: number; replicas: BrokerId[] }>;
    };
  }
  interface EventMap {
    reassignmentStarted: {
      topic: string;
      partition: number;
      target: BrokerId[];
      adding: BrokerId[];
      removing: BrokerId[];
    };
    reassignmentCompleted: { topic: string; partition: number; replicas: BrokerId[]; removed: BrokerId[] };
  }
}

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

function complete(ctx: Ctx, p: Partition): void {
  const replicas = target(p);
  const removed = [...p.removingReplicas];
  const isr = p.isr.filter((id) => replicas.includes(id));
  p.replicas = replicas;
  p.addingReplicas = [];
  p.removingReplicas = [];
  for (const id of removed) delete p.replicaLogs[id];
  const why = `reassignment of ${p.topic}-${p.partition} finished: replicas ${fmtIds(replicas)}${removed.length ? `, ${fmtIds(removed)} removed and their copies deleted` : ''}`;
  if (p.leader !== null && !replicas.includes(p.leader)) {
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
  }
  ctx.emit('reassignmentCompleted', why, {
    topic: p.topic,
    partition: p.partition,
    replicas: [...replicas],
    removed,
  });
}

function maybeComplete(ctx: Ctx, p: Partition): void {
  if (p.addingReplicas.length === 0 && p.removingReplicas.length === 0) return;
  if (target(p).every((id) => p.isr.includes(id)) && hasActiveController(ctx)) complete(ctx, p);
}

registerCommand('alterPartitionReassignments', (ctx, cmd) => {
  if (!hasActiveController(ctx))
    return fail('NOT_CONTROLLER', 'No active controller: the KRaft quorum has no leader.');
  if (cmd.reassignments.length === 0)
    return fail('INVALID_REPLICA_ASSIGNMENT', 'Partition reassignment list cannot be empty');
  for (const r of cmd.reassignments) {
    const p = ctx.state.topics[r.topic]?.partitions[r.partition];
    if (!p)
      return fail('UNKNOWN_TOPIC_OR_PARTITION', `Topic-partition ${r.topic}-${r.partition} does not exist.`);
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
    const current = target(p);
    const adding = r.replicas.filter((id) => !current.includes(id));
    const removing = p.replicas.filter((id) => !r.replicas.includes(id));
    for (const id of adding) {
      if (!p.replicaLogs[id]) {
        p.replicaLogs[id] = {
          brokerId: id,
          log: createLog(ctx.now),
          highWatermark: 0,
          follower: freshFollowerState(ctx.now, false),
          producers: {},
        };
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
    if (adding.length === 0) complete(ctx, p);
    else if (p.leader !== null) restartFetchers(ctx, p);
  }
  return okVoid();
});

onEvent('isrChanged', (ctx, ev) => {
  if (ev.cause !== 'expand') return;
  const p = ctx.state.topics[ev.topic]?.partitions[ev.partition];
  if (p) maybeComplete(ctx, p);
});
