// The Connect area's commands: starting the workers, REST calls, stopping and starting workers, and the
// source database's statements.
import type { Ctx } from '../../engine/context';
import { type CommandHandlers, fail, ok, okVoid } from '../../engine/registry';
import { initialAssignorState } from '../assignorTypes';
import type { RowChange } from '../debezium';
import { emptyConnectCluster, handleConnectRequest } from '../rest/handler';
import { connectorStatusRecord, taskStatusRecord } from '../rest/internalTopics';
import { SIMULATED_PLUGINS } from '../rest/plugins';
import { deleteRow, insertRow, newTable, unknownColumn, updateRow } from './database';
import { area, rebalance, writeInternal } from './group';
import { ensureTopic, INTERNAL_TOPICS } from './kafkaLog';
import type { ConnectAreaState, DbRow } from './types';
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
    database: {},
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

/** Each statement commits on its own (autocommit): one transaction, one log entry. */
function logChange(
  ctx: Ctx,
  table: string,
  kind: RowChange['kind'],
  before: DbRow | null,
  after: DbRow | null,
) {
  const a = area(ctx);
  a.wal.push({
    table,
    change: { kind, before, after, txId: a.nextTxId, lsn: a.nextLsn, tsMs: ctx.now },
  });
  a.nextTxId += 1;
  a.nextLsn += 56;
}

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

  connectDbCreateTable: (ctx, cmd) => {
    const a = area(ctx);
    if (a.database[cmd.table]) return fail('SQLITE_ERROR', `table ${cmd.table} already exists`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(cmd.table))
      return fail('SQLITE_ERROR', `near "${cmd.table}": syntax error`);
    a.database[cmd.table] = newTable(cmd.columns);
    ctx.emit(
      'connectDbChanged',
      `the database created table ${cmd.table} (${a.database[cmd.table].columns.join(', ')})`,
      {
        table: cmd.table,
        op: 'create',
      },
    );
    return okVoid();
  },

  connectDbInsert: (ctx, cmd) => {
    const t = area(ctx).database[cmd.table];
    if (!t) return fail('SQLITE_ERROR', `no such table: ${cmd.table}`);
    const bad = unknownColumn(t, cmd.table, cmd.values);
    if (bad) return fail('SQLITE_ERROR', bad);
    if (typeof cmd.values.id === 'number' && t.rows.some((r) => r.id === cmd.values.id))
      return fail('SQLITE_CONSTRAINT', `UNIQUE constraint failed: ${cmd.table}.id`);
    const row = insertRow(t, cmd.values, ctx.now);
    logChange(ctx, cmd.table, 'insert', null, { ...row });
    ctx.emit('connectDbChanged', `INSERT INTO ${cmd.table}: row id=${row.id} committed at ${ctx.now}`, {
      table: cmd.table,
      op: 'insert',
      id: row.id as number,
    });
    return ok({ id: row.id as number });
  },

  connectDbUpdate: (ctx, cmd) => {
    const t = area(ctx).database[cmd.table];
    if (!t) return fail('SQLITE_ERROR', `no such table: ${cmd.table}`);
    const bad = unknownColumn(t, cmd.table, cmd.values);
    if (bad) return fail('SQLITE_ERROR', bad);
    const before = t.rows.find((r) => r.id === cmd.id);
    const old = before ? { ...before } : null;
    if (!updateRow(t, cmd.id, cmd.values, ctx.now)) return okVoid(); // UPDATE … WHERE id=n matching no row
    logChange(ctx, cmd.table, 'update', old, { ...(t.rows.find((r) => r.id === cmd.id) as DbRow) });
    ctx.emit('connectDbChanged', `UPDATE ${cmd.table}: row id=${cmd.id} changed, updated_at=${ctx.now}`, {
      table: cmd.table,
      op: 'update',
      id: cmd.id,
    });
    return okVoid();
  },

  connectDbDelete: (ctx, cmd) => {
    const t = area(ctx).database[cmd.table];
    if (!t) return fail('SQLITE_ERROR', `no such table: ${cmd.table}`);
    const gone = t.rows.find((r) => r.id === cmd.id);
    if (!gone || !deleteRow(t, cmd.id)) return okVoid();
    logChange(ctx, cmd.table, 'delete', { ...gone }, null);
    ctx.emit(
      'connectDbChanged',
      `DELETE FROM ${cmd.table}: row id=${cmd.id} is gone; a polling JDBC source never sees a deleted row`,
      { table: cmd.table, op: 'delete', id: cmd.id },
    );
    return okVoid();
  },
} satisfies CommandHandlers;
