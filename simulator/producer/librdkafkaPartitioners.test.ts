import { describe, expect, it } from 'vitest';
import { crc32, fnv1a, librdkafkaPartition } from './librdkafkaPartitioners';

const enc = (s: string) => new TextEncoder().encode(s);
const never = () => {
  throw new Error('no random draw expected');
};

describe("librdkafka's partitioners (kcat's -X partitioner)", () => {
  it('CRC-32 and FNV-1a match their standard check values', () => {
    expect(crc32(enc('123456789'))).toBe(0xcbf43926);
    expect(fnv1a(enc(''))).toBe(0x811c9dc5);
    expect(fnv1a(enc('a'))).toBe(0xe40c292c);
  });

  it('the default consistent_random hashes with CRC32: user-1 → 2 but user-2 → 1 on 3 partitions (measured with kcat 1.7.1)', () => {
    expect(librdkafkaPartition('consistent_random', 'user-1', 3, never)).toBe(2);
    expect(librdkafkaPartition('consistent_random', 'user-2', 3, never)).toBe(1);
  });

  it('murmur2_random matches the Java client: user-1 and user-2 both → 2 on 3 partitions', () => {
    expect(librdkafkaPartition('murmur2_random', 'user-1', 3, never)).toBe(2);
    expect(librdkafkaPartition('murmur2_random', 'user-2', 3, never)).toBe(2);
  });

  it('null keys: the _random partitioners draw a random partition, consistent hashes the empty key', () => {
    expect(librdkafkaPartition('consistent_random', null, 3, () => 1)).toBe(1);
    expect(librdkafkaPartition('consistent', null, 3, never)).toBe(0);
  });
});
