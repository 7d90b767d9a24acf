// Avro schemas: parsed and validated by avsc (`Type.forSchema`, which also checks field defaults as the
// registry's parser does with validateDefaults), plus a small resolved model of ours that the compatibility walker
// and the canonical printer read. The canonical string mimics Apache Avro's `Schema.toString()` (what
// `AvroSchema.canonicalString()` stores): compact JSON, `{"type":"string"}` collapsed to `"string"`, named types
// printed once and then referenced by name, namespaces printed only where they change.
import type * as Avsc from 'avsc';
import type { Formats } from '../formats';

export type AvroPrimitive = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';
const PRIMITIVES: ReadonlySet<string> = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

export interface AvroField {
  name: string;
  aliases: string[];
  type: AvroNode;
  hasDefault: boolean;
  pos: number;
}

/** Resolved Avro schema graph; a named type referenced twice is the same object (recursion allowed). */
export type AvroNode =
  | { kind: 'primitive'; type: AvroPrimitive }
  | { kind: 'record'; name: string; fullName: string; aliases: string[]; fields: AvroField[] }
  | { kind: 'enum'; name: string; fullName: string; aliases: string[]; symbols: string[]; default?: string }
  | { kind: 'fixed'; name: string; fullName: string; aliases: string[]; size: number }
  | { kind: 'array'; items: AvroNode }
  | { kind: 'map'; values: AvroNode }
  | { kind: 'union'; types: AvroNode[] };

/** Apache Avro's `Schema.Type` name of a node (used in TYPE_MISMATCH / MISSING_UNION_BRANCH messages). */
export function avroTypeName(node: AvroNode): string {
  return (node.kind === 'primitive' ? node.type : node.kind).toUpperCase();
}

export interface ParsedAvro {
  schemaType: 'AVRO';
  type: Avsc.Type;
  node: AvroNode;
  raw: unknown;
  canonical: string;
  /** Fully-qualified name of the top-level named type (RecordNameStrategy), if it is one. */
  recordName: string | null;
}

// Unions are wrapped (`{"string":"x"}`) as in Avro's JSON encoding, which kafka-avro-console-producer reads and
// kafka-avro-console-consumer prints. A fresh object each time: avsc keeps its name registry inside the options.
export const avscOptions = (): Partial<Avsc.ForSchemaOptions> => ({ wrapUnions: true });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Parses schema text (JSON) with avsc and builds the resolved model and canonical string. */
export function parseAvro(formats: Formats, text: string): ParseResult<ParsedAvro> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let type: Avsc.Type;
  try {
    type = formats.avsc.Type.forSchema(raw as Avsc.Schema, avscOptions());
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let node: AvroNode;
  try {
    node = buildNode(raw, '', new Map());
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const canonical = canonicalString(raw);
  const recordName = node.kind === 'record' ? node.fullName : null;
  return { ok: true, value: { schemaType: 'AVRO', type, node, raw, canonical, recordName } };
}

function splitName(name: string, space: string): { simple: string; full: string; space: string } {
  const dot = name.lastIndexOf('.');
  if (dot >= 0) return { simple: name.slice(dot + 1), full: name, space: name.slice(0, dot) };
  return { simple: name, full: space ? `${space}.${name}` : name, space };
}

function namedSpace(obj: Record<string, unknown>, enclosing: string): string {
  const name = String(obj.name);
  if (name.includes('.')) return name.slice(0, name.lastIndexOf('.'));
  return typeof obj.namespace === 'string' ? obj.namespace : enclosing;
}

function aliasesOf(obj: Record<string, unknown>, space: string): string[] {
  return Array.isArray(obj.aliases) ? (obj.aliases as string[]).map((a) => splitName(a, space).full) : [];
}

function buildNode(raw: unknown, space: string, names: Map<string, AvroNode>): AvroNode {
  if (typeof raw === 'string') {
    if (PRIMITIVES.has(raw)) return { kind: 'primitive', type: raw as AvroPrimitive };
    const full = splitName(raw, space).full;
    const named = names.get(full) ?? names.get(raw);
    if (!named) throw new Error(`undefined type name: ${raw}`);
    return named;
  }
  if (Array.isArray(raw)) return { kind: 'union', types: raw.map((t) => buildNode(t, space, names)) };
  const obj = raw as Record<string, unknown>;
  const t = obj.type;
  if (typeof t !== 'string') return buildNode(t, space, names);
  switch (t) {
    case 'record':
    case 'error': {
      const ns = namedSpace(obj, space);
      const { simple, full } = splitName(String(obj.name), ns);
      const node: AvroNode = {
        kind: 'record',
        name: simple,
        fullName: full,
        aliases: aliasesOf(obj, ns),
        fields: [],
      };
      names.set(full, node);
      const fields = Array.isArray(obj.fields) ? (obj.fields as Record<string, unknown>[]) : [];
      fields.forEach((f, pos) => {
        node.fields.push({
          name: String(f.name),
          aliases: Array.isArray(f.aliases) ? (f.aliases as string[]) : [],
          type: buildNode(f.type, ns, names),
          hasDefault: 'default' in f,
          pos,
        });
      });
      return node;
    }
    case 'enum': {
      const ns = namedSpace(obj, space);
      const { simple, full } = splitName(String(obj.name), ns);
      const node: AvroNode = {
        kind: 'enum',
        name: simple,
        fullName: full,
        aliases: aliasesOf(obj, ns),
        symbols: (obj.symbols as string[]) ?? [],
        ...(typeof obj.default === 'string' ? { default: obj.default } : {}),
      };
      names.set(full, node);
      return node;
    }
    case 'fixed': {
      const ns = namedSpace(obj, space);
      const { simple, full } = splitName(String(obj.name), ns);
      const node: AvroNode = {
        kind: 'fixed',
        name: simple,
        fullName: full,
        aliases: aliasesOf(obj, ns),
        size: Number(obj.size),
      };
      names.set(full, node);
      return node;
    }
    case 'array':
      return { kind: 'array', items: buildNode(obj.items, space, names) };
    case 'map':
      return { kind: 'map', values: buildNode(obj.values, space, names) };
    default:
      return buildNode(t, space, names);
  }
}

// --- canonical string (Apache Avro `Schema.toString()`) ---

const RECORD_KEYS = new Set(['type', 'name', 'namespace', 'doc', 'fields', 'aliases']);
const FIELD_KEYS = new Set(['name', 'type', 'doc', 'default', 'order', 'aliases']);
const ENUM_KEYS = new Set(['type', 'name', 'namespace', 'doc', 'symbols', 'default', 'aliases']);
const FIXED_KEYS = new Set(['type', 'name', 'namespace', 'doc', 'size', 'aliases']);

/** Avro's `Schema.toString()` form of a (valid) schema JSON value. */
export function canonicalString(raw: unknown): string {
  return print(raw, '', new Set());
}

function props(obj: Record<string, unknown>, known: Set<string>): string[] {
  return Object.keys(obj)
    .filter((k) => !known.has(k))
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(obj[k])}`);
}

function nameRef(name: string, space: string): string {
  const { simple, space: ns } = splitName(name, space);
  return JSON.stringify(ns === space ? simple : splitName(name, space).full);
}

function print(raw: unknown, space: string, defined: Set<string>): string {
  if (typeof raw === 'string') return PRIMITIVES.has(raw) ? JSON.stringify(raw) : nameRef(raw, space);
  if (Array.isArray(raw)) return `[${raw.map((t) => print(t, space, defined)).join(',')}]`;
  const obj = raw as Record<string, unknown>;
  const t = obj.type;
  if (typeof t !== 'string') return print(t, space, defined);
  if (PRIMITIVES.has(t)) {
    const extra = props(obj, new Set(['type']));
    return extra.length === 0
      ? JSON.stringify(t)
      : `{${[`"type":${JSON.stringify(t)}`, ...extra].join(',')}}`;
  }
  if (t === 'array' || t === 'map') {
    const child = t === 'array' ? 'items' : 'values';
    const extra = props(obj, new Set(['type', child]));
    return `{${[`"type":"${t}"`, `"${child}":${print(obj[child], space, defined)}`, ...extra].join(',')}}`;
  }
  if (t !== 'record' && t !== 'error' && t !== 'enum' && t !== 'fixed') return nameRef(t, space);
  const ns = namedSpace(obj, space);
  const { simple, full } = splitName(String(obj.name), ns);
  if (defined.has(full)) return nameRef(full, space);
  defined.add(full);
  const parts = [`"type":"${t}"`, `"name":${JSON.stringify(simple)}`];
  if (ns !== space && ns !== '') parts.push(`"namespace":${JSON.stringify(ns)}`);
  if (typeof obj.doc === 'string') parts.push(`"doc":${JSON.stringify(obj.doc)}`);
  if (t === 'record' || t === 'error') {
    const fields = (Array.isArray(obj.fields) ? obj.fields : []) as Record<string, unknown>[];
    const printed = fields.map((f) => {
      const fp = [`"name":${JSON.stringify(f.name)}`, `"type":${print(f.type, ns, defined)}`];
      if (typeof f.doc === 'string') fp.push(`"doc":${JSON.stringify(f.doc)}`);
      if ('default' in f) fp.push(`"default":${JSON.stringify(f.default)}`);
      if (typeof f.order === 'string' && f.order !== 'ascending')
        fp.push(`"order":${JSON.stringify(f.order)}`);
      if (Array.isArray(f.aliases) && f.aliases.length > 0) fp.push(`"aliases":${JSON.stringify(f.aliases)}`);
      fp.push(...props(f, FIELD_KEYS));
      return `{${fp.join(',')}}`;
    });
    parts.push(`"fields":[${printed.join(',')}]`);
    parts.push(...props(obj, RECORD_KEYS));
  } else if (t === 'enum') {
    parts.push(`"symbols":${JSON.stringify(obj.symbols ?? [])}`);
    if (typeof obj.default === 'string') parts.push(`"default":${JSON.stringify(obj.default)}`);
    parts.push(...props(obj, ENUM_KEYS));
  } else {
    parts.push(`"size":${JSON.stringify(obj.size)}`);
    parts.push(...props(obj, FIXED_KEYS));
  }
  if (Array.isArray(obj.aliases) && obj.aliases.length > 0)
    parts.push(`"aliases":${JSON.stringify(obj.aliases)}`);
  return `{${parts.join(',')}}`;
}
