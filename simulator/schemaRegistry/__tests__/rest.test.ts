import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handle } from '../rest';
import { compactSchemasTopic, emptyRegistryState, rebuildRegistryState } from '../schemasTopic';
import { avroRecord, formats, registry } from './formats.testkit';

const V1 = avroRecord('Order', [{ name: 'id', type: 'string' }]);
const V2 = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'currency', type: 'string', default: 'EUR' },
]);
const V2_NO_DEFAULT = avroRecord('Order', [
  { name: 'id', type: 'string' },
  { name: 'currency', type: 'string' },
]);

describe('POST /subjects/{s}/versions (SubjectVersionsResource.register)', () => {
  it('returns {"id":1}; the same schema again returns the same id and writes nothing', () => {
    const r = registry();
    expect(r.call('POST', '/subjects/orders-value/versions', { schema: V1 }).bodyText).toBe('{"id":1}');
    const again = r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    expect([again.bodyText, again.records.length]).toEqual(['{"id":1}', 0]);
  });
  it('ids are global: the same schema under another subject gets the same id, as version 1 there', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    expect(r.call('POST', '/subjects/archive-value/versions', { schema: V1 }).bodyText).toBe('{"id":1}');
    expect(r.call('GET', '/subjects/archive-value/versions/1').bodyText).toBe(
      `{"subject":"archive-value","version":1,"id":1,"schema":${JSON.stringify(V1)}}`,
    );
    expect(r.call('GET', '/schemas/ids/1/versions').body).toEqual([
      { subject: 'orders-value', version: 1 },
      { subject: 'archive-value', version: 1 },
    ]);
  });
  it('409 under BACKWARD with the exact message of SubjectVersionsResource and the reasons list', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    const res = r.call('POST', '/subjects/orders-value/versions', { schema: V2_NO_DEFAULT });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({
      error_code: 409,
      message: `Schema being registered is incompatible with an earlier schema for subject "orders-value", details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'currency' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'currency'}, {oldSchemaVersion: 1}, {oldSchema: '${V1}'}, {validateFields: 'false', compatibility: 'BACKWARD'}]`,
    });
    expect(res.records).toEqual([]);
    expect(res.events[0].type).toBe('schemaRefused');
  });
  it('a compatible evolution becomes version 2 with a new id', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    expect(r.call('POST', '/subjects/orders-value/versions', { schema: V2 }).bodyText).toBe('{"id":2}');
    expect(r.call('GET', '/subjects/orders-value/versions').bodyText).toBe('[1,2]');
  });
  it('42201 for a malformed schema, with the Schema entity and the parser detail', () => {
    const res = registry().call('POST', '/subjects/orders-value/versions', { schema: '{"type":"recrd"}' });
    expect(res.status).toBe(422);
    expect((res.body as { error_code: number }).error_code).toBe(42201);
    expect((res.body as { message: string }).message).toMatch(
      /^Invalid schema \{subject=orders-value,version=0,id=-1,schemaType=AVRO,references=\[\],metadata=null,ruleSet=null,schema=\{"type":"recrd"\},schemaTags=null\} with refs \[\] of type AVRO, details: /,
    );
  });
  it('42201 "Empty schema" when a new subject gets no schema; 42201 for an unknown schemaType', () => {
    expect(registry().call('POST', '/subjects/x/versions', { schema: '' }).body).toEqual({
      error_code: 42201,
      message: 'Empty schema',
    });
    expect(registry().call('POST', '/subjects/x/versions', { schema: V1, schemaType: 'XML' }).body).toEqual({
      error_code: 42201,
      message: 'Invalid schema type XML',
    });
  });
  it('Protobuf and JSON schemas carry schemaType in responses; Avro leaves it out', () => {
    const r = registry();
    r.call('POST', '/subjects/p-value/versions', {
      schemaType: 'PROTOBUF',
      schema: 'syntax = "proto3";\nmessage Order { string id = 1; }',
    });
    expect(r.call('GET', '/schemas/ids/1').bodyText).toBe(
      '{"schemaType":"PROTOBUF","schema":"syntax = \\"proto3\\";\\n\\nmessage Order {\\n  string id = 1;\\n}\\n"}',
    );
  });
  it("415 when curl's default form content type is sent (no -H Content-Type)", () => {
    const res = registry().call(
      'POST',
      '/subjects/x/versions',
      { schema: V1 },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
    );
    expect([res.status, res.bodyText]).toEqual([
      415,
      '{"error_code":415,"message":"HTTP 415 Unsupported Media Type"}',
    ]);
  });
});

describe('GET errors (Errors.java)', () => {
  const r = registry();
  r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
  it.each([
    ['/subjects/nope/versions/1', 404, '{"error_code":40401,"message":"Subject \'nope\' not found."}'],
    ['/subjects/nope/versions', 404, '{"error_code":40401,"message":"Subject \'nope\' not found."}'],
    ['/subjects/orders-value/versions/7', 404, '{"error_code":40402,"message":"Version 7 not found."}'],
    ['/schemas/ids/99', 404, '{"error_code":40403,"message":"Schema 99 not found"}'],
    [
      '/subjects/orders-value/versions/0',
      422,
      '{"error_code":42202,"message":"The specified version \'0\' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \\"latest\\""}',
    ],
    [
      '/config/orders-value',
      404,
      '{"error_code":40408,"message":"Subject \'orders-value\' does not have subject-level compatibility configured"}',
    ],
    ['/nothing/here', 404, '{"error_code":404,"message":"HTTP 404 Not Found"}'],
  ])('GET %s → %i', (path, status, body) => {
    const res = handle(r.state, { method: 'GET', path }, formats);
    expect([res.status, res.bodyText]).toEqual([status, body]);
  });
  it('GET /subjects/{s}/versions/latest and /schema', () => {
    expect(r.call('GET', '/subjects/orders-value/versions/latest/schema').bodyText).toBe(V1);
  });
});

describe('soft and hard delete (SubjectsResource.deleteSubject, SubjectVersionsResource.deleteSchemaVersion)', () => {
  it('soft delete hides the subject but keeps the id readable; permanent delete after it tombstones', () => {
    const r = registry();
    r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    r.call('POST', '/subjects/orders-value/versions', { schema: V2 });
    expect(r.call('DELETE', '/subjects/orders-value?permanent=true').body).toEqual({
      error_code: 40405,
      message: "Subject 'orders-value' was not deleted first before being permanently deleted",
    });
    const soft = r.call('DELETE', '/subjects/orders-value');
    expect(soft.bodyText).toBe('[1,2]');
    expect(soft.records[0]).toEqual({
      key: '{"keytype":"DELETE_SUBJECT","subject":"orders-value","magic":0}',
      value: '{"subject":"orders-value","version":2}',
    });
    expect(r.call('GET', '/subjects').bodyText).toBe('[]');
    expect(r.call('GET', '/subjects?deleted=true').bodyText).toBe('["orders-value"]');
    expect(r.call('GET', '/schemas/ids/2').status).toBe(200);
    expect(r.call('DELETE', '/subjects/orders-value').body).toEqual({
      error_code: 40404,
      message: "Subject 'orders-value' was soft deleted.Set permanent=true to delete permanently",
    });
    const hard = r.call('DELETE', '/subjects/orders-value?permanent=true');
    expect(hard.records.map((x) => x.value)).toEqual([null, null]);
    expect(r.call('GET', '/schemas/ids/2').status).toBe(404);
  });
  it('version delete: 40406 twice, 40407 permanent first; re-registering reuses the id as a new version', () => {
    const r = registry();
    r.call('POST', '/subjects/s/versions', { schema: V1 });
    expect(r.call('DELETE', '/subjects/s/versions/1?permanent=true').body).toEqual({
      error_code: 40407,
      message: "Subject 's' Version 1 was not deleted first before being permanently deleted",
    });
    expect(r.call('DELETE', '/subjects/s/versions/1').bodyText).toBe('1');
    expect(r.call('DELETE', '/subjects/s/versions/1').body).toEqual({
      error_code: 40406,
      message: "Subject 's' Version 1 was soft deleted.Set permanent=true to delete permanently",
    });
    const again = r.call('POST', '/subjects/s/versions', { schema: V1 });
    expect(again.bodyText).toBe('{"id":1}');
    // The soft-deleted version 1 with the same id is tombstoned, the schema comes back as version 2.
    expect(again.records.map((x) => x.key)).toEqual([
      '{"keytype":"SCHEMA","subject":"s","version":1,"magic":1}',
      '{"keytype":"SCHEMA","subject":"s","version":2,"magic":1}',
    ]);
  });
});

describe('config and mode (ConfigResource, ModeResource)', () => {
  it('GET /config gives the default BACKWARD; PUT echoes {"compatibility":…}; 42203 for a bad level', () => {
    const r = registry();
    expect(r.call('GET', '/config').bodyText).toBe('{"compatibilityLevel":"BACKWARD"}');
    expect(r.call('PUT', '/config/orders-value', { compatibility: 'FULL' }).bodyText).toBe(
      '{"compatibility":"FULL"}',
    );
    expect(r.call('GET', '/config/orders-value').bodyText).toBe('{"compatibilityLevel":"FULL"}');
    expect(r.call('PUT', '/config', { compatibility: 'SIDEWAYS' }).body).toEqual({
      error_code: 42203,
      message:
        'Invalid compatibility level. Valid values are none, backward, forward, full, backward_transitive, forward_transitive, and full_transitive',
    });
    expect(r.call('DELETE', '/config/orders-value').bodyText).toBe('{"compatibilityLevel":"FULL"}');
    expect(r.call('DELETE', '/config/orders-value').body).toEqual({
      error_code: 40401,
      message: "Subject 'orders-value' not found.",
    });
  });
  it('NONE lets an incompatible schema in', () => {
    const r = registry();
    r.call('POST', '/subjects/s/versions', { schema: V1 });
    r.call('PUT', '/config/s', { compatibility: 'NONE' });
    expect(r.call('POST', '/subjects/s/versions', { schema: V2_NO_DEFAULT }).status).toBe(200);
  });
  it('READONLY refuses registrations with 42205; IMPORT needs an empty registry; bad mode 42204', () => {
    const r = registry();
    r.call('POST', '/subjects/s/versions', { schema: V1 });
    expect(r.call('PUT', '/mode', { mode: 'IMPORT' }).body).toEqual({
      error_code: 42205,
      message: 'Cannot import since found existing subjects',
    });
    expect(r.call('PUT', '/mode', { mode: 'SLEEP' }).body).toEqual({
      error_code: 42204,
      message: 'Invalid mode. Valid values are READWRITE, READONLY, and IMPORT.',
    });
    r.call('PUT', '/mode/s', { mode: 'READONLY' });
    expect(r.call('POST', '/subjects/s/versions', { schema: V2 }).body).toEqual({
      error_code: 42205,
      message: 'Subject s is in read-only mode',
    });
    // Registering what is already there still answers with its id (lookup comes first).
    expect(r.call('POST', '/subjects/s/versions', { schema: V1 }).bodyText).toBe('{"id":1}');
  });
  it('IMPORT registers with the given id and version and skips compatibility', () => {
    const r = registry();
    r.call('PUT', '/mode', { mode: 'IMPORT' });
    expect(r.call('POST', '/subjects/s/versions', { schema: V1, id: 100, version: 3 }).bodyText).toBe(
      '{"id":100}',
    );
    expect(r.call('GET', '/subjects/s/versions').bodyText).toBe('[3]');
    expect(r.call('POST', '/subjects/t/versions', { schema: V1 }).body).toEqual({
      error_code: 42205,
      message: 'Subject t is not in read-write mode',
    });
  });
});

describe('POST /compatibility/subjects/{s}/versions[/{v}] (CompatibilityResource)', () => {
  const r = registry();
  r.call('POST', '/subjects/s/versions', { schema: V1 });
  it('is_compatible without and with verbose', () => {
    expect(r.call('POST', '/compatibility/subjects/s/versions/latest', { schema: V2 }).bodyText).toBe(
      '{"is_compatible":true}',
    );
    expect(
      r.call('POST', '/compatibility/subjects/s/versions/latest?verbose=true', { schema: V2 }).bodyText,
    ).toBe('{"is_compatible":true,"messages":[]}');
    const bad = r.call('POST', '/compatibility/subjects/s/versions?verbose=true', { schema: V2_NO_DEFAULT })
      .body as { is_compatible: boolean; messages: string[] };
    expect(bad.is_compatible).toBe(false);
    expect(bad.messages.at(-1)).toBe("{validateFields: 'false', compatibility: 'BACKWARD'}");
  });
  it('an unknown version is 40402, even for an unknown subject; latest of nothing is compatible', () => {
    expect(r.call('POST', '/compatibility/subjects/nope/versions/1', { schema: V1 }).body).toEqual({
      error_code: 40402,
      message: 'Version 1 not found.',
    });
    expect(r.call('POST', '/compatibility/subjects/nope/versions/latest', { schema: V1 }).bodyText).toBe(
      '{"is_compatible":true}',
    );
  });
});

describe('the _schemas topic', () => {
  it('records are the registry JSON keys and values (SchemaKey magic 1, NON_EMPTY values)', () => {
    const r = registry();
    const res = r.call('POST', '/subjects/orders-value/versions', { schema: V1 });
    expect(res.records).toEqual([
      {
        key: '{"keytype":"SCHEMA","subject":"orders-value","version":1,"magic":1}',
        value: `{"subject":"orders-value","version":1,"id":1,"schema":${JSON.stringify(V1)},"deleted":false}`,
      },
    ]);
    expect(r.call('PUT', '/config', { compatibility: 'FULL' }).records).toEqual([
      { key: '{"keytype":"CONFIG","magic":0}', value: '{"compatibilityLevel":"FULL"}' },
    ]);
  });

  const op = fc.oneof(
    fc.record({
      m: fc.constant('POST'),
      s: fc.constantFrom('a-value', 'b-value'),
      v: fc.constantFrom(V1, V2, V2_NO_DEFAULT),
    }),
    fc.record({
      m: fc.constant('DELETE'),
      s: fc.constantFrom('a-value', 'b-value'),
      v: fc.constantFrom('', '?permanent=true'),
    }),
    fc.record({
      m: fc.constant('PUT'),
      s: fc.constantFrom('a-value', 'b-value'),
      v: fc.constantFrom('NONE', 'FULL', 'BACKWARD', 'WRONG'),
    }),
    fc.record({
      m: fc.constant('DELV'),
      s: fc.constantFrom('a-value', 'b-value'),
      v: fc.constantFrom('1', '2', 'latest', '1?permanent=true'),
    }),
  );
  const run = (
    ops: { m: string; s: string; v: string }[],
    check?: (before: unknown, res: ReturnType<typeof handle>) => void,
  ) => {
    const r = registry();
    for (const o of ops) {
      const before = JSON.stringify(r.state);
      const res =
        o.m === 'POST'
          ? r.call('POST', `/subjects/${o.s}/versions`, { schema: o.v })
          : o.m === 'DELETE'
            ? r.call('DELETE', `/subjects/${o.s}${o.v}`)
            : o.m === 'PUT'
              ? r.call('PUT', `/config/${o.s}`, { compatibility: o.v })
              : r.call('DELETE', `/subjects/${o.s}/versions/${o.v}`);
      check?.(before, res);
    }
    return r;
  };
  it('property: rebuilding from the records (and from the compacted topic) gives the same state', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const r = run(ops);
        const { nextOffset: _a, ...live } = r.state;
        const { nextOffset: _b, ...rebuilt } = rebuildRegistryState(r.log);
        expect(rebuilt).toEqual(live);
        const { nextOffset: _c, maxId: _d, ...compacted } = rebuildRegistryState(compactSchemasTopic(r.log));
        const { maxId: _e, ...liveNoMax } = live;
        expect({
          ...compacted,
          schemas: [...compacted.schemas].sort(
            (x, y) => x.subject.localeCompare(y.subject) || x.version - y.version,
          ),
        }).toEqual({
          ...liveNoMax,
          schemas: [...liveNoMax.schemas].sort(
            (x, y) => x.subject.localeCompare(y.subject) || x.version - y.version,
          ),
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
  it('property: a refused request never changes the state nor writes a record', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        run(ops, (before, res) => {
          if (res.status !== 200) {
            expect(JSON.stringify(res.newState)).toBe(before);
            expect(res.records).toEqual([]);
          }
        });
      }),
      { seed: 42, numRuns: 150 },
    );
  });
  it('starts empty', () => {
    expect(emptyRegistryState().schemas).toEqual([]);
  });
});
