import { challenges } from '@/lib/content.server';

/** Build time only: challenge id to its title, for listing the learner's challenges. */
export function challengeTitles(): Record<string, string> {
  return Object.fromEntries(challenges().map((challenge) => [challenge.id, challenge.title]));
}
