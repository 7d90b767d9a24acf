import { describe, expect, it } from 'vitest';
import { murmur2, partitionForKey, toPositive } from './murmur2';

describe('murmur2 (Utils#murmur2) against Kafka test vectors', () => {
  it.each([
    ['21', -973932308],
    ['foobar', -790332482],
    ['a-little-bit-long-string', -985981536],
    ['a-little-bit-longer-string', -1486304829],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
    ['abc', 479470107],
  ])('UtilsTest#testMurmur2 vector %s → %i', (key, expected) => {
    expect(murmur2(key)).toBe(expected);
    expect(murmur2(new TextEncoder().encode(key))).toBe(expected);
  });

  it.each([
    ['0', 971027396],
    ['1', -1993445489],
    ['128', -326012175],
    ['2187', -1508407203],
    ['16384', -325739742],
    ['78125', -1654490814],
    ['279936', 1462227128],
    ['823543', -2014198330],
    ['2097152', 607668903],
    ['4782969', -1182699775],
    ['10000000', -1830336757],
    ['19487171', -1603849305],
    ['35831808', -857013643],
    ['62748517', -1167431028],
    ['105413504', -381294639],
    ['170859375', -1658323481],
    ['100:48069', 1009543857],
  ])('Java-generated vector %s → %i (not the legacy JS-arithmetic hash)', (key, expected) => {
    expect(murmur2(key)).toBe(expected);
  });

  it('hashes the UTF-8 bytes of the key (StringSerializer), so non-ASCII keys match their encoded bytes', () => {
    const key = 'clé-ünïcødé-😀';
    expect(murmur2(key)).toBe(murmur2(new TextEncoder().encode(key)));
  });

  it('toPositive masks the sign bit instead of Math.abs', () => {
    expect(toPositive(-973932308)).toBe(1173551340);
    expect(toPositive(-2147483648)).toBe(0);
  });

  it.each([
    ['21', 3, 0],
    ['foobar', 4, 2],
    ['foobar', 10, 6],
    ['a-little-bit-longer-string', 6, 5],
    ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', 10, 7],
    ['abc', 4, 3],
    ['key', 3, 1],
    ['key1', 3, 2],
    ['user-1', 4, 0],
    ['alice', 3, 0],
  ])('partitionForKey(%s) over %i partitions is %i (toPositive(murmur2) %% numPartitions)', (key, n, p) => {
    expect(partitionForKey(key, n)).toBe(p);
  });
});
