// A sink task's poll loop (WorkerSinkTask#poll → convertMessages → SinkTask#put): it consumes its share of the
// connector's topics as a member of the consumer group `connect-<name>` (SinkUtils#consumerGroupId), converts
// and transforms each record and hands it to the sink: the S3 sink's partition writers (objects committed on
// flush.size / rotate.interval.ms) or the Elasticsearch sink's index. Offsets are committed to the group every
// offset.flush.interval.ms: what SinkTask#preCommit returns (the S3 sink: only offsets of uploaded files).
// The task reads the partitions the group assigned to its consumer (sinkGroup.ts). Simplified: a poll runs every
// 1000 ms.
import { highWatermark } from '../../cluster/lookup';
import { tpKey } from '../../cluster/topicPartition';
import { fetchFromLeader, partitionReadView } from '../../consumer/leaderReads';
import { committedOffset } from '../../consumer/offsets/offsetStore';
import type { Ctx } from '../../engine/context';
import { type JdbcSinkRecord, jdbcSinkSettings } from '../jdbcSink';
import type { ConnectorEntry } from '../rest/types';
import { S3_SINK_DEFAULTS, type S3SinkConfig, s3Put } from '../s3Sink';
import { type ConnectError, type ConnectRecord, transformChain } from '../transforms';
import { valueToConnect } from './converters';
import { failTask, sendToDlq, toleranceExceededTrace } from './errors';
import { area } from './group';
import { JDBC_SINK_CLASS, putJdbcRecords, schemaAndValue } from './jdbcSinkTask';
import { partitionsOfTask, sinkGroupId, syncSinkGroup } from './sinkGroup';
import type { TaskRuntime } from './types';

export const S3_SINK_CLASS = 'io.confluent.connect.s3.S3SinkConnector';
export const ES_SINK_CLASS = 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector';
/** Worker#baseConsumerConfigs: max.poll.records as the consumer default. */
const MAX_POLL_RECORDS = 500;

export { sinkGroupId };

function s3Config(config: Record<string, string>): S3SinkConfig {
  return {
    ...S3_SINK_DEFAULTS,
    'topics.dir': config['topics.dir'] ?? S3_SINK_DEFAULTS['topics.dir'],
    'flush.size': Number(config['flush.size'] ?? '3'),
    'rotate.interval.ms': Number(config['rotate.interval.ms'] ?? '-1'),
  };
}

/** Where a task starts on a partition: its own position, else the group's committed offset, else the log start
 * (Worker sets auto.offset.reset=earliest for sink consumers). */
function startPosition(ctx: Ctx, rt: TaskRuntime, topic: string, partition: number): number {
  const key = tpKey(topic, partition);
  const own = rt.positions[key];
  if (own !== undefined) return own;
  const committed = committedOffset(ctx.state.areas.consumers, sinkGroupId(rt.connector), topic, partition);
  return committed ?? partitionReadView(ctx.state, topic, partition)?.logStartOffset ?? 0;
}

/** SinkTask#preCommit: the offsets safe to commit now, per partition the task has read. */
export function committableOffsets(
  c: ConnectorEntry,
  rt: TaskRuntime,
): Array<{ topic: string; partition: number; offset: number }> {
  const out: Array<{ topic: string; partition: number; offset: number }> = [];
  for (const [key, pos] of Object.entries(rt.positions)) {
    const i = key.lastIndexOf('-');
    const topic = key.slice(0, i);
    const partition = Number(key.slice(i + 1));
    const open = rt.s3Writers[key]?.buffered ?? [];
    // The S3 sink commits only what is in uploaded objects: a crash re-reads the open file's records
    const offset = c.config['connector.class'] === S3_SINK_CLASS && open.length > 0 ? open[0].offset : pos;
    out.push({ topic, partition, offset });
  }
  return out;
}

/** Positions back to the batch's first offset per partition: uncommitted, and read again after a restart. */
function rewindTo(rt: TaskRuntime, batch: JdbcSinkRecord[]): void {
  for (const r of batch) {
    const key = tpKey(r.topic, r.partition);
    rt.positions[key] = Math.min(rt.positions[key] ?? r.offset, r.offset);
  }
}

/** WorkerSinkTask#poll while pausedForRedelivery: no new records, the held batch goes to put() again when due. */
function redeliver(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry): number {
  const r = rt.redelivery;
  if (!r || ctx.now < r.at) return 0;
  const outcome = putJdbcRecords(ctx, rt, c, r.batch);
  if (outcome === 'retry') {
    r.at = ctx.now + jdbcSinkSettings(c.name, c.taskConfigs[rt.task] ?? c.config).retryBackoffMs;
    return 0;
  }
  rt.redelivery = undefined;
  if (outcome === 'written') Object.assign(rt.positions, r.resume);
  return outcome === 'written' ? r.batch.length : 0;
}

export function pollSinkTask(ctx: Ctx, rt: TaskRuntime, c: ConnectorEntry): number {
  const config = c.taskConfigs[rt.task] ?? c.config;
  const a = area(ctx);
  if (rt.redelivery) return redeliver(ctx, rt, c);
  syncSinkGroup(ctx, c.name); // the consumer's metadata: new partitions of its topics rebalance the group
  let chain: ReturnType<typeof transformChain>;
  try {
    chain = transformChain(config);
  } catch (e) {
    failTask(ctx, rt, c, `${(e as ConnectError).exception}: ${(e as Error).message}`);
    return 0;
  }
  const written: string[] = [];
  let delivered = 0;
  const jdbcBatch: JdbcSinkRecord[] = [];
  for (const { topic, partition } of partitionsOfTask(ctx, rt)) {
    const key = tpKey(topic, partition);
    const from = startPosition(ctx, rt, topic, partition);
    const part = ctx.state.topics[topic]?.partitions[partition];
    if (!part) continue;
    const fetched = fetchFromLeader(ctx.state, topic, partition, from, highWatermark(part), MAX_POLL_RECORDS);
    if (fetched.kind !== 'records') continue;
    rt.positions[key] = from;
    for (const r of fetched.records) {
      rt.positions[key] = r.offset + 1;
      if (r.control) continue;
      const converted = valueToConnect(config, r.value);
      if (!converted.ok) {
        if (config['errors.tolerance'] !== 'all') {
          rt.positions[key] = r.offset; // the failed record was not consumed
          failTask(
            ctx,
            rt,
            c,
            toleranceExceededTrace(converted.error, 'org.apache.kafka.connect.runtime.WorkerSinkTask'),
          );
          return delivered;
        }
        sendToDlq(
          ctx,
          rt,
          config,
          { topic, partition, offset: r.offset, key: r.key, value: r.value },
          converted.error,
        );
        continue;
      }
      const record: ConnectRecord = {
        topic,
        partition,
        key: r.key,
        value: converted.value,
        timestamp: r.timestamp,
        headers: r.headers.map(([k, v]) => [k, v]),
        kafkaOffset: r.offset,
      };
      let out: ConnectRecord | null;
      try {
        out = chain.apply(record);
      } catch (e) {
        rt.positions[key] = r.offset;
        failTask(ctx, rt, c, `${(e as ConnectError).exception}: ${(e as Error).message}`);
        return delivered;
      }
      if (out === null) continue;
      delivered++;
      const cls = config['connector.class'];
      if (cls === JDBC_SINK_CLASS) {
        // the converter's schema travels with the value (simplified: taken before the SMTs, which are schemaless here)
        const value = schemaAndValue(config, 'value', r.value);
        jdbcBatch.push({
          topic,
          partition,
          offset: r.offset,
          timestamp: r.timestamp,
          key: schemaAndValue(config, 'key', r.key),
          value: { schema: value.schema, value: out.value },
          original: { key: r.key, value: r.value },
        });
      } else if (cls === S3_SINK_CLASS) {
        const bucketName = config['s3.bucket.name'] ?? 'bucket';
        a.buckets[bucketName] ??= {};
        const bucket = a.buckets[bucketName];
        const step = s3Put(
          rt.s3Writers[key] ?? { buffered: [], baseTimestamp: null },
          { topic, partition, offset: r.offset, timestamp: r.timestamp, value: JSON.stringify(out.value) },
          s3Config(config),
        );
        rt.s3Writers[key] = step.writer;
        for (const o of step.committed) {
          const prev = bucket[o.key];
          bucket[o.key] = {
            key: o.key,
            connector: c.name,
            records: o.records,
            writes: (prev?.writes ?? 0) + 1,
          };
          written.push(`s3://${bucketName}/${o.key}${prev ? ' (overwritten with the same records)' : ''}`);
        }
      } else if (cls === ES_SINK_CLASS) {
        a.indices[out.topic] ??= {};
        const index = a.indices[out.topic];
        const keyIgnore = config['key.ignore'] === 'true';
        if (!keyIgnore && out.key === null) {
          failTask(
            ctx,
            rt,
            c,
            'org.apache.kafka.connect.errors.ConnectException: Tolerance exceeded in error handler\nCaused by: org.apache.kafka.connect.errors.DataException: Key is used as document id and can not be null.',
          );
          return delivered;
        }
        const id = keyIgnore ? `${topic}+${partition}+${r.offset}` : String(out.key);
        // version_type=external with version = the Kafka offset: a replayed older record cannot overwrite
        const prev = index[id];
        if (!prev || keyIgnore || r.offset > prev.version)
          index[id] = { id, source: JSON.stringify(out.value), version: r.offset };
        written.push(`${out.topic}/_doc/${id}`);
      }
    }
  }
  const outcome = jdbcBatch.length > 0 ? putJdbcRecords(ctx, rt, c, jdbcBatch) : 'written';
  if (outcome === 'retry') {
    // pausedForRedelivery: the batch is held and handed to put() again after retry.backoff.ms
    const resume = { ...rt.positions };
    rewindTo(rt, jdbcBatch);
    rt.redelivery = {
      batch: jdbcBatch,
      at: ctx.now + jdbcSinkSettings(c.name, config).retryBackoffMs,
      resume,
    };
    return 0;
  }
  if (outcome === 'failed') {
    // the batch rolled back: its records are read again when the task restarts
    rewindTo(rt, jdbcBatch);
    return 0;
  }
  if (jdbcBatch.length === 0 && (delivered > 0 || written.length > 0))
    ctx.emit(
      'connectSinkDelivered',
      `task ${rt.connector}-${rt.task} put ${delivered} record(s)${written.length > 0 ? `; wrote ${written.join(', ')}` : ''}`,
      { connector: rt.connector, task: rt.task, records: delivered, written },
    );
  return delivered;
}
