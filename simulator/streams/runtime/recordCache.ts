// The record cache in front of aggregation and table stores (statestore.cache.max.bytes; CachingKeyValueStore,
// CachingWindowStore, NamedCache, TimestampedCacheFlushListener). With the cache on, an update stays in the cache:
// nothing goes downstream and nothing to the changelog until the cache is flushed - at commit
// (commit.interval.ms) or when the cache is over its size and evicts its least recently written entry. Then the
// latest value per key is written to the store and its changelog and forwarded once, as (new<-old) with old =
// the value the store had before. So consecutive updates of one key collapse into one.
//
// Simplified: the budget is per task (Kafka divides the bytes among stream threads, shared by their tasks);
// entry sizes are estimated as key + value characters + 40 bytes of overhead; only key-value aggregations,
// materialized table sources and tumbling/hopping window aggregations are cached (session and sliding window
// stores are written through).

import { emptyMap, mapDelete, mapForEach, mapGet, mapSet, type PMap } from '../persistentMap';
import type { Exec, Rec } from './exec';
import type { Key } from './types';

export type CacheEntry = {
  /** The key in the store (a record key, or `[key@start/end]` for a window store). */
  sk: string;
  /** The record key to forward with. */
  key: Key;
  v: string | null;
  t: number;
  /** Write order (least recently written is evicted first; flush goes in this order). */
  q: number;
};

export type StoreCache = { map: PMap<CacheEntry>; bytes: number };

export const CACHE_ENTRY_OVERHEAD_BYTES = 40;

export function entryBytes(e: { sk: string; v: string | null }): number {
  return e.sk.length + (e.v?.length ?? 0) + CACHE_ENTRY_OVERHEAD_BYTES;
}

/** Writes a cached store key through to the store, its changelog and downstream (the flush listener). */
export type FlushFn = (x: Exec, e: CacheEntry) => void;

export function cacheOf(x: Exec, store: string): StoreCache {
  return x.task.caches?.[store] ?? { map: emptyMap(), bytes: 0 };
}

function setCache(x: Exec, store: string, c: StoreCache): void {
  x.task.caches = { ...(x.task.caches ?? {}), [store]: c };
}

export function cacheGet(x: Exec, store: string, sk: string): CacheEntry | undefined {
  const c = x.task.caches?.[store];
  return c ? mapGet(c.map, sk) : undefined;
}

function totalBytes(x: Exec): number {
  let b = 0;
  for (const c of Object.values(x.task.caches ?? {})) b += c.bytes;
  return b;
}

/** Puts an update into the cache, then evicts (flushes) the oldest entries while the cache is over budget. */
export function cachePut(x: Exec, store: string, e: Omit<CacheEntry, 'q'>): void {
  const c = cacheOf(x, store);
  const old = mapGet(c.map, e.sk);
  const q = x.task.cacheSeq ?? 0;
  x.task.cacheSeq = q + 1;
  const entry: CacheEntry = { ...e, q };
  setCache(x, store, {
    map: mapSet(c.map, e.sk, entry),
    bytes: c.bytes - (old ? entryBytes(old) : 0) + entryBytes(entry),
  });
  while (totalBytes(x) > x.cacheMaxBytes) {
    const victim = oldest(x);
    if (!victim) break;
    evict(x, victim.store, victim.entry);
    x.flushers.get(victim.store)?.(x, victim.entry);
  }
}

function oldest(x: Exec): { store: string; entry: CacheEntry } | null {
  let best: { store: string; entry: CacheEntry } | null = null;
  for (const [store, c] of Object.entries(x.task.caches ?? {})) {
    mapForEach(c.map, (_k, e) => {
      if (best === null || e.q < best.entry.q) best = { store, entry: e };
    });
  }
  return best;
}

function evict(x: Exec, store: string, e: CacheEntry): void {
  const c = cacheOf(x, store);
  setCache(x, store, { map: mapDelete(c.map, e.sk), bytes: c.bytes - entryBytes(e) });
}

/** Flushes every cached entry in write order (what a commit does before committing offsets). */
export function flushAll(x: Exec): void {
  const all: Array<{ store: string; entry: CacheEntry }> = [];
  for (const [store, c] of Object.entries(x.task.caches ?? {}))
    mapForEach(c.map, (_k, e) => all.push({ store, entry: e }));
  all.sort((a, b) => a.entry.q - b.entry.q || (a.store < b.store ? -1 : 1));
  x.task.caches = {};
  for (const { store, entry } of all) x.flushers.get(store)?.(x, entry);
}

export function recOf(e: CacheEntry, old: string | null): Rec {
  return { key: e.key, value: e.v, old, ts: e.t };
}
