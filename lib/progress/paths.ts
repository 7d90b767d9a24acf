import pathsData from '@/content/paths.json' with { type: 'json' };
import { allTopics } from '@/lib/roadmap';

// Learning paths (content/paths.json): curated, ordered routes through the roadmap. They are checked
// against content/roadmap.json when this module loads, so a path naming an unknown topic fails
// `next build` (the /paths pages import this module) as well as the unit test.

export type LearningPath = { id: string; title: string; summary: string; audience: string; topics: string[] };

const PATH_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Checks paths data against the roadmap's topic ids; throws one error listing every problem. */
export function validatePaths(raw: unknown, knownTopics: ReadonlySet<string>): LearningPath[] {
  const problems: string[] = [];
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new Error('content/paths.json must be a non-empty list of paths');
  }
  const seen = new Set<string>();
  const paths: LearningPath[] = [];
  raw.forEach((entry, index) => {
    const where = `content/paths.json path ${index + 1}`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(`${where} is not an object`);
      return;
    }
    const path = entry as Record<string, unknown>;
    const id = typeof path.id === 'string' ? path.id : '';
    if (!PATH_ID.test(id)) problems.push(`${where} needs an "id" in lower-case-with-dashes`);
    else if (seen.has(id)) problems.push(`${where}: id "${id}" is used twice`);
    seen.add(id);
    for (const field of ['title', 'summary', 'audience'] as const) {
      if (typeof path[field] !== 'string' || (path[field] as string).trim() === '') {
        problems.push(`${where} (${id}) needs a "${field}"`);
      }
    }
    const topics = Array.isArray(path.topics) ? path.topics : [];
    if (topics.length === 0) problems.push(`${where} (${id}) lists no topics`);
    const inPath = new Set<string>();
    for (const topic of topics) {
      if (typeof topic !== 'string' || !knownTopics.has(topic)) {
        problems.push(
          `${where} (${id}) names topic ${JSON.stringify(topic)}, which content/roadmap.json does not have`,
        );
      } else if (inPath.has(topic)) {
        problems.push(`${where} (${id}) lists topic "${topic}" twice`);
      }
      if (typeof topic === 'string') inPath.add(topic);
    }
    paths.push({
      id,
      title: String(path.title ?? ''),
      summary: String(path.summary ?? ''),
      audience: String(path.audience ?? ''),
      topics: topics.filter((topic): topic is string => typeof topic === 'string'),
    });
  });
  if (problems.length > 0) throw new Error(`Invalid learning paths:\n- ${problems.join('\n- ')}`);
  return paths;
}

export const learningPaths: LearningPath[] = validatePaths(
  pathsData,
  new Set(allTopics().map((topic) => topic.id)),
);

export function findPath(id: string): LearningPath | undefined {
  return learningPaths.find((path) => path.id === id);
}
