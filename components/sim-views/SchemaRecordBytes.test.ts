// The byte view of the Schema Registry panel: a produced record's value as the deserializer reads it, the wire
// format's header (AbstractKafkaSchemaSerDe: magic byte 0, 4-byte big-endian schema id; Protobuf's MessageIndexes)
// then the payload, each range a labelled table row, read from the read model only.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaRegistry } from '@/simulator';
import { SimController } from '../sim-runtime/SimController';
import { SimContext } from '../sim-runtime/useSimulation';
import { SchemaRegistryView } from './SchemaRegistryView';

beforeAll(async () => {
  await schemaRegistry.loadSchemaFormats();
});

const ORDER =
  '{"type":"record","name":"Order","fields":[{"name":"id","type":"string"},{"name":"amount","type":"int"}]}';
const PROTO = 'syntax = "proto3"; message Reading { string sensor_id = 1; int64 value = 2; }';
const URL = '--property schema.registry.url=http://localhost:8081';

function controller() {
  const c = new SimController({ seed: 42, brokers: 3, setup: [] });
  c.run('kafka-topics --create --topic orders --partitions 1 --replication-factor 3');
  c.run('kafka-topics --create --topic readings --partitions 1 --replication-factor 3');
  c.run(
    `kafka-avro-console-producer --bootstrap-server localhost:9092 --topic orders ${URL} --property value.schema='${ORDER}' <<EOF\n{"id":"a","amount":3}\nEOF`,
  );
  return c;
}

describe('a record’s bytes (read model schemaRecordBytes, SchemaRecordBytes view)', () => {
  it('an Avro value: magic 00, id 00 00 00 01, then each field in Avro binary', () => {
    const [r] = controller().read().schemaRecordBytes(5);
    expect(r).toMatchObject({
      topic: 'orders',
      offset: 0,
      schemaId: 1,
      schemaType: 'AVRO',
      subjects: ['orders-value'],
    });
    expect(r.hex).toBe('00 00 00 00 01 02 61 06');
    expect(r.spans?.map((s) => [s.part, s.hex])).toEqual([
      ['magic', '00'],
      ['schemaId', '00 00 00 01'],
      ['field', '02 61'],
      ['field', '06'],
    ]);
  });
  it('a Protobuf value carries the message indexes (00 for the first message) between the id and the payload; newest first', () => {
    const c = controller();
    c.run(
      `kafka-protobuf-console-producer --bootstrap-server localhost:9092 --topic readings ${URL} --property value.schema='${PROTO}' <<EOF\n{"sensorId":"s","value":"5"}\nEOF`,
    );
    const [newest, older] = c.read().schemaRecordBytes(5);
    expect([newest.topic, older.topic]).toEqual(['readings', 'orders']);
    expect(newest.spans?.map((s) => s.part)).toEqual([
      'magic',
      'schemaId',
      'messageIndexes',
      'field',
      'field',
    ]);
    expect(newest.spans?.[2].hex).toBe('00');
  });
  it('the view is a table whose rows name each part in words (not colour alone)', () => {
    const html = renderToStaticMarkup(
      createElement(SimContext.Provider, { value: controller() }, createElement(SchemaRegistryView)),
    );
    expect(html).toContain('A record’s bytes');
    expect(html).toContain('orders-0 offset 0: 8 bytes, schema id 1 (orders-value)');
    for (const part of ['Magic byte', 'Schema id', 'Payload field'])
      expect(html).toMatch(new RegExp(`<th scope="row"[^>]*>${part}<span`));
    expect(html).toMatch(/Magic byte<span[^>]*>byte 0<\/span><\/th><td[^>]*>00<\/td>/);
    expect(html).toMatch(/Schema id<span[^>]*>bytes 1–4<\/span><\/th><td[^>]*>00 00 00 01<\/td>/);
  });
  it('before any framed record the view says how to make one', () => {
    const c = new SimController({ seed: 42, brokers: 3, setup: [] });
    const html = renderToStaticMarkup(
      createElement(SimContext.Provider, { value: c }, createElement(SchemaRegistryView)),
    );
    expect(html).toContain('No record in the wire format yet');
  });
});
