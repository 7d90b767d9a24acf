// The Connect area's commands: starting the workers, REST calls, stopping and starting workers, and the
// source database's statements.
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../../engine/registry';
import { initialAssignorState } from '../assignorTypes';
import { installedSqlite, SQLITE_NOT_LOADED } from '../database/engine';
import { runScript } from '../database/session';
import { emptyDatabase } from '../database/types';
import { emptyConnectCluster, handleConnectRequest } from '../rest/handler';
import { connectorStatusRecord, taskStatusRecord } from '../rest/internalTopics';
import { SIMULATED_PLUGINS } from '../rest/plugins';
import { logTransaction } from './changeLog';
import { area, rebalance, writeInternal } from './group';
import { ensureTopic, INTERNAL_TOPICS } from './kafkaLog';
import type { ConnectAreaState } from './types';
import { reconcileTasks, stopTask } from './workerTasks';

/** DistributedConfig defaults (offset.flush.interval.ms is WorkerConfig's 60000; Kafka's sample file sets 10000). */
export function initialConnectState(): ConnectAreaState {
  return {
    mode: null,
    groupId: 'connect-cluster',
    offsetFlushIntervalMs: 60_000,
    maxDelayMs: 300_000,
    sessionTimeoutMs: 10_000,
    cluster: emptyConnectCluster([]),
    workers: [],
    assignor: initialAssignorState(),
    lastCompletedGeneration: 0,
    scheduledRebalanceAt: null,
    committedSourceOffsets: {},
    runtime: {},
    taskEpochs: {},
    database: emptyDatabase(),
    wal: [],
    // PostgreSQL-like log positions and transaction ids (illustrative starting values)
    nextLsn: 23_000_000,
    nextTxId: 750,
    buckets: {},
    indices: {},
  };
}

const configuredShape = (a: ConnectAreaState) =>
  a.cluster.connectors.map((c) => `${c.name}:${c.taskConfigs.length}:${c.targetState}`).join(',');

function joinWorker(ctx: Ctx, id: string): void {
  const a = area(ctx);
  const existing = a.workers.find((w) => w.id === id);
  const epoch = (existing?.epoch ?? 0) + 1;
  if (existing) {
    existing.state = 'running';
    existing.epoch = epoch;
  } else a.workers.push({ id, state: 'running', epoch });
  if (!a.cluster.workers.includes(id)) a.cluster.workers = [...a.cluster.workers, id];
  ctx.emit('connectWorkerJoined', `worker ${id} started and joined group ${a.groupId}`, { worker: id });
  ctx.schedule(a.offsetFlushIntervalMs, { type: 'connectOffsetFlush', worker: id, epoch });
}

export const connectCommands = {
  connectStart: (ctx, cmd) => {
    const a = area(ctx);
    if (a.mode !== null) return fail('INVALID_REQUEST', `A Connect cluster (${a.mode}) is already running`);
    const mode = cmd.mode ?? 'distributed';
    const n = mode === 'standalone' ? 1 : (cmd.workers ?? 2);
    if (n < 1 || n > 6) return fail('INVALID_REQUEST', 'Between 1 and 6 workers');
    if (mode === 'distributed')
      for (const t of INTERNAL_TOPICS)
        if (
          !ensureTopic(ctx, t.topic, t.partitions, cmd.internalReplicationFactor ?? 3, {
            'cleanup.policy': 'compact',
          })
        )
          return fail('TIMEOUT_EXCEPTION', `Could not create the internal topic ${t.topic}`);
    a.mode = mode;
    a.groupId = cmd.groupId ?? a.groupId;
    a.offsetFlushIntervalMs = cmd.offsetFlushIntervalMs ?? a.offsetFlushIntervalMs;
    a.maxDelayMs = cmd.maxDelayMs ?? a.maxDelayMs;
    const ids = Array.from({ length: n }, (_, i) => `connect-${i + 1}:8083`);
    ctx.emit(
      'connectClusterStarted',
      mode === 'distributed'
        ? `${n} Connect worker(s) started in distributed mode (group.id=${a.groupId}); they keep connector configs in connect-configs, source offsets in connect-offsets and statuses in connect-status (all compacted)`
        : 'a Connect worker started in standalone mode: configs from its properties files, offsets in a local file, no group',
      { mode, workers: ids, groupId: a.groupId },
    );
    for (const id of ids) joinWorker(ctx, id);
    rebalance(ctx, 'workers joined');
    return ok({ workers: ids });
  },

  connectRest: (ctx, cmd) => {
    const a = area(ctx);
    if (!a.workers.some((w) => w.state === 'running'))
      return fail('CONNECTION_REFUSED', 'Failed to connect to localhost port 8083: Connection refused');
    const before = configuredShape(a);
    const statusesBefore = new Map(
      a.cluster.connectors.flatMap((c) =>
        c.taskStatuses.map((s, i) => [`${c.name}-${i}`, JSON.stringify(s)]),
      ),
    );
    const r = handleConnectRequest(a.cluster, cmd.request, SIMULATED_PLUGINS);
    const connector = r.events.find((e) => e.connector)?.connector;
    ctx.emit(
      'connectRestCall',
      `${cmd.request.method} ${cmd.request.path} → ${r.status}${r.events.length > 0 ? `: ${r.events.map((e) => e.reason).join('; ')}` : ''}`,
      {
        method: cmd.request.method,
        path: cmd.request.path,
        status: r.status,
        ...(connector ? { connector } : {}),
      },
    );
    if (r.newState !== a.cluster) {
      // a status the worker rewrote (restart) means the task instance was restarted
      for (const c of r.newState.connectors)
        c.taskStatuses.forEach((s, i) => {
          const id = `${c.name}-${i}`;
          const rt = a.runtime[id];
          if (rt && statusesBefore.get(id) !== JSON.stringify(s)) stopTask(ctx, rt, true, 'restarted');
        });
      a.cluster = structuredClone(r.newState);
      writeInternal(ctx, r.records);
      if (configuredShape(a) !== before) rebalance(ctx, 'the connector configuration changed');
      reconcileTasks(ctx);
    }
    return ok({ status: r.status, headers: r.headers, ...(r.body === undefined ? {} : { body: r.body }) });
  },

  connectWorkerStop: (ctx, cmd) => {
    const a = area(ctx);
    const w = a.workers.find((x) => x.id === cmd.worker);
    if (w?.state !== 'running') return fail('INVALID_REQUEST', `No running worker ${cmd.worker}`);
    if (cmd.crash) {
      w.state = 'crashed';
      ctx.emit(
        'connectWorkerLeft',
        `worker ${w.id} crashed: it wrote nothing, so connect-status still says RUNNING on ${w.id}; the group notices after session.timeout.ms=${a.sessionTimeoutMs}`,
        { worker: w.id, crash: true },
      );
      reconcileTasks(ctx);
      ctx.schedule(a.sessionTimeoutMs, { type: 'connectSessionExpired', worker: w.id, epoch: w.epoch });
      return okVoid();
    }
    // A clean shutdown: tasks stop and flush, each connector and task is written UNASSIGNED
    // (AbstractHerder#onShutdown), the worker leaves the group and the others rebalance at once.
    for (const rt of Object.values(a.runtime))
      if (rt.worker === w.id) stopTask(ctx, rt, true, 'worker shutting down');
    for (const c of a.cluster.connectors) {
      if (c.status.workerId === w.id && c.status.state !== 'UNASSIGNED') {
        c.status = { ...c.status, state: 'UNASSIGNED' };
        writeInternal(ctx, [connectorStatusRecord(c.name, c.status)]);
      }
      c.taskStatuses.forEach((s, i) => {
        if (s.workerId === w.id && s.state !== 'UNASSIGNED') {
          c.taskStatuses[i] = { ...s, state: 'UNASSIGNED' };
          writeInternal(ctx, [taskStatusRecord(c.name, i, c.taskStatuses[i])]);
        }
      });
    }
    w.state = 'stopped';
    a.cluster.workers = a.cluster.workers.filter((x) => x !== w.id);
    ctx.emit('connectWorkerLeft', `worker ${w.id} stopped cleanly and left group ${a.groupId}`, {
      worker: w.id,
      crash: false,
    });
    rebalance(ctx, `${w.id} left the group`);
    reconcileTasks(ctx);
    return okVoid();
  },

  connectWorkerStart: (ctx, cmd) => {
    const a = area(ctx);
    if (a.mode !== 'distributed')
      return fail('INVALID_REQUEST', 'Workers join a group only in distributed mode');
    const w = a.workers.find((x) => x.id === cmd.worker);
    if (w?.state === 'running') return fail('INVALID_REQUEST', `Worker ${cmd.worker} is already running`);
    if (!/^[a-z0-9.-]+:\d+$/.test(cmd.worker)) return fail('INVALID_REQUEST', 'A worker id is host:port');
    if (w?.state === 'crashed') a.cluster.workers = a.cluster.workers.filter((x) => x !== w.id);
    joinWorker(ctx, cmd.worker);
    rebalance(ctx, `${cmd.worker} joined the group`);
    reconcileTasks(ctx);
    return okVoid();
  },

  connectDbExec: (ctx, cmd) => {
    if (!installedSqlite()) return fail('SQLITE_ERROR', SQLITE_NOT_LOADED);
    const a = area(ctx);
    const outcome = runScript(a.database, cmd.sql, ctx.now, cmd.bail ?? true);
    for (const tx of outcome.transactions) logTransaction(ctx, tx);
    if (outcome.changed && outcome.transactions.length === 0)
      ctx.emit(
        'connectDbChanged',
        'the database schema changed (DDL is not a row change: no change events)',
        {
          tables: Object.keys(a.database.tables),
          inserts: 0,
          updates: 0,
          deletes: 0,
          txId: null,
        },
      );
    return ok({ results: outcome.results });
  },
} satisfies CommandHandlers;
