import basics from '@/content/quizzes/basics.json';
import consumers from '@/content/quizzes/consumers.json';
import coreArchitecture from '@/content/quizzes/core-architecture.json';
import messageModel from '@/content/quizzes/message-model.json';
import producers from '@/content/quizzes/producers.json';
import reliability from '@/content/quizzes/reliability.json';
import scaling from '@/content/quizzes/scaling.json';
import storage from '@/content/quizzes/storage.json';
import topicsPartitions from '@/content/quizzes/topics-partitions.json';
import { checkQuiz, type QuizData } from './quizData';

// One import per content/quizzes/<section-id>.json (the build has no glob import). Regenerate with
// `node components/quiz/update-registry.mjs`; quizzes.test.ts fails when a quiz file is missing here.
// Each quiz is checked as the module loads, so a malformed quiz fails `next build`.

const raw: Record<string, unknown> = {
  basics: basics,
  consumers: consumers,
  'core-architecture': coreArchitecture,
  'message-model': messageModel,
  producers: producers,
  reliability: reliability,
  scaling: scaling,
  storage: storage,
  'topics-partitions': topicsPartitions,
};

export const quizzes: Record<string, QuizData> = Object.fromEntries(
  Object.entries(raw).map(([id, data]) => [id, checkQuiz(id, data)]),
);

export function findQuiz(id: string): QuizData | undefined {
  return Object.hasOwn(quizzes, id) ? quizzes[id] : undefined;
}
