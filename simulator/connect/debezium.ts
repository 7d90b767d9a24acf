// Debezium's change events for one table, as its PostgreSQL connector emits them: a topic per table
// (<topic.prefix>.<schema>.<table>), the primary key as the record key, and the before/after/source/op envelope.
// A delete is followed by a tombstone so compaction can forget the key; the initial snapshot emits op "r".

export type Row = Record<string, string | number | boolean | null>;

export type ChangeKind = 'insert' | 'update' | 'delete';

/** One committed change, in commit order, as the database's log records it. */
export type RowChange = {
  kind: ChangeKind;
  before: Row | null;
  after: Row | null;
  /** Transaction id and log position of the commit (PostgreSQL txId / lsn). */
  txId: number;
  lsn: number;
  tsMs: number;
};

export type DebeziumSource = {
  version: string;
  connector: 'postgresql';
  name: string;
  ts_ms: number;
  snapshot: 'true' | 'last' | 'false';
  db: string;
  schema: string;
  table: string;
  txId: number;
  lsn: number;
};

export type DebeziumValue = {
  before: Row | null;
  after: Row | null;
  source: DebeziumSource;
  op: 'c' | 'u' | 'd' | 'r';
  ts_ms: number;
};

export type DebeziumRecord = { topic: string; key: Row | null; value: DebeziumValue | null };

export type DebeziumTable = {
  topicPrefix: string;
  db: string;
  schema: string;
  table: string;
  primaryKey: string[];
  /** REPLICA IDENTITY FULL puts the whole old row in `before`; DEFAULT only the key columns. */
  replicaIdentity: 'DEFAULT' | 'FULL';
  /** The connector version the source block reports. */
  version?: string;
};

export const debeziumTopic = (t: DebeziumTable) => `${t.topicPrefix}.${t.schema}.${t.table}`;

function keyOf(t: DebeziumTable, row: Row): Row | null {
  if (t.primaryKey.length === 0) return null;
  const key: Row = {};
  for (const c of t.primaryKey) key[c] = row[c] ?? null;
  return key;
}

function source(
  t: DebeziumTable,
  c: { txId: number; lsn: number; tsMs: number },
  snapshot: DebeziumSource['snapshot'],
): DebeziumSource {
  return {
    version: t.version ?? '3.0.0.Final',
    connector: 'postgresql',
    name: t.topicPrefix,
    ts_ms: c.tsMs,
    snapshot,
    db: t.db,
    schema: t.schema,
    table: t.table,
    txId: c.txId,
    lsn: c.lsn,
  };
}

/**
 * The records for one committed change, in order. Tables without a primary key emit only creates unless the
 * replica identity is FULL (PostgreSQL cannot log their old rows otherwise).
 */
export function changeEvents(t: DebeziumTable, c: RowChange, now: number): DebeziumRecord[] {
  const topic = debeziumTopic(t);
  const oldRow = c.before && t.replicaIdentity === 'DEFAULT' ? keyOf(t, c.before) : c.before;
  if (c.kind !== 'insert' && t.primaryKey.length === 0 && t.replicaIdentity !== 'FULL') return [];
  if (c.kind === 'insert' && c.after)
    return [{ topic, key: keyOf(t, c.after), value: envelope(t, c, null, c.after, 'c', now) }];
  if (c.kind === 'update' && c.before && c.after) {
    const oldKey = keyOf(t, c.before);
    const newKey = keyOf(t, c.after);
    if (JSON.stringify(oldKey) !== JSON.stringify(newKey))
      // A primary-key change: the old key is deleted (and tombstoned), the new one created.
      return [
        { topic, key: oldKey, value: envelope(t, c, oldRow, null, 'd', now) },
        { topic, key: oldKey, value: null },
        { topic, key: newKey, value: envelope(t, c, null, c.after, 'c', now) },
      ];
    return [{ topic, key: newKey, value: envelope(t, c, oldRow, c.after, 'u', now) }];
  }
  if (c.kind === 'delete' && c.before) {
    const key = keyOf(t, c.before);
    return [
      { topic, key, value: envelope(t, c, oldRow, null, 'd', now) },
      { topic, key, value: null },
    ];
  }
  return [];
}

function envelope(
  t: DebeziumTable,
  c: RowChange,
  before: Row | null,
  after: Row | null,
  op: DebeziumValue['op'],
  now: number,
): DebeziumValue {
  return { before, after, source: source(t, c, 'false'), op, ts_ms: now };
}

/** The initial snapshot (snapshot.mode=initial): one op "r" per existing row; the last one says snapshot "last". */
export function snapshotEvents(
  t: DebeziumTable,
  rows: Row[],
  at: { txId: number; lsn: number; tsMs: number },
  now: number,
): DebeziumRecord[] {
  return rows.map((row, i) => ({
    topic: debeziumTopic(t),
    key: keyOf(t, row),
    value: {
      before: null,
      after: row,
      source: source(t, at, i === rows.length - 1 ? 'last' : 'true'),
      op: 'r',
      ts_ms: now,
    },
  }));
}
