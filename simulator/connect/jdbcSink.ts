// The JDBC sink's rules and the SQL it generates for SQLite (io.confluent.connect.jdbc.sink: JdbcSinkConfig,
// RecordValidator, FieldsMetadata, DbStructure; io.confluent.connect.jdbc.dialect.SqliteDatabaseDialect over
// GenericDatabaseDialect). Identifiers are quoted with SQLite's backquote (quote.sql.identifiers=always); upsert is
// `INSERT OR REPLACE INTO`. Records need a schema: a Struct value (JsonConverter with schemas.enable=true), a
// primitive or Struct key for pk.mode=record_key and for deletes.
// Simplified: String values (the newer string-value column) are refused like any non-Struct value; batch.size
// splits are not modelled; Struct fields are primitives.

export type ConnectSchema = {
  type: string;
  optional?: boolean;
  name?: string;
  field?: string;
  fields?: ConnectSchema[];
};
export type SchemaAndValue = { schema: ConnectSchema | null; value: unknown };

export type JdbcSinkRecord = {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  key: SchemaAndValue;
  value: SchemaAndValue;
  /** The consumer record's bytes as read (InternalSinkRecord keeps them: the errant record reporter sends them to the DLQ). */
  original?: { key: string | null; value: string | null };
};

export type PkMode = 'none' | 'kafka' | 'record_key' | 'record_value';
export type JdbcSinkSettings = {
  name: string;
  insertMode: 'insert' | 'upsert' | 'update';
  pkMode: PkMode;
  pkFields: string[];
  autoCreate: boolean;
  autoEvolve: boolean;
  deleteEnabled: boolean;
  tableNameFormat: string;
  /** max.retries (default 10): how many times a failed write is retried before the task fails. */
  maxRetries: number;
  /** retry.backoff.ms (default 3000): the wait before each retry (SinkTaskContext#timeout). */
  retryBackoffMs: number;
};

/** JdbcSinkConfig defaults: insert.mode=insert, pk.mode=none, auto.create/auto.evolve/delete.enabled=false, table.name.format=${topic}, max.retries=10, retry.backoff.ms=3000. */
export function jdbcSinkSettings(name: string, config: Record<string, string>): JdbcSinkSettings {
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    name,
    insertMode: (config['insert.mode'] ?? 'insert').toLowerCase() as JdbcSinkSettings['insertMode'],
    pkMode: (config['pk.mode'] ?? 'none').toLowerCase() as PkMode,
    pkFields: list(config['pk.fields']),
    autoCreate: config['auto.create'] === 'true',
    autoEvolve: config['auto.evolve'] === 'true',
    deleteEnabled: config['delete.enabled'] === 'true',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the connector's own ${topic} placeholder
    tableNameFormat: config['table.name.format'] ?? '${topic}',
    maxRetries: Number(config['max.retries'] ?? '10'),
    retryBackoffMs: Number(config['retry.backoff.ms'] ?? '3000'),
  };
}

/** JdbcSinkConfig's own check (a ConfigException at task start). */
export function jdbcSinkConfigError(s: JdbcSinkSettings): string | null {
  if (s.deleteEnabled && s.pkMode !== 'record_key')
    return "Primary key mode must be 'record_key' when delete support is enabled";
  return null;
}

export const DEFAULT_KAFKA_PK_NAMES = ['__connect_topic', '__connect_partition', '__connect_offset'];

export class JdbcSinkError extends Error {
  constructor(
    readonly exception: string,
    message: string,
  ) {
    super(message);
  }
}
const CONNECT_EXCEPTION = 'org.apache.kafka.connect.errors.ConnectException';
export const TABLE_EXCEPTION = 'io.confluent.connect.jdbc.sink.TableAlterOrCreateException';

const javaType = (v: unknown): string =>
  v === null || v === undefined
    ? 'null'
    : typeof v === 'string'
      ? 'String'
      : typeof v === 'number'
        ? Number.isInteger(v)
          ? 'Long'
          : 'Double'
        : typeof v === 'boolean'
          ? 'Boolean'
          : Array.isArray(v)
            ? 'ArrayList'
            : 'HashMap';
const schemaTypeName = (s: ConnectSchema | null) => (s ? s.type.toUpperCase() : 'null');
const PRIMITIVE = ['int8', 'int16', 'int32', 'int64', 'float32', 'float64', 'boolean', 'string', 'bytes'];

/** RecordValidator#create: what the record must carry for this pk.mode and delete.enabled (ConnectException texts). */
export function validateRecord(s: JdbcSinkSettings, r: JdbcSinkRecord): void {
  const where = `(topic='${r.topic}',partition=${r.partition},offset=${r.offset},timestamp=${r.timestamp})`;
  const head = `Sink connector '${s.name}' is configured with 'delete.enabled=${s.deleteEnabled}' and 'pk.mode=${s.pkMode}' and therefore requires`;
  const requiresKey = () => {
    const t = r.key.schema?.type;
    if (r.key.value !== null && r.key.value !== undefined && t && (t === 'struct' || PRIMITIVE.includes(t)))
      return;
    throw new JdbcSinkError(
      CONNECT_EXCEPTION,
      `${head} records with a non-null key and non-null Struct or primitive key schema, but found record at ${where} with a ${javaType(r.key.value)} key and ${schemaTypeName(r.key.schema)} key schema.`,
    );
  };
  const requiresValue = () => {
    if (r.value.value !== null && r.value.schema?.type === 'struct') return;
    throw new JdbcSinkError(
      CONNECT_EXCEPTION,
      `${head} records with a non-null Struct or String value and non-null Struct or String schema, but found record at ${where} with a ${javaType(r.value.value)} value and ${schemaTypeName(r.value.schema)} value schema.`,
    );
  };
  if (s.pkMode === 'record_key') requiresKey();
  if (s.pkMode === 'record_value' || s.pkMode === 'none') requiresValue();
  if (s.deleteEnabled) requiresKey();
  else requiresValue();
}

export type SinkField = { name: string; type: string; optional: boolean; primaryKey: boolean };
export type FieldsMetadata = { keyFields: SinkField[]; nonKeyFields: SinkField[] };

const fieldOf = (schema: ConnectSchema, name: string, primaryKey: boolean): SinkField => ({
  name,
  type: schema.type,
  // SinkRecordField#isOptional: a primary key column is never optional
  optional: !primaryKey && schema.optional === true,
  primaryKey,
});

/** FieldsMetadata#extract: the key columns for pk.mode and the value's other fields, in schema order. */
export function fieldsMetadata(s: JdbcSinkSettings, table: string, r: JdbcSinkRecord): FieldsMetadata {
  const keyFields: SinkField[] = [];
  const valueFields = r.value.schema?.type === 'struct' ? (r.value.schema.fields ?? []) : [];
  const fmt = (xs: string[]) => `[${xs.join(', ')}]`;
  switch (s.pkMode) {
    case 'none':
      break;
    case 'kafka': {
      if (s.pkFields.length !== 0 && s.pkFields.length !== 3)
        throw new JdbcSinkError(
          CONNECT_EXCEPTION,
          `PK mode for table '${table}' is KAFKA so there should either be no field names defined for defaults ${fmt(DEFAULT_KAFKA_PK_NAMES)} to be applicable, or exactly 3, defined fields are: ${fmt(s.pkFields)}`,
        );
      const [t, p, o] = s.pkFields.length === 3 ? s.pkFields : DEFAULT_KAFKA_PK_NAMES;
      keyFields.push(
        fieldOf({ type: 'string' }, t, true),
        fieldOf({ type: 'int32' }, p, true),
        fieldOf({ type: 'int64' }, o, true),
      );
      break;
    }
    case 'record_key': {
      const ks = r.key.schema;
      if (!ks)
        throw new JdbcSinkError(
          CONNECT_EXCEPTION,
          `PK mode for table '${table}' is RECORD_KEY, but record key schema is missing`,
        );
      if (ks.type !== 'struct') {
        if (s.pkFields.length !== 1)
          throw new JdbcSinkError(
            CONNECT_EXCEPTION,
            `Need exactly one PK column defined since the key schema for records is a primitive type, defined columns are: ${fmt(s.pkFields)}`,
          );
        keyFields.push(fieldOf(ks, s.pkFields[0], true));
      } else {
        const names = s.pkFields.length > 0 ? s.pkFields : (ks.fields ?? []).map((f) => f.field ?? '');
        for (const n of names) {
          const f = (ks.fields ?? []).find((x) => x.field === n);
          if (!f)
            throw new JdbcSinkError(
              CONNECT_EXCEPTION,
              `PK mode for table '${table}' is RECORD_KEY with configured PK fields ${fmt(s.pkFields)}, but record key schema does not contain field: ${n}`,
            );
          keyFields.push(fieldOf(f, n, true));
        }
      }
      break;
    }
    case 'record_value': {
      if (!r.value.schema)
        throw new JdbcSinkError(
          CONNECT_EXCEPTION,
          `PK mode for table '${table}' is RECORD_VALUE, but record value schema is missing`,
        );
      const names = s.pkFields.length > 0 ? s.pkFields : valueFields.map((f) => f.field ?? '');
      for (const n of names) {
        const f = valueFields.find((x) => x.field === n);
        if (!f)
          throw new JdbcSinkError(
            CONNECT_EXCEPTION,
            `PK mode for table '${table}' is RECORD_VALUE with configured PK fields ${fmt(s.pkFields)}, but record value schema does not contain field: ${n}`,
          );
        keyFields.push(fieldOf(f, n, true));
      }
      break;
    }
  }
  const keyNames = new Set(keyFields.map((f) => f.name));
  const nonKeyFields = valueFields
    .filter((f) => !keyNames.has(f.field ?? ''))
    .map((f) => fieldOf(f, f.field ?? '', false));
  if (keyFields.length === 0 && nonKeyFields.length === 0)
    throw new JdbcSinkError(
      CONNECT_EXCEPTION,
      `No fields found using key and value schemas for table: ${table}`,
    );
  return { keyFields, nonKeyFields };
}

/** The table a record goes to: table.name.format with ${topic} replaced. */
export const tableNameOf = (s: JdbcSinkSettings, topic: string) =>
  s.tableNameFormat.replace(/\$\{topic\}/g, topic);

const bq = (name: string) => `\`${name.replace(/`/g, '``')}\``;

/** SqliteDatabaseDialect#getSqlType. */
export function sqliteType(f: SinkField): string {
  if (['boolean', 'int8', 'int16', 'int32', 'int64'].includes(f.type)) return 'INTEGER';
  if (f.type === 'float32' || f.type === 'float64') return 'REAL';
  if (f.type === 'bytes') return 'BLOB';
  return 'TEXT';
}

const columnSpec = (f: SinkField) => `${bq(f.name)} ${sqliteType(f)} ${f.optional ? 'NULL' : 'NOT NULL'}`;

/** GenericDatabaseDialect#buildCreateTableStatement: one column per line, then PRIMARY KEY(…). */
export function createTableSql(table: string, m: FieldsMetadata): string {
  const fields = [...m.keyFields, ...m.nonKeyFields];
  const pk = m.keyFields.length > 0 ? `,\nPRIMARY KEY(${m.keyFields.map((f) => bq(f.name)).join(',')})` : '';
  return `CREATE TABLE ${bq(table)} (${fields.map((f) => `\n${columnSpec(f)}`).join(',')}${pk})`;
}

/** SqliteDatabaseDialect#buildAlterTable: one ALTER TABLE … ADD per missing column. */
export const alterTableSql = (table: string, f: SinkField) => `ALTER TABLE ${bq(table)} ADD ${columnSpec(f)}`;

/** buildInsertStatement / SqliteDatabaseDialect#buildUpsertQueryStatement (INSERT OR REPLACE). */
export function writeSql(table: string, m: FieldsMetadata, mode: 'insert' | 'upsert'): string {
  const cols = [...m.keyFields, ...m.nonKeyFields].map((f) => bq(f.name));
  const verb = mode === 'upsert' ? 'INSERT OR REPLACE INTO' : 'INSERT INTO';
  return `${verb} ${bq(table)}(${cols.join(',')}) VALUES(${cols.map(() => '?').join(',')})`;
}

/** GenericDatabaseDialect#buildUpdateStatement: the value's columns set, the key columns in the WHERE. */
export const updateSql = (table: string, m: FieldsMetadata) =>
  `UPDATE ${bq(table)} SET ${m.nonKeyFields.map((f) => `${bq(f.name)} = ?`).join(', ')}${m.keyFields.length > 0 ? ` WHERE ${m.keyFields.map((f) => `${bq(f.name)} = ?`).join(' AND ')}` : ''}`;

/** GenericDatabaseDialect#buildDeleteStatement. */
export const deleteSql = (table: string, m: FieldsMetadata) =>
  `DELETE FROM ${bq(table)} WHERE ${m.keyFields.map((f) => `${bq(f.name)} = ?`).join(' AND ')}`;

const bindable = (v: unknown): string | number | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'boolean'
      ? v
        ? 1
        : 0
      : typeof v === 'number' || typeof v === 'string'
        ? v
        : JSON.stringify(v);

/** PreparedStatementBinder: the key columns' values (from the Kafka coordinates, the key or the value), then the value's. */
export function bindValues(
  s: JdbcSinkSettings,
  m: FieldsMetadata,
  r: JdbcSinkRecord,
  keysOnly = false,
  mode: JdbcSinkSettings['insertMode'] = 'insert',
): Array<string | number | null> {
  const value = (r.value.value ?? {}) as Record<string, unknown>;
  const keys = m.keyFields.map((f, i) => {
    if (s.pkMode === 'kafka') return [r.topic, r.partition, r.offset][i];
    if (s.pkMode === 'record_key')
      return bindable(
        r.key.schema?.type === 'struct' ? (r.key.value as Record<string, unknown>)[f.name] : r.key.value,
      );
    return bindable(value[f.name]);
  });
  if (keysOnly) return keys;
  const nonKeys = m.nonKeyFields.map((f) => bindable(value[f.name]));
  // UPDATE … SET <non-key> = ? WHERE <key> = ?: the value's columns bind first
  return mode === 'update' ? [...nonKeys, ...keys] : [...keys, ...nonKeys];
}

export const missingTableError = (table: string) =>
  new JdbcSinkError(TABLE_EXCEPTION, `Table "${table}" is missing and auto-creation is disabled`);
export const missingFieldsError = (table: string, fields: SinkField[]) =>
  new JdbcSinkError(
    TABLE_EXCEPTION,
    `Table "${table}" is missing fields ([${fields.map((f) => `SinkRecordField{schema=Schema{${f.type.toUpperCase()}}, name='${f.name}', isPrimaryKey=${f.primaryKey}}`).join(', ')}]) and auto-evolution is disabled`,
  );
