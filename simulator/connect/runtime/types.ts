// The Connect area's state: a group of workers on the simulated cluster running connectors and tasks, the
// source database the JDBC source polls, and the simulated S3 bucket and Elasticsearch index the sinks write.
import type { AssignorState } from '../assignorTypes';
import type { SqlResult } from '../database/session';
import type { DatabaseState } from '../database/types';
import type { RowChange } from '../debezium';
import type { JdbcSinkRecord } from '../jdbcSink';
import type { ConnectClusterState, ConnectRequest } from '../rest/types';
import type { S3PartitionWriter, SinkRecordLite } from '../s3Sink';

export type { DbRow, DbValue } from '../database/types';
/** A source offset map as a connector stores it (JDBC: {"incrementing":3}; Debezium: {"lsn":…,"txId":…}). */
export type SourceOffset = Record<string, number | boolean>;

/** One committed change in the database's log (what logical decoding hands a CDC connector), in commit order. */
export type WalEntry = { table: string; change: RowChange };

export type ConnectWorkerState = 'running' | 'stopped' | 'crashed';

export type ConnectWorker = {
  /** `host:port` as the REST listener advertises it (`connect-1:8083`). */
  id: string;
  state: ConnectWorkerState;
  /** Bumped on every start: tasks scheduled for an earlier life of the worker are stale. */
  epoch: number;
};

/** What a running task keeps in memory (lost when its worker crashes). */
export type TaskRuntime = {
  connector: string;
  task: number;
  worker: string;
  /** Bumped on every start of this task id: stale polls do nothing. */
  epoch: number;
  kind: 'source' | 'sink';
  /** Source: the offsets of the records it produced, per source partition (not yet flushed to connect-offsets). */
  sourceOffsets: Record<string, SourceOffset>;
  /** Sink: the next offset to read, per `topic-partition`. */
  positions: Record<string, number>;
  /** S3 sink: the open file of each topic-partition. */
  s3Writers: Record<string, S3PartitionWriter>;
  /** Sink: its consumer's member id in the group `connect-<name>`. */
  memberId?: string;
  /** JDBC sink: JdbcSinkTask#remainingRetries (max.retries, reset after a successful write). */
  remainingRetries?: number;
  /** A batch put() refused with a RetriableException: WorkerSinkTask pauses and redelivers it at `at`. */
  redelivery?: SinkRedelivery;
};

/** WorkerSinkTask's pausedForRedelivery: the same batch is handed to put() again; positions resume after it. */
export type SinkRedelivery = { batch: JdbcSinkRecord[]; at: number; resume: Record<string, number> };

/** An object in the simulated S3 bucket. */
export type BucketObject = { key: string; connector: string; records: SinkRecordLite[]; writes: number };

/** A document in the simulated Elasticsearch index. */
export type IndexDocument = { id: string; source: string; version: number };

export type ConnectAreaState = {
  /** null until `connect-distributed.sh` starts the first worker. */
  mode: 'distributed' | 'standalone' | null;
  groupId: string;
  /** offset.flush.interval.ms (worker config). */
  offsetFlushIntervalMs: number;
  /** scheduled.rebalance.max.delay.ms (DistributedConfig, default 300000). */
  maxDelayMs: number;
  /** session.timeout.ms of the worker group (DistributedConfig, default 10000). */
  sessionTimeoutMs: number;
  /** The control plane: connectors, task configs, statuses; `workers` = the live members of the group. */
  cluster: ConnectClusterState;
  workers: ConnectWorker[];
  /** The leader's IncrementalCooperativeAssignor memory. */
  assignor: AssignorState;
  lastCompletedGeneration: number;
  /** When the scheduled (delayed) rebalance runs, or null. */
  scheduledRebalanceAt: number | null;
  /** Source offsets as committed to connect-offsets (key = the offsets topic's JSON key). */
  committedSourceOffsets: Record<string, SourceOffset>;
  /** Running tasks by `connector-task`. */
  runtime: Record<string, TaskRuntime>;
  taskEpochs: Record<string, number>;
  /** The source/sink database: plain rows and schema text; SQLite (sql.js) runs every statement on it. */
  database: DatabaseState;
  /** The database's change log (PostgreSQL's WAL as logical decoding reads it): every committed change, in order. */
  wal: WalEntry[];
  nextLsn: number;
  nextTxId: number;
  /** Simulated S3 buckets: bucket → object key → object. */
  buckets: Record<string, Record<string, BucketObject>>;
  /** Simulated Elasticsearch: index → document id → document. */
  indices: Record<string, Record<string, IndexDocument>>;
};

export type ConnectStartSpec = {
  mode?: 'distributed' | 'standalone';
  /** Number of workers (distributed; standalone always runs one). Default 2. */
  workers?: number;
  groupId?: string;
  offsetFlushIntervalMs?: number;
  maxDelayMs?: number;
  /** config/offset/status.storage.replication.factor (DistributedConfig default 3; Kafka's sample file sets 1). */
  internalReplicationFactor?: number;
};

export type ConnectRestResult = {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
};

declare module '../../engine/registry' {
  interface AreaStates {
    connect: ConnectAreaState;
  }
  interface CommandMap {
    /** `connect-distributed.sh` on N hosts (or `connect-standalone.sh`): workers join the group, internal topics are created. */
    connectStart: ConnectStartSpec;
    /** One REST call to the Connect API (the console's curl), answered by a live worker. */
    connectRest: { request: ConnectRequest };
    /** Stop a worker: cleanly (tasks stop, UNASSIGNED written, group left) or by a crash (nothing written). */
    connectWorkerStop: { worker: string; crash?: boolean };
    /** Start a stopped worker again (or a new one): it joins the group and a rebalance runs. */
    connectWorkerStart: { worker: string };
    /**
     * SQL run by SQLite as the sqlite3 shell runs it (`sqlite3 shop.db "SQL"` bails at the first error; SQL on
     * stdin, `bail: false`, goes on with the next statement). Each committed transaction's row changes go to the
     * change log a CDC connector reads.
     */
    connectDbExec: { sql: string; bail?: boolean };
  }
  interface CommandResultMap {
    connectStart: { workers: string[] };
    connectRest: ConnectRestResult;
    connectDbExec: { results: SqlResult[] };
  }
  interface EventMap {
    connectClusterStarted: { mode: 'distributed' | 'standalone'; workers: string[]; groupId: string };
    connectWorkerJoined: { worker: string };
    connectWorkerLeft: { worker: string; crash: boolean };
    connectRestCall: { method: string; path: string; status: number; connector?: string };
    connectRebalanced: { generation: number; delay: number; detail: string };
    connectTaskStarted: { connector: string; task: number; worker: string };
    connectTaskStopped: { connector: string; task: number; worker: string; committed: boolean };
    connectTaskFailed: { connector: string; task: number; worker: string; trace: string };
    connectSourcePolled: { connector: string; task: number; table: string; sql: string; rows: number };
    connectOffsetsFlushed: { worker: string; connector: string; task: number; offsets: string[] };
    connectSinkDelivered: { connector: string; task: number; records: number; written: string[] };
    connectRecordToDlq: { connector: string; task: number; topic: string; offset: number; dlq: string };
    connectSinkRetry: {
      connector: string;
      task: number;
      records: number;
      remainingRetries: number;
      backoffMs: number;
      message: string;
    };
    connectRecordSkipped: { connector: string; task: number; topic: string; offset: number; message: string };
    connectDbChanged: {
      tables: string[];
      inserts: number;
      updates: number;
      deletes: number;
      txId: number | null;
    };
  }
  interface TaskMap {
    /** A task's poll loop iteration (stale when the task was restarted or stopped). */
    connectTaskPoll: { connector: string; task: number; epoch: number };
    /** offset.flush.interval.ms tick of a worker's tasks. */
    connectOffsetFlush: { worker: string; epoch: number };
    /** The group coordinator notices a crashed worker after session.timeout.ms. */
    connectSessionExpired: { worker: string; epoch: number };
    /** The follow-up rebalance the leader scheduled (scheduled.rebalance.max.delay.ms). */
    connectScheduledRebalance: { at: number };
  }
}
