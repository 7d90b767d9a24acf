// kafka-avro-console-producer / -consumer and their Protobuf and JSON Schema twins (Confluent's wrappers around
// kafka-console-producer/-consumer with `SchemaMessageReader` / `SchemaMessageFormatter`): argument parsing, one
// input line → serialized key/value, one consumed record → printed line. The console mounts them; producing the
// bytes into the simulated topic is the console's job.
import type { Formats } from '../formats';
import { parseSchema } from '../parsedSchema';
import { messageFromJson } from '../protobuf/protoJson';
import { deserialize, FORMAT_WORD, type SerdeConfig, serialize } from '../serde';
import { STRATEGY_CLASSES } from '../subjectNameStrategy';
import type { RegistryEvent, RegistryState, SchemasTopicRecord, SchemaType } from '../types';

export type { SchemaConsoleTool, SchemaToolArgs, ToolParse } from './schemaToolArgs';
export { parseSchemaToolArgs, TOOL_SCHEMA_TYPE } from './schemaToolArgs';

import type { SchemaToolArgs } from './schemaToolArgs';

function serdeConfig(args: SchemaToolArgs): SerdeConfig {
  const p = args.properties;
  return {
    'auto.register.schemas': (p['auto.register'] ?? p['auto.register.schemas'] ?? 'true') !== 'false',
    'use.latest.version': p['use.latest.version'] === 'true',
    ...(p['value.subject.name.strategy']
      ? { 'value.subject.name.strategy': p['value.subject.name.strategy'] }
      : {}),
    ...(p['key.subject.name.strategy']
      ? { 'key.subject.name.strategy': p['key.subject.name.strategy'] }
      : {}),
  };
}

export type ProduceLineResult =
  | {
      ok: true;
      key: Uint8Array | null;
      value: Uint8Array | null;
      valueSchemaId: number;
      newState: RegistryState;
      records: SchemasTopicRecord[];
      events: RegistryEvent[];
    }
  | {
      ok: false;
      stderr: string;
      newState: RegistryState;
      records: SchemasTopicRecord[];
      events: RegistryEvent[];
    };

/** The schema text for a side: `value.schema`, or the registered schema `value.schema.id` names. */
function schemaFor(
  state: RegistryState,
  args: SchemaToolArgs,
  side: 'key' | 'value',
): { ok: true; text: string; type: SchemaType } | { ok: false; stderr: string } {
  const raw = args.properties[`${side}.schema`];
  if (raw !== undefined) return { ok: true, text: raw, type: args.schemaType };
  const idText = args.properties[`${side}.schema.id`];
  if (idText !== undefined) {
    const id = Number(idText);
    if (!Number.isInteger(id)) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.errors.SerializationException: Error parsing ${side}.schema.id as int\n`,
      };
    }
    const entry = state.schemas.find((s) => s.id === id);
    if (!entry) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.errors.SerializationException: Error retrieving schema for id ${id}\nCaused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Schema ${id} not found; error code: 40403\n`,
      };
    }
    return { ok: true, text: entry.schema, type: entry.schemaType };
  }
  return {
    ok: false,
    stderr: `org.apache.kafka.common.config.ConfigException: Must provide the ${side} schema in either ${side}.schema, ${side}.schema.id, or ${side}.schema.file\n`,
  };
}

/** One input line: `parse.key=true` splits it at `key.separator` (default tab); each part is the format's JSON. */
export function produceLine(
  formats: Formats,
  state: RegistryState,
  args: SchemaToolArgs,
  line: string,
): ProduceLineResult {
  const same = { newState: state, records: [] as SchemasTopicRecord[], events: [] as RegistryEvent[] };
  const parseKey = args.properties['parse.key'] === 'true';
  const separator = args.properties['key.separator'] ?? '\t';
  let keyText: string | null = null;
  let valueText = line;
  if (parseKey) {
    const at = line.indexOf(separator);
    if (at < 0) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.KafkaException: No key separator found on line number 1: '${line}'\n`,
        ...same,
      };
    }
    keyText = line.slice(0, at);
    valueText = line.slice(at + separator.length);
  }
  // The strategies are class-typed configs (`ConfigDef.Type.CLASS`): the serializer's configure() fails on a name
  // that is not a class on the classpath, before any line is read.
  for (const side of ['key', 'value'] as const) {
    const name = args.properties[`${side}.subject.name.strategy`];
    if (name !== undefined && !Object.values(STRATEGY_CLASSES).includes(name.trim())) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.config.ConfigException: Invalid value ${name} for configuration ${side}.subject.name.strategy: Class ${name} could not be found.\n`,
        ...same,
      };
    }
  }
  const config = serdeConfig(args);
  let newState = state;
  const records: SchemasTopicRecord[] = [];
  const events: RegistryEvent[] = [];
  const encode = (
    side: 'key' | 'value',
    text: string,
  ): { ok: true; bytes: Uint8Array; id: number } | { ok: false; stderr: string } => {
    const schema = schemaFor(newState, args, side);
    if (!schema.ok) return schema;
    const parsed = parseSchema(formats, schema.type, schema.text);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.errors.SerializationException: Error deserializing json ${text} to ${FORMAT_WORD[schema.type]} of schema ${parsed.ok ? parsed.value.canonical : schema.text}\nCaused by: ${(e as Error).message}\n`,
      };
    }
    if (parsed.ok && parsed.value.schemaType === 'PROTOBUF' && parsed.value.recordName) {
      // `ProtobufMessageReader`: JsonFormat.parser() reads the line (proto3 JSON mapping: 64-bit ints as strings
      // or numbers, JSON or .proto field names); what it refuses is the reader's error, before any serializing.
      const mapped = messageFromJson(parsed.value.root.lookupType(parsed.value.recordName), value);
      if (!mapped.ok) {
        return {
          ok: false,
          stderr: `org.apache.kafka.common.errors.SerializationException: Error deserializing json ${text} to Protobuf of schema ${parsed.value.canonical}\nCaused by: com.google.protobuf.InvalidProtocolBufferException: ${mapped.message}\n`,
        };
      }
    }
    if (parsed.ok && parsed.value.schemaType === 'AVRO' && !parsed.value.type.isValid(value)) {
      return {
        ok: false,
        stderr: `org.apache.kafka.common.errors.SerializationException: Error deserializing json ${text} to Avro of schema ${parsed.value.canonical}\nCaused by: org.apache.avro.AvroTypeException: the value does not match the schema\n`,
      };
    }
    const r = serialize(formats, newState, {
      topic: args.topic,
      isKey: side === 'key',
      schemaType: schema.type,
      schema: schema.text,
      value,
      config:
        args.properties[`${side}.schema.id`] !== undefined
          ? { ...config, 'auto.register.schemas': false, 'use.latest.version': false }
          : config,
    });
    newState = r.newState;
    records.push(...r.records);
    events.push(...r.events);
    if (!r.ok) return { ok: false, stderr: `${r.text}\n` };
    return { ok: true, bytes: r.bytes, id: r.schemaId };
  };
  let key: Uint8Array | null = null;
  if (keyText !== null) {
    const k = encode('key', keyText);
    if (!k.ok) return { ok: false, stderr: k.stderr, newState, records, events };
    key = k.bytes;
  }
  const v =
    valueText === (args.properties['null.marker'] ?? '\u0000null-marker-unset')
      ? null
      : encode('value', valueText);
  if (v && !v.ok) return { ok: false, stderr: v.stderr, newState, records, events };
  return {
    ok: true,
    key,
    value: v ? v.bytes : null,
    valueSchemaId: v ? v.id : -1,
    newState,
    records,
    events,
  };
}

/** The full name of an Avro record schema's top-level record (namespace.name). */
function writerRecordName(schema: string): string {
  try {
    const raw = JSON.parse(schema) as { name?: string; namespace?: string };
    if (!raw.name) return String(raw);
    return raw.name.includes('.') || !raw.namespace ? raw.name : `${raw.namespace}.${raw.name}`;
  } catch {
    return schema;
  }
}

export interface ConsumedRecord {
  key: Uint8Array | null;
  value: Uint8Array | null;
  partition?: number;
  offset?: number;
  timestamp?: number;
}

/**
 * One consumed record as the formatter prints it: the value as JSON (Avro JSON encoding for Avro, Protobuf's JSON
 * mapping, the JSON text), with `print.key=true` the key and `key.separator` (tab) first, with
 * `print.schema.ids=true` the schema id after `schema.id.separator` (tab). A record it cannot deserialize stops
 * the consumer with the deserializer's exception.
 */
export function formatConsumedRecord(
  formats: Formats,
  state: RegistryState,
  args: SchemaToolArgs,
  record: ConsumedRecord,
): { ok: true; line: string } | { ok: false; stderr: string } {
  const p = args.properties;
  const nullLiteral = p['null.literal'] ?? 'null';
  // The formatter reads with the writer's schema (a generic record); reading with an older reader schema is what an
  // application with generated classes does — `deserialize(…, { readerSchema })` (the `avro-app` simulation command).
  const value = deserialize(formats, state, {
    schemaType: args.schemaType,
    isKey: false,
    bytes: record.value,
  });
  if (
    value.ok &&
    args.schemaType === 'AVRO' &&
    p['specific.avro.reader'] === 'true' &&
    record.value !== null
  ) {
    // `AbstractKafkaAvroDeserializer#getSpecificReaderSchema`: the reader schema is the generated class named like
    // the writer's record, and the console tool has no generated classes on its classpath.
    const name = writerRecordName(value.writerSchema);
    return {
      ok: false,
      stderr: `ERROR Unknown error when running consumer:  (kafka.tools.ConsoleConsumer$)\norg.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id ${value.schemaId}\nCaused by: com.google.common.util.concurrent.UncheckedExecutionException: org.apache.kafka.common.errors.SerializationException: Could not find class ${name} specified in writer's schema whilst finding reader's schema for a SpecificRecord.\n`,
    };
  }
  if (!value.ok) {
    return {
      ok: false,
      stderr: `ERROR Unknown error when running consumer:  (kafka.tools.ConsoleConsumer$)\n${value.text}\n`,
    };
  }
  let line = record.value === null ? nullLiteral : JSON.stringify(value.value);
  if (p['print.schema.ids'] === 'true' && record.value !== null)
    line += `${p['schema.id.separator'] ?? '\t'}${value.schemaId}`;
  if (p['print.key'] === 'true') {
    let keyText = nullLiteral;
    if (record.key !== null) {
      if (record.key[0] === 0 && record.key.length >= 5) {
        const k = deserialize(formats, state, {
          schemaType: args.schemaType,
          isKey: true,
          bytes: record.key,
        });
        keyText = k.ok ? JSON.stringify(k.value) : new TextDecoder().decode(record.key);
      } else {
        keyText = new TextDecoder().decode(record.key);
      }
    }
    line = `${keyText}${p['key.separator'] ?? '\t'}${line}`;
  }
  if (p['print.offset'] === 'true' && record.offset !== undefined) line = `Offset:${record.offset}\t${line}`;
  if (p['print.partition'] === 'true' && record.partition !== undefined)
    line = `Partition:${record.partition}\t${line}`;
  return { ok: true, line };
}
