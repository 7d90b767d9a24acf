import type { Goal } from '@/simulator';

/**
 * content/lessons/<section>/challenges/<id>.json (lesson content contract; lib/content/schemas.ts checks it).
 * `section` is not in the file: the loader sets it from the folder.
 */
export type ChallengeSpec = {
  id: string;
  section: string;
  topics: string[];
  title: string;
  brief: string;
  /** Preset id of the start state. */
  preset: string;
  goal: Goal;
  hints: string[];
  /** Reference solution, as console lines; CI checks it reaches the goal. */
  solution: string[];
  explanation: string;
};
