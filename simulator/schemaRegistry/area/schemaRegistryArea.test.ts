// The registry as an area of a real Simulation: its store is the `_schemas` topic of the simulated cluster.
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGoal } from '../../goals/index';
import { readModel } from '../../read/index';
import { Simulation } from '../../simulation';
import { avroRecord, formats } from '../__tests__/formats.testkit';
import { installSchemaFormats } from '../loader';
import { schemaRuntime } from '../runtime';

const V1 = avroRecord('Order', [{ name: 'id', type: 'string' }]);
const V2_DEFAULT = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'currency', type: 'string', default: 'EUR' },
]);
const V2_NO_DEFAULT = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'currency', type: 'string' },
]);

beforeAll(() => installSchemaFormats(formats, schemaRuntime));

function request(sim: Simulation, method: string, path: string, body?: unknown) {
  const r = sim.dispatch({
    type: 'schemaRegistryRequest',
    method,
    path,
    headers: { 'content-type': 'application/vnd.schemaregistry.v1+json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!r.ok) throw new Error(r.error.message);
  return { status: r.data.status, body: JSON.parse(r.data.body) as unknown };
}

const register = (sim: Simulation, subject: string, schema: string) =>
  request(sim, 'POST', `/subjects/${subject}/versions`, { schema });

function schemasRecords(sim: Simulation) {
  const log = readModel(sim).partitionLog('_schemas', 0);
  return log ? log.segments.flatMap((s) => s.records) : [];
}

describe('Schema Registry area (KafkaStore: the store is the _schemas topic)', () => {
  it('the first request starts the registry, which creates _schemas compacted with 1 partition and RF 3 (kafkastore.topic)', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    expect(readModel(sim).topic('_schemas')).toBeNull();
    expect(request(sim, 'GET', '/subjects')).toEqual({ status: 200, body: [] });
    const t = readModel(sim).topic('_schemas');
    expect(t?.partitions).toHaveLength(1);
    expect(t?.partitions[0].replicas).toHaveLength(3);
    expect(readModel(sim).topicConfig('_schemas', 'cleanup.policy')).toBe('compact');
    expect(readModel(sim).schemaRegistry().running).toBe(true);
  });

  it('a registration is a SCHEMA record of _schemas, committed (acks=all) before the request returns', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    expect(register(sim, 'orders-value', V1)).toEqual({ status: 200, body: { id: 1 } });
    const records = schemasRecords(sim).filter((r) => r.key?.includes('"SCHEMA"'));
    expect(records).toHaveLength(1);
    expect(JSON.parse(records[0].key ?? '')).toEqual({
      keytype: 'SCHEMA',
      subject: 'orders-value',
      version: 1,
      magic: 1,
    });
    expect(JSON.parse(records[0].value ?? '')).toMatchObject({ subject: 'orders-value', version: 1, id: 1 });
    const p = readModel(sim).partition('_schemas', 0);
    expect(p?.highWatermark).toBe(p?.logEndOffset);
    expect(p?.highWatermark).toBeGreaterThan(0);
    expect(sim.events.some((e) => e.type === 'schemaRegistered')).toBe(true);
  });

  it('ids are global: the same schema under another subject gets the same id (SubjectVersionsResource)', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    expect(register(sim, 'orders-archive-value', V1).body).toEqual({ id: 1 });
    expect(register(sim, 'orders-value', V2_DEFAULT).body).toEqual({ id: 2 });
    const view = readModel(sim).schemaRegistry();
    expect(view.subjects.map((s) => [s.subject, s.versions.map((v) => v.id)])).toEqual([
      ['orders-archive-value', [1]],
      ['orders-value', [1, 2]],
    ]);
  });

  it('BACKWARD refuses a new field without a default with 409, and nothing is written to _schemas', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    const before = schemasRecords(sim).length;
    const storeBefore = JSON.stringify(readModel(sim).schemaRegistry().store);
    const res = register(sim, 'orders-value', V2_NO_DEFAULT);
    expect(res.status).toBe(409);
    expect((res.body as { message: string }).message).toContain(
      'Schema being registered is incompatible with an earlier schema for subject "orders-value"',
    );
    expect(schemasRecords(sim).length).toBe(before);
    expect(JSON.stringify(readModel(sim).schemaRegistry().store)).toBe(storeBefore);
    expect(sim.events.at(-1)?.type).toBe('schemaRefused');
  });

  it('PUT /config/{subject} NONE is a CONFIG record; then the same change is accepted', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    expect(request(sim, 'PUT', '/config/orders-value', { compatibility: 'NONE' }).body).toEqual({
      compatibility: 'NONE',
    });
    expect(schemasRecords(sim).some((r) => r.key?.includes('"CONFIG"'))).toBe(true);
    expect(register(sim, 'orders-value', V2_NO_DEFAULT).status).toBe(200);
    expect(readModel(sim).schemaRegistry().subjects[0]).toMatchObject({
      compatibility: 'NONE',
      compatibilitySource: 'subject',
    });
  });

  it('soft delete keeps the versions in _schemas (deleted: true); a hard delete writes tombstones', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    expect(request(sim, 'DELETE', '/subjects/orders-value').body).toEqual([1]);
    expect(request(sim, 'GET', '/subjects').body).toEqual([]);
    expect(readModel(sim).schemaRegistry().subjects[0]).toMatchObject({ deleted: true });
    expect(request(sim, 'DELETE', '/subjects/orders-value', undefined).status).toBe(404);
    const hard = sim.dispatch({
      type: 'schemaRegistryRequest',
      method: 'DELETE',
      path: '/subjects/orders-value',
      query: { permanent: 'true' },
    });
    expect(hard.ok && hard.data.status).toBe(200);
    expect(schemasRecords(sim).some((r) => r.key?.includes('"SCHEMA"') && r.value === null)).toBe(true);
    expect(readModel(sim).schemaRegistry().subjects).toEqual([]);
  });

  it('a restarted registry rebuilds the same store by reading _schemas from the start (KafkaStoreReaderThread)', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    register(sim, 'orders-value', V2_DEFAULT);
    request(sim, 'PUT', '/config', { compatibility: 'FULL' });
    request(sim, 'DELETE', '/subjects/orders-value/versions/1');
    const before = readModel(sim).schemaRegistry().store;
    const r = sim.dispatch({ type: 'schemaRegistryRestart' });
    expect(r.ok).toBe(true);
    expect(readModel(sim).schemaRegistry().store).toEqual(before);
  });

  it('stopped, the registry answers nothing and holds nothing in memory; started, _schemas gives back the same store', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    register(sim, 'orders-value', V2_DEFAULT);
    const before = readModel(sim).schemaRegistry().store;
    expect(sim.dispatch({ type: 'schemaRegistryStop' }).ok).toBe(true);
    expect(sim.events.at(-1)).toMatchObject({ type: 'schemaRegistryStopped' });
    expect(sim.events.at(-1)?.reason).toContain('nothing listens on port 8081');
    expect(readModel(sim).schemaRegistry()).toMatchObject({ stopped: true, subjects: [], topicRecords: 2 });
    const refused = sim.dispatch({ type: 'schemaRegistryRequest', method: 'GET', path: '/subjects' });
    expect(!refused.ok && refused.error.code).toBe('NETWORK_EXCEPTION');
    expect(sim.dispatch({ type: 'schemaRegistryStart' })).toMatchObject({
      ok: true,
      data: { records: 2, subjects: 1 },
    });
    expect(readModel(sim).schemaRegistry().store).toEqual(before);
  });

  it('a write while _schemas has no leader fails with 500 / 50001 and changes nothing', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    for (const b of [1, 2, 3]) sim.dispatch({ type: 'brokerStop', id: b });
    const storeBefore = JSON.stringify(readModel(sim).schemaRegistry().store);
    const res = register(sim, 'orders-value', V2_DEFAULT);
    expect(res).toEqual({
      status: 500,
      body: {
        error_code: 50001,
        message: 'Register schema operation failed while writing to the Kafka store',
      },
    });
    expect(JSON.stringify(readModel(sim).schemaRegistry().store)).toBe(storeBefore);
    // reads are served from memory
    expect(request(sim, 'GET', '/subjects').body).toEqual(['orders-value']);
  });

  it('replay of the command log rebuilds the same registry (deterministic)', () => {
    const sim = new Simulation({ seed: 7, brokers: 3 });
    register(sim, 'orders-value', V1);
    register(sim, 'orders-value', V2_NO_DEFAULT);
    register(sim, 'orders-value', V2_DEFAULT);
    const again = Simulation.replay(sim.init, sim.log);
    expect(JSON.stringify(again.state)).toBe(JSON.stringify(sim.state));
  });

  it('the console producer’s serializer auto-registers under TopicNameStrategy and frames magic 0 + id', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    const r = sim.dispatch({
      type: 'schemaRegistrySerializeLine',
      args: {
        tool: 'kafka-avro-console-producer',
        schemaType: 'AVRO',
        bootstrapServer: 'localhost:9092',
        topic: 'orders',
        properties: { 'schema.registry.url': 'http://localhost:8081', 'value.schema': V1 },
        clientProperties: {},
        fromBeginning: false,
        maxMessages: null,
        group: null,
      },
      line: '{"id":"o-1"}',
    });
    expect(r.ok && r.data).toMatchObject({ ok: true, valueSchemaId: 1 });
    if (r.ok && r.data.ok) expect(r.data.value?.slice(0, 5)).toEqual([0, 0, 0, 0, 1]);
    expect(
      readModel(sim)
        .schemaRegistry()
        .subjects.map((s) => s.subject),
    ).toEqual(['orders-value']);
  });

  it('read model: the matrix of levels a version passes, and the last refusal with the registry’s reasons (CompatibilityChecker)', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    register(sim, 'orders-value', V2_NO_DEFAULT);
    const read = readModel(sim);
    expect(read.schemaRegistry().lastRefusal).toMatchObject({ subject: 'orders-value', errorCode: 409 });
    expect(read.schemaRegistry().lastRefusal?.messages[0]).toContain('READER_FIELD_MISSING_DEFAULT_VALUE');
    request(sim, 'PUT', '/config/orders-value', { compatibility: 'NONE' });
    register(sim, 'orders-value', V2_NO_DEFAULT);
    const matrix = readModel(sim).schemaCompatibility('orders-value', 2);
    expect(matrix?.filter((v) => v.compatible).map((v) => v.level)).toEqual([
      'NONE',
      'FORWARD',
      'FORWARD_TRANSITIVE',
    ]);
    expect(readModel(sim).schemaCompatibility('orders-value', 1)).toBeNull();
  });

  it('goal schemaSubject: live versions, the latest version’s fields and the effective level', () => {
    const sim = new Simulation({ seed: 1, brokers: 3 });
    register(sim, 'orders-value', V1);
    const goal = {
      description: 'evolved',
      conditions: [
        {
          kind: 'schemaSubject',
          subject: 'orders-value',
          atLeast: 2,
          latestFields: ['currency'],
          compatibility: 'BACKWARD',
        },
      ],
    };
    expect(evaluateGoal(readModel(sim), goal).met).toBe(false);
    register(sim, 'orders-value', V2_DEFAULT);
    expect(evaluateGoal(readModel(sim), goal).met).toBe(true);
    request(sim, 'PUT', '/config/orders-value', { compatibility: 'NONE' });
    expect(evaluateGoal(readModel(sim), goal).details[0].detail).toContain(
      'compatibility is NONE (want BACKWARD)',
    );
  });
});
