// JSON Schema: validated by ajv (a schema ajv cannot compile is refused with 42201), then loaded into a typed model
// shaped like the everit `SchemaLoader` output that the registry's `json/diff/*` rules walk: one keyword family →
// one schema (`type: "string"` → string schema), several families or `type` + `enum` → an implicit `allOf`, a list
// of types → `anyOf`, `{}`/`true` → empty schema, `false` → false schema, local `$ref`s resolved to the schema they
// point at. Simplified: only local references (`#/definitions/…`, `#/$defs/…`); drafts 4–7 keywords (ajv's
// default draft-07 meta-schema validates the schema).
import type { ParseResult } from '../avro/avroSchema';
import type { Formats } from '../formats';

export interface JsonMeta {
  id?: string;
  title?: string;
  description?: string;
  hasDefault: boolean;
  default?: unknown;
}

export type JsonNode = { meta: JsonMeta } & (
  | { kind: 'empty'; isTrue: boolean }
  | { kind: 'false' }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'string'; minLength?: number; maxLength?: number; pattern?: string }
  | {
      kind: 'number';
      integer: boolean;
      minimum?: number;
      maximum?: number;
      exclusiveMinimum?: number;
      exclusiveMaximum?: number;
      multipleOf?: number;
    }
  | {
      kind: 'object';
      properties: [string, JsonNode][];
      required: string[];
      permitsAdditional: boolean;
      additionalSchema: JsonNode | null;
      patternProperties: [string, JsonNode][];
      propertyDependencies: [string, string[]][];
      schemaDependencies: [string, JsonNode][];
      minProperties?: number;
      maxProperties?: number;
    }
  | {
      kind: 'array';
      allItems: JsonNode | null;
      itemSchemas: JsonNode[] | null;
      permitsAdditionalItems: boolean;
      additionalItemsSchema: JsonNode | null;
      minItems?: number;
      maxItems?: number;
      uniqueItems: boolean;
    }
  | { kind: 'enum'; values: unknown[] }
  | { kind: 'const'; value: unknown }
  | { kind: 'not'; schema: JsonNode }
  | { kind: 'combined'; criterion: 'allOf' | 'anyOf' | 'oneOf'; subschemas: JsonNode[]; keys: string[] }
);

export interface ParsedJsonSchema {
  schemaType: 'JSON';
  raw: unknown;
  node: JsonNode;
  canonical: string;
  /** `title` of the top-level schema (the JSON Schema serializer's record name), if any. */
  recordName: string | null;
  validate: (value: unknown) => { ok: true } | { ok: false; message: string };
}

const OBJECT_KEYS = [
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'dependencies',
  'minProperties',
  'maxProperties',
  'propertyNames',
];
const ARRAY_KEYS = ['items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains'];
const STRING_KEYS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

/** Stable JSON text of a value (object keys sorted), for equality of enum values and sub-schemas. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function metaOf(o: Record<string, unknown>): JsonMeta {
  const id = typeof o.$id === 'string' ? o.$id : typeof o.id === 'string' ? o.id : undefined;
  return {
    ...(id !== undefined ? { id } : {}),
    ...(typeof o.title === 'string' ? { title: o.title } : {}),
    ...(typeof o.description === 'string' ? { description: o.description } : {}),
    hasDefault: 'default' in o,
    ...('default' in o ? { default: o.default } : {}),
  };
}

const NO_META: JsonMeta = { hasDefault: false };
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** Loads a (valid) JSON Schema value into the diff model. */
export function loadJsonSchema(rootRaw: unknown): JsonNode {
  const refCache = new Map<string, JsonNode>();

  function resolvePointer(ref: string): unknown {
    if (!ref.startsWith('#'))
      throw new Error(`unsupported $ref ${ref} (only local references are simulated)`);
    const parts = ref
      .slice(1)
      .split('/')
      .filter((p) => p !== '')
      .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur: unknown = rootRaw;
    for (const p of parts) {
      if (!cur || typeof cur !== 'object') throw new Error(`$ref ${ref} does not resolve`);
      cur = (cur as Record<string, unknown>)[p];
    }
    if (cur === undefined) throw new Error(`$ref ${ref} does not resolve`);
    return cur;
  }

  function load(raw: unknown): JsonNode {
    if (raw === true) return { kind: 'empty', isTrue: true, meta: NO_META };
    if (raw === false) return { kind: 'false', meta: NO_META };
    const o = (raw ?? {}) as Record<string, unknown>;
    if (typeof o.$ref === 'string') {
      const ref = o.$ref;
      const cached = refCache.get(ref);
      if (cached) return cached;
      // A placeholder first, so a recursive reference ends at the same object (the diff's recursion guard).
      const placeholder = { kind: 'empty', isTrue: false, meta: NO_META } as JsonNode;
      refCache.set(ref, placeholder);
      Object.assign(placeholder, load(resolvePointer(ref)));
      return placeholder;
    }
    const meta = metaOf(o);
    const parts: JsonNode[] = [];
    const typeKeyword = o.type;
    if (Array.isArray(typeKeyword)) {
      const subs = typeKeyword.map((t) => typed(String(t), o, NO_META));
      parts.push(
        subs.length === 1
          ? subs[0]
          : {
              kind: 'combined',
              criterion: 'anyOf',
              subschemas: subs,
              keys: typeKeyword.map((t) => `type:${String(t)}`),
              meta: NO_META,
            },
      );
    } else if (typeof typeKeyword === 'string') {
      parts.push(typed(typeKeyword, o, NO_META));
    } else {
      for (const [t, keys] of [
        ['object', OBJECT_KEYS],
        ['array', ARRAY_KEYS],
        ['string', STRING_KEYS],
        ['number', NUMBER_KEYS],
      ] as const) {
        if (keys.some((k) => k in o)) parts.push(typed(t, o, NO_META, false));
      }
    }
    if (Array.isArray(o.enum)) parts.push({ kind: 'enum', values: o.enum, meta: NO_META });
    if ('const' in o) parts.push({ kind: 'const', value: o.const, meta: NO_META });
    if ('not' in o) parts.push({ kind: 'not', schema: load(o.not), meta: NO_META });
    for (const c of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(o[c])) {
        const subs = (o[c] as unknown[]).map(load);
        parts.push({
          kind: 'combined',
          criterion: c,
          subschemas: subs,
          keys: (o[c] as unknown[]).map(stableJson),
          meta: NO_META,
        });
      }
    }
    if (parts.length === 0) return { kind: 'empty', isTrue: false, meta };
    if (parts.length === 1) return { ...parts[0], meta } as JsonNode;
    return {
      kind: 'combined',
      criterion: 'allOf',
      subschemas: parts,
      keys: parts.map((p, i) => `part:${i}:${p.kind}`),
      meta,
    };
  }

  function typed(t: string, o: Record<string, unknown>, meta: JsonMeta, _requires = true): JsonNode {
    switch (t) {
      case 'string':
        return {
          kind: 'string',
          meta,
          ...(num(o.minLength) !== undefined ? { minLength: num(o.minLength) } : {}),
          ...(num(o.maxLength) !== undefined ? { maxLength: num(o.maxLength) } : {}),
          ...(typeof o.pattern === 'string' ? { pattern: o.pattern } : {}),
        };
      case 'integer':
      case 'number': {
        // draft-04 boolean exclusiveMaximum/Minimum turns maximum/minimum into an exclusive limit.
        const exMax = o.exclusiveMaximum === true ? num(o.maximum) : num(o.exclusiveMaximum);
        const exMin = o.exclusiveMinimum === true ? num(o.minimum) : num(o.exclusiveMinimum);
        return {
          kind: 'number',
          integer: t === 'integer',
          meta,
          ...(o.exclusiveMinimum !== true && num(o.minimum) !== undefined ? { minimum: num(o.minimum) } : {}),
          ...(o.exclusiveMaximum !== true && num(o.maximum) !== undefined ? { maximum: num(o.maximum) } : {}),
          ...(exMin !== undefined ? { exclusiveMinimum: exMin } : {}),
          ...(exMax !== undefined ? { exclusiveMaximum: exMax } : {}),
          ...(num(o.multipleOf) !== undefined ? { multipleOf: num(o.multipleOf) } : {}),
        };
      }
      case 'boolean':
        return { kind: 'boolean', meta };
      case 'null':
        return { kind: 'null', meta };
      case 'array': {
        const items = o.items;
        const additional = o.additionalItems;
        return {
          kind: 'array',
          meta,
          allItems: items !== undefined && !Array.isArray(items) ? load(items) : null,
          itemSchemas: Array.isArray(items) ? items.map(load) : null,
          permitsAdditionalItems: additional !== false,
          additionalItemsSchema:
            additional !== undefined && typeof additional !== 'boolean' ? load(additional) : null,
          ...(num(o.minItems) !== undefined ? { minItems: num(o.minItems) } : {}),
          ...(num(o.maxItems) !== undefined ? { maxItems: num(o.maxItems) } : {}),
          uniqueItems: o.uniqueItems === true,
        };
      }
      default: {
        // 'object' (and anything else ajv accepted)
        const props = (o.properties ?? {}) as Record<string, unknown>;
        const patterns = (o.patternProperties ?? {}) as Record<string, unknown>;
        const deps = (o.dependencies ?? {}) as Record<string, unknown>;
        const additional = o.additionalProperties;
        return {
          kind: 'object',
          meta,
          properties: Object.entries(props).map(([k, v]) => [k, load(v)]),
          required: Array.isArray(o.required) ? (o.required as string[]) : [],
          permitsAdditional: additional !== false,
          additionalSchema:
            additional !== undefined && typeof additional !== 'boolean' ? load(additional) : null,
          patternProperties: Object.entries(patterns).map(([k, v]) => [k, load(v)]),
          propertyDependencies: Object.entries(deps)
            .filter(([, v]) => Array.isArray(v))
            .map(([k, v]) => [k, v as string[]]),
          schemaDependencies: Object.entries(deps)
            .filter(([, v]) => !Array.isArray(v))
            .map(([k, v]) => [k, load(v)]),
          ...(num(o.minProperties) !== undefined ? { minProperties: num(o.minProperties) } : {}),
          ...(num(o.maxProperties) !== undefined ? { maxProperties: num(o.maxProperties) } : {}),
        };
      }
    }
  }

  return load(rootRaw);
}

// One ajv instance per loaded library (building one compiles the meta-schema, ~20 ms); `addUsedSchema: false`
// keeps schemas with the same `$id` from colliding in its cache.
const ajvInstances = new WeakMap<Formats, InstanceType<Formats['Ajv']>>();
function ajvFor(formats: Formats): InstanceType<Formats['Ajv']> {
  let ajv = ajvInstances.get(formats);
  if (!ajv) {
    ajv = new formats.Ajv({ strict: false, allErrors: true, validateFormats: false, addUsedSchema: false });
    ajvInstances.set(formats, ajv);
  }
  return ajv;
}

/** Parses JSON Schema text: JSON syntax, then ajv's compile (meta-schema check), then the diff model. */
export function parseJsonSchema(formats: Formats, text: string): ParseResult<ParsedJsonSchema> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  if (typeof raw !== 'boolean' && (raw === null || typeof raw !== 'object' || Array.isArray(raw))) {
    return { ok: false, message: 'A JSON Schema must be an object or a boolean' };
  }
  let validateFn: ((v: unknown) => boolean) & { errors?: unknown };
  const ajv = ajvFor(formats);
  try {
    validateFn = ajv.compile(raw as object);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  let node: JsonNode;
  try {
    node = loadJsonSchema(raw);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const title = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).title : undefined;
  return {
    ok: true,
    value: {
      schemaType: 'JSON',
      raw,
      node,
      // `JsonSchema.canonicalString()`: the schema re-serialised compactly, keys in their original order.
      canonical: JSON.stringify(raw),
      recordName: typeof title === 'string' ? title : null,
      validate: (value) =>
        validateFn(value) ? { ok: true } : { ok: false, message: ajv.errorsText(validateFn.errors as never) },
    },
  };
}
