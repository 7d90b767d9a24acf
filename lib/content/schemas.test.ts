import { describe, expect, it } from 'vitest';
import { parseLessonSource } from './mdx';
import { parseChallenge, parseLessonFrontmatter, parsePreset, parseQuiz } from './schemas';

// The content schemas refuse a broken file with its path and the field at fault, so an author knows where to look.

const preset = {
  id: 'x',
  title: 'T',
  description: 'D',
  brokers: 3,
  seed: 1,
  setup: ['kafka-topics.sh --create --topic t'],
  actions: [{ label: 'Go', command: 'broker stop 1' }],
};

describe('content schemas name the file and the field', () => {
  it('a preset', () => {
    expect(parsePreset('p/x.json', preset, 'x')).toEqual(preset);
    expect(() => parsePreset('p/x.json', { ...preset, brokers: 13 }, 'x')).toThrow(
      'p/x.json: brokers must be a whole number from 1 to 12',
    );
    expect(() => parsePreset('p/x.json', { ...preset, id: 'y' }, 'x')).toThrow(
      'p/x.json: id must be "x", the file\'s name',
    );
    expect(() =>
      parsePreset(
        'p/x.json',
        { ...preset, actions: [...preset.actions, { label: 'Go', command: 'a' }] },
        'x',
      ),
    ).toThrow('p/x.json: actions[1] repeats "Go"');
    expect(() => parsePreset('p/x.json', { ...preset, actions: undefined }, 'x')).toThrow(
      'p/x.json: actions must be a list',
    );
    expect(() => parsePreset('p/x.json', { ...preset, colour: 'red' }, 'x')).toThrow(
      'p/x.json: colour is not a field of this kind of file',
    );
  });

  it('a challenge takes its section from its folder', () => {
    const raw = {
      id: 'c',
      topics: ['t'],
      title: 'T',
      brief: 'B',
      preset: 'x',
      goal: { description: 'G', conditions: [{ kind: 'topicExists', topic: 't' }] },
      hints: ['h1', 'h2'],
      solution: ['broker stop 1'],
      explanation: 'E',
    };
    expect(parseChallenge('c.json', raw, 'c', 'basics').section).toBe('basics');
    expect(() => parseChallenge('c.json', { ...raw, section: 'basics' }, 'c', 'basics')).toThrow(
      'c.json: section is not a field',
    );
    expect(() =>
      parseChallenge('c.json', { ...raw, goal: { description: 'G', conditions: [{}] } }, 'c', 's'),
    ).toThrow('c.json: goal.conditions[0].kind must be a non-empty string');
  });

  it('a quiz takes its id from its folder and checks every answer against its options', () => {
    const q = { id: 'q1', kind: 'single', prompt: 'P', explanation: 'E', options: ['a', 'b'], answer: 1 };
    expect(parseQuiz('quiz.json', { questions: [q] }, 'basics')).toMatchObject({
      id: 'basics',
      passPercent: 70,
    });
    expect(() => parseQuiz('quiz.json', { questions: [{ ...q, answer: 5 }] }, 'basics')).toThrow(
      'quiz.json: questions[0].answer must be a whole number from 0 to 1',
    );
    expect(() => parseQuiz('quiz.json', { questions: [{ ...q, options: ['a', 'a'] }] }, 'basics')).toThrow(
      'quiz.json: questions[0].options[1] repeats "a"',
    );
    expect(() => parseQuiz('quiz.json', { questions: [{ ...q, kind: 'essay' }] }, 'basics')).toThrow(
      'quiz.json: questions[0].kind is "essay"',
    );
    expect(() => parseQuiz('quiz.json', { questions: [q, q] }, 'basics')).toThrow(
      'quiz.json: questions[1] repeats "q1"',
    );
  });

  it('a lesson frontmatter refuses what content/roadmap.json already says', () => {
    const fm = { title: 'T', summary: 'S', minutes: 10, objectives: ['o'] };
    expect(parseLessonFrontmatter('l.mdx', fm)).toEqual(fm);
    expect(() => parseLessonFrontmatter('l.mdx', { ...fm, level: 'beginner' })).toThrow(
      'l.mdx: frontmatter.level comes from content/roadmap.json',
    );
    expect(() => parseLessonFrontmatter('l.mdx', { ...fm, minutes: 0 })).toThrow(
      'l.mdx: frontmatter.minutes',
    );
  });
});

describe('lesson MDX is read with the MDX parser', () => {
  const source = [
    '---',
    'title: T',
    '---',
    '',
    '## A `code` heading',
    '',
    '<Simulation preset="p1" views="cluster,log" />',
    '',
    '```mdx',
    '<Simulation preset="not-an-embed" />',
    '## not a heading',
    '```',
    '',
    '{/* <Challenge id="commented-out" /> */}',
    '',
    '## A `code` heading',
    '',
    'Some <Term id="offset">offsets</Term> and a <Console lines={["a", "b"]} />.',
    '',
    '### Sub',
  ].join('\n');

  it('finds embeds in document order, never inside code or comments', () => {
    const { embeds } = parseLessonSource('l.mdx', source);
    expect(embeds.map((e) => [e.component, e.attributes])).toEqual([
      ['Simulation', { preset: 'p1', views: 'cluster,log' }],
      ['Term', { id: 'offset' }],
      ['Console', { lines: { expression: '["a", "b"]' } }],
    ]);
  });

  it('gives headings the ids rehype-slug gives them (github-slugger, repeats numbered)', () => {
    expect(parseLessonSource('l.mdx', source).toc).toEqual([
      { depth: 2, text: 'A code heading', id: 'a-code-heading' },
      { depth: 2, text: 'A code heading', id: 'a-code-heading-1' },
      { depth: 3, text: 'Sub', id: 'sub' },
    ]);
  });

  it('reads the frontmatter, and names the file when there is none or the MDX is broken', () => {
    expect(parseLessonSource('l.mdx', source).frontmatter).toEqual({ title: 'T' });
    expect(() => parseLessonSource('l.mdx', '# no frontmatter')).toThrow('l.mdx: frontmatter is missing');
    expect(() => parseLessonSource('l.mdx', '---\ntitle: T\n---\n\n<Simulation preset="x"')).toThrow(
      'l.mdx: is not valid MDX',
    );
  });
});
