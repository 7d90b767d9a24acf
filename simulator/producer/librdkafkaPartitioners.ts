// librdkafka's partitioners (rdkafka_msg.c, the `partitioner` property), for the console's kcat: its default
// is consistent_random, a CRC32 of the key, not the Java client's murmur2. The same key can therefore land in
// different partitions depending on which client produced it, which silently breaks co-partitioning.
import { partitionForKey } from './murmur2';

export type LibrdkafkaPartitioner =
  | 'random'
  | 'consistent'
  | 'consistent_random'
  | 'murmur2'
  | 'murmur2_random'
  | 'fnv1a'
  | 'fnv1a_random';

export const LIBRDKAFKA_PARTITIONERS: readonly LibrdkafkaPartitioner[] = [
  'random',
  'consistent',
  'consistent_random',
  'murmur2',
  'murmur2_random',
  'fnv1a',
  'fnv1a_random',
];

/** librdkafka's documented default (CONFIGURATION.md, `partitioner`). */
export const LIBRDKAFKA_DEFAULT_PARTITIONER: LibrdkafkaPartitioner = 'consistent_random';

const utf8 = (s: string) => new TextEncoder().encode(s);

let crcTable: Uint32Array | null = null;

/** CRC-32 (IEEE 802.3, the zlib polynomial 0xEDB88320), librdkafka's rd_crc32. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** FNV-1a, 32 bits (offset basis 0x811c9dc5, prime 0x01000193), librdkafka's rd_fnv1a. */
export function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/**
 * The partition librdkafka picks for a record with this key. The `_random` variants (and `random`) choose a
 * random partition for a null key; `randomPartition` is the simulation's seeded draw for that case.
 */
export function librdkafkaPartition(
  partitioner: LibrdkafkaPartitioner,
  key: string | null,
  partitions: number,
  randomPartition: () => number,
): number {
  if (partitioner === 'random') return randomPartition();
  if (key === null && partitioner.endsWith('_random')) return randomPartition();
  const bytes = utf8(key ?? '');
  if (partitioner === 'consistent' || partitioner === 'consistent_random') return crc32(bytes) % partitions;
  if (partitioner === 'fnv1a' || partitioner === 'fnv1a_random') return fnv1a(bytes) % partitions;
  // murmur2 / murmur2_random: the Java client's toPositive(murmur2(key)) % partitions.
  return partitionForKey(key ?? '', partitions);
}
