import { describe, expect, it } from 'vitest';
import { compatibilityMatrix } from '../compatibility';
import { formatConsumedRecord, parseSchemaToolArgs, produceLine } from '../console/schemaConsoleTools';
import { parseSchema } from '../parsedSchema';
import { parsedHistory } from '../registry';
import { deserialize, serialize } from '../serde';
import { subjectName } from '../subjectNameStrategy';
import { describeRecordBytes } from '../wireBreakdown';
import { encodeMessageIndexes, frame, toHex, unframe } from '../wireFormat';
import { avroRecord, formats, registry } from './formats.testkit';

const V1 = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'int' },
]);
const V2 = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'amount', type: 'long' },
  { name: 'currency', type: 'string', default: 'EUR' },
]);

describe('wire format (AbstractKafkaSchemaSerDe, MessageIndexes)', () => {
  it('magic byte 0, then the id as a 4-byte big-endian int, then the payload', () => {
    expect(toHex(frame(258, new Uint8Array([0xaa])))).toBe('00 00 00 01 02 aa');
  });
  it('message indexes: [0] is the single byte 00; [1] is 02 02; [0,1] is 04 00 02 (zig-zag varints)', () => {
    expect(encodeMessageIndexes([0])).toEqual([0x00]);
    expect(encodeMessageIndexes([1])).toEqual([0x02, 0x02]);
    expect(encodeMessageIndexes([0, 1])).toEqual([0x04, 0x00, 0x02]);
    expect(unframe(frame(5, new Uint8Array([9]), [0, 1]), true)).toMatchObject({
      ok: true,
      schemaId: 5,
      messageIndexes: [0, 1],
    });
  });
  it('anything not starting with 0x00 is "Unknown magic byte!"', () => {
    expect(unframe(new TextEncoder().encode('hello'), false)).toEqual({
      ok: false,
      message: 'Unknown magic byte!',
    });
  });
});

describe('subject name strategies (io.confluent.kafka.serializers.subject.*)', () => {
  it.each([
    ['TopicNameStrategy', false, 'orders-value'],
    ['TopicNameStrategy', true, 'orders-key'],
    ['RecordNameStrategy', false, 'com.acme.Order'],
    ['TopicRecordNameStrategy', false, 'orders-com.acme.Order'],
  ] as const)('%s (isKey=%s) → %s', (strategy, isKey, subject) => {
    expect(subjectName(strategy, 'orders', isKey, 'com.acme.Order')).toEqual({ ok: true, subject });
  });
});

describe('KafkaAvroSerializer / KafkaAvroDeserializer', () => {
  it('auto.register.schemas (default true) registers under <topic>-value and frames the Avro binary', () => {
    const r = registry();
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: V1,
      value: { id: 'a', amount: 3 },
    });
    expect(s.ok && [s.subject, s.schemaId, toHex(s.bytes)]).toEqual([
      'orders-value',
      1,
      '00 00 00 00 01 02 61 06',
    ]);
    expect(s.records.length).toBe(1);
  });
  it('auto.register.schemas=false and an unregistered schema: "Error retrieving Avro schema…" caused by 40403/40401', () => {
    const r = registry();
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: V1,
      value: { id: 'a', amount: 3 },
      config: { 'auto.register.schemas': false },
    });
    expect(!s.ok && s.text.split('\n')).toEqual([
      `org.apache.kafka.common.errors.SerializationException: Error retrieving Avro schema${JSON.parse(JSON.stringify(V1))}`,
      "Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Subject 'orders-value' not found.; error code: 40401",
    ]);
  });
  it('an incompatible auto-registration fails with "Error registering Avro schema" and the 409', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    const bad = avroRecord('Order', [
      { name: 'id', type: 'string' },
      { name: 'amount', type: 'int' },
      { name: 'x', type: 'int' },
    ]);
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: bad,
      value: { id: 'a', amount: 1, x: 2 },
    });
    expect(!s.ok && s.message.startsWith('Error registering Avro schema{')).toBe(true);
    expect(!s.ok && s.cause).toMatch(
      /Schema being registered is incompatible with an earlier schema for subject "orders-value".*; error code: 409$/,
    );
  });
  it('use.latest.version writes with the latest registered schema and its id', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    r.call('POST', '/subjects/orders-value/versions', { schema: V2 });
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: V1,
      value: { id: 'a', amount: 3, currency: 'USD' },
      config: { 'auto.register.schemas': false, 'use.latest.version': true },
    });
    expect(s.ok && s.schemaId).toBe(2);
  });
  it('a consumer with the old reader schema reads new data: currency dropped, long amount not readable as int is refused', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', {
      schema: avroRecord('Order', [{ name: 'id', type: 'string' }]),
    });
    const v2 = avroRecord('Order', [
      { name: 'id', type: 'string' },
      { name: 'currency', type: 'string', default: 'EUR' },
    ]);
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: v2,
      value: { id: 'a', currency: 'USD' },
    });
    if (!s.ok) throw new Error(s.text);
    const old = deserialize(formats, s.newState, {
      schemaType: 'AVRO',
      isKey: false,
      bytes: s.bytes,
      readerSchema: avroRecord('Order', [{ name: 'id', type: 'string' }]),
    });
    expect(old.ok && old.value).toEqual({ id: 'a' });
    expect(old.ok && old.resolution.map((x) => x.kind)).toEqual(['fieldIgnored']);
    const withDefault = deserialize(formats, r.state, {
      schemaType: 'AVRO',
      isKey: false,
      bytes: frame(1, new Uint8Array([0x02, 0x61])),
      readerSchema: avroRecord('Order', [
        { name: 'id', type: 'string' },
        { name: 'currency', type: 'string', default: 'EUR' },
      ]),
    });
    expect(withDefault.ok && withDefault.value).toEqual({ id: 'a', currency: 'EUR' });
    const cannot = deserialize(formats, r.state, {
      schemaType: 'AVRO',
      isKey: false,
      bytes: frame(1, new Uint8Array([0x02, 0x61])),
      readerSchema: avroRecord('Order', [
        { name: 'id', type: 'string' },
        { name: 'n', type: 'int' },
      ]),
    });
    expect(!cannot.ok && cannot.text.split('\n')).toEqual([
      'org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id 1',
      'Caused by: org.apache.avro.AvroTypeException: Found Order, expecting Order, missing required field n',
    ]);
  });
  it('deserialization failures: unknown magic byte, unknown id', () => {
    const r = registry();
    expect(
      deserialize(formats, r.state, {
        schemaType: 'AVRO',
        isKey: false,
        bytes: new TextEncoder().encode('plain'),
      }),
    ).toMatchObject({
      ok: false,
      text: 'org.apache.kafka.common.errors.SerializationException: Unknown magic byte!',
    });
    const unknown = deserialize(formats, r.state, {
      schemaType: 'AVRO',
      isKey: false,
      bytes: frame(7, new Uint8Array([0])),
    });
    expect(!unknown.ok && unknown.text).toBe(
      'org.apache.kafka.common.errors.SerializationException: Error retrieving Avro value schema for id 7\nCaused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Schema 7 not found; error code: 40403',
    );
  });
  it('the byte breakdown names magic, id and each Avro field', () => {
    const r = registry();
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'AVRO',
      schema: V1,
      value: { id: 'a', amount: 3 },
    });
    if (!s.ok) throw new Error(s.text);
    expect(
      describeRecordBytes(formats, s.newState, s.bytes, 'AVRO').map((x) => [x.part, x.hex, x.label]),
    ).toEqual([
      ['magic', '00', 'magic byte 0 (Confluent wire format)'],
      ['schemaId', '00 00 00 01', 'schema id 1 (4 bytes, big-endian)'],
      ['field', '02 61', 'id = "a" (Avro binary)'],
      ['field', '06', 'amount = 3 (Avro binary)'],
    ]);
  });
});

describe('KafkaProtobufSerializer and KafkaJsonSchemaSerializer', () => {
  const proto =
    'syntax = "proto3";\npackage acme;\nmessage Order {\n  string order_id = 1;\n  int64 qty = 2;\n}\n';
  it('Protobuf writes message indexes 00 after the id; the consumer prints JsonFormat (camelCase, int64 as string)', () => {
    const r = registry();
    const s = serialize(formats, r.state, {
      topic: 'orders',
      isKey: false,
      schemaType: 'PROTOBUF',
      schema: proto,
      value: { order_id: 'a', qty: 2 },
    });
    if (!s.ok) throw new Error(s.text);
    expect(toHex(s.bytes)).toBe('00 00 00 00 01 00 0a 01 61 10 02');
    const d = deserialize(formats, s.newState, { schemaType: 'PROTOBUF', isKey: false, bytes: s.bytes });
    expect(d.ok && [d.value, d.messageName]).toEqual([{ orderId: 'a', qty: '2' }, 'acme.Order']);
    expect(describeRecordBytes(formats, s.newState, s.bytes, 'PROTOBUF').map((x) => x.part)).toEqual([
      'magic',
      'schemaId',
      'messageIndexes',
      'field',
      'field',
    ]);
  });
  it('JSON Schema writes the JSON text; json.fail.invalid.schema=true validates it first', () => {
    const r = registry();
    const schema = JSON.stringify({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    const s = serialize(formats, r.state, {
      topic: 't',
      isKey: false,
      schemaType: 'JSON',
      schema,
      value: { id: 'a' },
    });
    expect(s.ok && new TextDecoder().decode(s.bytes.subarray(5))).toBe('{"id":"a"}');
    const v = serialize(formats, r.state, {
      topic: 't',
      isKey: false,
      schemaType: 'JSON',
      schema,
      value: {},
      config: { 'json.fail.invalid.schema': true },
    });
    expect(!v.ok && v.message).toMatch(/^Validation error in JSON \{\}/);
  });
});

describe('kafka-avro-console-producer / -consumer (SchemaMessageReader, SchemaMessageFormatter)', () => {
  const tokens = [
    '--bootstrap-server',
    'localhost:9092',
    '--topic',
    'orders',
    '--property',
    'schema.registry.url=http://localhost:8081',
    '--property',
    `value.schema=${V1}`,
  ];
  it('parses --property value.schema=… and produces a line', () => {
    const p = parseSchemaToolArgs('kafka-avro-console-producer', tokens);
    if (!p.ok) throw new Error(p.stderr);
    const r = registry();
    const line = produceLine(formats, r.state, p.args, '{"id":"o-1","amount":5}');
    expect(line.ok && toHex(line.value as Uint8Array)).toBe('00 00 00 00 01 06 6f 2d 31 0a');
    if (!line.ok) return;
    const c = parseSchemaToolArgs('kafka-avro-console-consumer', [
      '--bootstrap-server',
      'localhost:9092',
      '--topic',
      'orders',
      '--from-beginning',
      '--property',
      'schema.registry.url=http://localhost:8081',
      '--property',
      'print.schema.ids=true',
    ]);
    if (!c.ok) throw new Error(c.stderr);
    expect(formatConsumedRecord(formats, line.newState, c.args, { key: null, value: line.value })).toEqual({
      ok: true,
      line: '{"id":"o-1","amount":5}\t1',
    });
  });
  it('errors: missing registry url, missing schema, JSON that does not fit the schema', () => {
    expect(
      parseSchemaToolArgs('kafka-avro-console-producer', ['--bootstrap-server', 'b:9092', '--topic', 't']),
    ).toMatchObject({
      ok: false,
      stderr: 'org.apache.kafka.common.config.ConfigException: Missing schema registry url!\n',
    });
    const p = parseSchemaToolArgs('kafka-avro-console-producer', [
      '--bootstrap-server',
      'b:9092',
      '--topic',
      't',
      '--property',
      'schema.registry.url=http://localhost:8081',
    ]);
    if (!p.ok) throw new Error();
    expect(produceLine(formats, registry().state, p.args, '{}')).toMatchObject({
      ok: false,
      stderr:
        'org.apache.kafka.common.config.ConfigException: Must provide the value schema in either value.schema, value.schema.id, or value.schema.file\n',
    });
    const q = parseSchemaToolArgs('kafka-avro-console-producer', tokens);
    if (!q.ok) throw new Error();
    const bad = produceLine(formats, registry().state, q.args, '{"id":5}');
    expect(!bad.ok && bad.stderr.split('\n')[0]).toBe(
      `org.apache.kafka.common.errors.SerializationException: Error deserializing json {"id":5} to Avro of schema ${V1}`,
    );
  });
});

describe('compatibility matrix (for the lesson view)', () => {
  it('adding a field with a default passes every level; without one only NONE and FORWARD(_TRANSITIVE)', () => {
    const r = registry();
    r.call('POST', '/subjects/s/versions', { schema: avroRecord('Order', [{ name: 'id', type: 'string' }]) });
    const history = parsedHistory(formats, r.state, 's');
    const parse = (t: string) => {
      const p = parseSchema(formats, 'AVRO', t);
      if (!p.ok) throw new Error(p.message);
      return p.value;
    };
    const withDefault = compatibilityMatrix(
      parse(
        avroRecord('Order', [
          { name: 'id', type: 'string' },
          { name: 'c', type: 'string', default: 'x' },
        ]),
      ),
      history,
    );
    expect(withDefault.every((v) => v.compatible)).toBe(true);
    const without = compatibilityMatrix(
      parse(
        avroRecord('Order', [
          { name: 'id', type: 'string' },
          { name: 'c', type: 'string' },
        ]),
      ),
      history,
    );
    expect(without.filter((v) => v.compatible).map((v) => v.level)).toEqual([
      'NONE',
      'FORWARD',
      'FORWARD_TRANSITIVE',
    ]);
    expect(without.find((v) => v.level === 'BACKWARD')?.messages[0]).toContain(
      'READER_FIELD_MISSING_DEFAULT_VALUE',
    );
  });
});
