// A record's bytes annotated for the wire-format view: which bytes are the magic byte, the schema id, the Protobuf
// message indexes, and which payload bytes hold which field (Avro: each top-level field decoded in order with
// avsc; Protobuf: each tag/length/value read from the wire; JSON: the UTF-8 text).
import { avroBuffer, type Formats } from './formats';
import { parseSchema } from './parsedSchema';
import { messageNameAt } from './protobuf/protoSchema';
import type { RegistryState, SchemaType } from './types';
import { toHex, unframe } from './wireFormat';

export type BytePart = 'magic' | 'schemaId' | 'messageIndexes' | 'payload' | 'field';

export interface ByteSpan {
  /** First byte (inclusive) and end (exclusive) offsets into the record value. */
  start: number;
  end: number;
  part: BytePart;
  label: string;
  hex: string;
}

function span(bytes: Uint8Array, start: number, end: number, part: BytePart, label: string): ByteSpan {
  return { start, end, part, label, hex: toHex(bytes.subarray(start, end)) };
}

function readVarint(bytes: Uint8Array, pos: number): { value: number; next: number } | null {
  let result = 0;
  let shift = 0;
  let i = pos;
  while (i < bytes.length && shift < 35) {
    const b = bytes[i++];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return { value: result, next: i };
    shift += 7;
  }
  return null;
}

/** Annotates a serialized record value. Unknown ids or undecodable payloads yield the header and one payload span. */
export function describeRecordBytes(
  formats: Formats,
  state: RegistryState,
  bytes: Uint8Array,
  schemaType: SchemaType,
): ByteSpan[] {
  const header = unframe(bytes, schemaType === 'PROTOBUF');
  if (!header.ok)
    return [span(bytes, 0, bytes.length, 'payload', `not the Confluent wire format: ${header.message}`)];
  const spans: ByteSpan[] = [
    span(bytes, 0, 1, 'magic', 'magic byte 0 (Confluent wire format)'),
    span(bytes, 1, 5, 'schemaId', `schema id ${header.schemaId} (4 bytes, big-endian)`),
  ];
  if (header.messageIndexes) {
    spans.push(
      span(
        bytes,
        5,
        header.payloadOffset,
        'messageIndexes',
        header.messageIndexes.length === 1 && header.messageIndexes[0] === 0
          ? 'message indexes [0]: the first message of the .proto (written as the single byte 00)'
          : `message indexes [${header.messageIndexes.join(', ')}] (zig-zag varints: count, then each index)`,
      ),
    );
  }
  const start = header.payloadOffset;
  const whole = () => [
    ...spans,
    span(bytes, start, bytes.length, 'payload', `${schemaType} payload (${bytes.length - start} bytes)`),
  ];
  const entry = state.schemas.find((s) => s.id === header.schemaId);
  if (!entry) return whole();
  const parsed = parseSchema(formats, entry.schemaType, entry.schema);
  if (!parsed.ok) return whole();
  const p = parsed.value;
  try {
    if (p.schemaType === 'AVRO') {
      const fields = (
        p.type as unknown as {
          fields?: {
            name: string;
            type: { decode(b: unknown, pos: number): { value: unknown; offset: number } };
          }[];
        }
      ).fields;
      if (!fields) return whole();
      const buf = avroBuffer(formats, bytes);
      let pos = start;
      for (const f of fields) {
        const r = f.type.decode(buf, pos);
        if (r.offset < 0) return whole();
        spans.push(
          span(bytes, pos, r.offset, 'field', `${f.name} = ${JSON.stringify(r.value)} (Avro binary)`),
        );
        pos = r.offset;
      }
      return spans;
    }
    if (p.schemaType === 'PROTOBUF') {
      const messageName = messageNameAt(p.file, header.messageIndexes ?? [0]);
      const type = messageName ? p.root.lookupType(messageName) : null;
      const WIRE = ['varint', '64-bit', 'length-delimited', '', '', '32-bit'];
      let pos = start;
      while (pos < bytes.length) {
        const key = readVarint(bytes, pos);
        if (!key) return whole();
        const tag = Math.floor(key.value / 8);
        const wireType = key.value % 8;
        let end: number;
        if (wireType === 0) end = (readVarint(bytes, key.next) ?? { next: bytes.length }).next;
        else if (wireType === 1) end = key.next + 8;
        else if (wireType === 5) end = key.next + 4;
        else if (wireType === 2) {
          const len = readVarint(bytes, key.next);
          if (!len) return whole();
          end = len.next + len.value;
        } else return whole();
        const field = type?.fieldsById[tag];
        spans.push(
          span(
            bytes,
            pos,
            Math.min(end, bytes.length),
            'field',
            `${field ? `${field.name} ` : ''}field number ${tag}, ${WIRE[wireType]} (key byte ${toHex(bytes.subarray(pos, key.next))})`,
          ),
        );
        pos = end;
      }
      return spans;
    }
    return [
      ...spans,
      span(
        bytes,
        start,
        bytes.length,
        'payload',
        `JSON text (UTF-8): ${new TextDecoder().decode(bytes.subarray(start))}`,
      ),
    ];
  } catch {
    return whole();
  }
}
