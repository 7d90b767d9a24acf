import { describe, expect, it } from 'vitest';
import { changeEvents, type DebeziumTable, debeziumTopic, snapshotEvents } from './debezium';
import { jdbcNextOffset, jdbcOffsetKey, jdbcPollQuery } from './jdbcSource';
import {
  S3_SINK_DEFAULTS,
  type S3PartitionWriter,
  type SinkRecordLite,
  s3ObjectBody,
  s3ObjectKey,
  s3Put,
} from './s3Sink';

describe('S3 sink file layout and rotation (TopicPartitionWriter, DefaultPartitioner)', () => {
  const config = { ...S3_SINK_DEFAULTS, 'flush.size': 3 };
  const recs = (n: number, from = 0, ts = (i: number) => 1000 * i): SinkRecordLite[] =>
    Array.from({ length: n }, (_, i) => ({
      topic: 'orders',
      partition: 2,
      offset: from + i,
      timestamp: ts(from + i),
      value: `{"id":${from + i}}`,
    }));
  const run = (records: SinkRecordLite[], c = config) => {
    let w: S3PartitionWriter = { buffered: [], baseTimestamp: null };
    const objects = [];
    for (const r of records) {
      const step = s3Put(w, r, c);
      w = step.writer;
      objects.push(...step.committed);
    }
    return { w, objects };
  };

  it('names objects topics/<topic>/partition=<p>/<topic>+<p>+<start offset, 10 digits>.json', () => {
    expect(s3ObjectKey(config, 'orders', 2, 42)).toBe('topics/orders/partition=2/orders+2+0000000042.json');
  });

  it('flush.size: a file is committed when it holds flush.size records; the rest stays buffered', () => {
    const { w, objects } = run(recs(7));
    expect(objects.map((o) => o.key)).toEqual([
      'topics/orders/partition=2/orders+2+0000000000.json',
      'topics/orders/partition=2/orders+2+0000000003.json',
    ]);
    expect(w.buffered.map((r) => r.offset)).toEqual([6]);
    expect(s3ObjectBody(objects[0])).toBe('{"id":0}\n{"id":1}\n{"id":2}\n');
  });

  it('rotate.interval.ms (record time) closes the open file before a record that is too late for it', () => {
    const { objects } = run(
      recs(4, 0, (i) => [0, 100, 6000, 6100][i]),
      {
        ...config,
        'flush.size': 100,
        'rotate.interval.ms': 5000,
      },
    );
    expect(objects.map((o) => [o.key, o.records.length])).toEqual([
      ['topics/orders/partition=2/orders+2+0000000000.json', 2],
    ]);
  });

  it('re-delivery after a crash writes the same object names again: exactly-once files from deterministic names', () => {
    const first = run(recs(6)).objects.map((o) => o.key);
    const replay = run(recs(6)).objects.map((o) => o.key);
    expect(replay).toEqual(first);
  });
});

describe('JDBC source polling queries (TimestampIncrementingCriteria)', () => {
  it('incrementing mode: WHERE inc > ? ORDER BY inc ASC, starting below any id', () => {
    const t = { table: 'customers', mode: 'incrementing' as const, incrementingColumn: 'id' };
    expect(jdbcPollQuery(t, {}, 0)).toEqual({
      sql: 'SELECT * FROM "customers" WHERE "customers"."id" > ? ORDER BY "customers"."id" ASC',
      params: [-1],
    });
    expect(jdbcNextOffset(t, { id: 7, name: 'x' })).toEqual({ incrementing: 7 });
  });

  it('timestamp mode: WHERE ts > ? AND ts < ? with the upper bound now − timestamp.delay.interval.ms', () => {
    const t = { table: 'customers', mode: 'timestamp' as const, timestampColumns: ['updated_at'] };
    expect(jdbcPollQuery(t, { timestamp: 500 }, 10_000, 1_000)).toEqual({
      sql: 'SELECT * FROM "customers" WHERE "customers"."updated_at" > ? AND "customers"."updated_at" < ? ORDER BY "customers"."updated_at" ASC',
      params: [500, 9_000],
    });
  });

  it('timestamp+incrementing mode breaks timestamp ties by the incrementing column; several timestamps use COALESCE', () => {
    const t = {
      table: 'orders',
      mode: 'timestamp+incrementing' as const,
      incrementingColumn: 'id',
      timestampColumns: ['modified', 'created'],
    };
    const { sql, params } = jdbcPollQuery(t, { timestamp: 2000, incrementing: 5 }, 9000);
    expect(sql).toBe(
      'SELECT * FROM "orders" WHERE COALESCE("orders"."modified","orders"."created") < ? AND ((COALESCE("orders"."modified","orders"."created") = ? AND "orders"."id" > ?) OR COALESCE("orders"."modified","orders"."created") > ?) ORDER BY COALESCE("orders"."modified","orders"."created"),"orders"."id" ASC',
    );
    expect(params).toEqual([9000, 2000, 5, 2000]);
    expect(jdbcNextOffset(t, { id: 9, modified: null, created: 3000 })).toEqual({
      incrementing: 9,
      timestamp: 3000,
      timestamp_nanos: 0,
    });
  });

  it('bulk mode re-reads the whole table every poll', () => {
    expect(jdbcPollQuery({ table: 'x', mode: 'bulk' }, {}, 0).sql).toBe('SELECT * FROM "x"');
  });

  it('source offsets are keyed by connector and table in connect-offsets (OffsetProtocols V1)', () => {
    expect(jdbcOffsetKey('jdbc-customers', 'customers')).toBe(
      '["jdbc-customers",{"protocol":"1","table":"customers"}]',
    );
  });
});

describe('Debezium change events (PostgreSQL connector envelope)', () => {
  const t: DebeziumTable = {
    topicPrefix: 'dbserver1',
    db: 'shop',
    schema: 'inventory',
    table: 'customers',
    primaryKey: ['id'],
    replicaIdentity: 'DEFAULT',
  };
  const at = { txId: 501, lsn: 33_000, tsMs: 1000 };

  it('topic is <topic.prefix>.<schema>.<table>; the key is the primary key', () => {
    expect(debeziumTopic(t)).toBe('dbserver1.inventory.customers');
    const [r] = changeEvents(t, { kind: 'insert', before: null, after: { id: 1, name: 'Ada' }, ...at }, 2000);
    expect(r.key).toEqual({ id: 1 });
    expect(r.value).toMatchObject({ before: null, after: { id: 1, name: 'Ada' }, op: 'c', ts_ms: 2000 });
    expect(r.value?.source).toMatchObject({
      connector: 'postgresql',
      name: 'dbserver1',
      table: 'customers',
      txId: 501,
      lsn: 33_000,
      snapshot: 'false',
    });
  });

  it('an update carries before and after; with REPLICA IDENTITY DEFAULT before holds only the key columns', () => {
    const change = {
      kind: 'update' as const,
      before: { id: 1, name: 'Ada' },
      after: { id: 1, name: 'Ada L.' },
      ...at,
    };
    expect(changeEvents(t, change, 0)[0].value).toMatchObject({
      op: 'u',
      before: { id: 1 },
      after: { id: 1, name: 'Ada L.' },
    });
    const full = changeEvents({ ...t, replicaIdentity: 'FULL' }, change, 0)[0];
    expect(full.value?.before).toEqual({ id: 1, name: 'Ada' });
  });

  it('a delete is followed by a tombstone with the same key, so compaction can drop the key', () => {
    const out = changeEvents(t, { kind: 'delete', before: { id: 1, name: 'Ada' }, after: null, ...at }, 0);
    expect(out.map((r) => [r.key, r.value?.op ?? null])).toEqual([
      [{ id: 1 }, 'd'],
      [{ id: 1 }, null],
    ]);
    expect(out[0].value?.after).toBeNull();
  });

  it('a primary-key change becomes a delete + tombstone of the old key and a create of the new one', () => {
    const out = changeEvents(
      t,
      { kind: 'update', before: { id: 1, name: 'Ada' }, after: { id: 2, name: 'Ada' }, ...at },
      0,
    );
    expect(out.map((r) => [r.key, r.value?.op ?? null])).toEqual([
      [{ id: 1 }, 'd'],
      [{ id: 1 }, null],
      [{ id: 2 }, 'c'],
    ]);
  });

  it('the initial snapshot reads every row as op "r", the last one marked snapshot "last"', () => {
    const out = snapshotEvents(t, [{ id: 1 }, { id: 2 }], at, 0);
    expect(out.map((r) => [r.value?.op, r.value?.source.snapshot])).toEqual([
      ['r', 'true'],
      ['r', 'last'],
    ]);
  });

  it('a table without a primary key has null keys and, with REPLICA IDENTITY DEFAULT, only emits creates', () => {
    const noPk = { ...t, primaryKey: [] };
    expect(
      changeEvents(noPk, { kind: 'insert', before: null, after: { line: 'x' }, ...at }, 0)[0].key,
    ).toBeNull();
    expect(changeEvents(noPk, { kind: 'delete', before: { line: 'x' }, after: null, ...at }, 0)).toEqual([]);
  });
});
