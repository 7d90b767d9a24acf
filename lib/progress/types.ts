// The stored shapes of learner progress, one type per stored version. Version 2 is current.

export type TopicStatus = 'not-started' | 'in-progress' | 'done' | 'skipped';
export const topicStatuses: readonly TopicStatus[] = ['not-started', 'in-progress', 'done', 'skipped'];

/** A status the learner chose by hand; it wins over the automatic rule until cleared. */
export type LearnerMark = { status: TopicStatus; at: number };

export type LessonRecord = {
  firstVisitedAt: number;
  lastVisitedAt: number;
  visits: number;
  /** When the end-of-lesson marker first scrolled into view; null until then. */
  readToEndAt: number | null;
};

export type ChallengeRecord = {
  topics: string[];
  solved: boolean;
  attempts: number;
  firstSolvedAt: number | null;
  lastAttemptAt: number;
};

export type QuizAttempt = { at: number; score: number; total: number; percent: number; passed: boolean };

export type QuizRecord = { best: QuizAttempt; history: QuizAttempt[] };

/** Version 2: evidence (lessons, challenges, quizzes) plus the learner's own marks; statuses are derived. */
export type ProgressDataV2 = {
  marks: Record<string, LearnerMark>;
  lessons: Record<string, LessonRecord>;
  challenges: Record<string, ChallengeRecord>;
  quizzes: Record<string, QuizRecord>;
  lastLesson: { sectionId: string; at: number } | null;
  /** Local day (YYYY-MM-DD) to the number of things recorded that day. */
  activity: Record<string, number>;
  createdAt: number;
  updatedAt: number;
};

/** Version 1, the first stored design: a status per topic and flat lists of what was finished. */
export type ProgressDataV1 = {
  topics: Record<string, TopicStatus>;
  lessonsRead: string[];
  challengesSolved: string[];
  /** Best percentage per quiz. */
  quizScores: Record<string, number>;
  lastLesson: string | null;
  updatedAt: number;
};

export const CURRENT_VERSION = 2;
export type ProgressData = ProgressDataV2;

/** How many attempts per quiz the history keeps (the best is always kept separately). */
export const QUIZ_HISTORY_LIMIT = 20;

export function emptyProgress(now: number): ProgressData {
  return {
    marks: {},
    lessons: {},
    challenges: {},
    quizzes: {},
    lastLesson: null,
    activity: {},
    createdAt: now,
    updatedAt: now,
  };
}
