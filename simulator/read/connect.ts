// The Connect area as views and the console read it: workers with the connectors and tasks they run, each
// connector's status (as GET /connectors/<name>/status shows it), the sink's consumer group lag, the source
// database, the S3 bucket and the Elasticsearch index.
import { sinkGroupId } from '../connect/runtime/index';
import type { DbRow } from '../connect/runtime/types';
import type { SimState } from '../engine/state';
import { groupByIdOf } from './groups';

export type ConnectTaskView = {
  connector: string;
  task: number;
  /** AbstractStatus.State as connect-status holds it. */
  state: 'UNASSIGNED' | 'RUNNING' | 'PAUSED' | 'STOPPED' | 'FAILED' | 'RESTARTING';
  workerId: string;
  /** The worker named by the status is down: the status is stale (a crashed worker writes nothing). */
  workerDown: boolean;
  trace: string | null;
};

export type ConnectConnectorView = {
  name: string;
  type: 'source' | 'sink';
  connectorClass: string;
  targetState: 'STARTED' | 'PAUSED' | 'STOPPED';
  state: ConnectTaskView['state'];
  workerId: string;
  tasks: ConnectTaskView[];
  /** Topics it writes (source: topic.prefix + tables) or reads (sink: topics). */
  topics: string[];
  /** Sinks: the consumer group `connect-<name>` and its total lag (null when nothing is committed). */
  sinkGroup: { groupId: string; lag: number | null } | null;
};

export type ConnectWorkerView = {
  id: string;
  state: 'running' | 'stopped' | 'crashed';
  /** Still a member of the group (a crashed worker stays one until session.timeout.ms). */
  member: boolean;
  connectors: string[];
  tasks: string[];
};

export type ConnectView = {
  mode: 'distributed' | 'standalone' | null;
  groupId: string;
  generation: number;
  /** Virtual time at which the delayed rebalance (scheduled.rebalance.max.delay.ms) runs, or null. */
  scheduledRebalanceAt: number | null;
  maxDelayMs: number;
  offsetFlushIntervalMs: number;
  workers: ConnectWorkerView[];
  connectors: ConnectConnectorView[];
  tables: Array<{ name: string; columns: string[]; primaryKey: string[]; rows: DbRow[] }>;
  /** sqlite_schema: each table, index, view and trigger with its CREATE text, in creation order. */
  schema: Array<{ type: string; name: string; table: string; sql: string }>;
  buckets: Array<{ bucket: string; objects: Array<{ key: string; records: number; writes: number }> }>;
  indices: Array<{ index: string; documents: Array<{ id: string; source: string; version: number }> }>;
  /** Committed source offsets by connect-offsets key. */
  sourceOffsets: Record<string, unknown>;
};

export function connectOf(state: SimState): ConnectView {
  const a = state.areas.connect;
  const down = new Set(a.workers.filter((w) => w.state !== 'running').map((w) => w.id));
  const connectors: ConnectConnectorView[] = a.cluster.connectors.map((c) => {
    const tasks = c.taskStatuses.map((s, task) => ({
      connector: c.name,
      task,
      state: s.state,
      workerId: s.workerId,
      workerDown: down.has(s.workerId),
      trace: s.trace,
    }));
    let sinkGroup: ConnectConnectorView['sinkGroup'] = null;
    let topics: string[];
    if (c.type === 'sink') {
      topics = (c.config.topics ?? '')
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const g = groupByIdOf(state, sinkGroupId(c.name));
      const lags = g?.partitions.map((p) => p.lag) ?? [];
      sinkGroup = {
        groupId: sinkGroupId(c.name),
        lag: lags.some((l) => l !== null) ? lags.reduce<number>((s, l) => s + (l ?? 0), 0) : null,
      };
    } else {
      const cdc = c.config['connector.class'] === 'io.debezium.connector.postgresql.PostgresConnector';
      const prefix = c.config['topic.prefix'] ?? '';
      const listed = (c.config[cdc ? 'table.include.list' : 'table.whitelist'] ?? '')
        .split(',')
        .map((t) => t.trim().replace(/^public\./, ''))
        .filter(Boolean);
      // Debezium names topics <topic.prefix>.<schema>.<table>; the JDBC source topic.prefix + table
      topics = (listed.length > 0 ? listed : Object.keys(a.database.tables).sort()).map((t) =>
        cdc ? `${prefix}.public.${t}` : `${prefix}${t}`,
      );
    }
    return {
      name: c.name,
      type: c.type,
      connectorClass: c.config['connector.class'] ?? '',
      targetState: c.targetState,
      state: c.status.state,
      workerId: c.status.workerId,
      tasks,
      topics,
      sinkGroup,
    };
  });
  const workers: ConnectWorkerView[] = a.workers.map((w) => ({
    id: w.id,
    state: w.state,
    member: a.cluster.workers.includes(w.id),
    connectors: connectors.filter((c) => c.workerId === w.id && c.state !== 'UNASSIGNED').map((c) => c.name),
    tasks: connectors.flatMap((c) =>
      c.tasks
        .filter((t) => t.workerId === w.id && t.state !== 'UNASSIGNED')
        .map((t) => `${t.connector}-${t.task}`),
    ),
  }));
  return {
    mode: a.mode,
    groupId: a.groupId,
    generation: a.cluster.generation,
    scheduledRebalanceAt: a.scheduledRebalanceAt,
    maxDelayMs: a.maxDelayMs,
    offsetFlushIntervalMs: a.offsetFlushIntervalMs,
    workers,
    connectors,
    tables: Object.entries(a.database.tables)
      .sort(([x], [y]) => (x < y ? -1 : 1))
      .map(([name, t]) => ({ name, columns: t.columns, primaryKey: t.primaryKey, rows: t.rows })),
    schema: a.database.schema,
    buckets: Object.entries(a.buckets).map(([bucket, objs]) => ({
      bucket,
      objects: Object.values(objs)
        .sort((x, y) => (x.key < y.key ? -1 : 1))
        .map((o) => ({ key: o.key, records: o.records.length, writes: o.writes })),
    })),
    indices: Object.entries(a.indices).map(([index, docs]) => ({
      index,
      documents: Object.values(docs).sort((x, y) => (x.id < y.id ? -1 : 1)),
    })),
    sourceOffsets: { ...a.committedSourceOffsets },
  };
}
