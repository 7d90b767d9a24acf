import { describe, expect, it } from 'vitest';
import { keptAside, readStored, STORAGE_KEY, UNREADABLE_PREFIX } from './persistence';
import { createProgressStore } from './store';
import { CURRENT_VERSION, emptyProgress } from './types';

/** A Storage double with the same methods localStorage has. */
class MemoryStorage {
  map = new Map<string, string>();
  failWrites = false;
  get length() {
    return this.map.size;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

const T = Date.UTC(2026, 10, 20, 12);

function storeOver(storage: MemoryStorage) {
  let clock = T;
  const store = createProgressStore({ getStorage: () => storage, now: () => (clock += 1000) });
  store.persist.rehydrate();
  return store;
}

describe('readStored', () => {
  it('reads nothing as empty and a current envelope as data', () => {
    expect(readStored(null)).toEqual({ kind: 'empty' });
    const data = emptyProgress(T);
    expect(readStored(JSON.stringify({ state: data, version: CURRENT_VERSION }))).toEqual({
      kind: 'ok',
      data,
    });
  });

  it.each([
    ['truncated JSON', '{"state":{"marks":'],
    ['a bare string', '"hello"'],
    ['an envelope without state', '{"version":2}'],
    ['a future version', JSON.stringify({ state: emptyProgress(T), version: 99 })],
    ['a state of the wrong shape', JSON.stringify({ state: { marks: [] }, version: 2 })],
  ])('calls %s unreadable, with a reason', (_name, raw) => {
    const stored = readStored(raw);
    expect(stored.kind).toBe('unreadable');
  });
});

describe('corruption recovery', () => {
  it('keeps unreadable data aside under its own key, starts fresh and raises a notice', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{not json');
    const store = storeOver(storage);
    expect(store.getState().recovery?.reason).toMatch(/not valid JSON/);
    expect(store.getState().marks).toEqual({});
    const kept = keptAside(storage);
    expect(kept).toHaveLength(1);
    expect(kept[0].key.startsWith(UNREADABLE_PREFIX)).toBe(true);
    expect(kept[0].raw).toBe('{not json');
    // The fresh store writes normally afterwards, and the kept copy survives.
    store.getState().setTopicStatus('broker', 'done');
    expect(readStored(storage.getItem(STORAGE_KEY)).kind).toBe('ok');
    expect(keptAside(storage)[0].raw).toBe('{not json');
  });

  it('a second corruption keeps a second copy instead of overwriting the first', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'first');
    storeOver(storage);
    storage.setItem(STORAGE_KEY, 'second');
    storeOver(storage);
    expect(
      keptAside(storage)
        .map((entry) => entry.raw)
        .sort(),
    ).toEqual(['first', 'second']);
  });

  it('when the copy cannot be kept aside, the original stays and the fresh store does not overwrite it', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, 'precious but broken');
    storage.failWrites = true;
    const store = storeOver(storage);
    storage.failWrites = false;
    store.getState().setTopicStatus('broker', 'done');
    expect(storage.getItem(STORAGE_KEY)).toBe('precious but broken');
    expect(store.getState().marks.broker.status).toBe('done');
  });

  it('stored version 1 data is migrated on load and written back as version 2', () => {
    const storage = new MemoryStorage();
    const v1 = {
      topics: { kcat: 'skipped' },
      lessonsRead: [],
      challengesSolved: [],
      quizScores: {},
      lastLesson: null,
      updatedAt: T,
    };
    storage.setItem(STORAGE_KEY, JSON.stringify({ state: v1, version: 1 }));
    const store = storeOver(storage);
    expect(store.getState().marks.kcat.status).toBe('skipped');
    expect(store.getState().recovery).toBeNull();
    store.getState().visitLesson('basics');
    expect(JSON.parse(storage.getItem(STORAGE_KEY) ?? '{}').version).toBe(2);
  });

  it('storage that throws on every call never breaks the store', () => {
    const throwing = {
      get length(): number {
        throw new Error('denied');
      },
      key: () => {
        throw new Error('denied');
      },
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const store = createProgressStore({ getStorage: () => throwing, now: () => T });
    store.persist.rehydrate();
    store.getState().markLessonRead('basics');
    expect(store.getState().lessons.basics.readToEndAt).toBe(T);
  });
});

describe('recording', () => {
  it('a solved challenge stays solved after a later failed try; attempts are counted', () => {
    const store = storeOver(new MemoryStorage());
    store.getState().recordChallengeResult('c1', ['isr'], true);
    store.getState().recordChallengeResult('c1', ['isr'], false);
    expect(store.getState().challenges.c1).toMatchObject({ solved: true, attempts: 2, topics: ['isr'] });
  });

  it('the best quiz attempt is kept while the history records every attempt', () => {
    const store = storeOver(new MemoryStorage());
    store.getState().recordQuizAttempt('basics', 4, 5, 70);
    const worse = store.getState().recordQuizAttempt('basics', 2, 5, 70);
    expect(worse).toMatchObject({ percent: 40, passed: false });
    expect(store.getState().quizzes.basics.best).toMatchObject({ score: 4, percent: 80, passed: true });
    expect(store.getState().quizzes.basics.history.map((a) => a.score)).toEqual([4, 2]);
  });

  it('the lesson read mark is set once and the visit makes it the last lesson', () => {
    const store = storeOver(new MemoryStorage());
    store.getState().visitLesson('basics');
    store.getState().markLessonRead('basics');
    const first = store.getState().lessons.basics.readToEndAt;
    store.getState().markLessonRead('basics');
    expect(store.getState().lessons.basics.readToEndAt).toBe(first);
    expect(store.getState().lastLesson?.sectionId).toBe('basics');
  });
});
