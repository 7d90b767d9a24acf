import { challenges, quizzes } from '@/lib/content.server';
import type { Requirements } from './rules';

// Build time only (server components): what each lesson section asks of the learner for the completion
// rule — its challenges (the challenges/ of its lesson folder) and whether it has a quiz.

export function sectionRequirements(): Requirements {
  const requirements: Requirements = {};
  const needs = (sectionId: string) => {
    requirements[sectionId] ??= { challenges: [], quiz: false };
    return requirements[sectionId];
  };
  for (const challenge of challenges()) needs(challenge.section).challenges.push(challenge.id);
  for (const quiz of quizzes()) needs(quiz.id).quiz = true;
  return requirements;
}
