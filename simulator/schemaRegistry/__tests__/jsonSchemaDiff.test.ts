import { describe, expect, it } from 'vitest';
import { compatibilityMessages } from '../compatibility';
import { compareJsonSchemas, JSON_COMPATIBLE_CHANGES } from '../jsonSchema/jsonSchemaDiff';
import { type ParsedJsonSchema, parseJsonSchema } from '../jsonSchema/jsonSchemaModel';
import { formats } from './formats.testkit';
import vectors from './vectors/jsonSchemaDiff.json';

const parse = (v: unknown): ParsedJsonSchema => {
  const r = parseJsonSchema(formats, JSON.stringify(v));
  if (!r.ok) throw new Error(r.message);
  return r.value;
};

describe('JSON Schema SchemaDiff rules: the vectors of json/diff/SchemaDiffTest', () => {
  it.each(vectors.cases.map((c) => [`${c.file}: ${c.description}`, c] as const))('%s', (_d, c) => {
    const diffs = compareJsonSchemas(parse(c.original).node, parse(c.update).node);
    expect(diffs.map((d) => `${d.type} ${d.path}`).sort()).toEqual([...c.changes].sort());
    expect(diffs.every((d) => JSON_COMPATIBLE_CHANGES.has(d.type))).toBe(c.compatible);
  });
});

describe('JSON Schema content models (the registry, not Avro, rules)', () => {
  const open = { type: 'object', properties: { id: { type: 'string' } } };
  const closed = { ...open, additionalProperties: false };
  it('adding an optional property to an OPEN model is not backward compatible: PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL', () => {
    const next = parse({ ...open, properties: { ...open.properties, currency: { type: 'string' } } });
    expect(compatibilityMessages('BACKWARD', next, [{ parsed: parse(open), version: 1 }])[0]).toBe(
      `{errorType:"PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL", description:"The new schema has an open content model and has a property or item at path '#/properties/currency' which is missing in the old schema'}`,
    );
  });
  it('adding it to a CLOSED model passes (OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL is compatible)', () => {
    const next = parse({ ...closed, properties: { ...closed.properties, currency: { type: 'string' } } });
    expect(compatibilityMessages('BACKWARD', next, [{ parsed: parse(closed), version: 1 }])).toEqual([]);
  });
  it('a required property added to a closed model without a default is refused', () => {
    const next = parse({
      ...closed,
      properties: { ...closed.properties, currency: { type: 'string' } },
      required: ['currency'],
    });
    expect(compareJsonSchemas(parse(closed).node, next.node).map((d) => d.type)).toContain(
      'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL',
    );
  });
  it('a schema ajv cannot compile is refused', () => {
    expect(parseJsonSchema(formats, '{"type":"strin"}').ok).toBe(false);
    expect(parseJsonSchema(formats, '{"type":').ok).toBe(false);
  });
});
