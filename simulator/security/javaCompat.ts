// JVM behaviours that decide what Kafka's tools print: String.hashCode, java.util.HashMap iteration order
// with an initial capacity, Double.toString, String.split, and the iteration order of Scala 2.13's immutable
// HashSet (CHAMP trie). Kept here (not shared) so the security core has no dependency on other areas.

/** java.lang.String#hashCode over UTF-16 code units, with 32-bit overflow. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** HashMap#tableSizeFor: the smallest power of two ≥ cap (at least 1). */
function tableSizeFor(cap: number): number {
  let n = 1;
  while (n < cap) n *= 2;
  return n;
}

/**
 * The order a java.util.HashMap iterates keys put in the given order: by bucket (spread hash & (capacity-1)),
 * insertion order inside a bucket (resizes split buckets keeping relative order). `initialCapacity` is the
 * constructor argument (`new HashMap<>(n)`), or undefined for `new HashMap<>()` (16). Load factor 0.75.
 */
export function javaHashMapOrder<T>(
  keys: readonly T[],
  hash: (k: T) => number,
  initialCapacity?: number,
): T[] {
  let cap = initialCapacity === undefined ? 16 : tableSizeFor(initialCapacity);
  let threshold = Math.floor(cap * 0.75);
  for (let size = 1; size <= keys.length; size++) {
    if (size > threshold) {
      cap *= 2;
      threshold = Math.floor(cap * 0.75);
    }
  }
  const mask = cap - 1;
  return keys
    .map((k, i) => {
      const h = hash(k);
      return { k, i, b: (h ^ (h >>> 16)) & mask };
    })
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}

/** AbstractMap#hashCode of a Map<String, String> (null values hash to 0). */
export function javaStringMapHash(entries: ReadonlyArray<readonly [string, string | null]>): number {
  let h = 0;
  for (const [k, v] of entries) h = (h + (javaStringHash(k) ^ (v === null ? 0 : javaStringHash(v)))) | 0;
  return h;
}

/** java.lang.Double#toString: plain notation in [1e-3, 1e7), else d.dddE±n; always one fractional digit. */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Number.POSITIVE_INFINITY) return 'Infinity';
  if (d === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const abs = Math.abs(d);
  // toExponential() without an argument gives the shortest digits that round-trip, as Java does.
  const [mantissa, expText] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exp >= 0) {
      const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
      const frac = digits.slice(exp + 1);
      return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
    }
    return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  }
  const frac = digits.slice(1);
  return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${exp}`;
}

/**
 * java.lang.String#split(regex, limit) for limit 0 (trailing empty strings removed) or negative (kept).
 * A zero-width match at the start never yields a leading empty string (Java 8+).
 */
export function javaSplit(s: string, regex: RegExp, limit = 0): string[] {
  const re = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  const parts: string[] = [];
  let index = 0;
  for (const m of s.matchAll(re)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (index === 0 && start === 0 && end === 0) continue; // Pattern#split: no empty leading substring
    parts.push(s.slice(index, start));
    index = end;
  }
  if (index === 0) return [s];
  parts.push(s.slice(index));
  if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/** scala.collection.Hashing#improve (Scala 2.13 CHAMP collections). */
function scalaImprove(hcode: number): number {
  let h = (hcode + ~(hcode << 9)) | 0;
  h ^= h >>> 14;
  h = (h + (h << 4)) | 0;
  return h ^ (h >>> 10);
}

type ChampNode = { payload: Array<{ bit: number; value: string }>; children: Map<number, string[]> };

/**
 * Iteration order of a Scala 2.13 immutable Set[String]: insertion order up to 4 elements (Set1..Set4),
 * beyond that the CHAMP trie's pre-order (a node's own elements by 5-bit hash fragment, then its sub-nodes).
 * Derived from the trie layout in scala.collection.immutable.HashSet; used for the order of names in tool
 * messages built from Scala Sets.
 */
export function scalaSetOrder(values: readonly string[]): string[] {
  const unique = [...new Set(values)];
  if (unique.length <= 4) return unique;
  const walk = (items: string[], shift: number): string[] => {
    if (shift >= 32) return items; // full hash collision: HashCollisionSetNode keeps insertion order
    const node: ChampNode = { payload: [], children: new Map() };
    const byFragment = new Map<number, string[]>();
    for (const v of items) {
      const frag = (scalaImprove(javaStringHash(v)) >>> shift) & 0x1f;
      byFragment.set(frag, [...(byFragment.get(frag) ?? []), v]);
    }
    for (const [frag, group] of byFragment) {
      if (group.length === 1) node.payload.push({ bit: frag, value: group[0] });
      else node.children.set(frag, group);
    }
    const own = node.payload.sort((a, b) => a.bit - b.bit).map((p) => p.value);
    const subs = [...node.children.entries()]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([, g]) => walk(g, shift + 5));
    return [...own, ...subs];
  };
  return walk(unique, 0);
}
