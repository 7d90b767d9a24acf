// The S3 sink's file layout and rotation (io.confluent.connect.s3: S3SinkConnectorConfig, TopicPartitionWriter,
// DefaultPartitioner). Records of one topic-partition are buffered into a file whose name is derived from the
// first offset in it; the file is committed (uploaded) when it holds flush.size records, or when a record's
// timestamp is rotate.interval.ms past the file's first one. Names depend only on offsets, so a task that
// re-reads the same records after a crash writes the same objects again: exactly-once files.

export type S3SinkConfig = {
  'topics.dir': string;
  'flush.size': number;
  /** Record-time rotation (ms); -1 = off (the default). */
  'rotate.interval.ms': number;
  'directory.delim': string;
  'file.delim': string;
  'filename.offset.zero.pad.width': number;
  /** ".json" for JsonFormat, ".avro" for AvroFormat, … */
  extension: string;
};

export const S3_SINK_DEFAULTS: Omit<S3SinkConfig, 'flush.size'> = {
  'topics.dir': 'topics',
  'rotate.interval.ms': -1,
  'directory.delim': '/',
  'file.delim': '+',
  'filename.offset.zero.pad.width': 10,
  extension: '.json',
};

export type SinkRecordLite = {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  value: string;
};

export type S3Object = { key: string; records: SinkRecordLite[] };

/** One topic-partition's open file: what is buffered and when it started. */
export type S3PartitionWriter = {
  buffered: SinkRecordLite[];
  /** Timestamp of the first record in the open file (rotate.interval.ms is measured from it). */
  baseTimestamp: number | null;
};

/** DefaultPartitioner's object key: topics/<topic>/partition=<p>/<topic>+<p>+<startOffset>.json */
export function s3ObjectKey(
  c: Omit<S3SinkConfig, 'flush.size'>,
  topic: string,
  partition: number,
  start: number,
): string {
  const d = c['directory.delim'];
  const f = c['file.delim'];
  const offset = String(start).padStart(c['filename.offset.zero.pad.width'], '0');
  return `${c['topics.dir']}${d}${topic}${d}partition=${partition}${d}${topic}${f}${partition}${f}${offset}${c.extension}`;
}

/**
 * Hand one record to a partition's writer; returns the objects committed by it (zero or one). Order of the
 * checks follows TopicPartitionWriter: a record past rotate.interval.ms closes the open file before it is added,
 * and a file that reaches flush.size is committed right after the record that filled it.
 */
export function s3Put(
  w: S3PartitionWriter,
  r: SinkRecordLite,
  config: S3SinkConfig,
): { writer: S3PartitionWriter; committed: S3Object[] } {
  const committed: S3Object[] = [];
  let buffered = w.buffered;
  let base = w.baseTimestamp;
  const rotate = config['rotate.interval.ms'];
  if (rotate >= 0 && buffered.length > 0 && base !== null && r.timestamp - base >= rotate) {
    committed.push(commit(buffered, config));
    buffered = [];
    base = null;
  }
  buffered = [...buffered, r];
  base ??= r.timestamp;
  if (buffered.length >= config['flush.size']) {
    committed.push(commit(buffered, config));
    buffered = [];
    base = null;
  }
  return { writer: { buffered, baseTimestamp: base }, committed };
}

function commit(records: SinkRecordLite[], config: S3SinkConfig): S3Object {
  const first = records[0];
  return { key: s3ObjectKey(config, first.topic, first.partition, first.offset), records };
}

/** The JSON lines JsonFormat writes for a committed object (one record value per line). */
export function s3ObjectBody(o: S3Object): string {
  return `${o.records.map((r) => r.value).join('\n')}\n`;
}
