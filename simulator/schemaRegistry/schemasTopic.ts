// The registry's store is the compacted topic `_schemas` (`kafkastore.topic`, one partition). Every change is a
// record whose key and value are JSON (`SchemaRegistryKey` / `SchemaRegistryValue` subclasses, Jackson with
// NON_EMPTY: null fields and empty lists are left out, AVRO is left out as `schemaType`). The in-memory state is
// exactly what applying those records in order gives (`KafkaStoreMessageHandler.handleUpdate`), so every
// operation here is written as records first and the state follows from `applySchemasRecord`.
import type {
  CompatibilityLevel,
  RegistryMode,
  RegistryState,
  SchemaReference,
  SchemasTopicRecord,
  SchemaType,
  SchemaVersionEntry,
} from './types';

export const SCHEMAS_TOPIC = '_schemas';

export function emptyRegistryState(defaultCompatibility: CompatibilityLevel = 'BACKWARD'): RegistryState {
  return {
    schemas: [],
    globalCompatibility: null,
    subjectCompatibility: {},
    globalMode: null,
    subjectModes: {},
    maxId: 0,
    defaultCompatibility,
    nextOffset: 0,
  };
}

// --- keys (`SchemaKey` magic 1; `ConfigKey`, `ModeKey`, `DeleteSubjectKey`, `NoopKey` magic 0) ---

export const schemaKey = (subject: string, version: number): string =>
  JSON.stringify({ keytype: 'SCHEMA', subject, version, magic: 1 });
export const configKey = (subject: string | null): string =>
  JSON.stringify(
    subject === null ? { keytype: 'CONFIG', magic: 0 } : { keytype: 'CONFIG', subject, magic: 0 },
  );
export const modeKey = (subject: string | null): string =>
  JSON.stringify(subject === null ? { keytype: 'MODE', magic: 0 } : { keytype: 'MODE', subject, magic: 0 });
export const deleteSubjectKey = (subject: string): string =>
  JSON.stringify({ keytype: 'DELETE_SUBJECT', subject, magic: 0 });
/** The registry writes a NOOP record to learn the end of the log when it starts or becomes leader. */
export const noopRecord = (): SchemasTopicRecord => ({
  key: JSON.stringify({ keytype: 'NOOP', magic: 0 }),
  value: null,
});

// --- values ---

export function schemaValue(entry: SchemaVersionEntry): string {
  return JSON.stringify({
    subject: entry.subject,
    version: entry.version,
    id: entry.id,
    ...(entry.schemaType !== 'AVRO' ? { schemaType: entry.schemaType } : {}),
    ...(entry.references.length > 0 ? { references: entry.references } : {}),
    schema: entry.schema,
    deleted: entry.deleted,
  });
}

export const schemaRecord = (entry: SchemaVersionEntry): SchemasTopicRecord => ({
  key: schemaKey(entry.subject, entry.version),
  value: schemaValue(entry),
});
export const schemaTombstone = (subject: string, version: number): SchemasTopicRecord => ({
  key: schemaKey(subject, version),
  value: null,
});
export const configRecord = (
  subject: string | null,
  level: CompatibilityLevel | null,
): SchemasTopicRecord => ({
  key: configKey(subject),
  value:
    level === null
      ? null
      : JSON.stringify(
          subject === null ? { compatibilityLevel: level } : { subject, compatibilityLevel: level },
        ),
});
export const modeRecord = (subject: string | null, mode: RegistryMode | null): SchemasTopicRecord => ({
  key: modeKey(subject),
  value: mode === null ? null : JSON.stringify(subject === null ? { mode } : { subject, mode }),
});
export const deleteSubjectRecord = (subject: string, version: number): SchemasTopicRecord => ({
  key: deleteSubjectKey(subject),
  value: JSON.stringify({ subject, version }),
});

// --- applying records ---

interface KeyJson {
  keytype?: string;
  subject?: string;
  version?: number;
}

/** Applies one `_schemas` record to the state (pure). Unknown or malformed records are ignored, as a reader would. */
export function applySchemasRecord(state: RegistryState, record: SchemasTopicRecord): RegistryState {
  let key: KeyJson;
  try {
    key = JSON.parse(record.key) as KeyJson;
  } catch {
    return { ...state, nextOffset: state.nextOffset + 1 };
  }
  const value = record.value === null ? null : (JSON.parse(record.value) as Record<string, unknown>);
  const next: RegistryState = { ...state, nextOffset: state.nextOffset + 1 };
  switch (key.keytype) {
    case 'SCHEMA': {
      const subject = String(key.subject);
      const version = Number(key.version);
      const others = state.schemas.filter((s) => !(s.subject === subject && s.version === version));
      if (value === null) return { ...next, schemas: others };
      const entry: SchemaVersionEntry = {
        subject,
        version,
        id: Number(value.id),
        schemaType: ((value.schemaType as SchemaType | undefined) ?? 'AVRO') as SchemaType,
        schema: String(value.schema),
        references: (value.references as SchemaReference[] | undefined) ?? [],
        deleted: value.deleted === true,
      };
      const existingIndex = state.schemas.findIndex((s) => s.subject === subject && s.version === version);
      const schemas =
        existingIndex >= 0
          ? state.schemas.map((s, i) => (i === existingIndex ? entry : s))
          : [...others, entry];
      return { ...next, schemas, maxId: Math.max(state.maxId, entry.id) };
    }
    case 'CONFIG': {
      const level = value ? ((value.compatibilityLevel as CompatibilityLevel | undefined) ?? null) : null;
      if (key.subject === undefined) return { ...next, globalCompatibility: level };
      const subjectCompatibility = { ...state.subjectCompatibility };
      if (level === null) delete subjectCompatibility[key.subject];
      else subjectCompatibility[key.subject] = level;
      return { ...next, subjectCompatibility };
    }
    case 'MODE': {
      const mode = value ? ((value.mode as RegistryMode | undefined) ?? null) : null;
      if (key.subject === undefined) return { ...next, globalMode: mode };
      const subjectModes = { ...state.subjectModes };
      if (mode === null) delete subjectModes[key.subject];
      else subjectModes[key.subject] = mode;
      return { ...next, subjectModes };
    }
    case 'DELETE_SUBJECT': {
      if (value === null) return next;
      const subject = String(value.subject);
      const upTo = Number(value.version);
      return {
        ...next,
        schemas: state.schemas.map((s) =>
          s.subject === subject && s.version <= upTo ? { ...s, deleted: true } : s,
        ),
      };
    }
    default:
      return next;
  }
}

export function applySchemasRecords(
  state: RegistryState,
  records: readonly SchemasTopicRecord[],
): RegistryState {
  return records.reduce(applySchemasRecord, state);
}

/** Rebuilds the registry's state by reading `_schemas` from the beginning (what a restarted registry does). */
export function rebuildRegistryState(
  records: readonly SchemasTopicRecord[],
  defaultCompatibility: CompatibilityLevel = 'BACKWARD',
): RegistryState {
  return applySchemasRecords(emptyRegistryState(defaultCompatibility), records);
}

/** What log compaction keeps: the last record per key, tombstones included (until `delete.retention.ms`). */
export function compactSchemasTopic(records: readonly SchemasTopicRecord[]): SchemasTopicRecord[] {
  const last = new Map<string, number>();
  records.forEach((r, i) => {
    last.set(r.key, i);
  });
  return records.filter((r, i) => last.get(r.key) === i);
}
