// Every piece of course content, read through the site's own loader (lib/content.server.ts): each file passes
// its schema, and every reference between files resolves — the roadmap's lesson/simulation links, the lessons'
// embeds (<Simulation>, <Console>, <Challenge>, <Quiz>, <Term>), challenges' presets and topics, scenario and
// path topics. The course's own rules for lessons (a challenge, a quiz of 4–6 mixed questions, a simulation
// for every sim topic) are checked here too.
import { describe, expect, it } from 'vitest';
import { ALL_VIEWS } from '@/components/sim-views/viewRegistry';
import {
  challenges,
  glossary,
  type Lesson,
  lesson,
  lessons,
  paths,
  preset,
  presets,
  quiz,
  quizzes,
  roadmap,
  scenarios,
} from '@/lib/content.server';
import { allSections, allTopics, findSection, findTopic } from '@/lib/roadmap';
import { validateGoal } from '@/simulator/goals';

const VIEWS = new Set<string>(ALL_VIEWS);

/** The string value of an embed's attribute; an {expression} where an id belongs is a broken reference. */
function ids(l: Lesson, component: string, attribute: string, optional = false): string[] {
  return l.embeds
    .filter((e) => e.component === component && !(optional && e.attributes[attribute] === undefined))
    .map((e) => {
      const value = e.attributes[attribute];
      expect(typeof value, `${l.file}:${e.line} <${component}> needs ${attribute}="…"`).toBe('string');
      return value as string;
    });
}

describe('every content file passes its schema', () => {
  it('lessons, presets, challenges, quizzes, scenarios, the glossary and the roadmap load', () => {
    expect(roadmap().levels.length).toBeGreaterThan(0);
    expect(lessons().length).toBeGreaterThan(0);
    expect(presets().length).toBeGreaterThan(0);
    expect(challenges().length).toBeGreaterThan(0);
    expect(quizzes().length).toBe(lessons().length);
    expect(scenarios().length).toBeGreaterThanOrEqual(8);
    expect(glossary().length).toBeGreaterThan(0);
  });
});

describe('the roadmap (content/roadmap.json) and the lesson folders agree', () => {
  it('every topic lesson is the folder of that section, every simulation an existing preset', () => {
    for (const section of allSections()) {
      for (const topic of section.topics) {
        if (topic.lesson !== null) {
          expect(topic.lesson, `${topic.id}: lesson`).toBe(section.id);
          expect(
            lesson(topic.lesson),
            `${topic.id}: content/lessons/${topic.lesson}/lesson.mdx`,
          ).toBeDefined();
        }
        if (topic.simulation !== null)
          expect(preset(topic.simulation), `${topic.id}: preset ${topic.simulation}`).toBeDefined();
      }
    }
  });

  it('every lesson folder is a section some topic names as its lesson (else no page links to it)', () => {
    for (const l of lessons())
      expect(
        findSection(l.id)?.topics.some((t) => t.lesson === l.id),
        `${l.file}: no topic of content/roadmap.json names "${l.id}" as its lesson`,
      ).toBe(true);
  });
});

describe('challenges', () => {
  it.each(challenges().map((c) => [c.id, c] as const))(
    '%s: valid goal, existing preset, topics of its section',
    (id, c) => {
      expect(preset(c.preset), `${id}: preset ${c.preset}`).toBeDefined();
      expect(validateGoal(c.goal), `${id}: goal`).toEqual([]);
      const topics = new Set(findSection(c.section)?.topics.map((t) => t.id));
      for (const t of c.topics)
        expect(topics.has(t), `${id}: topic ${t} is not in section ${c.section}`).toBe(true);
      // Course rule: hints come one at a time, so there are at least two.
      expect(c.hints.length, `${id}: hints`).toBeGreaterThanOrEqual(2);
    },
  );
});

describe('lessons', () => {
  const termIds = new Set(glossary().map((e) => e.id));

  it.each(lessons().map((l) => [l.id, l] as const))(
    '%s: every embed names an existing preset, challenge, quiz, view or term',
    (_id, l) => {
      for (const p of [...ids(l, 'Simulation', 'preset'), ...ids(l, 'Console', 'preset', true)])
        expect(preset(p), `${l.file}: preset "${p}"`).toBeDefined();
      for (const c of ids(l, 'Challenge', 'id'))
        expect(
          challenges().some((x) => x.id === c),
          `${l.file}: <Challenge id="${c}">`,
        ).toBe(true);
      for (const q of ids(l, 'Quiz', 'id')) expect(quiz(q), `${l.file}: <Quiz id="${q}">`).toBeDefined();
      for (const t of ids(l, 'Term', 'id')) expect(termIds.has(t), `${l.file}: <Term id="${t}">`).toBe(true);
      for (const e of l.embeds.filter(
        (x) => x.component === 'Simulation' && x.attributes.views !== undefined,
      )) {
        const views = e.attributes.views;
        expect(typeof views, `${l.file}:${e.line} views`).toBe('string');
        for (const view of String(views).split(','))
          expect(VIEWS.has(view.trim()), `${l.file}:${e.line} view ${view}`).toBe(true);
      }
    },
  );

  it.each(lessons().map((l) => [l.id, l] as const))(
    '%s: its own quiz of 4–6 mixed questions, a challenge, and a simulation for every sim topic',
    (id, l) => {
      expect(ids(l, 'Quiz', 'id'), `${l.file}: its own quiz`).toEqual([id]);
      const own = quiz(id);
      expect(own?.questions.length).toBeGreaterThanOrEqual(4);
      expect(own?.questions.length).toBeLessThanOrEqual(6);
      expect(
        new Set(own?.questions.map((q) => q.kind)).size,
        `${id}: mix question kinds`,
      ).toBeGreaterThanOrEqual(2);
      expect(ids(l, 'Challenge', 'id').length, `${l.file}: a challenge`).toBeGreaterThan(0);
      expect(
        challenges().some((c) => c.section === id),
        `content/lessons/${id}/challenges/ has a challenge`,
      ).toBe(true);
      const embedded = new Set(ids(l, 'Simulation', 'preset'));
      for (const t of findSection(id)?.topics ?? [])
        if (t.sim)
          expect(t.simulation !== null && embedded.has(t.simulation), `${id}: topic ${t.id}`).toBe(true);
    },
  );

  it.each(lessons().map((l) => [l.id, l] as const))('%s: metadata comes from the roadmap', (id, l) => {
    const section = findSection(id);
    expect(l.meta.level).toBe(section?.level.id);
    expect(l.meta.topics).toEqual(section?.topics.map((t) => t.id));
    // Each topic has its own h2, which the roadmap links to.
    expect(l.toc.filter((e) => e.depth === 2).length).toBeGreaterThanOrEqual(l.meta.topics.length);
  });
});

describe('scenarios and paths name roadmap topics', () => {
  it.each(scenarios().map((s) => [s.id, s] as const))('scenario %s', (_id, s) => {
    for (const t of s.topics)
      expect(findTopic(t), `content/scenarios/${s.id}.json: topic ${t}`).toBeDefined();
  });

  it('every learning path', () => {
    const topicIds = new Set(allTopics().map((t) => t.id));
    for (const p of paths())
      for (const t of p.topics) expect(topicIds.has(t), `content/paths.json ${p.id}: topic ${t}`).toBe(true);
  });
});
