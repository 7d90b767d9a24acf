// fast-check arbitraries for any message/version, derived from the schema tables: every field present in the
// version gets a random value of its type (null where nullable), absent fields their defaults.
import fc from 'fast-check';
import { defaultsOf, type Msg } from './codec';
import { type FieldSpec, inRange, type MessageSchema, type TypeSpec } from './schema';
import { uuidFromBytes } from './uuid';

const int = (bits: number) => fc.integer({ min: -(2 ** (bits - 1)), max: 2 ** (bits - 1) - 1 });

function typeArb(t: TypeSpec, v: number, depth: number): fc.Arbitrary<unknown> {
  if (t.kind === 'array') return fc.array(typeArb(t.of, v, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  if (t.kind === 'struct') return structArb(t.fields, v, depth + 1);
  switch (t.name) {
    case 'bool':
      return fc.boolean();
    case 'int8':
      return int(8);
    case 'int16':
      return int(16);
    case 'uint16':
      return fc.integer({ min: 0, max: 0xffff });
    case 'int32':
      return int(32);
    case 'uint32':
      return fc.integer({ min: 0, max: 0xffffffff });
    case 'int64':
      return fc.maxSafeInteger();
    case 'float64':
      return fc.double({ noNaN: true });
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'uuid':
      return fc.uint8Array({ minLength: 16, maxLength: 16 }).map(uuidFromBytes);
    case 'bytes':
    case 'records':
      return fc.uint8Array({ maxLength: 24 });
  }
}

function fieldArb(f: FieldSpec, v: number, depth: number): fc.Arbitrary<unknown> {
  const base = typeArb(f.type, v, depth);
  return inRange(f.nullable, v) ? fc.option(base, { nil: null, freq: 4 }) : base;
}

function structArb(fields: readonly FieldSpec[], v: number, depth: number): fc.Arbitrary<Msg> {
  const present = fields.filter((f) => inRange(f.versions, v));
  const rec: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of present) rec[f.key] = fieldArb(f, v, depth);
  return fc.record(rec).map((values) => ({ ...defaultsOf(fields), ...values }));
}

export function messageArb(schema: MessageSchema, v: number): fc.Arbitrary<Msg> {
  return structArb(schema.fields, v, 0);
}
