// Reads and writes of cacheable stores: through the record cache when it is on, straight to the store, its
// changelog and the downstream processors when it is off (statestore.cache.max.bytes=0).

import { drop, type Exec, getStore, logChange, setStore } from './exec';
import { type CNode, forward } from './node';
import { cacheGet, cachePut, type FlushFn } from './recordCache';
import { kvGet, kvPut, winFetch, winPut } from './stores';
import type { Key, KvEntry } from './types';

export function kvRead(x: Exec, store: string, k: string): KvEntry | undefined {
  if (x.cacheMaxBytes > 0) {
    const c = cacheGet(x, store, k);
    if (c) return c.v === null ? undefined : { v: c.v, t: c.t };
  }
  return kvGet(getStore(x, store), k);
}

/** `old` is what is forwarded as the change's old value when the write goes through at once. */
export function kvWrite(
  x: Exec,
  n: CNode,
  store: string,
  key: Key,
  k: string,
  v: string | null,
  t: number,
  old: string | null,
): void {
  if (x.cacheMaxBytes > 0) {
    cachePut(x, store, { sk: k, key, v, t });
    return;
  }
  setStore(x, store, kvPut(getStore(x, store), k, v, t));
  logChange(x, store, k, v, t);
  forward(x, n, { key, value: v, old, ts: t });
}

/** TimestampedCacheFlushListener: the store's value before the flush becomes the change's old value. */
export function kvFlusher(n: CNode, store: string, sendOldValues: boolean): FlushFn {
  return (x, e) => {
    const s = getStore(x, store);
    const prior = kvGet(s, e.sk)?.v ?? null;
    setStore(x, store, kvPut(s, e.sk, e.v, e.t));
    logChange(x, store, e.sk, e.v, e.t);
    forward(x, n, { key: e.key, value: e.v, old: sendOldValues ? prior : null, ts: e.t });
  };
}

const windowKey = (k: string, s: number, e: number) => `[${k}@${s}/${e}]`;

export function winRead(
  x: Exec,
  store: string,
  k: string,
  start: number,
  end: number,
  retention: number,
): KvEntry | undefined {
  if (x.cacheMaxBytes > 0) {
    const c = cacheGet(x, store, windowKey(k, start, end));
    if (c) return c.v === null ? undefined : { v: c.v, t: c.t };
  }
  const w = winFetch(getStore(x, store), k, start, retention);
  return w ? { v: w.v, t: w.t } : undefined;
}

/** Returns false when the store refused the write (window past retention). */
export function winWrite(
  x: Exec,
  n: CNode,
  store: string,
  k: string,
  start: number,
  end: number,
  v: string | null,
  t: number,
  retention: number,
  old: string | null,
): boolean {
  const key: Key = { key: k, window: { start, end } };
  if (x.cacheMaxBytes > 0) {
    cachePut(x, store, { sk: windowKey(k, start, end), key, v, t });
    return true;
  }
  const put = winPut(getStore(x, store), k, start, end, v, t, retention);
  setStore(x, store, put.store);
  if (put.expired) return false;
  logChange(x, store, windowKey(k, start, end), v, t);
  forward(x, n, { key, value: v, old, ts: t });
  return true;
}

export function winFlusher(n: CNode, store: string, retention: number, sendOldValues: boolean): FlushFn {
  return (x, e) => {
    const w = e.key as { key: string; window: { start: number; end: number } };
    const s = getStore(x, store);
    const prior = winFetch(s, w.key, w.window.start, retention)?.v ?? null;
    const put = winPut(s, w.key, w.window.start, w.window.end, e.v, e.t, retention);
    setStore(x, store, put.store);
    if (put.expired) {
      drop(
        x,
        n.name,
        'expiredSegment',
        e.key,
        e.t,
        `${store}: window ${e.sk} is past the store's retention when the cache flushes, the write is skipped`,
      );
      return;
    }
    logChange(x, store, e.sk, e.v, e.t);
    forward(x, n, { key: e.key, value: e.v, old: sendOldValues ? prior : null, ts: e.t });
  };
}
