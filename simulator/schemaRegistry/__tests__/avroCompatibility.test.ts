import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avroIncompatibilities, avscCanRead } from '../avro/avroCompatibility';
import { canonicalString, type ParsedAvro, parseAvro } from '../avro/avroSchema';
import { compatibilityMessages } from '../compatibility';
import type { CompatibilityLevel } from '../types';
import { formats } from './formats.testkit';

const parse = (s: unknown): ParsedAvro => {
  const r = parseAvro(formats, typeof s === 'string' ? s : JSON.stringify(s));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const rec = (fields: unknown[]) => parse({ type: 'record', name: 'myrecord', fields });

// Schemas of AvroCompatibilityTest (Schema Registry core tests).
const S1 = rec([{ type: 'string', name: 'f1' }]);
const S2 = rec([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2', default: 'foo' },
]);
const S3 = rec([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2' },
]);
const S4 = rec([{ type: 'string', name: 'f1_new', aliases: ['f1'] }]);
const S6 = rec([{ type: ['null', 'string'], name: 'f1', doc: 'doc of f1' }]);
const S7 = rec([{ type: ['null', 'string', 'int'], name: 'f1', doc: 'doc of f1' }]);
const S8 = rec([
  { type: 'string', name: 'f1' },
  { type: 'string', name: 'f2', default: 'foo' },
  { type: 'string', name: 'f3', default: 'bar' },
]);

const ok = (level: CompatibilityLevel, candidate: ParsedAvro, previous: ParsedAvro[]) =>
  compatibilityMessages(
    level,
    candidate,
    previous.map((parsed, i) => ({ parsed, version: i + 1 })),
  ).length === 0;

// [level, candidate, history (chronological), expected, the test's own message]
const VECTORS: [CompatibilityLevel, ParsedAvro, ParsedAvro[], boolean, string][] = [
  ['BACKWARD', S2, [S1], true, 'adding a field with default is a backward compatible change'],
  ['BACKWARD', S3, [S1], false, 'adding a field w/o default is not a backward compatible change'],
  ['BACKWARD', S4, [S1], true, 'changing field name with alias is a backward compatible change'],
  ['BACKWARD', S6, [S1], true, 'evolving a field type to a union is a backward compatible change'],
  ['BACKWARD', S1, [S6], false, 'removing a type from a union is not a backward compatible change'],
  ['BACKWARD', S7, [S6], true, 'adding a new type in union is a backward compatible change'],
  ['BACKWARD', S6, [S7], false, 'removing a type from a union is not a backward compatible change'],
  ['BACKWARD', S3, [S1, S2], true, 'only the latest version is checked'],
  [
    'BACKWARD_TRANSITIVE',
    S8,
    [S1, S2],
    true,
    'iteratively adding fields with defaults is a compatible change',
  ],
  ['BACKWARD_TRANSITIVE', S2, [S1], true, 'adding a field with default is a backward compatible change'],
  ['BACKWARD_TRANSITIVE', S3, [S2], true, 'removing a default is a compatible change, but not transitively'],
  ['BACKWARD_TRANSITIVE', S3, [S2, S1], false, 'removing a default is not a transitively compatible change'],
  ['FORWARD', S2, [S1], true, 'adding a field is a forward compatible change'],
  ['FORWARD', S3, [S1], true, 'adding a field is a forward compatible change'],
  ['FORWARD', S3, [S2], true, 'adding a field is a forward compatible change'],
  ['FORWARD', S2, [S3], true, 'adding a field is a forward compatible change'],
  ['FORWARD', S1, [S3, S2], true, 'only the latest version is checked'],
  [
    'FORWARD_TRANSITIVE',
    S1,
    [S8, S2],
    true,
    'iteratively removing fields with defaults is a compatible change',
  ],
  ['FORWARD_TRANSITIVE', S2, [S3], true, 'adding default to a field is a compatible change'],
  ['FORWARD_TRANSITIVE', S1, [S2], true, 'removing a field with a default is a compatible change'],
  ['FORWARD_TRANSITIVE', S1, [S2, S3], false, 'removing a default is not a transitively compatible change'],
  ['FULL', S2, [S1], true, 'adding a field with default is a backward and a forward compatible change'],
  ['FULL', S3, [S1, S2], true, 'only the latest version is checked (adding without default, transitively)'],
  ['FULL', S1, [S3, S2], true, 'only the latest version is checked (removing without default, transitively)'],
  ['FULL_TRANSITIVE', S8, [S1, S2], true, 'iteratively adding fields with defaults is a compatible change'],
  ['FULL_TRANSITIVE', S1, [S8, S2], true, 'iteratively removing fields with defaults is a compatible change'],
  ['FULL_TRANSITIVE', S2, [S3], true, 'adding default to a field is a compatible change'],
  ['FULL_TRANSITIVE', S1, [S2], true, 'removing a field with a default is a compatible change'],
  ['FULL_TRANSITIVE', S2, [S1], true, 'adding a field with default is a compatible change'],
  ['FULL_TRANSITIVE', S3, [S2], true, 'removing a default from a field compatible change'],
  [
    'FULL_TRANSITIVE',
    S3,
    [S2, S1],
    false,
    'transitively adding a field without a default is not a compatible change',
  ],
  [
    'FULL_TRANSITIVE',
    S1,
    [S2, S3],
    false,
    'transitively removing a field without a default is not a compatible change',
  ],
];

describe('Avro compatibility: the vectors of AvroCompatibilityTest', () => {
  it.each(VECTORS.map((v, i) => [i, ...v] as const))(
    '#%i %s: %s',
    (_i, level, candidate, history, expected) => {
      expect(ok(level, candidate, history)).toBe(expected);
    },
  );

  it('avsc createResolver agrees with the walk on every reader/writer pair of the test schemas', () => {
    const all = [S1, S2, S3, S4, S6, S7, S8];
    for (const r of all)
      for (const w of all) {
        expect(avscCanRead(r.type, w.type).ok, `${r.canonical} reads ${w.canonical}`).toBe(
          avroIncompatibilities(r.node, w.node).length === 0,
        );
      }
  });
});

describe('Avro incompatibility messages (avro/Difference.java over SchemaCompatibility locations)', () => {
  it('READER_FIELD_MISSING_DEFAULT_VALUE names the field and its path, new schema as reader under BACKWARD', () => {
    expect(compatibilityMessages('BACKWARD', S3, [{ parsed: S1, version: 1 }])).toEqual([
      "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the new schema has no default value and is missing in the old schema', additionalInfo:'f2'}",
      '{oldSchemaVersion: 1}',
      `{oldSchema: '{"type":"record","name":"myrecord","fields":[{"name":"f1","type":"string"}]}'}`,
    ]);
  });
  it('FORWARD swaps the roles: the old schema is the reader', () => {
    const m = compatibilityMessages('FORWARD', S1, [{ parsed: S3, version: 4 }]);
    expect(m[0]).toContain('in the old schema has no default value and is missing in the new schema');
    expect(m[1]).toBe('{oldSchemaVersion: 4}');
  });
  it('TYPE_MISMATCH points at /fields/N/type with Avro type names', () => {
    const r = rec([{ name: 'f1', type: 'int' }]);
    expect(avroIncompatibilities(r.node, S1.node)).toEqual([
      {
        type: 'TYPE_MISMATCH',
        location: '/fields/0/type',
        message: 'reader type: INT not compatible with writer type: STRING',
      },
    ]);
  });
  it('MISSING_UNION_BRANCH for a writer branch the reader union lacks (/fields/0/type/2)', () => {
    expect(avroIncompatibilities(S6.node, S7.node)).toEqual([
      {
        type: 'MISSING_UNION_BRANCH',
        location: '/fields/0/type/2',
        message: 'reader union lacking writer type: INT',
      },
    ]);
  });
  it('MISSING_ENUM_SYMBOLS unless the reader enum has a default', () => {
    const e = (symbols: string[], def?: string) =>
      rec([{ name: 'c', type: { type: 'enum', name: 'Color', symbols, ...(def ? { default: def } : {}) } }]);
    expect(avroIncompatibilities(e(['R', 'G']).node, e(['R', 'G', 'B']).node)).toEqual([
      { type: 'MISSING_ENUM_SYMBOLS', location: '/fields/0/type/symbols', message: '[B]' },
    ]);
    expect(avroIncompatibilities(e(['R', 'G'], 'R').node, e(['R', 'G', 'B']).node)).toEqual([]);
  });
  it('promotions of the Avro spec: int→long→float→double, string↔bytes; never the other way', () => {
    const one = (t: string) => rec([{ name: 'x', type: t }]);
    const reads = (r: string, w: string) => avroIncompatibilities(one(r).node, one(w).node).length === 0;
    expect([
      reads('long', 'int'),
      reads('float', 'long'),
      reads('double', 'float'),
      reads('bytes', 'string'),
      reads('string', 'bytes'),
    ]).toEqual([true, true, true, true, true]);
    expect([reads('int', 'long'), reads('float', 'double'), reads('int', 'string')]).toEqual([
      false,
      false,
      false,
    ]);
  });
  it('NAME_MISMATCH when a record is renamed without an alias', () => {
    const other = parse({ type: 'record', name: 'other', fields: [{ type: 'string', name: 'f1' }] });
    expect(avroIncompatibilities(other.node, S1.node)).toEqual([
      { type: 'NAME_MISMATCH', location: '/name', message: 'expected: myrecord' },
    ]);
  });
});

describe('Avro canonical string (Schema.toString as AvroSchema.canonicalString stores it)', () => {
  it('collapses {"type":"string"}, prints fields name-first and drops whitespace', () => {
    expect(
      canonicalString(
        JSON.parse(
          '{ "name": "R", "type": "record", "fields": [ {"type": {"type": "string"}, "name": "a", "default": "x"} ] }',
        ),
      ),
    ).toBe('{"type":"record","name":"R","fields":[{"name":"a","type":"string","default":"x"}]}');
  });
  it('prints a named type once, then its name; the namespace only where it changes', () => {
    const s = {
      type: 'record',
      name: 'Order',
      namespace: 'acme',
      fields: [
        { name: 'a', type: { type: 'enum', name: 'E', symbols: ['X'] } },
        { name: 'b', type: 'E' },
      ],
    };
    expect(canonicalString(s)).toBe(
      '{"type":"record","name":"Order","namespace":"acme","fields":[{"name":"a","type":{"type":"enum","name":"E","symbols":["X"]}},{"name":"b","type":"E"}]}',
    );
  });
});

describe('property: adding a field with a default is BACKWARD compatible (reader fills the default)', () => {
  it('for random records, old data decodes with the new schema and the new field takes its default', () => {
    const fieldType = fc.constantFrom('string', 'int', 'long', 'boolean', 'double');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 1, maxLength: 5 }),
        fc.array(fieldType, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: -1000, max: 1000 }),
        (names, types, seed) => {
          const fields = names.map((n, i) => ({ name: n, type: types[i] }));
          const oldSchema = rec(fields);
          const newSchema = rec([...fields, { name: 'added_field', type: 'string', default: 'dflt' }]);
          expect(compatibilityMessages('BACKWARD', newSchema, [{ parsed: oldSchema, version: 1 }])).toEqual(
            [],
          );
          const value = Object.fromEntries(
            fields.map((f, i) => [
              f.name,
              f.type === 'string'
                ? `v${seed}${i}`
                : f.type === 'boolean'
                  ? seed % 2 === 0
                  : f.type === 'double'
                    ? seed / 4
                    : seed + i,
            ]),
          );
          const bytes = oldSchema.type.toBuffer(value);
          const decoded = newSchema.type.fromBuffer(
            bytes,
            newSchema.type.createResolver(oldSchema.type),
          ) as Record<string, unknown>;
          expect(decoded.added_field).toBe('dflt');
          expect(avscCanRead(newSchema.type, oldSchema.type).ok).toBe(true);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });
  it('and adding it without a default is refused by both the walk and avsc', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/), { minLength: 1, maxLength: 4 }),
        (names) => {
          const fields = names.map((n) => ({ name: n, type: 'string' }));
          const oldSchema = rec(fields);
          const newSchema = rec([...fields, { name: 'zz_new', type: 'int' }]);
          expect(avroIncompatibilities(newSchema.node, oldSchema.node).map((i) => i.type)).toEqual([
            'READER_FIELD_MISSING_DEFAULT_VALUE',
          ]);
          expect(avscCanRead(newSchema.type, oldSchema.type).ok).toBe(false);
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});
