import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { migrateToCurrent } from './migrations';
import { isPlainObject } from './schema';
import { CURRENT_VERSION, type ProgressData } from './types';

// Reading and writing the browser's localStorage. Unreadable data is never thrown away: it is moved to a
// key of its own, the learner is told, and can download it. Nothing here sends anything anywhere.

export const STORAGE_KEY = 'kafka-roadmap:progress';
export const UNREADABLE_PREFIX = 'kafka-roadmap:progress:unreadable:';

export type Stored =
  | { kind: 'empty' }
  | { kind: 'ok'; data: ProgressData }
  | { kind: 'unreadable'; reason: string };

/** Interprets the raw stored text: parse, check the envelope, migrate, validate. Never throws. */
export function readStored(raw: string | null): Stored {
  if (raw === null) return { kind: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { kind: 'unreadable', reason: 'it is not valid JSON' };
  }
  if (!isPlainObject(parsed) || !('state' in parsed)) {
    return { kind: 'unreadable', reason: 'it does not have the shape this site writes' };
  }
  // zustand's persist middleware writes version 0 when none was configured; this store always set one.
  const version = typeof parsed.version === 'number' ? parsed.version : Number.NaN;
  const migrated = migrateToCurrent(parsed.state, version);
  return migrated.ok ? { kind: 'ok', data: migrated.value } : { kind: 'unreadable', reason: migrated.error };
}

export type KeptAside = { key: string; at: number; reason: string; raw: string };

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Every copy of unreadable data kept aside, oldest first. */
export function keptAside(storage: KeyValueStorage): KeptAside[] {
  const found: KeptAside[] = [];
  for (let index = 0; index < storage.length; index++) {
    const key = storage.key(index);
    if (!key?.startsWith(UNREADABLE_PREFIX)) continue;
    const raw = storage.getItem(key) ?? '';
    try {
      const entry = JSON.parse(raw) as { at?: unknown; reason?: unknown; raw?: unknown };
      found.push({
        key,
        at: typeof entry.at === 'number' ? entry.at : 0,
        reason: typeof entry.reason === 'string' ? entry.reason : 'unknown',
        raw: typeof entry.raw === 'string' ? entry.raw : raw,
      });
    } catch {
      found.push({ key, at: 0, reason: 'unknown', raw });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}

/** Moves the unreadable text to a key of its own so a fresh store can start without destroying it. */
export function setAside(storage: KeyValueStorage, raw: string, reason: string, now: number): string | null {
  let key = `${UNREADABLE_PREFIX}${now}`;
  for (let n = 1; storage.getItem(key) !== null; n++) key = `${UNREADABLE_PREFIX}${now}-${n}`;
  try {
    storage.setItem(key, JSON.stringify({ at: now, reason, raw }));
  } catch {
    // Storage full or refused: leave the original where it is rather than lose it.
    return null;
  }
  storage.removeItem(STORAGE_KEY);
  return key;
}

export type StorageEvents = { onUnreadable: (entry: { key: string | null; reason: string }) => void };

function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    // Storage disabled by the browser: progress lives in memory for this visit.
    return null;
  }
}

/** The persist middleware's storage: localStorage behind readStored, with recovery instead of failure. */
export function progressStorage(
  events: StorageEvents,
  getStorage: () => KeyValueStorage | null = browserStorage,
  now: () => number = Date.now,
): PersistStorage<ProgressData> {
  // When unreadable data could not be moved aside, writing would destroy it: stay in memory instead.
  let writesBlocked = false;
  return {
    getItem(name) {
      const storage = getStorage();
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(name);
      } catch {
        return null;
      }
      const stored = readStored(raw);
      if (stored.kind === 'ok') return { state: stored.data, version: CURRENT_VERSION };
      if (stored.kind === 'unreadable' && raw !== null) {
        const key = setAside(storage, raw, stored.reason, now());
        writesBlocked = key === null;
        events.onUnreadable({ key, reason: stored.reason });
      }
      return null;
    },
    setItem(name, value: StorageValue<ProgressData>) {
      const storage = getStorage();
      if (!storage || writesBlocked) return;
      try {
        storage.setItem(
          name,
          JSON.stringify({ state: value.state, version: value.version ?? CURRENT_VERSION }),
        );
      } catch {
        // Quota exceeded or storage refused: keep going in memory.
      }
    },
    removeItem(name) {
      try {
        getStorage()?.removeItem(name);
      } catch {
        // Nothing to do: storage is unavailable.
      }
    },
  };
}
