// JsonConverter and StringConverter, the two converters the simulated workers ship (org.apache.kafka.connect.json,
// org.apache.kafka.connect.storage). Worker default in Kafka's sample properties: JsonConverter with
// schemas.enable=true; a connector overrides with `value.converter` / `value.converter.schemas.enable`.
import type { ConnectValue } from '../transforms';
import type { TaskError } from './errors';

export const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';
export const STRING_CONVERTER = 'org.apache.kafka.connect.storage.StringConverter';
const DATA_EXCEPTION = 'org.apache.kafka.connect.errors.DataException';

type Props = Record<string, string>;

export const valueConverterOf = (config: Props): string => config['value.converter'] ?? JSON_CONVERTER;
/** JsonConverterConfig.SCHEMAS_ENABLE_DEFAULT = true. */
export const schemasEnabled = (config: Props): boolean =>
  config['value.converter.schemas.enable'] !== 'false';

/** Converter#toConnectData for a record value; a DataException as Connect throws it. */
export function valueToConnect(
  config: Props,
  value: string | null,
): { ok: true; value: ConnectValue } | { ok: false; error: TaskError } {
  const cls = valueConverterOf(config);
  if (value === null) return { ok: true, value: null };
  if (cls === STRING_CONVERTER) return { ok: true, value };
  const err = (message: string) => ({
    ok: false as const,
    error: { exception: DATA_EXCEPTION, message, stage: 'VALUE_CONVERTER', executingClass: JSON_CONVERTER },
  });
  let json: ConnectValue;
  try {
    json = JSON.parse(value) as ConnectValue;
  } catch {
    // JsonConverter#toConnectData wraps Jackson's SerializationException
    return err('Converting byte[] to Kafka Connect data failed due to serialization error: ');
  }
  if (!schemasEnabled(config)) return { ok: true, value: json };
  const o = json as Record<string, ConnectValue>;
  if (
    typeof json !== 'object' ||
    json === null ||
    Array.isArray(json) ||
    Object.keys(o).length !== 2 ||
    !('schema' in o) ||
    !('payload' in o)
  )
    return err(
      'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.',
    );
  return { ok: true, value: o.payload };
}

function schemaOf(v: ConnectValue, field?: string): Record<string, ConnectValue> {
  const f: Record<string, ConnectValue> = field === undefined ? {} : { field };
  if (v === null) return { type: 'string', optional: true, ...f };
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'int64' : 'float64', optional: true, ...f };
  if (typeof v === 'boolean') return { type: 'boolean', optional: true, ...f };
  if (typeof v === 'string') return { type: 'string', optional: true, ...f };
  if (Array.isArray(v)) return { type: 'array', items: schemaOf(v[0] ?? null), optional: true, ...f };
  return {
    type: 'struct',
    fields: Object.entries(v).map(([k, x]) => schemaOf(x, k)),
    optional: field !== undefined,
    ...f,
  };
}

/**
 * Converter#fromConnectData for a source record value. With schemas.enable the value is wrapped in the
 * `{"schema","payload"}` envelope; the schema here is inferred from the value (simplified: the JDBC source
 * derives it from the table's column types, and marks NOT NULL columns as optional=false).
 */
export function valueFromConnect(config: Props, value: ConnectValue, schemaName?: string): string | null {
  if (value === null) return null;
  const cls = valueConverterOf(config);
  if (cls === STRING_CONVERTER) return typeof value === 'string' ? value : JSON.stringify(value);
  if (!schemasEnabled(config)) return JSON.stringify(value);
  const schema = schemaOf(value);
  if (schemaName && schema.type === 'struct') schema.name = schemaName;
  return JSON.stringify({ schema, payload: value });
}
