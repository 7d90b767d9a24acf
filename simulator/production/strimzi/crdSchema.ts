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

/**
 * `blocking`: a Required, Unsupported (enum) or type error. Any of these makes the API server skip the CEL rules
 * (apiextensions-apiserver customResourceStrategy: hasBlockingErr).
 */
export type FieldError = { field: string; detail: string; blocking?: boolean };

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

type Phase = 'schema' | 'cel';

/** One pass over the value: the OpenAPI checks ('schema') or the x-kubernetes-validations rules ('cel'). */
export function validateSchema(
  schema: Schema,
  value: unknown,
  field: string,
  out: FieldError[] = [],
  phase: Phase = 'schema',
): FieldError[] {
  const want = schema.type;
  const got = jsonType(value);
  if (got !== want) {
    if (phase === 'schema')
      out.push({
        ...invalid(field, got, `${field} in body must be of type ${want}: ${JSON.stringify(got)}`),
        blocking: true,
      });
    return out;
  }
  switch (schema.type) {
    case 'object': {
      const obj = value as Record<string, unknown>;
      for (const key of phase === 'schema' ? (schema.required ?? []) : [])
        if (obj[key] === undefined || obj[key] === null)
          out.push({ field: join(field, key), detail: 'Required value', blocking: true });
      for (const [key, sub] of Object.entries(schema.properties ?? {}))
        if (obj[key] !== undefined && obj[key] !== null)
          validateSchema(sub, obj[key], join(field, key), out, phase);
      const has = (k: string) => obj[k] !== undefined && obj[k] !== null;
      const self = (k: string) => {
        if (!has(k)) throw new NoSuchKey(`no such key: ${k}`);
        return obj[k];
      };
      for (const rule of phase === 'cel' ? (schema.rules ?? []) : []) {
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
      if (phase === 'schema' && schema.minItems !== undefined && arr.length < schema.minItems)
        out.push(
          invalid(field, arr.length, `${field} in body should have at least ${schema.minItems} items`),
        );
      arr.forEach((item, i) => {
        validateSchema(schema.items, item, `${field}[${i}]`, out, phase);
      });
      return out;
    }
    case 'string': {
      const s = value as string;
      if (phase === 'cel') return out;
      if (schema.enum && !schema.enum.includes(s))
        out.push({
          field,
          detail: `Unsupported value: ${JSON.stringify(s)}: supported values: ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`,
          blocking: true,
        });
      if (schema.pattern && !new RegExp(schema.pattern).test(s))
        out.push(invalid(field, s, `${field} in body should match '${schema.pattern}'`));
      return out;
    }
    case 'integer': {
      const n = value as number;
      if (phase === 'cel') return out;
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

const hasRules = (schema: Schema): boolean =>
  schema.type === 'array'
    ? hasRules(schema.items)
    : schema.type === 'object' &&
      ((schema.rules?.length ?? 0) > 0 || Object.values(schema.properties ?? {}).some(hasRules));

/**
 * The API server's validation of a whole custom resource: the OpenAPI checks, then the CEL rules, unless a
 * blocking error was found; then the CEL rules are skipped with a field-less error saying so.
 */
export function validateResource(schema: Schema, doc: unknown): FieldError[] {
  const errors = validateSchema(schema, doc, '');
  if (!hasRules(schema)) return errors;
  if (errors.some((e) => e.blocking))
    return [
      ...errors,
      {
        field: '<nil>',
        detail:
          'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      },
    ];
  return [...errors, ...validateSchema(schema, doc, '', [], 'cel')];
}

/**
 * How kubectl prints the API server's Invalid status (cmdutil.MultilineError over the status causes): one cause
 * on the same line, several as a bulleted list.
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const texts = errors.map((e) => `${e.field}: ${e.detail}`);
  const head = `The ${kind} ${JSON.stringify(name)} is invalid: `;
  return texts.length === 1 ? `${head}${texts[0]}` : `${head}\n${texts.map((t) => `* ${t}`).join('\n')}`;
}
