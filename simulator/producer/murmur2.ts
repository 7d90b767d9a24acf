// Kafka's default partitioner hash (Utils#murmur2 / #toPositive), 32-bit wrapping arithmetic via Math.imul.
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

function murmur2Of(length: number, byteAt: (i: number) => number): number {
  let h = SEED ^ length;
  const blocks = length >> 2;
  for (let i = 0; i < blocks; i++) {
    const o = i << 2;
    // 4 bytes read little-endian, each as unsigned.
    let k = byteAt(o) | (byteAt(o + 1) << 8) | (byteAt(o + 2) << 16) | (byteAt(o + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = blocks << 2;
  // Tail: 3, 2 or 1 leftover bytes (Kafka's switch falls through from the highest), then one multiply.
  const rest = length & 3;
  if (rest >= 3) h ^= byteAt(tail + 2) << 16;
  if (rest >= 2) h ^= byteAt(tail + 1) << 8;
  if (rest >= 1) {
    h ^= byteAt(tail);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** murmur2 of the bytes (strings are serialized as UTF-8, like StringSerializer); signed int32. */
export function murmur2(input: string | Uint8Array): number {
  if (typeof input !== 'string') return murmur2Of(input.length, (i) => input[i] & 0xff);
  for (let i = 0; i < input.length; i++) {
    if (input.charCodeAt(i) >= 0x80) {
      const bytes = new TextEncoder().encode(input);
      return murmur2Of(bytes.length, (j) => bytes[j]);
    }
  }
  // Pure ASCII: the char codes are the UTF-8 bytes (no allocation on the hot path).
  return murmur2Ascii(input);
}

/** murmur2Of specialised to an ASCII string (same arithmetic, no per-byte callback: the producer's hot path). */
function murmur2Ascii(s: string): number {
  const length = s.length;
  let h = SEED ^ length;
  const blocks = length >> 2;
  for (let i = 0; i < blocks; i++) {
    const o = i << 2;
    let k =
      s.charCodeAt(o) |
      (s.charCodeAt(o + 1) << 8) |
      (s.charCodeAt(o + 2) << 16) |
      (s.charCodeAt(o + 3) << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M);
    h ^= k;
  }
  const tail = blocks << 2;
  const rest = length & 3;
  if (rest >= 3) h ^= s.charCodeAt(tail + 2) << 16;
  if (rest >= 2) h ^= s.charCodeAt(tail + 1) << 8;
  if (rest >= 1) {
    h ^= s.charCodeAt(tail);
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Utils#toPositive: clears the sign bit (not Math.abs). */
export const toPositive = (n: number): number => n & 0x7fffffff;

/** BuiltInPartitioner#partitionForKey: over all partitions of the topic, available or not. */
export function partitionForKey(key: string | Uint8Array, numPartitions: number): number {
  return toPositive(murmur2(key)) % numPartitions;
}
