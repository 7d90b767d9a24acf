// Confluent serializers and deserializers (Kafka{Avro,Protobuf,JsonSchema}{Serializer,Deserializer}, 7.9) over the
// simulated registry: subject from the name strategy, schema id from registering (`auto.register.schemas=true`,
// the default), from the latest version (`use.latest.version=true`) or from a lookup, then the wire header and the
// payload. Failures carry the real exception chain text. Registering goes through `handle`, so it writes the same
// `_schemas` records and events as a `curl` would.
import type * as Protobuf from 'protobufjs';
import { avroIncompatibilities } from './avro/avroCompatibility';
import type { AvroNode, ParsedAvro } from './avro/avroSchema';
import { avroTypeName } from './avro/avroSchema';
import { avroBuffer, type Formats } from './formats';
import type { ParsedJsonSchema } from './jsonSchema/jsonSchemaModel';
import { type ParsedSchema, parseSchema } from './parsedSchema';
import { messageFromJson } from './protobuf/protoJson';
import { messageIndexesOf, messageNameAt } from './protobuf/protoSchema';
import { handle } from './rest';
import { parseStrategy, subjectName } from './subjectNameStrategy';
import type { RegistryEvent, RegistryState, SchemasTopicRecord, SchemaType } from './types';
import { frame, unframe } from './wireFormat';

export interface SerdeConfig {
  'auto.register.schemas'?: boolean;
  'use.latest.version'?: boolean;
  'latest.compatibility.strict'?: boolean;
  'key.subject.name.strategy'?: string;
  'value.subject.name.strategy'?: string;
  /** JSON Schema serializer: validate the value against the schema first (default false). */
  'json.fail.invalid.schema'?: boolean;
}

export const FORMAT_WORD: Record<SchemaType, string> = { AVRO: 'Avro', PROTOBUF: 'Protobuf', JSON: 'JSON' };
const SERIALIZATION_EXCEPTION = 'org.apache.kafka.common.errors.SerializationException';
const REST_CLIENT_EXCEPTION = 'io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException';

export interface SerdeFailure {
  ok: false;
  /** First line: the exception the producer or consumer gets. */
  exception: string;
  message: string;
  /** `Caused by:` line, when there is one. */
  cause: string | null;
  /** Both lines as a Java stack trace starts. */
  text: string;
}

function failure(message: string, cause: string | null): SerdeFailure {
  const exception = `${SERIALIZATION_EXCEPTION}: ${message}`;
  return {
    ok: false,
    exception: SERIALIZATION_EXCEPTION,
    message,
    cause,
    text: cause ? `${exception}\nCaused by: ${cause}` : exception,
  };
}

export interface SerializeInput {
  topic: string;
  isKey: boolean;
  schemaType: SchemaType;
  /** The producer's schema text (Avro JSON, `.proto`, JSON Schema). */
  schema: string;
  /** Avro: Avro JSON encoding (unions wrapped); Protobuf: a plain object of the message; JSON: any JSON value. */
  value: unknown;
  config?: SerdeConfig;
  /** Protobuf: full name of the message to write (default: the first message of the file). */
  messageName?: string;
}

export type SerializeResult =
  | {
      ok: true;
      bytes: Uint8Array;
      schemaId: number;
      subject: string;
      newState: RegistryState;
      records: SchemasTopicRecord[];
      events: RegistryEvent[];
    }
  | (SerdeFailure & { newState: RegistryState; records: SchemasTopicRecord[]; events: RegistryEvent[] });

/** Encodes a value with a parsed schema (no header). */
export function encodePayload(
  parsed: ParsedSchema,
  value: unknown,
  messageName?: string,
): { ok: true; bytes: Uint8Array; indexes?: number[] } | { ok: false; message: string } {
  try {
    switch (parsed.schemaType) {
      case 'AVRO': {
        const problems: string[] = [];
        parsed.type.isValid(value, {
          errorHook: (path: string[], v: unknown, t: { toString(): string }) =>
            problems.push(`${path.join('.') || '(root)'}: ${JSON.stringify(v)} is not a ${t}`),
        });
        if (problems.length > 0) return { ok: false, message: problems[0] };
        return { ok: true, bytes: new Uint8Array(parsed.type.toBuffer(value)) };
      }
      case 'PROTOBUF': {
        const name = messageName ?? parsed.recordName;
        if (!name) return { ok: false, message: 'the schema has no message type' };
        const type = parsed.root.lookupType(name);
        // The proto3 JSON mapping first (JSON names, 64-bit ints as strings), then protobufjs' own check.
        const mapped = messageFromJson(type, value);
        if (!mapped.ok) return mapped;
        const object = type.fromObject(mapped.value as Record<string, unknown>);
        const problem = type.verify(object);
        if (problem) return { ok: false, message: problem };
        const indexes = messageIndexesOf(parsed.file, name) ?? [0];
        return {
          ok: true,
          bytes: type.encode(object).finish(),
          indexes,
        };
      }
      case 'JSON':
        return { ok: true, bytes: new TextEncoder().encode(JSON.stringify(value)) };
    }
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
}

/** `KafkaAvroSerializer.serialize` & co. A null value is written as null (a tombstone), registering nothing. */
export function serialize(formats: Formats, state: RegistryState, input: SerializeInput): SerializeResult {
  const config = input.config ?? {};
  const word = FORMAT_WORD[input.schemaType];
  const same = { newState: state, records: [] as SchemasTopicRecord[], events: [] as RegistryEvent[] };
  const parsedResult = parseSchema(formats, input.schemaType, input.schema);
  if (!parsedResult.ok)
    return { ...failure(`Invalid schema ${input.schema}`, parsedResult.message), ...same };
  let parsed = parsedResult.value;
  const strategy = parseStrategy(
    config[input.isKey ? 'key.subject.name.strategy' : 'value.subject.name.strategy'],
  );
  if (!strategy) return { ...failure('Invalid subject name strategy', null), ...same };
  const recordName = input.messageName ?? parsed.recordName;
  const subjectResult = subjectName(strategy, input.topic, input.isKey, recordName);
  if (!subjectResult.ok)
    return { ...failure(`Error serializing ${word} message`, subjectResult.message), ...same };
  const subject = subjectResult.subject;
  const schemaSuffix = input.schemaType === 'AVRO' ? parsed.canonical : `: ${parsed.canonical}`;
  const body = JSON.stringify({
    ...(input.schemaType !== 'AVRO' ? { schemaType: input.schemaType } : {}),
    schema: parsed.canonical,
  });
  const restFailure = (prefix: string, r: { body: unknown }) => {
    const b = r.body as { message: string; error_code: number };
    return {
      ...failure(
        `${prefix}${schemaSuffix}`,
        `${REST_CLIENT_EXCEPTION}: ${b.message}; error code: ${b.error_code}`,
      ),
      ...same,
    };
  };

  let id: number;
  let newState = state;
  let records: SchemasTopicRecord[] = [];
  let events: RegistryEvent[] = [];
  if (config['auto.register.schemas'] ?? true) {
    const r = handle(
      state,
      { method: 'POST', path: `/subjects/${encodeURIComponent(subject)}/versions`, body },
      formats,
    );
    if (r.status !== 200) return { ...restFailure(`Error registering ${word} schema`, r), events: r.events };
    id = (r.body as { id: number }).id;
    newState = r.newState;
    records = r.records;
    events = r.events;
  } else if (config['use.latest.version']) {
    const r = handle(
      state,
      { method: 'GET', path: `/subjects/${encodeURIComponent(subject)}/versions/latest` },
      formats,
    );
    if (r.status !== 200) {
      return restFailure(
        input.schemaType === 'AVRO'
          ? 'Error retrieving latest version of Avro schema'
          : 'Error retrieving latest version: ',
        r,
      );
    }
    const latest = r.body as { id: number; schema: string };
    const latestParsed = parseSchema(formats, input.schemaType, latest.schema);
    if (!latestParsed.ok)
      return { ...failure(`Error serializing ${word} message`, latestParsed.message), ...same };
    if (config['latest.compatibility.strict'] ?? true) {
      // `lookupLatestVersion`: the latest version must be able to read what this schema writes.
      const reader = latestParsed.value;
      const problems = parseSchemaCompat(reader, parsed);
      if (problems) {
        return {
          ...failure(
            `Error serializing ${word} message`,
            `java.io.IOException: Incompatible schema '${latest.schema}' with refs '[]' of type '${input.schemaType}' for schema '${parsed.canonical}'. Set latest.compatibility.strict=false to disable this check. See log file for more details.`,
          ),
          ...same,
        };
      }
    }
    id = latest.id;
    parsed = latestParsed.value;
  } else {
    const r = handle(
      state,
      { method: 'POST', path: `/subjects/${encodeURIComponent(subject)}`, body },
      formats,
    );
    if (r.status !== 200)
      return restFailure(
        input.schemaType === 'AVRO' ? 'Error retrieving Avro schema' : `Error retrieving ${word} schema: `,
        r,
      );
    id = (r.body as { id: number }).id;
  }
  if (input.schemaType === 'JSON' && config['json.fail.invalid.schema']) {
    const v = (parsed as ParsedJsonSchema).validate(input.value);
    if (!v.ok)
      return {
        ...failure(
          `Validation error in JSON ${JSON.stringify(input.value)}, Error report:\n${v.message}`,
          null,
        ),
        ...same,
      };
  }
  const encoded = encodePayload(parsed, input.value, input.messageName);
  if (!encoded.ok) return { ...failure(`Error serializing ${word} message`, encoded.message), ...same };
  return {
    ok: true,
    bytes: frame(id, encoded.bytes, input.schemaType === 'PROTOBUF' ? encoded.indexes : undefined),
    schemaId: id,
    subject,
    newState,
    records,
    events,
  };
}

function parseSchemaCompat(reader: ParsedSchema, writer: ParsedSchema): boolean {
  if (reader.schemaType === 'AVRO' && writer.schemaType === 'AVRO') {
    return avroIncompatibilities(reader.node, writer.node).length > 0;
  }
  return false;
}

// --- deserializing ---

/** One step of Avro schema resolution, as a view shows it. */
export type ResolutionStep =
  | { kind: 'fieldIgnored'; field: string; reason: string }
  | { kind: 'defaultUsed'; field: string; value: unknown; reason: string }
  | { kind: 'promoted'; field: string; from: string; to: string; reason: string };

export interface DeserializeInput {
  schemaType: SchemaType;
  isKey: boolean;
  bytes: Uint8Array | null;
  /** Avro: the consumer's reader schema (an older or newer version); default: the writer's schema. */
  readerSchema?: string;
}

export type DeserializeResult =
  | {
      ok: true;
      value: unknown;
      schemaId: number;
      writerSchema: string;
      /** Protobuf: the message the indexes point at. */
      messageName?: string;
      resolution: ResolutionStep[];
    }
  | SerdeFailure;

function defaultOf(raw: unknown, field: string): unknown {
  const fields = ((raw as { fields?: { name: string; default?: unknown }[] }).fields ?? []) as {
    name: string;
    default?: unknown;
  }[];
  return fields.find((f) => f.name === field)?.default;
}

/** What Avro resolution does field by field for a top-level record (writer → reader). */
export function resolutionSteps(reader: ParsedAvro, writer: ParsedAvro): ResolutionStep[] {
  const r = reader.node;
  const w = writer.node;
  if (r.kind !== 'record' || w.kind !== 'record') return [];
  const steps: ResolutionStep[] = [];
  for (const wf of w.fields) {
    const match = r.fields.find((f) => f.name === wf.name || f.aliases.includes(wf.name));
    if (!match)
      steps.push({
        kind: 'fieldIgnored',
        field: wf.name,
        reason: `the writer's field ${wf.name} is not in the reader's schema: skipped`,
      });
  }
  for (const rf of r.fields) {
    const wf = w.fields.find((f) => f.name === rf.name || rf.aliases.includes(f.name));
    if (!wf) {
      if (rf.hasDefault) {
        const value = defaultOf(reader.raw, rf.name);
        steps.push({
          kind: 'defaultUsed',
          field: rf.name,
          value,
          reason: `the writer had no ${rf.name}: the reader's default ${JSON.stringify(value)} is used`,
        });
      }
    } else if (
      avroTypeName(rf.type) !== avroTypeName(wf.type) &&
      rf.type.kind === 'primitive' &&
      wf.type.kind === 'primitive'
    ) {
      steps.push({
        kind: 'promoted',
        field: rf.name,
        from: wf.type.type,
        to: rf.type.type,
        reason: `${rf.name} was written as ${wf.type.type} and is read as ${rf.type.type} (Avro promotion)`,
      });
    }
  }
  return steps;
}

/** Apache Avro's `AvroTypeException` text for the first thing a resolving decoder trips over. */
function avroResolutionError(reader: AvroNode, writer: AvroNode): string {
  const incs = avroIncompatibilities(reader, writer);
  const first = incs[0];
  const nameOf = (n: AvroNode) => ('fullName' in n ? n.fullName : n.kind === 'primitive' ? n.type : n.kind);
  if (first?.type === 'READER_FIELD_MISSING_DEFAULT_VALUE') {
    return `org.apache.avro.AvroTypeException: Found ${nameOf(writer)}, expecting ${nameOf(reader)}, missing required field ${first.message}`;
  }
  return `org.apache.avro.AvroTypeException: Found ${nameOf(writer)}, expecting ${nameOf(reader)}${first ? ` (${first.message} at ${first.location})` : ''}`;
}

/** `KafkaAvroDeserializer.deserialize` & co. */
export function deserialize(
  formats: Formats,
  state: RegistryState,
  input: DeserializeInput,
): DeserializeResult {
  if (input.bytes === null) return { ok: true, value: null, schemaId: -1, writerSchema: '', resolution: [] };
  const word = FORMAT_WORD[input.schemaType];
  const side = input.isKey ? 'key' : 'value';
  const header = unframe(input.bytes, input.schemaType === 'PROTOBUF');
  if (!header.ok) return failure(header.message, null);
  const id = header.schemaId;
  const entry = state.schemas.find((s) => s.id === id);
  if (!entry) {
    const what =
      input.schemaType === 'AVRO'
        ? `Error retrieving Avro ${side} schema for id ${id}`
        : `Error retrieving ${word} schema for id ${id}`;
    return failure(what, `${REST_CLIENT_EXCEPTION}: Schema ${id} not found; error code: 40403`);
  }
  const writerParsed = parseSchema(formats, entry.schemaType, entry.schema);
  const errorFor = (cause: string) => failure(`Error deserializing ${word} message for id ${id}`, cause);
  if (!writerParsed.ok) return errorFor(writerParsed.message);
  const writer = writerParsed.value;
  try {
    switch (writer.schemaType) {
      case 'AVRO': {
        let reader = writer;
        if (input.readerSchema) {
          const rp = parseSchema(formats, 'AVRO', input.readerSchema);
          if (!rp.ok || rp.value.schemaType !== 'AVRO')
            return errorFor(rp.ok ? 'not an Avro schema' : rp.message);
          reader = rp.value;
        }
        if (reader !== writer && avroIncompatibilities(reader.node, writer.node).length > 0) {
          return errorFor(avroResolutionError(reader.node, writer.node));
        }
        const resolver = reader === writer ? undefined : reader.type.createResolver(writer.type);
        const value = reader.type.fromBuffer(avroBuffer(formats, header.payload), resolver);
        return {
          ok: true,
          value: toAvroJson(reader.type.toString(value) as string),
          schemaId: id,
          writerSchema: entry.schema,
          resolution: reader === writer ? [] : resolutionSteps(reader, writer),
        };
      }
      case 'PROTOBUF': {
        const name = messageNameAt(writer.file, header.messageIndexes ?? [0]);
        if (!name) return errorFor(`Invalid message indexes: [${(header.messageIndexes ?? []).join(', ')}]`);
        const type = writer.root.lookupType(name);
        const message = type.decode(header.payload);
        return {
          ok: true,
          value: protobufJson(type, message),
          schemaId: id,
          writerSchema: entry.schema,
          messageName: name,
          resolution: [],
        };
      }
      case 'JSON':
        return {
          ok: true,
          value: JSON.parse(new TextDecoder().decode(header.payload)),
          schemaId: id,
          writerSchema: entry.schema,
          resolution: [],
        };
    }
  } catch (e) {
    return errorFor((e as Error).message);
  }
}

const toAvroJson = (text: string): unknown => JSON.parse(text);

/** Protobuf's JSON mapping as `JsonFormat.printer()` prints it: lowerCamelCase names, 64-bit ints as strings. */
export function protobufJson(type: Protobuf.Type, message: Protobuf.Message): unknown {
  const obj = type.toObject(message, { longs: String, enums: String, bytes: String, defaults: false });
  const camel = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(camel);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [
          k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()),
          camel(x),
        ]),
      );
    }
    return v;
  };
  return camel(obj);
}
