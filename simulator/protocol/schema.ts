// Our own compact schema tables for Kafka messages, interpreted by one generic codec (codec.ts). The tables are
// written by hand from the protocol guide and checked against Kafka's message JSON definitions
// (clients/src/main/resources/common/message/*.json) by scripts/protocol-check.mjs.
//
// A leaf field is one string: "Name type versions [n:NULLABLE] [t:TAG@TAGGED] [d:DEFAULT] [flex:none]", e.g.
//   'ThrottleTimeMs int32 1+'   'TransactionalId string 3+ n:3+ d:null'   'ClientId string 1+ n:1+ flex:none'
// Struct and struct-array fields take their sub-fields: s('ApiKeys []ApiVersion 0+', [ ... ]).

export type Range = readonly [number, number];
export const NONE: Range = [1, 0];

export type Primitive =
  | 'bool'
  | 'int8'
  | 'int16'
  | 'uint16'
  | 'int32'
  | 'uint32'
  | 'int64'
  | 'float64'
  | 'string'
  | 'uuid'
  | 'bytes'
  | 'records';

export type TypeSpec =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'array'; of: TypeSpec }
  | { kind: 'struct'; name: string; fields: FieldSpec[] };

export type FieldSpec = {
  /** Kafka's field name (PascalCase); decoded objects use it with a lower-case first letter. */
  name: string;
  key: string;
  type: TypeSpec;
  versions: Range;
  nullable: Range;
  tag: number | null;
  taggedVersions: Range;
  /** Override of the message's flexible versions for this field ("flexibleVersions": "none" on ClientId). */
  flexible: Range | null;
  /** Raw default text as in the JSON ("-1", "null", "true"); undefined = the type's zero value. */
  defaultText: string | undefined;
  default: unknown;
};

export type MessageSchema = {
  name: string;
  apiKey: number;
  type: 'request' | 'response' | 'header';
  valid: Range;
  flexible: Range;
  fields: FieldSpec[];
};

export function parseRange(text: string): Range {
  if (text === 'none') return NONE;
  if (text.endsWith('+')) return [Number(text.slice(0, -1)), Number.POSITIVE_INFINITY];
  const dash = text.indexOf('-');
  if (dash < 0) return [Number(text), Number(text)];
  return [Number(text.slice(0, dash)), Number(text.slice(dash + 1))];
}

export function inRange(r: Range, v: number): boolean {
  return v >= r[0] && v <= r[1];
}

const PRIMITIVES = new Set<string>([
  'bool',
  'int8',
  'int16',
  'uint16',
  'int32',
  'uint32',
  'int64',
  'float64',
  'string',
  'uuid',
  'bytes',
  'records',
]);

const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

function zeroValue(t: TypeSpec): unknown {
  if (t.kind === 'array') return [];
  if (t.kind === 'struct') return null; // filled lazily by the codec (a struct of defaults)
  switch (t.name) {
    case 'bool':
      return false;
    case 'string':
      return '';
    case 'uuid':
      return ZERO_UUID;
    case 'bytes':
    case 'records':
      return new Uint8Array(0);
    default:
      return 0;
  }
}

function parseDefault(t: TypeSpec, text: string | undefined): unknown {
  if (text === undefined) return zeroValue(t);
  if (text === 'null') return null;
  if (t.kind !== 'primitive') return zeroValue(t);
  if (t.name === 'bool') return text === 'true';
  if (t.name === 'string') return text;
  if (t.name === 'uuid') return text;
  if (text.startsWith('0x')) return Number.parseInt(text.slice(2), 16);
  return Number(text);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function build(spec: string, type: TypeSpec): FieldSpec {
  const parts = spec.trim().split(/\s+/);
  const [name, , versions, ...mods] = parts;
  let nullable: Range = NONE;
  let tag: number | null = null;
  let taggedVersions: Range = NONE;
  let flexible: Range | null = null;
  let defaultText: string | undefined;
  for (const m of mods) {
    const [k, v] = [m.slice(0, m.indexOf(':')), m.slice(m.indexOf(':') + 1)];
    if (k === 'n') nullable = parseRange(v);
    else if (k === 't') {
      const [t, r] = v.split('@');
      tag = Number(t);
      taggedVersions = parseRange(r);
    } else if (k === 'd') defaultText = v;
    else if (k === 'flex') flexible = parseRange(v);
    else throw new Error(`schema: unknown modifier ${m} in "${spec}"`);
  }
  return {
    name,
    key: lowerFirst(name),
    type,
    versions: parseRange(versions),
    nullable,
    tag,
    taggedVersions,
    flexible,
    defaultText,
    default: parseDefault(type, defaultText),
  };
}

function leafType(typeText: string): TypeSpec {
  if (typeText.startsWith('[]')) return { kind: 'array', of: leafType(typeText.slice(2)) };
  if (!PRIMITIVES.has(typeText)) throw new Error(`schema: ${typeText} is not a primitive (use s())`);
  return { kind: 'primitive', name: typeText as Primitive };
}

/** A primitive or primitive-array field. */
export function f(spec: string): FieldSpec {
  return build(spec, leafType(spec.trim().split(/\s+/)[1]));
}

/** A struct ("Name StructType versions") or struct-array ("Name []StructType versions") field. */
export function s(spec: string, fields: FieldSpec[]): FieldSpec {
  const typeText = spec.trim().split(/\s+/)[1];
  const isArray = typeText.startsWith('[]');
  const struct: TypeSpec = { kind: 'struct', name: isArray ? typeText.slice(2) : typeText, fields };
  return build(spec, isArray ? { kind: 'array', of: struct } : struct);
}

export function message(
  name: string,
  apiKey: number,
  type: MessageSchema['type'],
  valid: string,
  flexible: string,
  fields: FieldSpec[],
): MessageSchema {
  return { name, apiKey, type, valid: parseRange(valid), flexible: parseRange(flexible), fields };
}
