// The worker group: writing the control plane's records to the internal topics, and the rebalance the leader
// runs when a worker joins or leaves or the connector set changes (WorkerCoordinator + the
// IncrementalCooperativeAssignor, KIP-415). Simplified: JoinGroup/SyncGroup are instantaneous; the leader is the
// first live worker; every member applies its assignment at once.
import type { Ctx } from '../../engine/context';
import { performTaskAssignment } from '../incrementalCooperativeAssignor';
import { settledState } from '../rest/herder';
import { connectorStatusRecord, taskStatusRecord } from '../rest/internalTopics';
import type { ConnectorEntry, InternalRecord, RuntimeStatus } from '../rest/types';
import type { ConnectorsAndTasks } from '../workerLoad';
import { appendRecords } from './kafkaLog';
import type { ConnectAreaState } from './types';

export const area = (ctx: Ctx): ConnectAreaState => ctx.state.areas.connect;

/** KafkaConfigBackingStore / KafkaStatusBackingStore writes (standalone mode keeps them in memory only). */
export function writeInternal(ctx: Ctx, records: readonly InternalRecord[]): void {
  if (area(ctx).mode !== 'distributed') return;
  for (const r of records)
    appendRecords(ctx, r.topic, [{ key: r.key, value: r.value === null ? null : JSON.stringify(r.value) }]);
}

const status = (
  ctx: Ctx,
  c: ConnectorEntry,
  workerId: string,
  state = settledState(c.targetState),
): RuntimeStatus => ({
  state,
  workerId,
  trace: null,
  generation: area(ctx).cluster.generation,
});

/** What each live member reports it runs (its JoinGroup metadata): items whose status names it, unless UNASSIGNED. */
function memberAssignments(a: ConnectAreaState): Record<string, ConnectorsAndTasks> {
  const out: Record<string, { connectors: string[]; tasks: { connector: string; task: number }[] }> = {};
  for (const w of a.cluster.workers) out[w] = { connectors: [], tasks: [] };
  for (const c of a.cluster.connectors) {
    if (c.status.state !== 'UNASSIGNED' && out[c.status.workerId])
      out[c.status.workerId].connectors.push(c.name);
    c.taskStatuses.forEach((t, task) => {
      if (t.state !== 'UNASSIGNED' && out[t.workerId])
        out[t.workerId].tasks.push({ connector: c.name, task });
    });
  }
  return out;
}

function setConnectorStatus(ctx: Ctx, c: ConnectorEntry, s: RuntimeStatus): void {
  c.status = s;
  writeInternal(ctx, [connectorStatusRecord(c.name, s)]);
}

function setTaskStatus(ctx: Ctx, c: ConnectorEntry, task: number, s: RuntimeStatus): void {
  c.taskStatuses[task] = s;
  writeInternal(ctx, [taskStatusRecord(c.name, task, s)]);
}

/**
 * One rebalance round: a new generation, the leader's assignment, each member stops what was revoked (writing
 * UNASSIGNED as it stops) and starts what it was given. A round with revocations is followed at once by another
 * (the revoking members rejoin); a non-zero delay schedules the follow-up rebalance.
 */
export function rebalance(ctx: Ctx, why: string): void {
  const a = area(ctx);
  if (a.mode === 'standalone' && a.cluster.workers.length === 1) {
    // A standalone worker runs everything itself: no group, no assignor, no delay.
    const [worker] = a.cluster.workers;
    for (const c of a.cluster.connectors) {
      if (c.status.state === 'UNASSIGNED') c.status = status(ctx, c, worker);
      c.taskStatuses.forEach((t, i) => {
        if (t.state === 'UNASSIGNED') c.taskStatuses[i] = status(ctx, c, worker);
      });
    }
    return;
  }
  if (a.mode !== 'distributed' || a.cluster.workers.length === 0) return;
  for (let round = 0; round < 4; round++) {
    const configured: Record<string, number> = {};
    for (const c of a.cluster.connectors) configured[c.name] = c.taskConfigs.length;
    const generation = a.lastCompletedGeneration + 1;
    const result = performTaskAssignment(a.assignor, {
      configured,
      lastCompletedGenerationId: a.lastCompletedGeneration,
      currentGenerationId: generation,
      memberAssignments: memberAssignments(a),
      now: ctx.now,
      maxDelay: a.maxDelayMs,
    });
    a.assignor = result.state;
    a.lastCompletedGeneration = generation;
    a.cluster.generation = generation;
    let revoked = 0;
    for (const [worker, asg] of Object.entries(result.assignment)) {
      for (const name of asg.revokedConnectors) {
        const c = a.cluster.connectors.find((x) => x.name === name);
        if (c && c.status.workerId === worker)
          setConnectorStatus(ctx, c, status(ctx, c, worker, 'UNASSIGNED'));
        revoked++;
      }
      for (const t of asg.revokedTasks) {
        const c = a.cluster.connectors.find((x) => x.name === t.connector);
        if (c?.taskStatuses[t.task]?.workerId === worker)
          setTaskStatus(ctx, c, t.task, status(ctx, c, worker, 'UNASSIGNED'));
        revoked++;
      }
    }
    for (const [worker, asg] of Object.entries(result.assignment)) {
      for (const name of asg.assignedConnectors) {
        const c = a.cluster.connectors.find((x) => x.name === name);
        if (c) setConnectorStatus(ctx, c, status(ctx, c, worker));
      }
      for (const t of asg.assignedTasks) {
        const c = a.cluster.connectors.find((x) => x.name === t.connector);
        if (c && t.task < c.taskConfigs.length) setTaskStatus(ctx, c, t.task, status(ctx, c, worker));
      }
    }
    const detail = result.events.map((e) => e.reason).join('; ');
    ctx.emit(
      'connectRebalanced',
      `worker group ${a.groupId} rebalanced into generation ${generation} (${why})${detail ? `: ${detail}` : ''}${
        result.delay > 0
          ? `; lost work waits ${result.delay} ms for its worker to return (scheduled.rebalance.max.delay.ms)`
          : ''
      }`,
      { generation, delay: result.delay, detail },
    );
    if (result.delay > 0) {
      const at = ctx.now + result.delay;
      a.scheduledRebalanceAt = at;
      ctx.scheduleAt(at, { type: 'connectScheduledRebalance', at });
      return;
    }
    if (revoked === 0) {
      a.scheduledRebalanceAt = null;
      return;
    }
    why = 'follow-up after revocations';
  }
}
