// Connector config validation as `AbstractHerder#validateConnectorConfig` does it, producing Connect's ConfigInfos
// JSON (`rest/entities/ConfigInfos`, `ConfigInfo`, `ConfigKeyInfo`, `ConfigValueInfo`).
import type { ConfigKeyDef, ConfigType, ConfigValidator, ConnectorPlugin, ConnectorType } from './types';

export interface ConfigKeyInfo {
  name: string;
  type: ConfigType;
  required: boolean;
  default_value: string | null;
  importance: string;
  documentation: string;
  group: string | null;
  order: number;
  width: string;
  display_name: string;
  dependents: string[];
}
export interface ConfigValueInfo {
  name: string;
  value: string | null;
  recommended_values: string[];
  errors: string[];
  visible: boolean;
}
export interface ConfigInfos {
  name: string;
  error_count: number;
  groups: string[];
  configs: { definition: ConfigKeyInfo | null; value: ConfigValueInfo | null }[];
}

const COMMON = 'Common';
const TRANSFORMS = 'Transforms';
const PREDICATES = 'Predicates';
const ERRORS = 'Error Handling';

// A subset of `ConnectorConfig.configDef()` (documentation strings are ours, not Connect's).
const CONNECTOR_CONFIG: ConfigKeyDef[] = [
  {
    name: 'name',
    type: 'STRING',
    validator: { kind: 'nonEmptyStringWithoutControlChars' },
    importance: 'HIGH',
    documentation: 'Unique name of the connector.',
    group: COMMON,
    orderInGroup: 1,
    width: 'MEDIUM',
    displayName: 'Connector name',
  },
  {
    name: 'connector.class',
    type: 'STRING',
    importance: 'HIGH',
    documentation: 'Class (or alias) of the connector plugin.',
    group: COMMON,
    orderInGroup: 2,
    width: 'LONG',
    displayName: 'Connector class',
  },
  {
    name: 'tasks.max',
    type: 'INT',
    default: '1',
    validator: { kind: 'atLeast', min: 1 },
    importance: 'HIGH',
    documentation: 'Upper bound on the number of tasks the connector may create.',
    group: COMMON,
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Tasks max',
  },
  {
    name: 'key.converter',
    type: 'CLASS',
    default: null,
    importance: 'LOW',
    documentation: 'Converter for record keys; the worker default when unset.',
    group: COMMON,
    orderInGroup: 5,
    width: 'SHORT',
    displayName: 'Key converter class',
  },
  {
    name: 'value.converter',
    type: 'CLASS',
    default: null,
    importance: 'LOW',
    documentation: 'Converter for record values; the worker default when unset.',
    group: COMMON,
    orderInGroup: 6,
    width: 'SHORT',
    displayName: 'Value converter class',
  },
  {
    name: 'transforms',
    type: 'LIST',
    default: '',
    importance: 'LOW',
    documentation: 'Aliases of the single message transforms, applied in order.',
    group: TRANSFORMS,
    orderInGroup: 8,
    width: 'LONG',
    displayName: 'Transforms',
  },
  {
    name: 'predicates',
    type: 'LIST',
    default: '',
    importance: 'LOW',
    documentation: 'Aliases of the predicates used by transforms.',
    group: PREDICATES,
    orderInGroup: 9,
    width: 'LONG',
    displayName: 'Predicates',
  },
  {
    name: 'errors.tolerance',
    type: 'STRING',
    default: 'none',
    validator: { kind: 'in', values: ['none', 'all'] },
    importance: 'MEDIUM',
    documentation:
      'none: the first conversion or transform error fails the task; all: bad records are skipped.',
    group: ERRORS,
    orderInGroup: 3,
    width: 'SHORT',
    displayName: 'Error Tolerance',
  },
];

// `SinkConnectorConfig` adds the topics to consume and the dead letter queue.
const SINK_CONFIG: ConfigKeyDef[] = [
  {
    name: 'topics',
    type: 'LIST',
    default: '',
    importance: 'HIGH',
    documentation: 'Topics to consume (or use topics.regex).',
    group: COMMON,
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Topics',
  },
  {
    name: 'topics.regex',
    type: 'STRING',
    default: '',
    importance: 'HIGH',
    documentation: 'Regular expression of the topics to consume (or use topics).',
    group: COMMON,
    orderInGroup: 4,
    width: 'LONG',
    displayName: 'Topics regex',
  },
  {
    name: 'errors.deadletterqueue.topic.name',
    type: 'STRING',
    default: '',
    importance: 'MEDIUM',
    documentation: 'Topic that receives the records that failed, when errors.tolerance=all.',
    group: ERRORS,
    orderInGroup: 6,
    width: 'MEDIUM',
    displayName: 'Dead Letter Queue Topic Name',
  },
];

export function baseConfigDefs(type: ConnectorType): ConfigKeyDef[] {
  return type === 'sink' ? [...CONNECTOR_CONFIG, ...SINK_CONFIG] : CONNECTOR_CONFIG;
}

/** `ConfigException(name, value, message)`'s text. */
const invalid = (name: string, value: unknown, message: string) =>
  `Invalid value ${value === null ? 'null' : String(value)} for configuration ${name}: ${message}`;

type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** `ConfigDef#parseType` for string input (values arrive as strings from the REST API). */
function parseType(key: ConfigKeyDef, raw: string): Parsed {
  const t = raw.trim();
  const notNumber = { ok: false as const, error: invalid(key.name, raw, `Not a number of type ${key.type}`) };
  switch (key.type) {
    case 'BOOLEAN':
      if (t.toLowerCase() === 'true') return { ok: true, value: true };
      if (t.toLowerCase() === 'false') return { ok: true, value: false };
      return { ok: false, error: invalid(key.name, raw, 'Expected value to be either true or false') };
    case 'INT':
    case 'SHORT':
    case 'LONG': {
      const bits = key.type === 'INT' ? 31n : key.type === 'SHORT' ? 15n : 63n;
      if (!/^[+-]?\d+$/.test(t)) return notNumber;
      const n = BigInt(t);
      if (n < -(1n << bits) || n >= 1n << bits) return notNumber;
      return { ok: true, value: Number(n) };
    }
    case 'DOUBLE': {
      const n = Number(t);
      return t === '' || Number.isNaN(n) ? notNumber : { ok: true, value: n };
    }
    case 'LIST':
      return { ok: true, value: t === '' ? [] : t.split(/\s*,\s*/) };
    // Simplified: a CLASS value is not loaded, so "Class x could not be found." never appears.
    case 'CLASS':
    case 'STRING':
    case 'PASSWORD':
      return { ok: true, value: t };
  }
}

/** `ConfigDef.convertToString`; a PASSWORD shows as Password#toString, `[hidden]`. */
function convertToString(value: unknown, type: ConfigType | null): string | null {
  if (value === null || value === undefined) return null;
  if (type === 'PASSWORD') return '[hidden]';
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

function ensureValid(v: ConfigValidator, name: string, value: unknown): string | null {
  switch (v.kind) {
    case 'atLeast':
    case 'between': {
      if (value === null) return invalid(name, null, 'Value must be non-null');
      const n = value as number;
      if (n < v.min) return invalid(name, value, `Value must be at least ${v.min}`);
      if (v.kind === 'between' && n > v.max)
        return invalid(name, value, `Value must be no more than ${v.max}`);
      return null;
    }
    case 'in':
      return v.values.includes(value as string)
        ? null
        : invalid(name, value, `String must be one of: ${v.values.join(', ')}`);
    case 'nonEmptyString':
      return value === '' ? invalid(name, value, 'String must be non-empty') : null;
    case 'nonEmptyStringWithoutControlChars': {
      if (value === null) return null;
      const s = value as string;
      if (s === '') return invalid(name, s, 'String may not be empty');
      const bad = [...s]
        .map((c) => c.codePointAt(0) ?? 0)
        .filter((c) => c <= 0x1f || (c >= 0x7f && c <= 0x9f));
      return bad.length > 0
        ? invalid(
            name,
            s,
            `String may not contain control sequences but had the following ASCII chars: ${bad.join(', ')}`,
          )
        : null;
    }
  }
}

interface ValueResult {
  name: string;
  value: unknown;
  errors: string[];
}

/** `ConfigDef#validateAll` over one set of keys. */
function validateKeys(defs: ConfigKeyDef[], props: Record<string, string | null>): Map<string, ValueResult> {
  const out = new Map<string, ValueResult>();
  for (const key of defs) {
    const errors: string[] = [];
    let value: unknown = null;
    const raw = props[key.name];
    if (raw !== undefined && raw !== null) {
      const p = parseType(key, raw);
      if (p.ok) value = p.value;
      else errors.push(p.error);
    } else if (raw === undefined && key.default === undefined) {
      errors.push(`Missing required configuration "${key.name}" which has no default value.`);
    } else if (raw === undefined && key.default !== null && key.default !== undefined) {
      const p = parseType(key, key.default);
      value = p.ok ? p.value : null;
    }
    if (key.validator) {
      const e = ensureValid(key.validator, key.name, value);
      if (e) errors.push(e);
    }
    out.set(key.name, { name: key.name, value, errors });
  }
  return out;
}

/** `SinkConnectorConfig.validate`: exactly one of topics / topics.regex. */
function validateSinkTopics(props: Record<string, string | null>, values: Map<string, ValueResult>): void {
  const topics = (props.topics ?? '').trim();
  const regex = (props['topics.regex'] ?? '').trim();
  const add = (msg: string) => {
    for (const k of ['topics', 'topics.regex']) values.get(k)?.errors.push(msg);
  };
  if (topics !== '' && regex !== '')
    add('topics and topics.regex are mutually exclusive options, but both are set.');
  if (topics === '' && regex === '') add('Must configure one of topics or topics.regex');
}

export function keyInfo(k: ConfigKeyDef): ConfigKeyInfo {
  const required = k.default === undefined;
  return {
    name: k.name,
    type: k.type,
    required,
    default_value: required ? null : k.default === null ? null : convertToString(parseDefault(k), k.type),
    importance: k.importance,
    documentation: k.documentation,
    group: k.group ?? null,
    order: k.orderInGroup ?? -1,
    width: k.width ?? 'NONE',
    display_name: k.displayName ?? k.name,
    dependents: [],
  };
}

function parseDefault(k: ConfigKeyDef): unknown {
  if (k.default === undefined || k.default === null) return null;
  const p = parseType(k, k.default);
  return p.ok ? p.value : k.default;
}

/** Finds the plugin `connector.class` names: full class name, simple name, or simple name without `Connector`
 * (`Plugins#connectorClass`). */
export function findPlugin(plugins: ConnectorPlugin[], connectorClass: string): ConnectorPlugin | undefined {
  const exact = plugins.find((p) => p.className === connectorClass);
  if (exact) return exact;
  return plugins.find((p) => {
    const simple = p.className.slice(p.className.lastIndexOf('.') + 1);
    return simple === connectorClass || simple === `${connectorClass}Connector`;
  });
}

/** Validates a connector config against the worker's base definitions and the plugin's own: the ConfigInfos of
 * `PUT /connector-plugins/{type}/config/validate`, also used before every create or update. */
export function validateConnectorConfig(
  plugin: ConnectorPlugin,
  props: Record<string, string | null>,
): ConfigInfos {
  const base = baseConfigDefs(plugin.type);
  const values = validateKeys(base, props);
  if (plugin.type === 'sink') validateSinkTopics(props, values);
  // A null value is refused whatever the key (AbstractHerder#validateConnectorConfig).
  for (const [name, raw] of Object.entries(props)) {
    if (raw !== null) continue;
    const v = values.get(name) ?? { name, value: null, errors: [] };
    v.errors.push('Null value can not be supplied as the configuration value.');
    values.set(name, v);
  }
  const own = validateKeys(plugin.configDefs, props);
  for (const [k, v] of own) values.set(k, v);

  const defs = new Map<string, ConfigKeyDef>();
  for (const d of [...base, ...plugin.configDefs]) defs.set(d.name, d);
  const groups: string[] = [];
  for (const d of defs.values()) if (d.group && !groups.includes(d.group)) groups.push(d.group);

  // AbstractHerder#generateResult: values without a definition first, then every definition in order.
  const configs: ConfigInfos['configs'] = [];
  let errorCount = 0;
  for (const v of values.values()) {
    if (defs.has(v.name)) continue;
    configs.push({ definition: null, value: valueInfo(v, null) });
    errorCount += v.errors.length;
  }
  for (const d of defs.values()) {
    const v = values.get(d.name);
    if (v) errorCount += v.errors.length;
    configs.push({ definition: keyInfo(d), value: v ? valueInfo(v, d.type) : null });
  }
  return { name: props['connector.class'] ?? plugin.className, error_count: errorCount, groups, configs };
}

function valueInfo(v: ValueResult, type: ConfigType | null): ConfigValueInfo {
  return {
    name: v.name,
    value: convertToString(v.value, type),
    recommended_values: [],
    errors: [...v.errors],
    visible: true,
  };
}

/** The 400 text of `AbstractHerder#maybeAddConfigErrors`, or null when the config has no error. */
export function configErrorsMessage(infos: ConfigInfos): string | null {
  if (infos.error_count === 0) return null;
  const lines = [
    `Connector configuration is invalid and contains the following ${infos.error_count} error(s):`,
  ];
  for (const c of infos.configs) for (const e of c.value?.errors ?? []) lines.push(e);
  lines.push(
    'You can also find the above list of errors at the endpoint `/connector-plugins/{connectorType}/config/validate`',
  );
  return lines.join('\n');
}

/** `java.util.AbstractMap#toString` of a config, as the "contains no connector type" message prints it. */
export function javaMapString(props: Record<string, string | null>): string {
  return `{${Object.entries(props)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}}`;
}
