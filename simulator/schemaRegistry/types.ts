// Plain-data types of the simulated Confluent Schema Registry (REST behaviour of Schema Registry 7.9, the last
// 7.x line; the `_schemas` record shapes are those of `io.confluent.kafka.schemaregistry.storage.*Key/*Value`).

/** `schemaType` of a registered schema; AVRO when a request omits it (`Schema` entity constructor). */
export type SchemaType = 'AVRO' | 'PROTOBUF' | 'JSON';
export const SCHEMA_TYPES: readonly SchemaType[] = ['AVRO', 'PROTOBUF', 'JSON'];

/** `CompatibilityLevel` enum. */
export type CompatibilityLevel =
  | 'NONE'
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE';
export const COMPATIBILITY_LEVELS: readonly CompatibilityLevel[] = [
  'NONE',
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
];

/** `storage/Mode` (7.9: READWRITE, READONLY, READONLY_OVERRIDE, IMPORT). */
export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT';
export const REGISTRY_MODES: readonly RegistryMode[] = [
  'READWRITE',
  'READONLY',
  'READONLY_OVERRIDE',
  'IMPORT',
];

/** `SchemaReference` (name, subject, version). */
export interface SchemaReference {
  name: string;
  subject: string;
  version: number;
}

/** One (subject, version) as the registry's store holds it (`SchemaValue`). */
export interface SchemaVersionEntry {
  subject: string;
  version: number;
  id: number;
  schemaType: SchemaType;
  /** The canonical string the registry stores and returns (not the text the client sent). */
  schema: string;
  references: SchemaReference[];
  /** Soft-deleted versions stay in the store with `deleted: true` until a hard delete tombstones them. */
  deleted: boolean;
}

/** The registry's whole state: what its in-memory store rebuilt from `_schemas` holds. JSON data only. */
export interface RegistryState {
  /** Every (subject, version) written and not tombstoned, in the order they were written. */
  schemas: SchemaVersionEntry[];
  /** `PUT /config` (null = never set: the server default `schema.compatibility.level` applies). */
  globalCompatibility: CompatibilityLevel | null;
  /** `PUT /config/{subject}`. */
  subjectCompatibility: Record<string, CompatibilityLevel>;
  /** `PUT /mode` (null = never set: READWRITE). */
  globalMode: RegistryMode | null;
  /** `PUT /mode/{subject}`. */
  subjectModes: Record<string, RegistryMode>;
  /** Largest schema id ever handed out; `IncrementalIdGenerator` hands out max + 1. */
  maxId: number;
  /** Server config `schema.compatibility.level` (default `backward`). */
  defaultCompatibility: CompatibilityLevel;
  /** `_schemas` offset of the next record (the registry's reader position). */
  nextOffset: number;
}

/** A record of the compacted `_schemas` topic: key and value are the JSON texts the registry writes. */
export interface SchemasTopicRecord {
  key: string;
  /** null = tombstone (hard delete, config/mode delete). */
  value: string | null;
}

/** Every state change emits one of these, with a reason a learner reads in the narration. */
export type RegistryEvent =
  | {
      type: 'schemaRegistered';
      reason: string;
      subject: string;
      version: number;
      id: number;
      schemaType: SchemaType;
      newId: boolean;
    }
  | { type: 'schemaRefused'; reason: string; subject: string; errorCode: number; messages: string[] }
  | { type: 'versionSoftDeleted'; reason: string; subject: string; version: number }
  | { type: 'versionHardDeleted'; reason: string; subject: string; version: number }
  | { type: 'subjectSoftDeleted'; reason: string; subject: string; versions: number[] }
  | { type: 'subjectHardDeleted'; reason: string; subject: string; versions: number[] }
  | {
      type: 'compatibilityChanged';
      reason: string;
      subject: string | null;
      level: CompatibilityLevel | null;
    }
  | { type: 'modeChanged'; reason: string; subject: string | null; mode: RegistryMode | null };

/** An HTTP request as the console's `curl` or a client hands it to the registry. */
export interface RegistryRequest {
  method: string;
  /** Path without host, e.g. `/subjects/orders-value/versions`; a query string here is accepted too. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** The raw body text (the registry parses it as JSON). */
  body?: string;
}

/** Error body of every failed request (`io.confluent.rest.entities.ErrorMessage`). */
export interface RegistryErrorBody {
  error_code: number;
  message: string;
}

export interface RegistryResponse {
  status: number;
  /** JSON value of the response body (what `curl` prints, serialised compactly). */
  body: unknown;
  newState: RegistryState;
  events: RegistryEvent[];
  /** Records the registry appends to `_schemas` for this request, in order (empty when nothing changed). */
  records: SchemasTopicRecord[];
}
