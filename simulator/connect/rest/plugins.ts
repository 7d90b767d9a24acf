// The connector plugins the simulated workers have installed, as data for `handleConnectRequest`. Each lists the
// subset of its real ConfigDef the course uses (names, types, defaults, required keys as in the plugins' config
// classes); documentation strings are ours. Versions are illustrative.
import type { ConfigKeyDef, ConnectorPlugin } from './types';

const key = (
  name: string,
  type: ConfigKeyDef['type'],
  def: string | null | undefined,
  documentation: string,
  extra: Partial<ConfigKeyDef> = {},
): ConfigKeyDef => ({
  name,
  type,
  ...(def === undefined ? {} : { default: def }),
  importance: def === undefined ? 'HIGH' : 'MEDIUM',
  documentation,
  group: null,
  orderInGroup: -1,
  width: 'NONE',
  displayName: name,
  ...extra,
});

const JDBC_CONNECTION: ConfigKeyDef[] = [
  key('connection.url', 'STRING', undefined, 'JDBC URL of the database.'),
  key('connection.user', 'STRING', null, 'Database user.'),
  key('connection.password', 'PASSWORD', null, 'Database password.'),
];

export const JDBC_SOURCE: ConnectorPlugin = {
  className: 'io.confluent.connect.jdbc.JdbcSourceConnector',
  type: 'source',
  version: '10.8.0',
  taskClass: 'io.confluent.connect.jdbc.source.JdbcSourceTask',
  configDefs: [
    ...JDBC_CONNECTION,
    key('mode', 'STRING', '', 'bulk, incrementing, timestamp or timestamp+incrementing.', {
      validator: { kind: 'in', values: ['', 'bulk', 'timestamp', 'incrementing', 'timestamp+incrementing'] },
    }),
    key('incrementing.column.name', 'STRING', '', 'Strictly increasing column used to find new rows.'),
    key('timestamp.column.name', 'LIST', '', 'Timestamp column(s) used to find new and changed rows.'),
    key('table.whitelist', 'LIST', '', 'Tables to copy.'),
    key('query', 'STRING', '', 'Custom query instead of whole tables.'),
    key('topic.prefix', 'STRING', undefined, 'Prefix prepended to table names to make topic names.'),
    key('poll.interval.ms', 'INT', '5000', 'How often each table is polled for new data.'),
    key('batch.max.rows', 'INT', '100', 'Maximum rows per poll batch.'),
  ],
};

export const JDBC_SINK: ConnectorPlugin = {
  className: 'io.confluent.connect.jdbc.JdbcSinkConnector',
  type: 'sink',
  version: '10.8.0',
  taskClass: 'io.confluent.connect.jdbc.sink.JdbcSinkTask',
  configDefs: [
    ...JDBC_CONNECTION,
    key('insert.mode', 'STRING', 'insert', 'insert, upsert or update.', {
      validator: { kind: 'in', values: ['insert', 'upsert', 'update'] },
    }),
    key('pk.mode', 'STRING', 'none', 'Where the primary key comes from.', {
      validator: { kind: 'in', values: ['none', 'kafka', 'record_key', 'record_value'] },
    }),
    key('pk.fields', 'LIST', '', 'Primary key field names.'),
    // biome-ignore lint/suspicious/noTemplateCurlyInString: ${topic} is the JDBC sink's own placeholder syntax
    key('table.name.format', 'STRING', '${topic}', 'Destination table name; ${topic} is the record topic.'),
    key('batch.size', 'INT', '3000', 'Records per insert batch.'),
    key('auto.create', 'BOOLEAN', 'false', 'Create the destination table when missing.'),
    key('delete.enabled', 'BOOLEAN', 'false', 'Treat tombstones as deletes (needs pk.mode=record_key).'),
  ],
};

export const S3_SINK: ConnectorPlugin = {
  className: 'io.confluent.connect.s3.S3SinkConnector',
  type: 'sink',
  version: '10.5.0',
  taskClass: 'io.confluent.connect.s3.S3SinkTask',
  configDefs: [
    key('s3.bucket.name', 'STRING', undefined, 'Bucket the objects are written to.'),
    key('s3.region', 'STRING', 'us-west-2', 'Region of the bucket.'),
    key('flush.size', 'INT', undefined, 'Records per object before it is committed.'),
    key('rotate.interval.ms', 'LONG', '-1', 'Record-time span after which an object is committed.'),
    key(
      'storage.class',
      'CLASS',
      undefined,
      'Storage implementation, io.confluent.connect.s3.storage.S3Storage.',
    ),
    key(
      'format.class',
      'CLASS',
      undefined,
      'Object format, e.g. io.confluent.connect.s3.format.json.JsonFormat.',
    ),
    key('topics.dir', 'STRING', 'topics', 'Top-level directory of the objects.'),
  ],
};

export const ELASTICSEARCH_SINK: ConnectorPlugin = {
  className: 'io.confluent.connect.elasticsearch.ElasticsearchSinkConnector',
  type: 'sink',
  version: '14.1.0',
  taskClass: 'io.confluent.connect.elasticsearch.ElasticsearchSinkTask',
  configDefs: [
    key('connection.url', 'LIST', undefined, 'Elasticsearch HTTP URLs.'),
    key('key.ignore', 'BOOLEAN', 'false', 'Use topic+partition+offset as document id instead of the key.'),
    key('write.method', 'STRING', 'INSERT', 'INSERT or UPSERT.', {
      validator: { kind: 'in', values: ['INSERT', 'UPSERT'] },
    }),
    key('behavior.on.null.values', 'STRING', 'FAIL', 'IGNORE, DELETE or FAIL on tombstones.', {
      validator: { kind: 'in', values: ['IGNORE', 'DELETE', 'FAIL'] },
    }),
    key('batch.size', 'INT', '2000', 'Records per bulk request.'),
  ],
};

export const DEBEZIUM_POSTGRES: ConnectorPlugin = {
  className: 'io.debezium.connector.postgresql.PostgresConnector',
  type: 'source',
  version: '2.7.3.Final',
  // Debezium captures one replication slot: one task whatever tasks.max says.
  maxTasks: 1,
  taskClass: 'io.debezium.connector.postgresql.PostgresConnectorTask',
  configDefs: [
    key('database.hostname', 'STRING', undefined, 'PostgreSQL host.'),
    key('database.port', 'INT', '5432', 'PostgreSQL port.'),
    key('database.user', 'STRING', undefined, 'Replication user.'),
    key('database.password', 'PASSWORD', undefined, 'Password of the user.'),
    key('database.dbname', 'STRING', undefined, 'Database to capture.'),
    key('topic.prefix', 'STRING', undefined, 'Logical server name, the prefix of every topic.'),
    key('plugin.name', 'STRING', 'decoderbufs', 'Logical decoding plugin: decoderbufs or pgoutput.', {
      validator: { kind: 'in', values: ['decoderbufs', 'pgoutput'] },
    }),
    key('slot.name', 'STRING', 'debezium', 'Replication slot name.'),
    key('table.include.list', 'LIST', null, 'Tables to capture.'),
  ],
};

const MM2_COMMON: ConfigKeyDef[] = [
  key('source.cluster.alias', 'STRING', undefined, 'Alias of the source cluster.'),
  key('target.cluster.alias', 'STRING', 'target', 'Alias of the target cluster.'),
];

export const MIRROR_SOURCE: ConnectorPlugin = {
  className: 'org.apache.kafka.connect.mirror.MirrorSourceConnector',
  type: 'source',
  version: '4.0.0',
  taskClass: 'org.apache.kafka.connect.mirror.MirrorSourceTask',
  configDefs: [
    ...MM2_COMMON,
    key('topics', 'LIST', '.*', 'Topics (regexes) to replicate.'),
    key('replication.factor', 'INT', '2', 'Replication factor of the remote topics.'),
  ],
};

export const MIRROR_CHECKPOINT: ConnectorPlugin = {
  className: 'org.apache.kafka.connect.mirror.MirrorCheckpointConnector',
  type: 'source',
  version: '4.0.0',
  taskClass: 'org.apache.kafka.connect.mirror.MirrorCheckpointTask',
  configDefs: [
    ...MM2_COMMON,
    key('groups', 'LIST', '.*', 'Consumer groups (regexes) whose offsets are translated.'),
  ],
};

export const MIRROR_HEARTBEAT: ConnectorPlugin = {
  className: 'org.apache.kafka.connect.mirror.MirrorHeartbeatConnector',
  type: 'source',
  version: '4.0.0',
  maxTasks: 1,
  taskClass: 'org.apache.kafka.connect.mirror.MirrorHeartbeatTask',
  configDefs: [...MM2_COMMON, key('emit.heartbeats.interval.seconds', 'INT', '1', 'Heartbeat frequency.')],
};

export const FILE_STREAM_SOURCE: ConnectorPlugin = {
  className: 'org.apache.kafka.connect.file.FileStreamSourceConnector',
  type: 'source',
  version: '4.0.0',
  // FileStreamSourceConnector#taskConfigs always returns one task (one file, one reader).
  maxTasks: 1,
  taskClass: 'org.apache.kafka.connect.file.FileStreamSourceTask',
  configDefs: [
    key('file', 'STRING', null, 'Source file; standard input when unset.'),
    key('topic', 'STRING', undefined, 'Topic the lines are written to.', {
      validator: { kind: 'nonEmptyString' },
    }),
    key('batch.size', 'INT', '2000', 'Maximum lines per poll.'),
  ],
};

export const FILE_STREAM_SINK: ConnectorPlugin = {
  className: 'org.apache.kafka.connect.file.FileStreamSinkConnector',
  type: 'sink',
  version: '4.0.0',
  taskClass: 'org.apache.kafka.connect.file.FileStreamSinkTask',
  configDefs: [key('file', 'STRING', null, 'Destination file; standard output when unset.')],
};

/** Listed in `GET /connector-plugins` order: sinks, then sources (ConnectorPluginsResource's constructor), each set
 * sorted by class name as the worker's plugin scan sorts them. */
export const SIMULATED_PLUGINS: ConnectorPlugin[] = [
  ELASTICSEARCH_SINK,
  JDBC_SINK,
  S3_SINK,
  FILE_STREAM_SINK,
  DEBEZIUM_POSTGRES,
  JDBC_SOURCE,
  FILE_STREAM_SOURCE,
  MIRROR_CHECKPOINT,
  MIRROR_HEARTBEAT,
  MIRROR_SOURCE,
];
