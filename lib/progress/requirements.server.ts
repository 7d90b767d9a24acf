import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Requirements } from './rules';

// Build time only (server components): what each lesson section asks of the learner for the completion
// rule — its challenges (content/challenges/*.json, by their "section") and whether it has a quiz.

export function jsonFiles(folder: string): string[] {
  const dir = path.join(process.cwd(), 'content', folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export function sectionRequirements(): Requirements {
  const requirements: Requirements = {};
  const needs = (sectionId: string) => {
    requirements[sectionId] ??= { challenges: [], quiz: false };
    return requirements[sectionId];
  };
  for (const file of jsonFiles('challenges')) {
    const challenge = JSON.parse(readFileSync(file, 'utf8')) as { id?: string; section?: string };
    if (challenge.id && challenge.section) needs(challenge.section).challenges.push(challenge.id);
  }
  for (const file of jsonFiles('quizzes')) {
    const quiz = JSON.parse(readFileSync(file, 'utf8')) as { id?: string };
    if (quiz.id) needs(quiz.id).quiz = true;
  }
  return requirements;
}
