// The Schema Registry through the console: its REST service on port 8081 (what curl reaches) and Confluent's
// kafka-avro-console-producer/-consumer, against a real Simulation whose registry store is `_schemas`.
import Ajv from 'ajv';
import * as avsc from 'avsc';
import * as protobuf from 'protobufjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { consoleFor, needsSchemaFormats } from '@/kafka-cli';
import { schemaRegistryService } from '@/kafka-cli/http/schemaRegistry';
import type { HttpRequest } from '@/kafka-cli/http/types';
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
  '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"}]}';
const ORDER_V2 =
  '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string","default":"EUR"}]}';

function session() {
  const sim = new Simulation({ brokers: 3, seed: 42 });
  const s = consoleFor(sim);
  const http = (req: Partial<HttpRequest> & { path: string }) =>
    schemaRegistryService.handle(
      { method: 'GET', query: {}, headers: {}, body: null, ...req },
      { port: s.port, read: readModel(sim), input: null },
    );
  return { sim, s, http };
}

const JSON_CT = { 'content-type': 'application/vnd.schemaregistry.v1+json' };

describe('Schema Registry REST service (port 8081, what curl reaches)', () => {
  it('answers on localhost and schema-registry, port 8081', () => {
    expect(schemaRegistryService.port).toBe(8081);
    expect(schemaRegistryService.hosts).toEqual(expect.arrayContaining(['localhost', 'schema-registry']));
  });
  it('the README register example answers {"id":1} with the registry’s media type', () => {
    const { http } = session();
    expect(
      http({
        method: 'POST',
        path: '/subjects/Kafka-key/versions',
        headers: JSON_CT,
        body: JSON.stringify({ schema: '{"type": "string"}' }),
      }),
    ).toEqual({ status: 200, headers: JSON_CT, body: '{"id":1}' });
  });
  it('--data without a Content-Type header is form data: 415 (Jersey), nothing registered', () => {
    const { http } = session();
    const r = http({
      method: 'POST',
      path: '/subjects/x/versions',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: '{"schema":"\\"string\\""}',
    });
    expect(r).toMatchObject({
      status: 415,
      body: '{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}',
    });
    expect(http({ path: '/subjects' })?.body).toBe('[]');
  });
  it('unknown subject 40401 and unknown version 40402 (Errors.subjectNotFoundException / versionNotFoundException)', () => {
    const { http } = session();
    expect(http({ path: '/subjects/nope/versions/1' })).toMatchObject({
      status: 404,
      body: '{"error_code":40401,"message":"Subject \'nope\' not found."}',
    });
    http({
      method: 'POST',
      path: '/subjects/s/versions',
      headers: JSON_CT,
      body: JSON.stringify({ schema: ORDER_V1 }),
    });
    expect(http({ path: '/subjects/s/versions/7' })).toMatchObject({
      status: 404,
      body: '{"error_code":40402,"message":"Version 7 not found."}',
    });
  });
  it('malformed schema: 422 / 42201', () => {
    const { http } = session();
    const r = http({
      method: 'POST',
      path: '/subjects/s/versions',
      headers: JSON_CT,
      body: '{"schema":"{not json"}',
    });
    expect(r?.status).toBe(422);
    expect(JSON.parse(r?.body ?? '{}').error_code).toBe(42201);
  });
  it('each request is one command of the simulation: replay rebuilds the registry', () => {
    const { sim, http } = session();
    http({
      method: 'POST',
      path: '/subjects/s/versions',
      headers: JSON_CT,
      body: JSON.stringify({ schema: ORDER_V1 }),
    });
    expect(sim.log.map((c) => c.type)).toContain('schemaRegistryRequest');
    expect(JSON.stringify(Simulation.replay(sim.init, sim.log).state)).toBe(JSON.stringify(sim.state));
  });
});

describe('curl against the registry (the console’s one curl, service on 8081)', () => {
  it('the README register example prints the body as the registry sends it: {"id":1}', () => {
    const { s } = session();
    const body = JSON.stringify({ schema: '{"type": "string"}' });
    expect(
      s.run(
        `curl -X POST -H "Content-Type: application/vnd.schemaregistry.v1+json" --data '${body}' http://localhost:8081/subjects/Kafka-key/versions`,
      ),
    ).toEqual({ stdout: '{"id":1}', stderr: '', exitCode: 0 });
    expect(s.run('curl -s http://schema-registry:8081/subjects').stdout).toBe('["Kafka-key"]');
  });
  it('--data without -H is sent as form data, which the registry answers with 415; -i shows the status line', () => {
    const { s } = session();
    const r = s.run(`curl -i --data '{"schema":"\\"string\\""}' localhost:8081/subjects/x/versions`);
    expect(r.stdout).toBe(
      'HTTP/1.1 415 Unsupported Media Type\ncontent-type: application/vnd.schemaregistry.v1+json\ncontent-length: 62\n\n{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}',
    );
  });
  it('an incompatible registration prints the 409 body with the reasons; --fail makes it exit 22', () => {
    const { s } = session();
    const reg = (schema: string, extra = '') =>
      s.run(
        `curl ${extra}-X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data '${JSON.stringify({ schema })}' http://localhost:8081/subjects/orders-value/versions`,
      );
    reg(ORDER_V1);
    const bad =
      '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string"}]}';
    const r = reg(bad);
    expect(JSON.parse(r.stdout)).toMatchObject({ error_code: 409 });
    expect(JSON.parse(r.stdout).message).toContain("errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'");
    expect(reg(bad, '-f ')).toMatchObject({ exitCode: 22 });
  });
  it('another port is nobody: curl (7)', () => {
    const { s } = session();
    expect(s.run('curl http://localhost:8082/subjects')).toMatchObject({ exitCode: 7 });
  });
});

describe('kafka-avro-console-producer / -consumer (SchemaMessageReader, SchemaMessageFormatter)', () => {
  const produce = (schema: string, lines: string[], extra = '') =>
    [
      `kafka-avro-console-producer --bootstrap-server localhost:9092 --topic orders --property schema.registry.url=http://localhost:8081 --property value.schema='${schema}'${extra} <<EOF`,
      ...lines,
      'EOF',
    ].join('\n');
  const consume =
    'kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic orders --from-beginning --property schema.registry.url=http://localhost:8081';

  it('produces Avro records that auto-register orders-value (TopicNameStrategy) and reads them back as JSON', () => {
    const { s, sim } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    const p = s.runBlock(produce(ORDER_V1, ['{"id":"o-1","amount":5}', '{"id":"o-2","amount":7}']));
    expect(p).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const view = readModel(sim).schemaRegistry();
    expect(view.subjects.map((x) => [x.subject, x.versions.map((v) => v.id)])).toEqual([
      ['orders-value', [1]],
    ]);
    expect(s.run(consume)).toEqual({
      stdout: '{"id":"o-1","amount":5}\n{"id":"o-2","amount":7}',
      stderr: 'Processed a total of 2 messages',
      exitCode: 0,
    });
  });

  it('the value on the topic is magic byte 0, the 4-byte id, then Avro binary (what kafka-console-consumer sees)', () => {
    const { s, sim } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    s.runBlock(produce(ORDER_V1, ['{"id":"o-1","amount":5}']));
    const r = readModel(sim).records('orders', 0, 0, 1, 'read_uncommitted')[0];
    const bytes = [...(r.value ?? '')].map((c) => c.charCodeAt(0));
    // "o-1" is a zig-zag length 3 (06) and its bytes; 5 is zig-zag 0a
    expect(bytes).toEqual([0, 0, 0, 0, 1, 0x06, 0x6f, 0x2d, 0x31, 0x0a]);
  });

  it('print.schema.ids and print.key, with parse.key and key.schema', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    s.runBlock(
      produce(
        ORDER_V1,
        ['"k1"\t{"id":"o-1","amount":5}'],
        ` --property parse.key=true --property key.schema='"string"'`,
      ),
    );
    expect(s.run(`${consume} --property print.key=true --property print.schema.ids=true`).stdout).toBe(
      '"k1"\t{"id":"o-1","amount":5}\t2',
    );
  });

  it('an incompatible value schema is refused with the 409 inside the serializer’s exception; nothing is sent', () => {
    const { s, sim } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    s.runBlock(produce(ORDER_V1, ['{"id":"o-1","amount":5}']));
    const bad =
      '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"},{"name":"currency","type":"string"}]}';
    const r = s.runBlock(produce(bad, ['{"id":"o-2","amount":1,"currency":"USD"}']));
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'org.apache.kafka.common.errors.SerializationException: Error registering Avro schema',
    );
    expect(r.stderr).toContain(
      'Schema being registered is incompatible with an earlier schema for subject "orders-value"',
    );
    expect(r.stderr).toContain('error code: 409');
    expect(readModel(sim).partition('orders', 0)?.logEndOffset).toBe(1);
  });

  it('a compatible v2 (new field with a default) registers id 2; the consumer prints each record with its writer schema', () => {
    const { s, sim } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    s.runBlock(produce(ORDER_V1, ['{"id":"o-1","amount":5}']));
    expect(s.runBlock(produce(ORDER_V2, ['{"id":"o-2","amount":1,"currency":"USD"}'])).exitCode).toBe(0);
    expect(
      readModel(sim)
        .schemaRegistry()
        .subjects[0].versions.map((v) => v.id),
    ).toEqual([1, 2]);
    expect(s.run(consume).stdout).toBe('{"id":"o-1","amount":5}\n{"id":"o-2","amount":1,"currency":"USD"}');
  });

  it('a record not in the wire format stops the consumer with "Unknown magic byte!"', () => {
    const { s } = session();
    s.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
    s.runBlock('kafka-console-producer --topic orders <<EOF\nplain text\nEOF');
    const r = s.run(consume);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('Unknown magic byte!');
    expect(r.stderr).toContain('Processed a total of 0 messages');
  });

  it('a missing schema.registry.url is the ConfigException of the real tool', () => {
    const { s } = session();
    const r = s.run('kafka-avro-console-consumer --bootstrap-server localhost:9092 --topic orders');
    expect(r.stderr).toBe('org.apache.kafka.common.config.ConfigException: Missing schema registry url!');
  });

  it('pages load the schema libraries first when a setup uses the registry', () => {
    expect(needsSchemaFormats(['curl -s http://localhost:8081/subjects'])).toBe(true);
    expect(needsSchemaFormats([consume])).toBe(true);
    expect(needsSchemaFormats(['kafka-topics --list'])).toBe(false);
  });
});
