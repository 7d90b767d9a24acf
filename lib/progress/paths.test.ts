import { describe, expect, it } from 'vitest';
import { allTopics } from '@/lib/roadmap';
import { learningPaths, validatePaths } from './paths';

const known = new Set(allTopics().map((topic) => topic.id));
const good = { id: 'x', title: 'X', summary: 'S', audience: 'A', topics: ['broker', 'topic'] };

describe('learning paths', () => {
  it('content/paths.json names only roadmap topics, with the three required paths', () => {
    expect(learningPaths.map((path) => path.id)).toEqual(
      expect.arrayContaining(['application-developer', 'platform-operator', 'architect']),
    );
    for (const path of learningPaths) for (const topic of path.topics) expect(known.has(topic)).toBe(true);
  });

  it('a path naming an unknown topic is refused, naming the path and the topic', () => {
    expect(() => validatePaths([{ ...good, topics: ['broker', 'no-such-topic'] }], known)).toThrow(
      /path 1 \(x\) names topic "no-such-topic", which content\/roadmap.json does not have/,
    );
  });

  it('duplicate ids, duplicate topics, empty paths and missing fields are refused', () => {
    expect(() => validatePaths([good, good], known)).toThrow(/used twice/);
    expect(() => validatePaths([{ ...good, topics: ['broker', 'broker'] }], known)).toThrow(/twice/);
    expect(() => validatePaths([{ ...good, topics: [] }], known)).toThrow(/lists no topics/);
    expect(() => validatePaths([{ ...good, title: '' }], known)).toThrow(/needs a "title"/);
    expect(() => validatePaths([], known)).toThrow(/non-empty list/);
  });

  it('a valid path passes unchanged', () => {
    expect(validatePaths([good], known)).toEqual([good]);
  });
});
