// A persistent (immutable, structurally shared) string-keyed map made of plain JSON objects: a hash array
// mapped trie. Task state must stay plain data and processRecord must return a new state without copying whole
// stores (a 100,000-entry store is copied on every write otherwise); a write here copies one path of at most
// seven small nodes. The shape is canonical for a given key set, so two maps with equal entries are deep-equal.

type Leaf<V> = { h: number; k: string; v: V };
type Collision<V> = { h: number; e: Array<[string, V]> };
type Branch<V> = { b: number; c: Array<PNode<V>> };
type PNode<V> = Leaf<V> | Collision<V> | Branch<V>;

/** The map: entry count and the trie root (null when empty). Treat as opaque; use the functions below. */
export type PMap<V> = { n: number; r: PNode<V> | null };

const EMPTY: PMap<never> = { n: 0, r: null };

export function emptyMap<V>(): PMap<V> {
  return EMPTY as PMap<V>;
}

/** FNV-1a over UTF-16 code units: deterministic and fast; collisions are handled, not assumed away. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function isBranch<V>(n: PNode<V>): n is Branch<V> {
  return (n as Branch<V>).b !== undefined;
}

function isLeaf<V>(n: PNode<V>): n is Leaf<V> {
  return (n as Leaf<V>).k !== undefined;
}

export function mapGet<V>(map: PMap<V>, key: string): V | undefined {
  let node = map.r;
  if (node === null) return undefined;
  const h = hashOf(key);
  let shift = 0;
  for (;;) {
    if (isBranch(node)) {
      const bit = 1 << ((h >>> shift) & 31);
      if ((node.b & bit) === 0) return undefined;
      node = node.c[popcount(node.b & (bit - 1))];
      shift += 5;
    } else if (isLeaf(node)) {
      return node.k === key ? node.v : undefined;
    } else {
      if (node.h !== h) return undefined;
      for (const [k, v] of node.e) if (k === key) return v;
      return undefined;
    }
  }
}

export function mapHas<V>(map: PMap<V>, key: string): boolean {
  return mapGet(map, key) !== undefined;
}

/** Two nodes with different hashes below `shift`: the smallest chain of branches that separates them. */
function join<V>(a: Leaf<V> | Collision<V>, b: Leaf<V> | Collision<V>, shift: number): Branch<V> {
  const ia = (a.h >>> shift) & 31;
  const ib = (b.h >>> shift) & 31;
  if (ia === ib) return { b: 1 << ia, c: [join(a, b, shift + 5)] };
  return ia < ib ? { b: (1 << ia) | (1 << ib), c: [a, b] } : { b: (1 << ia) | (1 << ib), c: [b, a] };
}

let added = false;

function insert<V>(node: PNode<V> | null, shift: number, h: number, k: string, v: V): PNode<V> {
  if (node === null) {
    added = true;
    return { h, k, v };
  }
  if (isBranch(node)) {
    const bit = 1 << ((h >>> shift) & 31);
    const idx = popcount(node.b & (bit - 1));
    const c = node.c.slice();
    if ((node.b & bit) === 0) {
      added = true;
      c.splice(idx, 0, { h, k, v });
      return { b: node.b | bit, c };
    }
    c[idx] = insert(c[idx], shift + 5, h, k, v);
    return { b: node.b, c };
  }
  if (isLeaf(node)) {
    if (node.k === k) return { h, k, v };
    added = true;
    if (node.h === h) {
      const e: Array<[string, V]> =
        node.k < k
          ? [
              [node.k, node.v],
              [k, v],
            ]
          : [
              [k, v],
              [node.k, node.v],
            ];
      return { h, e };
    }
    return join(node, { h, k, v }, shift);
  }
  if (node.h === h) {
    const e = node.e.slice();
    const at = e.findIndex(([ek]) => ek >= k);
    if (at >= 0 && e[at][0] === k) e[at] = [k, v];
    else {
      added = true;
      e.splice(at < 0 ? e.length : at, 0, [k, v]);
    }
    return { h, e };
  }
  added = true;
  return join(node, { h, k, v }, shift);
}

export function mapSet<V>(map: PMap<V>, key: string, value: V): PMap<V> {
  added = false;
  const r = insert(map.r, 0, hashOf(key), key, value);
  return { n: added ? map.n + 1 : map.n, r };
}

let removed = false;

function remove<V>(node: PNode<V>, shift: number, h: number, k: string): PNode<V> | null {
  if (isBranch(node)) {
    const bit = 1 << ((h >>> shift) & 31);
    if ((node.b & bit) === 0) return node;
    const idx = popcount(node.b & (bit - 1));
    const child = remove(node.c[idx], shift + 5, h, k);
    if (!removed) return node;
    if (child === null) {
      const b = node.b & ~bit;
      if (b === 0) return null;
      const c = node.c.slice();
      c.splice(idx, 1);
      // Canonical shape: a branch never holds a single leaf or collision; that child moves up.
      if (c.length === 1 && !isBranch(c[0])) return c[0];
      return { b, c };
    }
    if (node.c.length === 1 && !isBranch(child)) return child;
    const c = node.c.slice();
    c[idx] = child;
    return { b: node.b, c };
  }
  if (isLeaf(node)) {
    if (node.k !== k) return node;
    removed = true;
    return null;
  }
  if (node.h !== h) return node;
  const at = node.e.findIndex(([ek]) => ek === k);
  if (at < 0) return node;
  removed = true;
  const e = node.e.slice();
  e.splice(at, 1);
  if (e.length === 1) return { h: node.h, k: e[0][0], v: e[0][1] };
  return { h: node.h, e };
}

export function mapDelete<V>(map: PMap<V>, key: string): PMap<V> {
  if (map.r === null) return map;
  removed = false;
  const r = remove(map.r, 0, hashOf(key), key);
  if (!removed) return map;
  return { n: map.n - 1, r };
}

function walk<V>(node: PNode<V>, fn: (k: string, v: V) => void): void {
  if (isBranch(node)) for (const c of node.c) walk(c, fn);
  else if (isLeaf(node)) fn(node.k, node.v);
  else for (const [k, v] of node.e) fn(k, v);
}

/** Visits every entry in trie order (deterministic, not sorted). */
export function mapForEach<V>(map: PMap<V>, fn: (key: string, value: V) => void): void {
  if (map.r !== null) walk(map.r, fn);
}

/** Entries sorted by key (String#compareTo order), for views, changelog dumps and tests. */
export function mapEntries<V>(map: PMap<V>): Array<[string, V]> {
  const out: Array<[string, V]> = [];
  mapForEach(map, (k, v) => {
    out.push([k, v]);
  });
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function mapSize<V>(map: PMap<V>): number {
  return map.n;
}

export function mapFromEntries<V>(entries: Iterable<readonly [string, V]>): PMap<V> {
  let m = emptyMap<V>();
  for (const [k, v] of entries) m = mapSet(m, k, v);
  return m;
}
