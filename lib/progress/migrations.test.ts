import { describe, expect, it } from 'vitest';
import { migrateToCurrent, migrateV1ToV2 } from './migrations';
import { checkProgressV2 } from './schema';
import { CURRENT_VERSION, emptyProgress, type ProgressDataV1 } from './types';

const T = Date.UTC(2026, 10, 20, 12);

const v1: ProgressDataV1 = {
  topics: { broker: 'done', kcat: 'skipped', offset: 'not-started', isr: 'in-progress' },
  lessonsRead: ['basics'],
  challengesSolved: ['basics-second-team'],
  quizScores: { basics: 80, consumers: 40 },
  lastLesson: 'consumers',
  updatedAt: T,
};

describe('migrations', () => {
  it('version 1 → 2 keeps every learner choice as a mark, except the untouched "not-started"', () => {
    const v2 = migrateV1ToV2(v1);
    expect(v2.marks).toEqual({
      broker: { status: 'done', at: T },
      kcat: { status: 'skipped', at: T },
      isr: { status: 'in-progress', at: T },
    });
  });

  it('version 1 → 2 turns lessons read, challenges solved and best quiz scores into evidence', () => {
    const v2 = migrateV1ToV2(v1);
    expect(v2.lessons.basics.readToEndAt).toBe(T);
    expect(v2.lessons.consumers).toEqual({
      firstVisitedAt: T,
      lastVisitedAt: T,
      visits: 1,
      readToEndAt: null,
    });
    expect(v2.challenges['basics-second-team']).toMatchObject({ solved: true, firstSolvedAt: T });
    expect(v2.quizzes.basics.best).toMatchObject({ percent: 80, passed: true });
    expect(v2.quizzes.consumers.best).toMatchObject({ percent: 40, passed: false });
    expect(v2.lastLesson).toEqual({ sectionId: 'consumers', at: T });
    expect(Object.values(v2.activity)).toEqual([1]);
  });

  it('the migrated version 1 state passes the version 2 schema', () => {
    expect(checkProgressV2(migrateV1ToV2(v1), '').ok).toBe(true);
  });

  it('migrateToCurrent upgrades version 1 and accepts version 2 unchanged', () => {
    const fromV1 = migrateToCurrent(v1, 1);
    expect(fromV1.ok && fromV1.value.marks.broker.status).toBe('done');
    const current = emptyProgress(T);
    expect(migrateToCurrent(current, CURRENT_VERSION)).toEqual({ ok: true, value: current });
  });

  it('refuses a version from the future, version 0 and a malformed version 1 with a reason', () => {
    const future = migrateToCurrent(emptyProgress(T), CURRENT_VERSION + 1);
    expect(future.ok).toBe(false);
    expect(!future.ok && future.error).toMatch(/newer version/);
    expect(migrateToCurrent(emptyProgress(T), 0).ok).toBe(false);
    const bad = migrateToCurrent({ ...v1, topics: { broker: 'finished' } }, 1);
    expect(!bad.ok && bad.error).toMatch(/topics\.broker should be one of/);
  });

  it('a version 2 state with the wrong shape is refused, not half-loaded', () => {
    const broken = {
      ...emptyProgress(T),
      quizzes: { basics: { best: { at: T, score: 9, total: 5, percent: 180 } } },
    };
    expect(migrateToCurrent(broken, 2).ok).toBe(false);
  });
});
