// Kafka's Uuid on the wire is 16 bytes; its text form (Uuid#toString) is URL-safe base64 without padding, which
// is also how the simulator writes topic ids.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX = new Map([...B64].map((c, i) => [c, i]));

export function uuidToBytes(id: string): Uint8Array {
  const out = new Uint8Array(16);
  if (id.length !== 22) throw new RangeError(`not a Kafka Uuid: ${id}`);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of id) {
    const x = INDEX.get(c);
    if (x === undefined) throw new RangeError(`not a Kafka Uuid: ${id}`);
    acc = (acc << 6) | x;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      if (o < 16) out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

export function uuidFromBytes(b: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const byte of b) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += B64[(acc >> bits) & 0x3f];
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B64[(acc << (6 - bits)) & 0x3f];
  return out;
}

export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';
