// One generic encoder/decoder that interprets the schema tables (schema.ts) for any message and version,
// including flexible versions (KIP-482): compact strings/arrays/bytes (unsigned varint length + 1) and a tagged
// field section at the end of every struct.
import { ProtocolError, Reader, utf8, utf8Bytes, Writer } from './bytes';
import { type FieldSpec, inRange, type MessageSchema, type Range, type TypeSpec } from './schema';
import { uuidFromBytes, uuidToBytes } from './uuid';

// biome-ignore lint/suspicious/noExplicitAny: decoded messages are plain JSON-like objects keyed by field name
export type Msg = Record<string, any>;

/** Upper bound on array/string element counts per frame, long before memory becomes a concern. */
const MAX_COUNT = 1_000_000;

function isNullable(f: FieldSpec, v: number): boolean {
  return inRange(f.nullable, v);
}

function isTagged(f: FieldSpec, v: number): boolean {
  return f.tag !== null && inRange(f.taggedVersions, v);
}

/** A value made of every field's default (what Kafka's generated classes start from). */
export function defaultsOf(fields: readonly FieldSpec[]): Msg {
  const out: Msg = {};
  for (const f of fields) out[f.key] = defaultValue(f);
  return out;
}

function defaultValue(f: FieldSpec): unknown {
  if (f.type.kind === 'struct') return f.defaultText === 'null' ? null : defaultsOf(f.type.fields);
  if (f.type.kind === 'array') return f.defaultText === 'null' ? null : [];
  const d = f.default;
  return d instanceof Uint8Array ? new Uint8Array(0) : d;
}

function isDefault(f: FieldSpec, value: unknown): boolean {
  if (value === undefined) return true;
  if (f.type.kind === 'array')
    return f.defaultText === 'null' ? value === null : Array.isArray(value) && value.length === 0;
  if (f.type.kind === 'struct') {
    if (value === null) return f.defaultText === 'null';
    const v = value as Msg;
    return f.type.fields.every((sub) => isDefault(sub, v[sub.key]));
  }
  if (value instanceof Uint8Array) return value.length === 0 && f.defaultText !== 'null';
  return value === f.default;
}

// ---------------------------------------------------------------- encode

function writeLength(w: Writer, n: number, flexible: boolean, wide: boolean): void {
  if (flexible) w.uvarint(n + 1);
  else if (wide) w.int32(n);
  else w.int16(n);
}

function writeNull(w: Writer, flexible: boolean, wide: boolean): void {
  if (flexible) w.uvarint(0);
  else if (wide) w.int32(-1);
  else w.int16(-1);
}

function writeValue(
  w: Writer,
  t: TypeSpec,
  value: unknown,
  v: number,
  flexible: boolean,
  f: FieldSpec,
  nullable = isNullable(f, v),
): void {
  if (value === null || value === undefined) {
    if (value === null && !nullable && !(t.kind === 'primitive' && t.name === 'records'))
      throw new RangeError(`${f.name} is not nullable in version ${v}`);
    if (value === undefined) {
      writeValue(w, t, defaultValue(f), v, flexible, f);
      return;
    }
    if (t.kind === 'struct') {
      w.int8(-1);
      return;
    }
    const wide =
      t.kind === 'array' || (t.kind === 'primitive' && (t.name === 'bytes' || t.name === 'records'));
    writeNull(w, flexible, wide);
    return;
  }
  if (t.kind === 'array') {
    const arr = value as unknown[];
    writeLength(w, arr.length, flexible, true);
    for (const el of arr) writeValue(w, t.of, el, v, flexible, f, false);
    return;
  }
  if (t.kind === 'struct') {
    if (nullable) w.int8(1);
    writeStruct(w, t.fields, value as Msg, v, flexible);
    return;
  }
  switch (t.name) {
    case 'bool':
      w.int8(value ? 1 : 0);
      return;
    case 'int8':
      w.int8(value as number);
      return;
    case 'int16':
      w.int16(value as number);
      return;
    case 'uint16':
      w.uint16(value as number);
      return;
    case 'int32':
      w.int32(value as number);
      return;
    case 'uint32':
      w.uint32(value as number);
      return;
    case 'int64':
      w.int64(value as number);
      return;
    case 'float64':
      w.float64(value as number);
      return;
    case 'uuid':
      w.bytes(uuidToBytes(value as string));
      return;
    case 'string': {
      const b = utf8Bytes(value as string);
      writeLength(w, b.length, flexible, false);
      w.bytes(b);
      return;
    }
    case 'bytes':
    case 'records': {
      const b = value as Uint8Array;
      writeLength(w, b.length, flexible, true);
      w.bytes(b);
      return;
    }
  }
}

function fieldFlexible(f: FieldSpec, v: number, flexible: boolean): boolean {
  return f.flexible ? inRange(f.flexible, v) : flexible;
}

function writeStruct(
  w: Writer,
  fields: readonly FieldSpec[],
  value: Msg,
  v: number,
  flexible: boolean,
): void {
  let tagged: FieldSpec[] | null = null;
  for (const f of fields) {
    if (!inRange(f.versions, v)) continue;
    if (isTagged(f, v)) {
      if (flexible && !isDefault(f, value[f.key])) {
        if (!tagged) tagged = [];
        tagged.push(f);
      }
      continue;
    }
    writeValue(w, f.type, value[f.key], v, fieldFlexible(f, v, flexible), f);
  }
  if (!flexible) return;
  if (!tagged) {
    w.uvarint(0);
    return;
  }
  tagged.sort((a, b) => (a.tag as number) - (b.tag as number));
  w.uvarint(tagged.length);
  for (const f of tagged) {
    const inner = new Writer(64);
    writeValue(inner, f.type, value[f.key], v, true, f);
    const bytes = inner.view_();
    w.uvarint(f.tag as number);
    w.uvarint(bytes.length);
    w.bytes(bytes);
  }
}

export function isFlexible(schema: MessageSchema, v: number): boolean {
  return inRange(schema.flexible, v);
}

export function encodeInto(w: Writer, schema: MessageSchema, v: number, value: Msg): void {
  writeStruct(w, schema.fields, value, v, isFlexible(schema, v));
}

export function encode(schema: MessageSchema, v: number, value: Msg): Uint8Array {
  const w = new Writer();
  encodeInto(w, schema, v, value);
  return w.finish();
}

// ---------------------------------------------------------------- decode

function readCount(r: Reader, flexible: boolean, wide: boolean): number {
  const n = flexible ? r.uvarint() - 1 : wide ? r.int32() : r.int16();
  if (n < -1) throw new ProtocolError(`negative length ${n}`);
  if (n > MAX_COUNT) throw new ProtocolError(`length ${n} too large`);
  return n;
}

function readValue(
  r: Reader,
  t: TypeSpec,
  v: number,
  flexible: boolean,
  f: FieldSpec,
  nullable = isNullable(f, v),
): unknown {
  if (t.kind === 'array') {
    const n = readCount(r, flexible, true);
    if (n < 0) {
      if (!nullable) throw new ProtocolError(`${f.name} is not nullable in version ${v}`);
      return null;
    }
    if (n > r.remaining)
      throw new ProtocolError(`${f.name}: ${n} elements cannot fit in ${r.remaining} bytes`);
    const out = new Array(n);
    for (let i = 0; i < n; i++) out[i] = readValue(r, t.of, v, flexible, f, false);
    return out;
  }
  if (t.kind === 'struct') {
    if (nullable && r.int8() < 0) return null;
    return readStruct(r, t.fields, v, flexible);
  }
  switch (t.name) {
    case 'bool':
      return r.int8() !== 0;
    case 'int8':
      return r.int8();
    case 'int16':
      return r.int16();
    case 'uint16':
      return r.uint16();
    case 'int32':
      return r.int32();
    case 'uint32':
      return r.uint32();
    case 'int64':
      return r.int64();
    case 'float64':
      return r.float64();
    case 'uuid':
      return uuidFromBytes(r.bytes(16));
    case 'string': {
      const n = readCount(r, flexible, false);
      if (n < 0) {
        if (!nullable) throw new ProtocolError(`${f.name} is not nullable in version ${v}`);
        return null;
      }
      return utf8(r.bytes(n));
    }
    case 'bytes':
    case 'records': {
      const n = readCount(r, flexible, true);
      if (n < 0) {
        if (!nullable && t.name !== 'records')
          throw new ProtocolError(`${f.name} is not nullable in version ${v}`);
        return null;
      }
      return r.bytes(n);
    }
  }
}

function readStruct(r: Reader, fields: readonly FieldSpec[], v: number, flexible: boolean): Msg {
  const out: Msg = {};
  let tagged: Map<number, FieldSpec> | null = null;
  for (const f of fields) {
    if (!inRange(f.versions, v)) {
      out[f.key] = defaultValue(f);
      continue;
    }
    if (isTagged(f, v)) {
      out[f.key] = defaultValue(f);
      if (!tagged) tagged = new Map();
      tagged.set(f.tag as number, f);
      continue;
    }
    out[f.key] = readValue(r, f.type, v, fieldFlexible(f, v, flexible), f);
  }
  if (flexible) readTaggedFields(r, tagged, out, v);
  return out;
}

function readTaggedFields(r: Reader, tagged: Map<number, FieldSpec> | null, out: Msg, v: number): void {
  const count = r.uvarint();
  if (count > r.remaining) throw new ProtocolError(`${count} tagged fields cannot fit`);
  let last = -1;
  for (let i = 0; i < count; i++) {
    const tag = r.uvarint();
    if (tag <= last) throw new ProtocolError(`tagged fields out of order (${tag} after ${last})`);
    last = tag;
    const size = r.uvarint();
    const body = r.bytes(size);
    const f = tagged?.get(tag);
    if (!f) continue; // unknown tags are skipped, as KIP-482 requires
    const inner = new Reader(body);
    out[f.key] = readValue(inner, f.type, v, true, f);
    if (inner.remaining !== 0)
      throw new ProtocolError(`tagged field ${f.name}: ${inner.remaining} bytes left over`);
  }
}

export function decodeFrom(r: Reader, schema: MessageSchema, v: number): Msg {
  return readStruct(r, schema.fields, v, isFlexible(schema, v));
}

export function decode(schema: MessageSchema, v: number, bytes: Uint8Array): Msg {
  const r = new Reader(bytes);
  const msg = decodeFrom(r, schema, v);
  if (r.remaining !== 0) throw new ProtocolError(`${schema.name} v${v}: ${r.remaining} trailing bytes`);
  return msg;
}

export type { Range };
