// State stores as persistent values: every write returns a new store and leaves the old one untouched.
// Retention follows Kafka's in-memory window/session stores (InMemoryWindowStore, InMemorySessionStore): a store
// keeps its own observed stream time and treats windows older than the retention period as gone. Kafka's
// default RocksDB stores drop whole segments instead, so there an expired window may linger a little longer.

import { emptyMap, mapDelete, mapEntries, mapGet, mapSet } from '../persistentMap';
import type { StoreSpec } from '../topology/types';
import type {
  BufferEntry,
  JoinEntry,
  KvEntry,
  OuterEntry,
  SessionEntry,
  StoreState,
  WindowEntry,
} from './types';

function retentionOf(spec: StoreSpec): number {
  return spec.retentionMs ?? Number.MAX_SAFE_INTEGER;
}

export function emptyStore(spec: StoreSpec): StoreState {
  switch (spec.type) {
    case 'keyValue':
      return { type: 'keyValue', map: emptyMap() };
    case 'window':
      return { type: 'window', retentionMs: retentionOf(spec), streamTime: -1, map: emptyMap() };
    case 'session':
      return { type: 'session', retentionMs: retentionOf(spec), streamTime: -1, map: emptyMap() };
    case 'joinWindow':
      return { type: 'joinWindow', retentionMs: retentionOf(spec), streamTime: -1, seq: 0, map: emptyMap() };
    case 'outerJoin':
      return { type: 'outerJoin', map: emptyMap() };
    case 'suppress':
      return { type: 'suppress', entries: [] };
  }
}

type Kv = Extract<StoreState, { type: 'keyValue' }>;
type Win = Extract<StoreState, { type: 'window' }>;
type Ses = Extract<StoreState, { type: 'session' }>;
type Jw = Extract<StoreState, { type: 'joinWindow' }>;
type Outer = Extract<StoreState, { type: 'outerJoin' }>;
type Sup = Extract<StoreState, { type: 'suppress' }>;

// ---- key-value ----

export function kvGet(s: StoreState, key: string): KvEntry | undefined {
  return mapGet((s as Kv).map, key);
}

/** put(key, null) deletes, like every Kafka KeyValueStore. */
export function kvPut(s: StoreState, key: string, value: string | null, t: number): StoreState {
  const kv = s as Kv;
  return {
    type: 'keyValue',
    map: value === null ? mapDelete(kv.map, key) : mapSet(kv.map, key, { v: value, t }),
  };
}

// ---- window (time and sliding windows) ----

function live(streamTime: number, retentionMs: number, start: number): boolean {
  return start > streamTime - retentionMs;
}

export function winFetch(
  s: StoreState,
  key: string,
  start: number,
  retentionMs: number,
): WindowEntry | undefined {
  const w = s as Win;
  if (!live(w.streamTime, retentionMs, start)) return undefined;
  return mapGet(w.map, key)?.find((e) => e.s === start);
}

/** Windows of `key` whose start is in [from, to], oldest first (WindowStore#fetch(key, key, from, to)). */
export function winFetchRange(
  s: StoreState,
  key: string,
  from: number,
  to: number,
  retentionMs: number,
): WindowEntry[] {
  const w = s as Win;
  const list = mapGet(w.map, key);
  if (!list) return [];
  return list.filter((e) => e.s >= from && e.s <= to && live(w.streamTime, retentionMs, e.s));
}

/** Returns the new store and whether the write was refused because the window is past retention. */
export function winPut(
  s: StoreState,
  key: string,
  start: number,
  end: number,
  value: string | null,
  t: number,
  retentionMs: number,
): { store: StoreState; expired: boolean } {
  const w = s as Win;
  const streamTime = Math.max(w.streamTime, start);
  if (!live(streamTime, retentionMs, start)) return { store: { ...w, streamTime }, expired: true };
  const old = mapGet(w.map, key) ?? [];
  const list = old.filter((e) => e.s !== start && live(streamTime, retentionMs, e.s));
  if (value !== null) {
    const at = list.findIndex((e) => e.s > start);
    list.splice(at < 0 ? list.length : at, 0, { s: start, e: end, v: value, t });
  }
  const map = list.length === 0 ? mapDelete(w.map, key) : mapSet(w.map, key, list);
  return { store: { ...w, streamTime, map }, expired: false };
}

// ---- session ----

/** Sessions of `key` with end >= earliestEnd and start <= latestStart (SessionStore#findSessions). */
export function sessionFind(
  s: StoreState,
  key: string,
  earliestEnd: number,
  latestStart: number,
  retentionMs: number,
): SessionEntry[] {
  const ss = s as Ses;
  const list = mapGet(ss.map, key);
  if (!list) return [];
  return list.filter(
    (e) => e.e >= earliestEnd && e.s <= latestStart && live(ss.streamTime, retentionMs, e.e),
  );
}

export function sessionPut(
  s: StoreState,
  key: string,
  start: number,
  end: number,
  value: string | null,
  retentionMs: number,
): { store: StoreState; expired: boolean } {
  const ss = s as Ses;
  const streamTime = value === null ? ss.streamTime : Math.max(ss.streamTime, end);
  if (value !== null && !live(streamTime, retentionMs, end))
    return { store: { ...ss, streamTime }, expired: true };
  const old = mapGet(ss.map, key) ?? [];
  const list = old.filter((e) => !(e.s === start && e.e === end) && live(streamTime, retentionMs, e.e));
  if (value !== null) {
    const at = list.findIndex((e) => e.e > end || (e.e === end && e.s > start));
    list.splice(at < 0 ? list.length : at, 0, { s: start, e: end, v: value });
  }
  const map = list.length === 0 ? mapDelete(ss.map, key) : mapSet(ss.map, key, list);
  return { store: { ...ss, streamTime, map }, expired: false };
}

// ---- stream-stream join windows (duplicates kept) ----

export function joinFetch(
  s: StoreState,
  key: string,
  from: number,
  to: number,
  retentionMs: number,
): JoinEntry[] {
  const j = s as Jw;
  const list = mapGet(j.map, key);
  if (!list) return [];
  return list.filter((e) => e.t >= from && e.t <= to && live(j.streamTime, retentionMs, e.t));
}

export function joinPut(
  s: StoreState,
  key: string,
  t: number,
  value: string,
  retentionMs: number,
): { store: StoreState; expired: boolean; seq: number } {
  const j = s as Jw;
  const streamTime = Math.max(j.streamTime, t);
  if (!live(streamTime, retentionMs, t)) return { store: { ...j, streamTime }, expired: true, seq: -1 };
  const q = j.seq;
  const list = (mapGet(j.map, key) ?? []).filter((e) => live(streamTime, retentionMs, e.t));
  const at = list.findIndex((e) => e.t > t);
  list.splice(at < 0 ? list.length : at, 0, { t, q, v: value });
  return {
    store: { ...j, streamTime, seq: q + 1, map: mapSet(j.map, key, list) },
    expired: false,
    seq: q,
  };
}

// ---- outer join "shared" store: <timestamp><side><key> -> list of values (ListValueStore) ----

/** TimestampedKeyAndJoinSideSerializer order: timestamp, then the side byte (right 0, left 1), then the key. */
export function outerKey(key: string, t: number, left: boolean): string {
  return `${String(t).padStart(16, '0')}|${left ? 1 : 0}|${key}`;
}

export function outerAdd(s: StoreState, key: string, t: number, left: boolean, value: string): StoreState {
  const o = s as Outer;
  const k = outerKey(key, t, left);
  const old = mapGet(o.map, k);
  const e: OuterEntry = { k: key, t, left, vs: old ? [...old.vs, value] : [value] };
  return { type: 'outerJoin', map: mapSet(o.map, k, e) };
}

export function outerDelete(s: StoreState, compositeKey: string): StoreState {
  const o = s as Outer;
  return { type: 'outerJoin', map: mapDelete(o.map, compositeKey) };
}

export function outerHas(s: StoreState, compositeKey: string): boolean {
  return mapGet((s as Outer).map, compositeKey) !== undefined;
}

/** All entries in key order (the store's iteration order). */
export function outerAll(s: StoreState): Array<[string, OuterEntry]> {
  return mapEntries((s as Outer).map);
}

// ---- suppress buffer ----

function bufferOrder(a: BufferEntry, b: BufferEntry): number {
  return a.time - b.time || (a.kt < b.kt ? -1 : a.kt > b.kt ? 1 : 0);
}

/** A newer update of a buffered key replaces the older one (InMemoryTimeOrderedKeyValueChangeBuffer#put). */
export function bufferPut(s: StoreState, e: BufferEntry): StoreState {
  const entries = (s as Sup).entries.filter((x) => x.kt !== e.kt);
  const at = entries.findIndex((x) => bufferOrder(e, x) < 0);
  entries.splice(at < 0 ? entries.length : at, 0, e);
  return { type: 'suppress', entries };
}

export function bufferEntries(s: StoreState): BufferEntry[] {
  return (s as Sup).entries;
}

export function bufferRemoveFirst(s: StoreState): StoreState {
  return { type: 'suppress', entries: (s as Sup).entries.slice(1) };
}

/** How many entries a store holds (for views and restore progress). */
export function storeSize(s: StoreState): number {
  switch (s.type) {
    case 'keyValue':
      return s.map.n;
    case 'suppress':
      return s.entries.length;
    case 'outerJoin':
      return s.map.n;
    default: {
      let n = 0;
      for (const [, list] of mapEntries(s.map as import('../persistentMap').PMap<unknown[]>))
        n += list.length;
      return n;
    }
  }
}

/**
 * A window, session or join record is part of the store while it is within retention of the store's stream time
 * (older ones are invisible to reads and are dropped the next time their key is written).
 */
export function isLive(s: StoreState, t: number): boolean {
  if (s.type === 'window' || s.type === 'joinWindow') return live(s.streamTime, s.retentionMs, t);
  if (s.type === 'session') return live(s.streamTime, s.retentionMs, t);
  return true;
}
