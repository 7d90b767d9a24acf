import {
  type ChallengeRecord,
  type LearnerMark,
  type LessonRecord,
  type ProgressDataV1,
  type ProgressDataV2,
  QUIZ_HISTORY_LIMIT,
  type QuizAttempt,
  type QuizRecord,
  type TopicStatus,
  topicStatuses,
} from './types';

// A small hand-written schema: each check returns the cleaned value (unknown fields dropped) or the first
// problem with its path, in words a learner can act on. No dependency, no throwing.

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
type Check<T> = (input: unknown, path: string) => Checked<T>;

const MAX_ID = 200;
const MAX_ENTRIES = 5000;
const MAX_LIST = 1000;

const fail = (path: string, what: string): { ok: false; error: string } => ({
  ok: false,
  error: `${path || 'the file'} ${what}`,
});

function isPlainObject(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

const id: Check<string> = (input, path) =>
  typeof input === 'string' && input.length > 0 && input.length <= MAX_ID
    ? { ok: true, value: input }
    : fail(path, `should be a non-empty text of at most ${MAX_ID} characters`);

const timestamp: Check<number> = (input, path) =>
  typeof input === 'number' && Number.isFinite(input) && input >= 0
    ? { ok: true, value: input }
    : fail(path, 'should be a time (milliseconds since 1970)');

const count: Check<number> = (input, path) =>
  typeof input === 'number' && Number.isInteger(input) && input >= 0
    ? { ok: true, value: input }
    : fail(path, 'should be a whole number of zero or more');

const bool: Check<boolean> = (input, path) =>
  typeof input === 'boolean' ? { ok: true, value: input } : fail(path, 'should be true or false');

const status: Check<TopicStatus> = (input, path) =>
  topicStatuses.includes(input as TopicStatus)
    ? { ok: true, value: input as TopicStatus }
    : fail(path, `should be one of ${topicStatuses.join(', ')}`);

const percent: Check<number> = (input, path) =>
  typeof input === 'number' && Number.isFinite(input) && input >= 0 && input <= 100
    ? { ok: true, value: input }
    : fail(path, 'should be a percentage from 0 to 100');

function nullable<T>(check: Check<T>): Check<T | null> {
  return (input, path) => (input === null ? { ok: true, value: null } : check(input, path));
}

function list<T>(check: Check<T>, max = MAX_LIST): Check<T[]> {
  return (input, path) => {
    if (!Array.isArray(input)) return fail(path, 'should be a list');
    if (input.length > max) return fail(path, `has more than ${max} entries`);
    const out: T[] = [];
    for (let i = 0; i < input.length; i++) {
      const item = check(input[i], `${path}[${i}]`);
      if (!item.ok) return item;
      out.push(item.value);
    }
    return { ok: true, value: out };
  };
}

function record<T>(check: Check<T>): Check<Record<string, T>> {
  return (input, path) => {
    if (!isPlainObject(input)) return fail(path, 'should be an object');
    const keys = Object.keys(input);
    if (keys.length > MAX_ENTRIES) return fail(path, `has more than ${MAX_ENTRIES} entries`);
    // A null-prototype object: a key such as "__proto__" stays plain data.
    const out: Record<string, T> = Object.create(null);
    for (const key of keys) {
      const keyOk = id(key, `${path} key "${key.slice(0, 40)}"`);
      if (!keyOk.ok) return keyOk;
      const item = check(input[key], `${path}.${key}`);
      if (!item.ok) return item;
      out[key] = item.value;
    }
    return { ok: true, value: { ...out } };
  };
}

type Shape<T> = { [K in keyof T]: Check<T[K]> };

function object<T>(shape: Shape<T>): Check<T> {
  return (input, path) => {
    if (!isPlainObject(input)) return fail(path, 'should be an object');
    const out = {} as T;
    for (const key of Object.keys(shape) as Array<keyof T & string>) {
      if (!Object.hasOwn(input, key)) return fail(path ? `${path}.${key}` : key, 'is missing');
      const item = shape[key](input[key], path ? `${path}.${key}` : key);
      if (!item.ok) return item;
      out[key] = item.value;
    }
    return { ok: true, value: out };
  };
}

function refine<T>(check: Check<T>, rule: (value: T) => string | null): Check<T> {
  return (input, path) => {
    const result = check(input, path);
    if (!result.ok) return result;
    const problem = rule(result.value);
    return problem ? fail(path, problem) : result;
  };
}

const dayKey: Check<string> = (input, path) =>
  typeof input === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input)
    ? { ok: true, value: input }
    : fail(path, 'should be a day written YYYY-MM-DD');

const mark = object<LearnerMark>({ status, at: timestamp });

const lesson = refine(
  object<LessonRecord>({
    firstVisitedAt: timestamp,
    lastVisitedAt: timestamp,
    visits: count,
    readToEndAt: nullable(timestamp),
  }),
  (value) =>
    value.lastVisitedAt < value.firstVisitedAt ? 'was last visited before it was first visited' : null,
);

const challenge = refine(
  object<ChallengeRecord>({
    topics: list(id, 100),
    solved: bool,
    attempts: count,
    firstSolvedAt: nullable(timestamp),
    lastAttemptAt: timestamp,
  }),
  (value) =>
    value.solved && value.firstSolvedAt === null ? 'is solved but has no time it was solved' : null,
);

const attempt = refine(
  object<QuizAttempt>({ at: timestamp, score: count, total: count, percent, passed: bool }),
  (value) => (value.score > value.total ? 'has a score above its number of questions' : null),
);

const quiz = object<QuizRecord>({ best: attempt, history: list(attempt, QUIZ_HISTORY_LIMIT) });

const activity: Check<Record<string, number>> = (input, path) => {
  const shape = record(count)(input, path);
  if (!shape.ok) return shape;
  for (const key of Object.keys(shape.value)) {
    const day = dayKey(key, `${path} key "${key.slice(0, 40)}"`);
    if (!day.ok) return day;
  }
  return shape;
};

export const checkProgressV2: Check<ProgressDataV2> = object<ProgressDataV2>({
  marks: record(mark),
  lessons: record(lesson),
  challenges: record(challenge),
  quizzes: record(quiz),
  lastLesson: nullable(object<{ sectionId: string; at: number }>({ sectionId: id, at: timestamp })),
  activity,
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const checkProgressV1: Check<ProgressDataV1> = object<ProgressDataV1>({
  topics: record(status),
  lessonsRead: list(id),
  challengesSolved: list(id),
  quizScores: record(percent),
  lastLesson: nullable(id),
  updatedAt: timestamp,
});

export { isPlainObject };
