import { useEffect, useSyncExternalStore } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { keptAside, STORAGE_KEY } from './persistence';
import { type ProgressState, progressData, useProgressStore } from './store';
import type { ProgressData, QuizAttempt, TopicStatus } from './types';

// The progress API other parts of the site call. See README.md in this folder.
// Everything is stored in this browser's localStorage; nothing is sent anywhere.

export type { KeptAside } from './persistence';
export type { Requirements, SectionRequirements, TopicProgress } from './rules';
export { COMPLETION_RULE, statusLabels, tally, topicProgress } from './rules';
export type { ProgressState, RecoveryNotice } from './store';
export type { ProgressData, QuizAttempt, TopicStatus } from './types';

let listening = false;

/**
 * Loads the stored progress into the store once (synchronously: localStorage is synchronous). Every
 * recording function calls it first, so nothing written before hydration can overwrite stored progress.
 */
export function ensureHydrated(): void {
  if (typeof window === 'undefined') return;
  if (!useProgressStore.persist.hasHydrated()) void useProgressStore.persist.rehydrate();
  if (!listening) {
    listening = true;
    // Another tab changed progress: reload it here too.
    window.addEventListener('storage', (event) => {
      if (event.key === STORAGE_KEY || event.key === null) void useProgressStore.persist.rehydrate();
    });
  }
}

/** Records a visit to a lesson and makes it the "last lesson visited". */
export function visitLesson(sectionId: string): void {
  ensureHydrated();
  useProgressStore.getState().visitLesson(sectionId);
}

/** Records that the learner reached the end of a lesson (first time only). */
export function markLessonRead(sectionId: string): void {
  ensureHydrated();
  useProgressStore.getState().markLessonRead(sectionId);
}

/** Records one try at a challenge; a solved challenge stays solved. */
export function recordChallengeResult(challengeId: string, topics: readonly string[], solved: boolean): void {
  ensureHydrated();
  useProgressStore.getState().recordChallengeResult(challengeId, topics, solved);
}

/** Records one quiz attempt (score of total correct) and returns it with its percentage and pass/fail. */
export function recordQuizAttempt(
  quizId: string,
  score: number,
  total: number,
  passPercent: number,
): QuizAttempt {
  ensureHydrated();
  return useProgressStore.getState().recordQuizAttempt(quizId, score, total, passPercent);
}

/** Sets a topic's status by hand; null returns it to the automatic rule. */
export function setTopicStatus(topicId: string, status: TopicStatus | null): void {
  ensureHydrated();
  useProgressStore.getState().setTopicStatus(topicId, status);
}

export function replaceProgress(data: ProgressData): void {
  ensureHydrated();
  useProgressStore.getState().replaceAll(data);
}

export function resetProgress(): void {
  ensureHydrated();
  useProgressStore.getState().reset();
}

export function currentProgress(): ProgressData {
  ensureHydrated();
  return progressData(useProgressStore.getState());
}

const subscribeHydration = (onChange: () => void) => useProgressStore.persist.onFinishHydration(onChange);

/** True once stored progress is loaded in this browser; false on the server and in the first render. */
export function useProgressHydrated(): boolean {
  const hydrated = useSyncExternalStore(
    subscribeHydration,
    () => useProgressStore.persist.hasHydrated(),
    () => false,
  );
  useEffect(() => {
    ensureHydrated();
  }, []);
  return hydrated;
}

/** Subscribes to a slice of progress. Read it only once useProgressHydrated() is true. */
export function useProgress<T>(selector: (state: ProgressState) => T): T {
  return useProgressStore(selector);
}

/** All stored progress as plain data (stable between renders while nothing changes). */
export function useProgressData(): ProgressData {
  return useProgressStore(useShallow(progressData));
}

export function readKeptAside() {
  if (typeof window === 'undefined') return [];
  try {
    return keptAside(window.localStorage);
  } catch {
    return [];
  }
}

export function discardKeptAside(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Storage unavailable: nothing was kept.
  }
}

export { progressData, useProgressStore };
