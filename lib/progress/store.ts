import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { dayOf } from './activity';
import { migrateToCurrent } from './migrations';
import { progressStorage, STORAGE_KEY } from './persistence';
import {
  CURRENT_VERSION,
  emptyProgress,
  type ProgressData,
  QUIZ_HISTORY_LIMIT,
  type QuizAttempt,
  type TopicStatus,
} from './types';

// The progress store: zustand + persist in localStorage. Components read it through hooks; other code
// records through the functions in ./index.ts. Hydration is explicit (skipHydration) so the static HTML
// renders the same on the server and on first client render.

export type RecoveryNotice = { key: string | null; reason: string };

export type ProgressActions = {
  visitLesson(sectionId: string): void;
  markLessonRead(sectionId: string): void;
  recordChallengeResult(challengeId: string, topics: readonly string[], solved: boolean): void;
  recordQuizAttempt(quizId: string, score: number, total: number, passPercent: number): QuizAttempt;
  /** A learner's own status for a topic; null hands the topic back to the automatic rule. */
  setTopicStatus(topicId: string, status: TopicStatus | null): void;
  replaceAll(data: ProgressData): void;
  reset(): void;
  dismissRecovery(): void;
};

export type ProgressState = ProgressData & ProgressActions & { recovery: RecoveryNotice | null };

function dataOf(state: ProgressState): ProgressData {
  const { marks, lessons, challenges, quizzes, lastLesson, activity, createdAt, updatedAt } = state;
  return { marks, lessons, challenges, quizzes, lastLesson, activity, createdAt, updatedAt };
}

export { dataOf as progressData };

function touched(state: ProgressData, now: number): Pick<ProgressData, 'activity' | 'updatedAt'> {
  const day = dayOf(now);
  return { activity: { ...state.activity, [day]: (state.activity[day] ?? 0) + 1 }, updatedAt: now };
}

export type StoreOptions = {
  getStorage?: Parameters<typeof progressStorage>[1];
  now?: () => number;
};

export function createProgressStore({ getStorage, now = Date.now }: StoreOptions = {}) {
  let pendingRecovery: RecoveryNotice | null = null;
  const storage = progressStorage({ onUnreadable: (notice) => (pendingRecovery = notice) }, getStorage, now);
  const store = create<ProgressState>()(
    persist(
      (set, get) => ({
        ...emptyProgress(now()),
        recovery: null,
        visitLesson(sectionId) {
          const at = now();
          const state = get();
          const previous = state.lessons[sectionId];
          set({
            lessons: {
              ...state.lessons,
              [sectionId]: previous
                ? { ...previous, lastVisitedAt: at, visits: previous.visits + 1 }
                : { firstVisitedAt: at, lastVisitedAt: at, visits: 1, readToEndAt: null },
            },
            lastLesson: { sectionId, at },
            ...touched(state, at),
          });
        },
        markLessonRead(sectionId) {
          const at = now();
          const state = get();
          const previous = state.lessons[sectionId];
          if (previous?.readToEndAt) return;
          set({
            lessons: {
              ...state.lessons,
              [sectionId]: previous
                ? { ...previous, readToEndAt: at }
                : { firstVisitedAt: at, lastVisitedAt: at, visits: 1, readToEndAt: at },
            },
            ...touched(state, at),
          });
        },
        recordChallengeResult(challengeId, topics, solved) {
          const at = now();
          const state = get();
          const previous = state.challenges[challengeId];
          set({
            challenges: {
              ...state.challenges,
              [challengeId]: {
                topics: [...new Set([...(previous?.topics ?? []), ...topics])],
                // Once solved stays solved: a later failed try does not take the achievement away.
                solved: solved || (previous?.solved ?? false),
                attempts: (previous?.attempts ?? 0) + 1,
                firstSolvedAt: previous?.firstSolvedAt ?? (solved ? at : null),
                lastAttemptAt: at,
              },
            },
            ...touched(state, at),
          });
        },
        recordQuizAttempt(quizId, score, total, passPercent) {
          const at = now();
          const state = get();
          const safeTotal = Math.max(0, Math.floor(total));
          const safeScore = Math.min(safeTotal, Math.max(0, Math.floor(score)));
          const percent = safeTotal === 0 ? 0 : Math.round((safeScore / safeTotal) * 1000) / 10;
          const attempt: QuizAttempt = {
            at,
            score: safeScore,
            total: safeTotal,
            percent,
            passed: percent >= passPercent,
          };
          const previous = state.quizzes[quizId];
          const best = previous && previous.best.percent >= attempt.percent ? previous.best : attempt;
          set({
            quizzes: {
              ...state.quizzes,
              [quizId]: { best, history: [...(previous?.history ?? []), attempt].slice(-QUIZ_HISTORY_LIMIT) },
            },
            ...touched(state, at),
          });
          return attempt;
        },
        setTopicStatus(topicId, status) {
          const at = now();
          const state = get();
          const marks = { ...state.marks };
          if (status === null) delete marks[topicId];
          else marks[topicId] = { status, at };
          set({ marks, ...touched(state, at) });
        },
        replaceAll(data) {
          set({ ...data });
        },
        reset() {
          set({ ...emptyProgress(now()) });
        },
        dismissRecovery() {
          set({ recovery: null });
        },
      }),
      {
        name: STORAGE_KEY,
        version: CURRENT_VERSION,
        storage,
        skipHydration: true,
        partialize: (state) => dataOf(state),
        // The storage already migrates and validates; this covers a value handed over by another path.
        migrate: (persisted, version) => {
          const result = migrateToCurrent(persisted, version);
          if (!result.ok) throw new Error(result.error);
          return result.value;
        },
        onRehydrateStorage: () => () => {
          if (!pendingRecovery) return;
          const recovery = pendingRecovery;
          pendingRecovery = null;
          store.setState({ recovery });
        },
      },
    ),
  );
  return store;
}

export const useProgressStore = createProgressStore();
export type ProgressStore = typeof useProgressStore;
