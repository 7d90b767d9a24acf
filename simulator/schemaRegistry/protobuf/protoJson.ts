// Protobuf's proto3 JSON mapping on the way in, as `JsonFormat.parser()` reads a console producer's line
// (Confluent's `ProtobufSchemaUtils.toObject`): a field is named by its lowerCamelCase JSON name or its original
// `.proto` name; 64-bit integers (int64, uint64, fixed64, sint64, sfixed64) come as JSON strings or numbers, and
// 32-bit ones as numbers or numeric strings; enums by name or number; bytes as base64. The result is the plain
// object protobufjs' `fromObject` takes (`keepCase: true`, so keys are the `.proto` names).
// Simplified: a JSON number above 2^53 has already lost precision in `JSON.parse` (Java keeps it); quote it.
// Well-known types (Timestamp, Duration, wrappers, Struct) are passed to protobufjs as they are.
import type * as Protobuf from 'protobufjs';

const LONG_TYPES = new Set(['int64', 'uint64', 'fixed64', 'sint64', 'sfixed64']);
const INT_TYPES = new Set(['int32', 'uint32', 'fixed32', 'sint32', 'sfixed32']);
const INTEGER_TEXT = /^-?\d+$/;

/** The proto3 JSON name of a field: lowerCamelCase of the `.proto` name (`order_id` → `orderId`). */
export function jsonNameOf(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function scalar(field: Protobuf.Field, v: unknown): Converted {
  const t = field.type;
  if (LONG_TYPES.has(t)) {
    // Strings keep every digit (protobufjs turns them into a Long); numbers must be integral.
    if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) return { ok: true, value: v.trim() };
    if (typeof v === 'number' && Number.isInteger(v)) return { ok: true, value: v };
    return {
      ok: false,
      message: `Not an ${t.startsWith('u') || t === 'fixed64' ? 'uint64' : 'int64'} value: ${JSON.stringify(v)}`,
    };
  }
  if (INT_TYPES.has(t)) {
    if (typeof v === 'string' && INTEGER_TEXT.test(v.trim())) return { ok: true, value: Number(v) };
    if (typeof v === 'number' && Number.isInteger(v)) return { ok: true, value: v };
    return {
      ok: false,
      message: `Not an ${t.startsWith('u') || t === 'fixed32' ? 'uint32' : 'int32'} value: ${JSON.stringify(v)}`,
    };
  }
  if ((t === 'double' || t === 'float') && typeof v === 'string') {
    if (v === 'NaN' || v === 'Infinity' || v === '-Infinity') return { ok: true, value: Number(v) };
    if (v.trim() !== '' && !Number.isNaN(Number(v))) return { ok: true, value: Number(v) };
  }
  return { ok: true, value: v };
}

function fieldValue(field: Protobuf.Field, v: unknown, where: string): Converted {
  field.resolve();
  if (v === null) return { ok: true, value: undefined };
  const resolved = field.resolvedType;
  if (resolved && 'fields' in resolved) return messageFromJson(resolved as Protobuf.Type, v, where);
  if (resolved) {
    // An enum: the value's name, or its number.
    const e = resolved as Protobuf.Enum;
    if (typeof v === 'string' && !(v in e.values))
      return { ok: false, message: `Invalid enum value: ${v} for enum type: ${e.fullName.slice(1)}` };
    return { ok: true, value: v };
  }
  return scalar(field, v);
}

/** One message's JSON (an object) → protobufjs' plain object, or JsonFormat's complaint. */
export function messageFromJson(type: Protobuf.Type, json: unknown, where = type.name): Converted {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    return { ok: false, message: `Expect message object but got: ${JSON.stringify(json)}` };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(json as Record<string, unknown>)) {
    const field = type.fieldsArray.find((f) => f.name === key || jsonNameOf(f.name) === key);
    if (!field)
      return { ok: false, message: `Cannot find field: ${key} in message ${type.fullName.slice(1)}` };
    const at = `${where}.${field.name}`;
    if (field.map) {
      if (v === null || typeof v !== 'object')
        return { ok: false, message: `Expect a map object but found: ${JSON.stringify(v)}` };
      const m: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        const c = fieldValue(field, x, at);
        if (!c.ok) return c;
        m[k] = c.value;
      }
      out[field.name] = m;
    } else if (field.repeated) {
      if (!Array.isArray(v)) return { ok: false, message: `Expect an array but found: ${JSON.stringify(v)}` };
      const items: unknown[] = [];
      for (const x of v) {
        const c = fieldValue(field, x, at);
        if (!c.ok) return c;
        items.push(c.value);
      }
      out[field.name] = items;
    } else {
      const c = fieldValue(field, v, at);
      if (!c.ok) return c;
      if (c.value !== undefined) out[field.name] = c.value;
    }
  }
  return { ok: true, value: out };
}
