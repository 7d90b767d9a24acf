import { readFileSync } from 'node:fs';
import { jsonFiles } from './requirements.server';

/** Build time only: challenge id to its title, for listing the learner's challenges. */
export function challengeTitles(): Record<string, string> {
  const titles: Record<string, string> = {};
  for (const file of jsonFiles('challenges')) {
    const challenge = JSON.parse(readFileSync(file, 'utf8')) as { id?: string; title?: string };
    if (challenge.id) titles[challenge.id] = challenge.title ?? challenge.id;
  }
  return titles;
}
