import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProgressStore, progressData } from './store';
import { EXPORT_FORMAT, exportProgress, parseImport } from './transfer';
import type { ProgressData, QuizAttempt } from './types';

const T = Date.UTC(2026, 10, 20, 12);

const idArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const timeArb = fc.integer({ min: 0, max: 4_000_000_000_000 });
const attemptArb: fc.Arbitrary<QuizAttempt> = fc
  .record({ at: timeArb, total: fc.integer({ min: 1, max: 20 }), pass: fc.integer({ min: 1, max: 100 }) })
  .chain(({ at, total, pass }) =>
    fc.integer({ min: 0, max: total }).map((score) => {
      const percent = Math.round((score / total) * 1000) / 10;
      return { at, score, total, percent, passed: percent >= pass };
    }),
  );

/** Any progress this site could have written. */
const progressArb: fc.Arbitrary<ProgressData> = fc.record({
  marks: fc.dictionary(
    idArb,
    fc.record({
      status: fc.constantFrom('not-started', 'in-progress', 'done', 'skipped' as const),
      at: timeArb,
    }),
  ),
  lessons: fc.dictionary(
    idArb,
    fc
      .record({
        first: timeArb,
        later: fc.nat(1e9),
        visits: fc.nat(500),
        read: fc.option(timeArb, { nil: null }),
      })
      .map(({ first, later, visits, read }) => ({
        firstVisitedAt: first,
        lastVisitedAt: first + later,
        visits,
        readToEndAt: read,
      })),
  ),
  challenges: fc.dictionary(
    idArb,
    fc
      .record({
        topics: fc.array(idArb, { maxLength: 5 }),
        solved: fc.boolean(),
        attempts: fc.nat(50),
        at: timeArb,
      })
      .map(({ topics, solved, attempts, at }) => ({
        topics,
        solved,
        attempts,
        firstSolvedAt: solved ? at : null,
        lastAttemptAt: at,
      })),
  ),
  quizzes: fc.dictionary(
    idArb,
    fc.array(attemptArb, { minLength: 1, maxLength: 20 }).map((history) => ({
      best: history.reduce((best, attempt) => (attempt.percent > best.percent ? attempt : best)),
      history,
    })),
  ),
  lastLesson: fc.option(fc.record({ sectionId: idArb, at: timeArb }), { nil: null }),
  activity: fc.dictionary(
    fc
      .date({ min: new Date(2020, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    fc.nat(100),
  ),
  createdAt: timeArb,
  updatedAt: timeArb,
});

/** Mutates a JSON value somewhere deep: drops a key, swaps a value's type, or truncates an array. */
function mutate(value: unknown, choice: number, replacement: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || choice % 5 === 0) return replacement;
    const copy = [...value];
    copy[choice % copy.length] = mutate(copy[choice % copy.length], Math.floor(choice / 3), replacement);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value);
    if (keys.length === 0 || choice % 7 === 0) return replacement;
    const key = keys[choice % keys.length];
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    if (choice % 4 === 1) delete copy[key];
    else copy[key] = mutate(copy[key], Math.floor(choice / 2), replacement);
    return copy;
  }
  return replacement;
}

function importIntoStore(text: unknown) {
  let clock = T;
  const store = createProgressStore({ getStorage: () => null, now: () => (clock += 1) });
  store.getState().setTopicStatus('broker', 'done');
  store.getState().recordQuizAttempt('basics', 3, 5, 70);
  const before = structuredClone(progressData(store.getState()));
  const result = parseImport(text);
  if (result.ok) store.getState().replaceAll(result.data);
  return { result, before, after: progressData(store.getState()) };
}

describe('import validation', () => {
  it('an export imports back to exactly the same progress (nothing lost)', () => {
    fc.assert(
      fc.property(progressArb, (data) => {
        const result = parseImport(JSON.stringify(exportProgress(data, T)));
        expect(result).toEqual({ ok: true, data });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('arbitrary text never throws, and a refused file changes nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          const { result, before, after } = importIntoStore(text);
          if (!result.ok) {
            expect(result.message.length).toBeGreaterThan(10);
            expect(after).toEqual(before);
          }
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it('a damaged export is either refused with a message, or yields progress that passes the schema', () => {
    fc.assert(
      fc.property(progressArb, fc.nat(10_000), fc.anything(), (data, choice, replacement) => {
        const damaged = mutate(exportProgress(data, T), choice, replacement);
        const text = JSON.stringify(damaged) ?? '';
        const { result, before, after } = importIntoStore(text);
        if (result.ok) {
          // What was accepted round-trips too: nothing accepted is half-understood.
          expect(parseImport(JSON.stringify(exportProgress(result.data, T)))).toEqual(result);
        } else {
          expect(after).toEqual(before);
        }
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('a file from another tool, or not JSON at all, is refused with a clear message', () => {
    expect(parseImport('hello')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
    expect(parseImport('{"format":"something-else"}')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a Kafka Roadmap progress export/),
    });
    expect(
      parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 2, progress: { marks: 3 } })),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/cannot be used: format 2: .*should be an object/),
    });
    expect(parseImport(42)).toMatchObject({ ok: false });
  });

  it('a version 1 export is migrated on import', () => {
    const v1 = {
      topics: { kcat: 'done' },
      lessonsRead: [],
      challengesSolved: [],
      quizScores: {},
      lastLesson: null,
      updatedAt: T,
    };
    const result = parseImport(JSON.stringify({ format: EXPORT_FORMAT, version: 1, progress: v1 }));
    expect(result.ok && result.data.marks.kcat.status).toBe('done');
  });

  it('a "__proto__" key stays plain data and does not change any prototype', () => {
    const text = `{"format":"${EXPORT_FORMAT}","version":2,"progress":{"marks":{"__proto__":{"status":"done","at":1}},"lessons":{},"challenges":{},"quizzes":{},"lastLesson":null,"activity":{},"createdAt":1,"updatedAt":1}}`;
    const result = parseImport(text);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
    expect(result.ok && Object.getPrototypeOf(result.data.marks)).toBe(Object.prototype);
  });
});
