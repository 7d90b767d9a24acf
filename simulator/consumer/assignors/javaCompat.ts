// Java behaviours Kafka's results depend on, reproduced bit for bit: String.hashCode,
// org.apache.kafka.common.utils.Utils.abs, String.compareTo and java.util.HashMap iteration order.

/** java.lang.String#hashCode over UTF-16 code units, with 32-bit overflow. */
export function javaStringHashCode(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** Utils.abs: like Math.abs but maps Integer.MIN_VALUE to 0 (so the result is never negative). */
export function kafkaUtilsAbs(n: number): number {
  return n === -2147483648 ? 0 : Math.abs(n);
}

/** String#compareTo: lexicographic over UTF-16 code units (what JS relational operators do). */
export function javaCompareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** TopicPartition#hashCode (prime 31 over partition then topic). */
export function javaTopicPartitionHash(topic: string, partition: number): number {
  return (Math.imul(31, 31 + partition) + javaStringHashCode(topic)) | 0;
}

/** HashMap.hash(): spreads the high bits into the low ones. */
function spread(h: number): number {
  return (h ^ (h >>> 16)) | 0;
}

/** Table size a HashMap reaches after holding `maxSize` entries (default capacity 16, load factor 0.75). */
export function javaHashMapCapacity(maxSize: number): number {
  let cap = 16;
  while (maxSize > cap * 0.75) cap *= 2;
  return cap;
}

/**
 * The order in which a java.util.HashMap (or HashSet) iterates keys that were inserted in the given order:
 * by bucket index, then insertion order within a bucket (resizes keep the relative order inside a bucket).
 * Several Kafka assignors iterate HashMaps, so ties between members resolve in this order.
 */
export function javaHashOrder<T>(
  keysInInsertionOrder: readonly T[],
  hash: (k: T) => number,
  maxSize?: number,
): T[] {
  const mask = javaHashMapCapacity(maxSize ?? keysInInsertionOrder.length) - 1;
  return keysInInsertionOrder
    .map((k, i) => ({ k, i, b: spread(hash(k)) & mask }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

/** HashMap<String, ...> key iteration order. */
export function javaHashMapKeyOrder(keysInInsertionOrder: readonly string[]): string[] {
  return javaHashOrder(keysInInsertionOrder, javaStringHashCode);
}
