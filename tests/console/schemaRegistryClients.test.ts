// Confluent's serializer and deserializer settings reached from the console: the Protobuf producer's JSON mapping,
// subject name strategies, auto.register.schemas / use.latest.version, registry modes, an application reading
// with an older reader schema, a registry restart.
import Ajv from 'ajv';
import * as avsc from 'avsc';
import * as protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleFor } from '@/kafka-cli';
import { readModel, Simulation, schemaRegistry } from '@/simulator';
import { schemaRuntime } from '@/simulator/schemaRegistry/runtime';

beforeAll(() => {
  schemaRegistry.installSchemaFormats(
    {
      avsc: avsc as unknown as schemaRegistry.Formats['avsc'],
      protobuf: protobuf as unknown as schemaRegistry.Formats['protobuf'],
      Ajv,
    },
    schemaRuntime,
  );
});

const ORDER_V1 =
  '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"}]}';
const ORDER_V2 =
  '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string","default":"EUR"}]}';

function session() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
  return { sim, s };
}

const URL = '--property schema.registry.url=http://localhost:8081';
const produce = (tool: string, schema: string, lines: string[], extra = '') =>
  [
    `${tool} --bootstrap-server localhost:9092 --topic orders ${URL} --property value.schema='${schema}'${extra} <<EOF`,
    ...lines,
    'EOF',
  ].join('\n');
const avro = (schema: string, lines: string[], extra = '') =>
  produce('kafka-avro-console-producer', schema, lines, extra);
const subjects = (sim: Simulation) =>
  readModel(sim)
    .schemaRegistry()
    .subjects.map((x) => [x.subject, x.versions.map((v) => v.id)]);

describe('kafka-protobuf-console-producer reads proto3 JSON (JsonFormat.parser, ProtobufSchemaUtils.toObject)', () => {
  const PROTO =
    'syntax = "proto3"; package acme; message Reading { string sensor_id = 1; int64 a = 2; uint64 b = 3; fixed64 c = 4; sint64 d = 5; sfixed64 e = 6; int32 f = 7; }';
  const consume = `kafka-protobuf-console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning ${URL}`;

  it('64-bit integers given as JSON strings are accepted, digits beyond 2^53 kept; the consumer prints them as strings', () => {
    const { s } = session();
    const line =
      '{"sensorId":"s-1","a":"9007199254740993","b":"18446744073709551615","c":"3","d":"-4","e":"-5","f":"7"}';
    expect(s.runBlock(produce('kafka-protobuf-console-producer', PROTO, [line]))).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
    expect(JSON.parse(s.run(consume).stdout)).toEqual({
      sensorId: 's-1',
      a: '9007199254740993',
      b: '18446744073709551615',
      c: '3',
      d: '-4',
      e: '-5',
      f: 7,
    });
  });
  it('64-bit integers as JSON numbers and fields by their .proto names work too', () => {
    const { s } = session();
    const r = s.runBlock(
      produce('kafka-protobuf-console-producer', PROTO, ['{"sensor_id":"s-2","a":12,"d":-1}']),
    );
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(s.run(consume).stdout)).toEqual({ sensorId: 's-2', a: '12', d: '-1' });
  });
  it('a field the message does not have, or a non-integer int64, is the reader’s InvalidProtocolBufferException; nothing is sent', () => {
    const { s, sim } = session();
    const r = s.runBlock(
      produce('kafka-protobuf-console-producer', PROTO, ['{"sensorId":"s","colour":"red"}']),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'org.apache.kafka.common.errors.SerializationException: Error deserializing json {"sensorId":"s","colour":"red"} to Protobuf of schema',
    );
    expect(r.stderr).toContain(
      'Caused by: com.google.protobuf.InvalidProtocolBufferException: Cannot find field: colour in message acme.Reading',
    );
    const n = s.runBlock(produce('kafka-protobuf-console-producer', PROTO, ['{"a":"12.5"}']));
    expect(n.stderr).toContain('InvalidProtocolBufferException: Not an int64 value: "12.5"');
    expect(readModel(sim).partition('orders', 0)?.logEndOffset).toBe(0);
  });
});

describe('subject name strategies from --property (io.confluent.kafka.serializers.subject.*)', () => {
  it('TopicNameStrategy is the default: the value schema goes under orders-value', () => {
    const { s, sim } = session();
    expect(s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}'])).exitCode).toBe(0);
    expect(subjects(sim)).toEqual([['orders-value', [1]]]);
  });
  it('RecordNameStrategy registers under the record’s full name, TopicRecordNameStrategy under topic-record', () => {
    const { s, sim } = session();
    const strategy = (cls: string) =>
      ` --property value.subject.name.strategy=io.confluent.kafka.serializers.subject.${cls}`;
    expect(
      s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}'], strategy('RecordNameStrategy'))).exitCode,
    ).toBe(0);
    expect(
      s.runBlock(avro(ORDER_V1, ['{"id":"o-2","amount":6}'], strategy('TopicRecordNameStrategy'))).exitCode,
    ).toBe(0);
    // The same schema under two subjects has one global id.
    expect(subjects(sim)).toEqual([
      ['acme.Order', [1]],
      ['orders-acme.Order', [1]],
    ]);
  });
  it('a strategy that is not a class on the classpath is the ConfigException of a CLASS config; nothing is sent', () => {
    const { s, sim } = session();
    const r = s.runBlock(
      avro(
        ORDER_V1,
        ['{"id":"o-1","amount":5}'],
        ' --property value.subject.name.strategy=RecordNameStrategy',
      ),
    );
    expect(r.stderr).toBe(
      'org.apache.kafka.common.config.ConfigException: Invalid value RecordNameStrategy for configuration value.subject.name.strategy: Class RecordNameStrategy could not be found.',
    );
    expect(subjects(sim)).toEqual([]);
  });
});

describe('auto.register.schemas and use.latest.version (AbstractKafkaSchemaSerDeConfig, AbstractKafkaAvroSerializer)', () => {
  it('auto.register.schemas=false with no such schema under the subject: the lookup’s 40401 inside the serializer’s exception', () => {
    const { s, sim } = session();
    const r = s.runBlock(
      avro(ORDER_V1, ['{"id":"o-1","amount":5}'], ' --property auto.register.schemas=false'),
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      `org.apache.kafka.common.errors.SerializationException: Error retrieving Avro schema${ORDER_V1}`,
    );
    expect(r.stderr).toContain(
      "Caused by: io.confluent.kafka.schemaregistry.client.rest.exceptions.RestClientException: Subject 'orders-value' not found.; error code: 40401",
    );
    expect(subjects(sim)).toEqual([]);
    expect(readModel(sim).partition('orders', 0)?.logEndOffset).toBe(0);
  });
  it('auto.register.schemas=false finds a schema registered beforehand and uses its id', () => {
    const { s, sim } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    expect(
      s.runBlock(avro(ORDER_V1, ['{"id":"o-2","amount":6}'], ' --property auto.register.schemas=false'))
        .exitCode,
    ).toBe(0);
    expect(subjects(sim)).toEqual([['orders-value', [1]]]);
    expect(readModel(sim).partition('orders', 0)?.logEndOffset).toBe(2);
  });
  it('use.latest.version=true writes with the latest version’s id, registering nothing', () => {
    const { s } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    s.runBlock(avro(ORDER_V2, ['{"id":"o-2","amount":6,"currency":"USD"}']));
    const latest = ' --property auto.register.schemas=false --property use.latest.version=true';
    expect(s.runBlock(avro(ORDER_V2, ['{"id":"o-3","amount":7,"currency":"GBP"}'], latest)).exitCode).toBe(0);
    const out = s.run(
      `kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning ${URL} --property print.schema.ids=true`,
    ).stdout;
    expect(out.split('\n').map((l) => l.split('\t')[1])).toEqual(['1', '2', '2']);
  });
  it('use.latest.version refuses a schema the latest version cannot read (latest.compatibility.strict, default true)', () => {
    const { s } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    const noAmount =
      '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"id","type":"string"}]}';
    const r = s.runBlock(
      avro(
        noAmount,
        ['{"id":"o-2"}'],
        ' --property auto.register.schemas=false --property use.latest.version=true',
      ),
    );
    expect(r.stderr).toContain('Set latest.compatibility.strict=false to disable this check.');
  });
});

describe('registry modes through curl (ModeResource: READWRITE, READONLY, IMPORT)', () => {
  const put = (path: string, body: string) =>
    `curl -s -X PUT -H "Content-Type: application/vnd.schemaregistry.v1+json" --data '${body}' http://localhost:8081${path}`;
  const register = (schema: string) =>
    `curl -s -X POST -H "Content-Type: application/vnd.schemaregistry.v1+json" --data '${JSON.stringify({ schema })}' http://localhost:8081/subjects/orders-value/versions`;

  it('GET /mode is READWRITE; PUT /mode/orders-value READONLY echoes it; registering is then 42205, by curl and by the serializer', () => {
    const { s, sim } = session();
    expect(s.run('curl -s http://localhost:8081/mode').stdout).toBe('{"mode":"READWRITE"}');
    expect(s.run(register(ORDER_V1)).stdout).toBe('{"id":1}');
    expect(s.run(put('/mode/orders-value', '{"mode":"READONLY"}')).stdout).toBe('{"mode":"READONLY"}');
    expect(s.run(register(ORDER_V2)).stdout).toBe(
      '{"error_code":42205,"message":"Subject orders-value is in read-only mode"}',
    );
    const r = s.runBlock(avro(ORDER_V2, ['{"id":"o-1","amount":5,"currency":"USD"}']));
    expect(r.stderr).toContain('Error registering Avro schema');
    expect(r.stderr).toContain('Subject orders-value is in read-only mode; error code: 42205');
    expect(subjects(sim)).toEqual([['orders-value', [1]]]);
    // The registered v1 still serializes: registering an existing schema answers its id before the mode check.
    expect(s.runBlock(avro(ORDER_V1, ['{"id":"o-2","amount":6}'])).exitCode).toBe(0);
  });
  it('the global mode can go IMPORT only while no subject exists (42205 "Cannot import since found existing subjects")', () => {
    const { s } = session();
    s.run(register(ORDER_V1));
    expect(s.run(put('/mode', '{"mode":"IMPORT"}')).stdout).toBe(
      '{"error_code":42205,"message":"Cannot import since found existing subjects"}',
    );
    expect(s.run(put('/mode', '{"mode":"WRITEONLY"}')).stdout).toBe(
      '{"error_code":42204,"message":"Invalid mode. Valid values are READWRITE, READONLY, and IMPORT."}',
    );
  });
});

describe('an application with an old generated class reads new data (KafkaAvroDeserializer, specific.avro.reader=true)', () => {
  const ORDER_V3 =
    '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string","default":"EUR"},{"name":"channel","type":"string","default":"web"}]}';
  const read = (reader: string) => `avro-app read --topic orders --reader-schema '${reader}'`;

  it('a v1 reader drops the writer’s new field; a v3 reader fills the default for a field v2 never wrote', () => {
    const { s } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    s.runBlock(avro(ORDER_V2, ['{"id":"o-2","amount":6,"currency":"USD"}']));
    expect(s.run(read(ORDER_V1))).toEqual({
      stdout: [
        '{"id":"o-1","amount":5}',
        '{"id":"o-2","amount":6}',
        "  resolution (writer schema id 2 → reader): the writer's field currency is not in the reader's schema: skipped",
      ].join('\n'),
      stderr: 'Read 2 records',
      exitCode: 0,
    });
    const v3 = s.run(read(ORDER_V3)).stdout.split('\n');
    expect(v3[0]).toBe('{"id":"o-1","amount":5,"currency":"EUR","channel":"web"}');
    expect(v3).toContain('{"id":"o-2","amount":6,"currency":"USD","channel":"web"}');
    expect(v3).toContain(
      '  resolution (writer schema id 2 → reader): the writer had no channel: the reader\'s default "web" is used',
    );
  });
  it('a reader field the writer lacks and that has no default: poll() throws RecordDeserializationException caused by AvroTypeException', () => {
    const { s } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    const needsCurrency =
      '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string"}]}';
    const r = s.run(read(needsCurrency));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      [
        'org.apache.kafka.common.errors.RecordDeserializationException: Error deserializing VALUE for partition orders-0 at offset 0. If needed, please seek past the record to continue consumption.',
        'Caused by: org.apache.kafka.common.errors.SerializationException: Error deserializing Avro message for id 1',
        'Caused by: org.apache.avro.AvroTypeException: Found acme.Order, expecting acme.Order, missing required field currency',
        'Read 0 records',
      ].join('\n'),
    );
  });
  it('the console consumer with specific.avro.reader=true has no generated class: "Could not find class … SpecificRecord"', () => {
    const { s } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    const r = s.run(
      `kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning ${URL} --property specific.avro.reader=true`,
    );
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      "Could not find class acme.Order specified in writer's schema whilst finding reader's schema for a SpecificRecord.",
    );
  });
});

describe('schema-registry stop | start | restart (simulation command; KafkaStoreReaderThread rebuilds the store)', () => {
  it('stopped, curl gets (7) and the serializer a ConnectException; started, every schema is back from _schemas', () => {
    const { s, sim } = session();
    s.runBlock(avro(ORDER_V1, ['{"id":"o-1","amount":5}']));
    s.runBlock(avro(ORDER_V2, ['{"id":"o-2","amount":6,"currency":"USD"}']));
    expect(s.run('schema-registry stop')).toEqual({
      stdout: 'Schema Registry stopped: port 8081 refuses connections; its schemas stay in _schemas.',
      stderr: '',
      exitCode: 0,
    });
    const curl = s.run('curl http://localhost:8081/subjects');
    expect(curl.exitCode).toBe(7);
    expect(curl.stderr).toContain('Failed to connect to localhost port 8081');
    const p = s.runBlock(avro(ORDER_V1, ['{"id":"o-3","amount":7}']));
    expect(p.stderr).toContain('Caused by: java.net.ConnectException: Connection refused');
    const c = s.run(
      `kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning ${URL}`,
    );
    expect(c.stderr).toContain('java.net.ConnectException: Connection refused');
    expect(readModel(sim).schemaRegistry()).toMatchObject({ running: false, stopped: true, subjects: [] });
    expect(s.run('schema-registry start').stdout).toBe(
      'Schema Registry started on port 8081: store rebuilt from 2 records of _schemas (1 subject).',
    );
    expect(s.run('curl -s http://localhost:8081/subjects/orders-value/versions').stdout).toBe('[1,2]');
    expect(s.run('schema-registry restart').stdout).toBe(
      'Schema Registry restarted on port 8081: store rebuilt from 2 records of _schemas (1 subject).',
    );
  });
  it('stop twice, or start while running, says so', () => {
    const { s } = session();
    expect(s.run('schema-registry stop')).toMatchObject({
      exitCode: 1,
      stderr: 'schema-registry stop: Schema Registry is not running',
    });
    s.run('curl -s http://localhost:8081/subjects');
    expect(s.run('schema-registry start').stderr).toBe(
      'schema-registry start: Schema Registry is already running',
    );
  });
});
