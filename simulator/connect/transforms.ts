// Single Message Transforms and predicates as Kafka Connect ships them (org.apache.kafka.connect.transforms),
// in their schemaless form: values are JSON maps, as with JsonConverter schemas.enable=false. Configured from
// a connector's config exactly as Connect reads it: transforms=a,b / transforms.a.type=… / predicates=….
import { formatJavaDate } from './javaDate';

export type ConnectValue = null | boolean | number | string | ConnectValue[] | { [k: string]: ConnectValue };

export type ConnectRecord = {
  topic: string;
  partition: number | null;
  key: ConnectValue;
  value: ConnectValue;
  timestamp: number | null;
  headers: Array<[string, string]>;
  /** Set for records a sink task received (SinkRecord#kafkaOffset); null for source records. */
  kafkaOffset: number | null;
};

/** Connect's DataException / ConfigException, with the class name a worker log and task trace print. */
export class ConnectError extends Error {
  constructor(
    readonly exception:
      | 'org.apache.kafka.connect.errors.DataException'
      | 'org.apache.kafka.common.config.ConfigException',
    message: string,
  ) {
    super(message);
  }
}

const dataError = (m: string) => new ConnectError('org.apache.kafka.connect.errors.DataException', m);
const configError = (m: string) => new ConnectError('org.apache.kafka.common.config.ConfigException', m);

/** The Java class name Connect would see for a schemaless JSON value (JsonConverter: integers as Long). */
export function javaClassName(v: ConnectValue): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'java.lang.String';
  if (typeof v === 'boolean') return 'java.lang.Boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'java.lang.Long' : 'java.lang.Double';
  if (Array.isArray(v)) return 'java.util.ArrayList';
  return 'java.util.HashMap';
}

type Map_ = { [k: string]: ConnectValue };
const isMap = (v: ConnectValue): v is Map_ => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Requirements#requireMap: schemaless transforms only work on maps. */
function requireMap(v: ConnectValue, purpose: string): Map_ {
  if (!isMap(v))
    throw dataError(
      `Only Map objects supported in absence of schema for [${purpose}], found: ${javaClassName(v)}`,
    );
  return v;
}

type Side = 'Key' | 'Value';
const operating = (r: ConnectRecord, side: Side) => (side === 'Key' ? r.key : r.value);
const withOperating = (r: ConnectRecord, side: Side, v: ConnectValue): ConnectRecord =>
  side === 'Key' ? { ...r, key: v } : { ...r, value: v };

export type Transform = (r: ConnectRecord) => ConnectRecord | null;
type Props = Record<string, string>;

const list = (s: string | undefined): string[] =>
  s === undefined || s.trim() === '' ? [] : s.split(',').map((x) => x.trim());

function required(props: Props, name: string): string {
  const v = props[name];
  if (v === undefined)
    throw configError(`Missing required configuration "${name}" which has no default value.`);
  return v;
}

function insertField(side: Side, props: Props): Transform {
  // InsertionSpec#parse: a trailing "!" makes the field required, "?" (or nothing) optional.
  const spec = (s: string | undefined) => (s === undefined ? null : s.replace(/[!?]$/, ''));
  const topicField = spec(props['topic.field']);
  const partitionField = spec(props['partition.field']);
  const offsetField = spec(props['offset.field']);
  const timestampField = spec(props['timestamp.field']);
  const staticField = spec(props['static.field']);
  const staticValue = props['static.value'];
  if (!topicField && !partitionField && !offsetField && !timestampField && !staticField)
    throw configError('No field insertion configured');
  if (staticField && staticValue === undefined)
    throw configError(
      `Invalid value null for configuration static.value: No value specified for static field: ${props['static.field']}`,
    );
  const purpose = 'field insertion';
  return (r) => {
    const v = operating(r, side);
    if (v === null) return r;
    const out: Map_ = { ...requireMap(v, purpose) };
    if (topicField) out[topicField] = r.topic;
    if (partitionField && r.partition !== null) out[partitionField] = r.partition;
    if (offsetField) {
      if (r.kafkaOffset === null)
        throw dataError(
          `Only SinkRecord supported for [${purpose}], found: org.apache.kafka.connect.source.SourceRecord`,
        );
      out[offsetField] = r.kafkaOffset;
    }
    if (timestampField && r.timestamp !== null) out[timestampField] = r.timestamp;
    if (staticField) out[staticField] = staticValue;
    return withOperating(r, side, out);
  };
}

function replaceField(side: Side, props: Props): Transform {
  const exclude = list(props.exclude ?? props.blacklist);
  const include = list(props.include ?? props.whitelist);
  const renames = new Map<string, string>();
  for (const m of list(props.renames)) {
    const parts = m.split(':');
    if (parts.length !== 2)
      throw configError(
        `Invalid value [${list(props.renames).join(', ')}] for configuration renames: Invalid rename mapping: ${m}`,
      );
    renames.set(parts[0], parts[1]);
  }
  return (r) => {
    const v = operating(r, side);
    if (v === null) return r;
    const out: Map_ = {};
    for (const [k, fv] of Object.entries(requireMap(v, 'field replacement'))) {
      if (exclude.includes(k) || (include.length > 0 && !include.includes(k))) continue;
      out[renames.get(k) ?? k] = fv;
    }
    return withOperating(r, side, out);
  };
}

function maskField(side: Side, props: Props): Transform {
  const fields = list(props.fields);
  if (fields.length === 0)
    throw configError(
      props.fields === undefined
        ? 'Missing required configuration "fields" which has no default value.'
        : 'Invalid value [] for configuration fields: Empty list',
    );
  const replacement = props.replacement;
  const masked = (v: ConnectValue): ConnectValue => {
    if (v === null) return null;
    if (replacement !== undefined) {
      if (typeof v === 'string') return replacement;
      if (typeof v === 'number') {
        const n = Number(replacement);
        if (!Number.isFinite(n) || replacement.trim() === '')
          throw dataError(`Unable to convert ${replacement} (class java.lang.String) to number`);
        return Number.isInteger(v) ? Math.trunc(n) : n;
      }
      throw dataError(`Cannot mask value of type class ${javaClassName(v)} with custom replacement.`);
    }
    // MaskField#maskWithNullValue: the type's "empty" value.
    if (typeof v === 'string') return '';
    if (typeof v === 'number') return 0;
    if (typeof v === 'boolean') return false;
    if (Array.isArray(v)) return [];
    return {};
  };
  return (r) => {
    const v = requireMap(operating(r, side), 'mask fields');
    const out: Map_ = { ...v };
    for (const f of fields) out[f] = masked(Object.hasOwn(v, f) ? v[f] : null);
    return withOperating(r, side, out);
  };
}

function valueToKey(props: Props): Transform {
  const fields = list(required(props, 'fields'));
  return (r) => {
    const v = requireMap(r.value, 'copying fields from value to key');
    const key: Map_ = {};
    for (const f of fields) key[f] = Object.hasOwn(v, f) ? v[f] : null;
    return { ...r, key };
  };
}

function extractField(side: Side, props: Props): Transform {
  const field = required(props, 'field');
  return (r) => {
    const v = operating(r, side);
    if (v === null) return withOperating(r, side, null);
    const m = requireMap(v, 'field extraction');
    return withOperating(r, side, Object.hasOwn(m, field) ? m[field] : null);
  };
}

function hoistField(side: Side, props: Props): Transform {
  const field = required(props, 'field');
  return (r) => withOperating(r, side, { [field]: operating(r, side) });
}

function timestampRouter(props: Props): Transform {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Connect's own ${topic} / ${timestamp} placeholders
  const topicFormat = props['topic.format'] ?? '${topic}-${timestamp}';
  const timestampFormat = props['timestamp.format'] ?? 'yyyyMMdd';
  return (r) => {
    if (r.timestamp === null) throw dataError(`Timestamp missing on record: ${describeRecord(r)}`);
    const ts = formatJavaDate(r.timestamp, timestampFormat);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Connect's own ${topic} / ${timestamp} placeholders
    return { ...r, topic: topicFormat.split('${topic}').join(r.topic).split('${timestamp}').join(ts) };
  };
}

/** Java's Matcher#replaceFirst replacement syntax: $1 / ${name} groups, \ escapes. */
function javaReplacement(replacement: string): string {
  return replacement.replace(/\\(.)|\$\{(\w+)\}|\$(\d)|\$/g, (m, esc, name, digit) => {
    if (esc !== undefined) return esc === '$' ? '$$' : esc;
    if (name !== undefined) return `$<${name}>`;
    if (digit !== undefined) return `$${digit}`;
    return m;
  });
}

function regexRouter(props: Props): Transform {
  const source = required(props, 'regex');
  const replacement = required(props, 'replacement');
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${source})$`);
  } catch (e) {
    throw configError(`Invalid value ${source} for configuration regex: ${(e as Error).message}`);
  }
  const js = javaReplacement(replacement);
  // RegexRouter reroutes only when the whole topic name matches (Matcher#matches).
  return (r) => (re.test(r.topic) ? { ...r, topic: r.topic.replace(re, js) } : r);
}

type Predicate = (r: ConnectRecord) => boolean;

const PREDICATES: Record<string, (props: Props) => Predicate> = {
  'org.apache.kafka.connect.transforms.predicates.TopicNameMatches': (props) => {
    const pattern = required(props, 'pattern');
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch (e) {
      throw configError(
        `Invalid value ${pattern} for configuration pattern: entry must be a Java-compatible regular expression: ${(e as Error).message}`,
      );
    }
    return (r) => re.test(r.topic);
  },
  'org.apache.kafka.connect.transforms.predicates.HasHeaderKey': (props) => {
    const name = required(props, 'name');
    return (r) => r.headers.some(([k]) => k === name);
  },
  'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone': () => (r) => r.value === null,
};

const T = 'org.apache.kafka.connect.transforms.';
const TRANSFORMS: Record<string, (props: Props) => Transform> = {
  [`${T}InsertField$Key`]: (p) => insertField('Key', p),
  [`${T}InsertField$Value`]: (p) => insertField('Value', p),
  [`${T}ReplaceField$Key`]: (p) => replaceField('Key', p),
  [`${T}ReplaceField$Value`]: (p) => replaceField('Value', p),
  [`${T}MaskField$Key`]: (p) => maskField('Key', p),
  [`${T}MaskField$Value`]: (p) => maskField('Value', p),
  [`${T}ExtractField$Key`]: (p) => extractField('Key', p),
  [`${T}ExtractField$Value`]: (p) => extractField('Value', p),
  [`${T}HoistField$Key`]: (p) => hoistField('Key', p),
  [`${T}HoistField$Value`]: (p) => hoistField('Value', p),
  [`${T}ValueToKey`]: valueToKey,
  [`${T}TimestampRouter`]: timestampRouter,
  [`${T}RegexRouter`]: regexRouter,
  // Filter drops every record; it is meant to be used with a predicate.
  [`${T}Filter`]: () => () => null,
};

/** Transformation class names this simulation knows (GET /connector-plugins?connectorsOnly=false lists them). */
export const TRANSFORM_CLASSES = Object.keys(TRANSFORMS).sort();
export const PREDICATE_CLASSES = Object.keys(PREDICATES).sort();

function describeRecord(r: ConnectRecord): string {
  return `ConnectRecord{topic='${r.topic}', kafkaPartition=${r.partition}, key=${JSON.stringify(r.key)}, value=${JSON.stringify(r.value)}, timestamp=${r.timestamp}}`;
}

function prefixed(config: Props, prefix: string): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(config)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

export type TransformChain = { apply(r: ConnectRecord): ConnectRecord | null; aliases: string[] };

/**
 * Build the chain a connector config describes (ConnectorConfig#transformationStages): each alias in
 * `transforms`, in order, optionally guarded by `transforms.<alias>.predicate` (and `negate`). A record a
 * transform turns into null is dropped and the rest of the chain is skipped.
 */
export function transformChain(config: Props): TransformChain {
  const aliases = list(config.transforms);
  const predicates = new Map<string, Predicate>();
  for (const alias of list(config.predicates)) {
    const props = prefixed(config, `predicates.${alias}.`);
    const type = props.type;
    if (type === undefined)
      throw configError(
        `Missing required configuration "predicates.${alias}.type" which has no default value.`,
      );
    const make = PREDICATES[type];
    if (!make)
      throw configError(
        `Invalid value ${type} for configuration predicates.${alias}.type: Class ${type} could not be found.`,
      );
    predicates.set(alias, make(props));
  }
  const stages = aliases.map((alias) => {
    const props = prefixed(config, `transforms.${alias}.`);
    const type = props.type;
    if (type === undefined)
      throw configError(
        `Missing required configuration "transforms.${alias}.type" which has no default value.`,
      );
    const make = TRANSFORMS[type];
    if (!make)
      throw configError(
        `Invalid value ${type} for configuration transforms.${alias}.type: Class ${type} could not be found.`,
      );
    const transform = make(props);
    const predicateAlias = props.predicate;
    let predicate: Predicate | null = null;
    if (predicateAlias !== undefined) {
      const p = predicates.get(predicateAlias);
      if (!p)
        throw configError(
          `Invalid value ${predicateAlias} for configuration transforms.${alias}.predicate: The predicate alias ${predicateAlias} is not defined in predicates`,
        );
      predicate = p;
    }
    const negate = props.negate === 'true';
    return { transform, predicate, negate };
  });
  return {
    aliases,
    apply(record) {
      let r: ConnectRecord | null = record;
      for (const s of stages) {
        if (r === null) return null;
        if (s.predicate && s.predicate(r) === s.negate) continue;
        r = s.transform(r);
      }
      return r;
    },
  };
}
