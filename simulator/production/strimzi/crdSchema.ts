// The parts of Strimzi's CRD OpenAPI schemas (install/cluster-operator/04x-Crd-*.yaml, API version
// kafka.strimzi.io/v1) that a learner's edits hit, checked the way the Kubernetes API server checks a custom
// resource, with its field-error texts (k8s.io/apimachinery field.Error: "Required value", "Unsupported
// value", "Invalid value: … in body should …"). Simplified: only the modelled properties are checked;
// unknown fields pass (the real server prunes or, with kubectl's strict validation, rejects them).

/**
 * A CEL rule written out as a predicate. `self(key)` reads a field like CEL's `self.key`: reading an absent field
 * is a runtime error ("no such key"), which the API server reports instead of the rule's message
 * (apiextensions-apiserver schema/cel validation: "%v evaluating rule: %v").
 */
export type CelRule = {
  rule: string;
  holds: (self: (key: string) => unknown, has: (key: string) => boolean) => boolean;
  message: string;
};

class NoSuchKey extends Error {}

export type Schema =
  | {
      type: 'object';
      properties?: Record<string, Schema>;
      required?: readonly string[];
      /** x-kubernetes-validations (CEL) rules, each written out as a predicate. */
      rules?: readonly CelRule[];
      /** x-kubernetes-preserve-unknown-fields: any keys, any values. */
      preserveUnknown?: boolean;
      /**
       * The CRD's other property names at this level, not modelled here. Setting it marks the object's property
       * list as complete, so any other key is an unknown field.
       */
      otherFields?: readonly string[];
    }
  | { type: 'array'; items: Schema; minItems?: number }
  | { type: 'string'; enum?: readonly string[]; pattern?: string }
  | { type: 'integer'; minimum?: number; maximum?: number }
  | { type: 'boolean' };

export type FieldError = { field: string; detail: string };

/** The JSON type name Kubernetes prints for a value ("must be of type integer: \"string\""). */
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** How field.Invalid prints the offending value: strings quoted, numbers and booleans bare. */
function shown(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(jsonType(v));
}

/** The root object's fields are named without a prefix ("spec.replicas"). */
const join = (field: string, key: string) => (field === '' ? key : `${field}.${key}`);

const invalid = (field: string, value: unknown, why: string): FieldError => ({
  field,
  detail: `Invalid value: ${shown(value)}: ${why}`,
});

export function validateSchema(
  schema: Schema,
  value: unknown,
  field: string,
  out: FieldError[] = [],
): FieldError[] {
  const want = schema.type;
  const got = jsonType(value);
  if (got !== want) {
    out.push(invalid(field, got, `${field} in body must be of type ${want}: ${JSON.stringify(got)}`));
    return out;
  }
  switch (schema.type) {
    case 'object': {
      const obj = value as Record<string, unknown>;
      for (const key of schema.required ?? [])
        if (obj[key] === undefined || obj[key] === null)
          out.push({ field: join(field, key), detail: 'Required value' });
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        if (obj[key] !== undefined && obj[key] !== null) validateSchema(sub, obj[key], join(field, key), out);
      const has = (k: string) => obj[k] !== undefined && obj[k] !== null;
      const self = (k: string) => {
        if (!has(k)) throw new NoSuchKey(`no such key: ${k}`);
        return obj[k];
      };
      for (const rule of schema.rules ?? []) {
        try {
          if (!rule.holds(self, has)) out.push({ field, detail: `Invalid value: "object": ${rule.message}` });
        } catch (e) {
          if (!(e instanceof NoSuchKey)) throw e;
          out.push({ field, detail: `Invalid value: "object": ${e.message} evaluating rule: ${rule.rule}` });
        }
      }
      return out;
    }
    case 'array': {
      const arr = value as unknown[];
      if (schema.minItems !== undefined && arr.length < schema.minItems)
        out.push(
          invalid(field, arr.length, `${field} in body should have at least ${schema.minItems} items`),
        );
      arr.forEach((item, i) => {
        validateSchema(schema.items, item, `${field}[${i}]`, out);
      });
      return out;
    }
    case 'string': {
      const s = value as string;
      if (schema.enum && !schema.enum.includes(s))
        out.push({
          field,
          detail: `Unsupported value: ${JSON.stringify(s)}: supported values: ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`,
        });
      if (schema.pattern && !new RegExp(schema.pattern).test(s))
        out.push(invalid(field, s, `${field} in body should match '${schema.pattern}'`));
      return out;
    }
    case 'integer': {
      const n = value as number;
      if (schema.minimum !== undefined && n < schema.minimum)
        out.push(invalid(field, n, `${field} in body should be greater than or equal to ${schema.minimum}`));
      if (schema.maximum !== undefined && n > schema.maximum)
        out.push(invalid(field, n, `${field} in body should be less than or equal to ${schema.maximum}`));
      return out;
    }
    case 'boolean':
      return out;
  }
}

/**
 * Keys the CRD does not define, where the modelled property list is complete (`otherFields` set). kubectl
 * apply's default `--validate=strict` makes the server refuse them (strict decoding) before schema validation.
 */
export function unknownFields(schema: Schema, value: unknown, field = '', out: string[] = []): string[] {
  if (schema.type === 'array' && Array.isArray(value))
    value.forEach((item, i) => {
      unknownFields(schema.items, item, `${field}[${i}]`, out);
    });
  if (schema.type !== 'object' || jsonType(value) !== 'object') return out;
  const obj = value as Record<string, unknown>;
  const props = schema.properties ?? {};
  for (const key of Object.keys(obj)) {
    const sub = props[key];
    if (sub) unknownFields(sub, obj[key], join(field, key), out);
    else if (schema.otherFields && !schema.otherFields.includes(key)) out.push(join(field, key));
  }
  return out;
}

/** field.ErrorList#ToAggregate + errors.NewInvalid: one error alone, several as "[a, b]". */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const texts = errors.map((e) => `${e.field}: ${e.detail}`);
  return `The ${kind} ${JSON.stringify(name)} is invalid: ${texts.length === 1 ? texts[0] : `[${texts.join(', ')}]`}`;
}
