// Byte-level reading and writing for the Kafka wire protocol (protocol.html "Protocol Primitive Types"): big-endian
// fixed-width integers, unsigned varints (compact lengths, tag numbers) and zig-zag varints/varlongs (record
// batch v2, as Protobuf). Pure: Uint8Array + DataView only, so it runs in a browser as well as in Node.

/** A malformed or truncated frame: the server closes that connection and nothing else happens. */
export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

export function utf8(bytes: Uint8Array): string {
  return utf8Decoder.decode(bytes);
}
export function utf8Bytes(s: string): Uint8Array {
  return utf8Encoder.encode(s);
}

export class Reader {
  pos = 0;
  private readonly view: DataView;
  constructor(
    readonly buf: Uint8Array,
    private readonly end = buf.length,
  ) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): number {
    if (n < 0 || this.pos + n > this.end)
      throw new ProtocolError(`truncated: need ${n} bytes at ${this.pos}, ${this.remaining} left`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(): number {
    return this.view.getInt8(this.need(1));
  }
  uint8(): number {
    return this.view.getUint8(this.need(1));
  }
  int16(): number {
    return this.view.getInt16(this.need(2));
  }
  uint16(): number {
    return this.view.getUint16(this.need(2));
  }
  int32(): number {
    return this.view.getInt32(this.need(4));
  }
  uint32(): number {
    return this.view.getUint32(this.need(4));
  }
  /** int64 as a JS number: exact within ±2^53, which covers offsets, timestamps and producer ids in practice. */
  int64(): number {
    return Number(this.view.getBigInt64(this.need(8)));
  }
  float64(): number {
    return this.view.getFloat64(this.need(8));
  }
  bytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.buf.subarray(at, at + n);
  }

  /** Unsigned varint up to 32 bits (compact lengths, tagged-field tags and sizes). */
  uvarint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.uint8();
      if (shift === 28 && b > 0x0f) throw new ProtocolError('unsigned varint longer than 32 bits');
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  }

  /** Zig-zag varint (32-bit). */
  varint(): number {
    const u = this.uvarint();
    return u % 2 === 0 ? u / 2 : -(u + 1) / 2;
  }

  /** Zig-zag varlong (64-bit), as a JS number. */
  varlong(): number {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const b = this.uint8();
      if (shift > 63n) throw new ProtocolError('varlong longer than 64 bits');
      result |= BigInt(b & 0x7f) << shift;
      if ((b & 0x80) === 0) break;
      shift += 7n;
    }
    return Number((result >> 1n) ^ -(result & 1n));
  }
}

export class Writer {
  private buf: Uint8Array;
  private view: DataView;
  pos = 0;
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  private room(n: number): number {
    if (this.pos + n > this.buf.length) {
      let size = this.buf.length * 2;
      while (size < this.pos + n) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.buf.subarray(0, this.pos));
      this.buf = next;
      this.view = new DataView(next.buffer);
    }
    const at = this.pos;
    this.pos += n;
    return at;
  }

  int8(v: number): this {
    const at = this.room(1);
    this.view.setInt8(at, v);
    return this;
  }
  uint8(v: number): this {
    const at = this.room(1);
    this.view.setUint8(at, v);
    return this;
  }
  int16(v: number): this {
    const at = this.room(2);
    this.view.setInt16(at, v);
    return this;
  }
  uint16(v: number): this {
    const at = this.room(2);
    this.view.setUint16(at, v);
    return this;
  }
  int32(v: number): this {
    const at = this.room(4);
    this.view.setInt32(at, v);
    return this;
  }
  uint32(v: number): this {
    const at = this.room(4);
    this.view.setUint32(at, v >>> 0);
    return this;
  }
  int64(v: number): this {
    const at = this.room(8);
    this.view.setBigInt64(at, BigInt(v));
    return this;
  }
  float64(v: number): this {
    const at = this.room(8);
    this.view.setFloat64(at, v);
    return this;
  }
  bytes(b: Uint8Array): this {
    const at = this.room(b.length);
    this.buf.set(b, at);
    return this;
  }
  uvarint(v: number): this {
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new RangeError(`uvarint out of range: ${v}`);
    let n = v;
    while (n >= 0x80) {
      this.uint8((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    return this.uint8(n);
  }
  varint(v: number): this {
    return this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }
  varlong(v: number): this {
    const b = BigInt(v);
    let z = BigInt.asUintN(64, (b << 1n) ^ (b >> 63n));
    while (z >= 0x80n) {
      this.uint8(Number(z & 0x7fn) | 0x80);
      z >>= 7n;
    }
    return this.uint8(Number(z));
  }

  /** Reserve `n` bytes to fill in later (lengths, CRCs); returns their position. */
  reserve(n: number): number {
    return this.room(n);
  }
  setInt32At(at: number, v: number): void {
    this.view.setInt32(at, v);
  }
  setUint32At(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0);
  }

  /** The bytes written so far (a view, valid until the next write). */
  view_(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
  /** A copy of the bytes written so far. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.pos);
  }
}
