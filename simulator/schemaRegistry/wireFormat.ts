// Confluent's wire format (`AbstractKafkaSchemaSerDe`): byte 0 is the magic byte 0x00, bytes 1–4 the schema id as
// a big-endian int32, then the payload. Protobuf writes the message indexes between id and payload
// (`protobuf/MessageIndexes`): zig-zag varints, count first, then each index; the common `[0]` (first message of
// the file) is written as the single byte 0x00.

export const MAGIC_BYTE = 0x00;

/** Zig-zag varint (as `ByteUtils.writeVarint`): 0 → 00, -1 → 01, 1 → 02, 63 → 7e, 64 → 80 01. */
export function writeZigZagVarint(value: number, out: number[]): void {
  let v = ((value << 1) ^ (value >> 31)) >>> 0;
  while (v >= 0x80) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

export function readZigZagVarint(bytes: Uint8Array, pos: number): { value: number; next: number } | null {
  let result = 0;
  let shift = 0;
  let i = pos;
  while (i < bytes.length && shift <= 28) {
    const b = bytes[i++];
    result |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value: (result >>> 1) ^ -(result & 1), next: i };
    shift += 7;
  }
  return null;
}

/** `MessageIndexes.toByteArray`. */
export function encodeMessageIndexes(indexes: number[]): number[] {
  if (indexes.length === 1 && indexes[0] === 0) return [0x00];
  const out: number[] = [];
  writeZigZagVarint(indexes.length, out);
  for (const i of indexes) writeZigZagVarint(i, out);
  return out;
}

/** `MessageIndexes.readFrom`: a count of 0 means `[0]`. */
export function decodeMessageIndexes(
  bytes: Uint8Array,
  pos: number,
): { indexes: number[]; next: number } | null {
  const count = readZigZagVarint(bytes, pos);
  if (!count) return null;
  if (count.value === 0) return { indexes: [0], next: count.next };
  const indexes: number[] = [];
  let p = count.next;
  for (let k = 0; k < count.value; k++) {
    const v = readZigZagVarint(bytes, p);
    if (!v) return null;
    indexes.push(v.value);
    p = v.next;
  }
  return { indexes, next: p };
}

/** Magic byte + id (+ message indexes) + payload. */
export function frame(schemaId: number, payload: Uint8Array, messageIndexes?: number[]): Uint8Array {
  const head = [
    MAGIC_BYTE,
    (schemaId >>> 24) & 0xff,
    (schemaId >>> 16) & 0xff,
    (schemaId >>> 8) & 0xff,
    schemaId & 0xff,
  ];
  if (messageIndexes) head.push(...encodeMessageIndexes(messageIndexes));
  const out = new Uint8Array(head.length + payload.length);
  out.set(head, 0);
  out.set(payload, head.length);
  return out;
}

export type Unframed =
  | {
      ok: true;
      schemaId: number;
      messageIndexes: number[] | null;
      payloadOffset: number;
      payload: Uint8Array;
    }
  | { ok: false; message: string };

/** Reads the header (`AbstractKafkaSchemaSerDe.getByteBuffer`): anything not starting with 0x00 is refused. */
export function unframe(bytes: Uint8Array, withMessageIndexes: boolean): Unframed {
  if (bytes.length < 5 || bytes[0] !== MAGIC_BYTE) return { ok: false, message: 'Unknown magic byte!' };
  const schemaId = ((bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]) >>> 0;
  let offset = 5;
  let messageIndexes: number[] | null = null;
  if (withMessageIndexes) {
    const mi = decodeMessageIndexes(bytes, 5);
    if (!mi) return { ok: false, message: 'Invalid message indexes' };
    messageIndexes = mi.indexes;
    offset = mi.next;
  }
  return { ok: true, schemaId, messageIndexes, payloadOffset: offset, payload: bytes.subarray(offset) };
}

export const toHex = (bytes: ArrayLike<number>): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
