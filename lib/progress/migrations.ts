import { dayOf } from './activity';
import { type Checked, checkProgressV1, checkProgressV2 } from './schema';
import {
  type ChallengeRecord,
  CURRENT_VERSION,
  type LearnerMark,
  type LessonRecord,
  type ProgressData,
  type ProgressDataV1,
  type QuizRecord,
} from './types';

// Every stored version upgrades, one step at a time, to the current one. A new version adds a step here
// and a test in migrations.test.ts; old steps never change (a learner may come back after months).

/** Version 1 quizzes stored only a best percentage; 70 % was the pass mark every quiz used then. */
const V1_PASS_PERCENT = 70;

export function migrateV1ToV2(old: ProgressDataV1): ProgressData {
  const at = old.updatedAt;
  const marks: Record<string, LearnerMark> = {};
  for (const [topicId, status] of Object.entries(old.topics)) {
    // Version 1 stored "not-started" for untouched topics; only a real choice becomes a mark.
    if (status !== 'not-started') marks[topicId] = { status, at };
  }
  const lessons: Record<string, LessonRecord> = {};
  for (const sectionId of old.lessonsRead) {
    lessons[sectionId] = { firstVisitedAt: at, lastVisitedAt: at, visits: 1, readToEndAt: at };
  }
  if (old.lastLesson && !lessons[old.lastLesson]) {
    lessons[old.lastLesson] = { firstVisitedAt: at, lastVisitedAt: at, visits: 1, readToEndAt: null };
  }
  const challenges: Record<string, ChallengeRecord> = {};
  for (const challengeId of old.challengesSolved) {
    // Version 1 did not know which topics a challenge covered; the rule looks challenges up by section.
    challenges[challengeId] = { topics: [], solved: true, attempts: 1, firstSolvedAt: at, lastAttemptAt: at };
  }
  const quizzes: Record<string, QuizRecord> = {};
  for (const [quizId, percent] of Object.entries(old.quizScores)) {
    // Only the percentage survived: record it as a score out of 100.
    const attempt = {
      at,
      score: Math.round(percent),
      total: 100,
      percent,
      passed: percent >= V1_PASS_PERCENT,
    };
    quizzes[quizId] = { best: attempt, history: [attempt] };
  }
  const somethingDone = Object.keys(marks).length + old.lessonsRead.length + old.challengesSolved.length > 0;
  return {
    marks,
    lessons,
    challenges,
    quizzes,
    lastLesson: old.lastLesson ? { sectionId: old.lastLesson, at } : null,
    activity: somethingDone ? { [dayOf(at)]: 1 } : {},
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Validates a stored state of the given version against that version's schema, upgrades it step by step,
 * and validates the result. Never throws.
 */
export function migrateToCurrent(state: unknown, version: number): Checked<ProgressData> {
  if (!Number.isInteger(version) || version < 1) {
    return { ok: false, error: `the stored version (${String(version)}) is not one this site ever wrote` };
  }
  if (version > CURRENT_VERSION) {
    return {
      ok: false,
      error: `it was written by a newer version of this site (format ${version}; this one reads up to ${CURRENT_VERSION})`,
    };
  }
  let current: unknown = state;
  if (version === 1) {
    const v1 = checkProgressV1(state, '');
    if (!v1.ok) return { ok: false, error: `format 1: ${v1.error}` };
    current = migrateV1ToV2(v1.value);
  }
  const v2 = checkProgressV2(current, '');
  return v2.ok ? v2 : { ok: false, error: `format ${CURRENT_VERSION}: ${v2.error}` };
}
