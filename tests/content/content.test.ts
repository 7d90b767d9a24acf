// Validates every piece of course content data: presets, challenges, quizzes, glossary, lessons' references and
// the roadmap's lesson/simulation links. Only reads content/ in this repository.
import { describe, expect, it } from 'vitest';
import { validateGoal } from '@/simulator/goals';
import {
  attrValues,
  challenges,
  glossary,
  lessons,
  openingTags,
  presets,
  quizzes,
  roadmap,
  sections,
  tagsMissing,
} from './contentFiles';

const VIEWS = new Set(['cluster', 'log', 'producer', 'group', 'retention', 'timeline']);
const LEVELS = new Set(['beginner', 'intermediate', 'advanced', 'expert', 'enterprise', 'tools', 'choosing']);
const nonEmpty = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

describe('presets (content/presets/*.json)', () => {
  const all = presets();
  it.each([...all.entries()])('%s is well-formed', (file, p) => {
    expect(p.id).toBe(file);
    expect(nonEmpty(p.title)).toBe(true);
    expect(nonEmpty(p.description)).toBe(true);
    expect(Number.isInteger(p.brokers) && p.brokers >= 1).toBe(true);
    expect(Number.isInteger(p.seed)).toBe(true);
    expect(Array.isArray(p.setup) && p.setup.every(nonEmpty)).toBe(true);
    expect(Array.isArray(p.actions)).toBe(true);
    for (const a of p.actions) {
      expect(nonEmpty(a.label), `${file}: action label`).toBe(true);
      expect(nonEmpty(a.command), `${file}: action command`).toBe(true);
    }
    expect(new Set(p.actions.map((a) => a.label)).size, `${file}: duplicate action labels`).toBe(
      p.actions.length,
    );
  });
});

describe('challenges (content/challenges/*.json)', () => {
  const all = challenges();
  const presetIds = new Set(presets().keys());
  const bySection = new Map(sections().map((s) => [s.id, new Set(s.topics.map((t) => t.id))]));
  it.each([...all.entries()])('%s is well-formed and its goal is valid data', (file, c) => {
    expect(c.id).toBe(file);
    expect(bySection.has(c.section), `${file}: unknown section ${c.section}`).toBe(true);
    expect(c.topics.length).toBeGreaterThan(0);
    for (const t of c.topics)
      expect(bySection.get(c.section)?.has(t), `${file}: topic ${t} not in ${c.section}`).toBe(true);
    for (const field of ['title', 'brief', 'explanation'] as const)
      expect(nonEmpty(c[field]), `${file}: ${field}`).toBe(true);
    expect(presetIds.has(c.preset), `${file}: preset ${c.preset} missing`).toBe(true);
    expect(validateGoal(c.goal)).toEqual([]);
    expect(c.hints.length).toBeGreaterThanOrEqual(2);
    expect(c.hints.every(nonEmpty)).toBe(true);
    expect(c.solution.length).toBeGreaterThan(0);
    expect(c.solution.every(nonEmpty)).toBe(true);
  });

  it('every section with a lesson has at least one challenge', () => {
    const withChallenge = new Set([...all.values()].map((c) => c.section));
    for (const l of lessons()) expect(withChallenge.has(l.id), `no challenge for ${l.id}`).toBe(true);
  });
});

describe('quizzes (content/quizzes/*.json)', () => {
  const all = quizzes();
  const sectionIds = new Set(sections().map((s) => s.id));
  it.each([...all.entries()])('%s has 4–6 valid questions with valid answers', (file, q) => {
    expect(q.id).toBe(file);
    expect(sectionIds.has(q.id), `${file}: not a section id`).toBe(true);
    expect(q.passPercent).toBeGreaterThan(0);
    expect(q.passPercent).toBeLessThanOrEqual(100);
    expect(q.questions.length).toBeGreaterThanOrEqual(4);
    expect(q.questions.length).toBeLessThanOrEqual(6);
    expect(new Set(q.questions.map((x) => x.id)).size).toBe(q.questions.length);
    expect(
      new Set(q.questions.map((x) => x.kind)).size,
      `${file}: mix question kinds`,
    ).toBeGreaterThanOrEqual(2);
    for (const x of q.questions) {
      const where = `${file}/${x.id}`;
      expect(nonEmpty(x.prompt), where).toBe(true);
      expect(nonEmpty(x.explanation), where).toBe(true);
      const n = x.options?.length ?? 0;
      switch (x.kind) {
        case 'single':
          expect(n, where).toBeGreaterThanOrEqual(2);
          expect(
            Number.isInteger(x.answer) && (x.answer as number) >= 0 && (x.answer as number) < n,
            where,
          ).toBe(true);
          break;
        case 'multiple': {
          const a = x.answer as number[];
          expect(Array.isArray(a) && a.length > 0, where).toBe(true);
          expect(new Set(a).size, where).toBe(a.length);
          expect(
            a.every((i) => Number.isInteger(i) && i >= 0 && i < n),
            where,
          ).toBe(true);
          break;
        }
        case 'truefalse':
          expect(typeof x.answer, where).toBe('boolean');
          break;
        case 'number':
          expect(typeof x.answer === 'number' && Number.isFinite(x.answer), where).toBe(true);
          break;
        default:
          throw new Error(`${where}: unknown kind ${String((x as { kind: unknown }).kind)}`);
      }
      if (x.kind === 'single' || x.kind === 'multiple') {
        expect(new Set(x.options).size, `${where}: duplicate options`).toBe(n);
        expect((x.options ?? []).every(nonEmpty), where).toBe(true);
      }
    }
  });
});

describe('glossary (content/glossary.json)', () => {
  const g = glossary();
  it('ids are unique and every entry has a term and definition', () => {
    expect(new Set(g.map((e) => e.id)).size).toBe(g.length);
    for (const e of g) {
      expect(/^[a-z0-9]+(-[a-z0-9]+)*$/.test(e.id), e.id).toBe(true);
      expect(nonEmpty(e.term) && nonEmpty(e.definition), e.id).toBe(true);
    }
  });
  it('every seeAlso resolves to another entry', () => {
    const ids = new Set(g.map((e) => e.id));
    for (const e of g)
      for (const s of e.seeAlso ?? []) expect(ids.has(s) && s !== e.id, `${e.id} -> ${s}`).toBe(true);
  });
});

describe('lessons (content/*.mdx)', () => {
  const all = lessons();
  const presetIds = new Set(presets().keys());
  const challengeIds = new Set(challenges().keys());
  const quizIds = new Set(quizzes().keys());
  const termIds = new Set(glossary().map((e) => e.id));
  const sectionById = new Map(sections().map((s) => [s.id, s]));

  it.each(all.map((l) => [l.id, l] as const))('%s has complete frontmatter for its section', (id, l) => {
    const fm = l.frontmatter;
    expect(fm.section).toBe(id);
    expect(sectionById.has(id), `${id} is not a roadmap section`).toBe(true);
    for (const k of ['title', 'summary']) expect(nonEmpty(fm[k]), `${id}: ${k}`).toBe(true);
    expect(LEVELS.has(fm.level as string), `${id}: level`).toBe(true);
    expect(Number.isInteger(fm.minutes) && (fm.minutes as number) > 0, `${id}: minutes`).toBe(true);
    const objectives = fm.objectives as unknown[];
    expect(
      Array.isArray(objectives) && objectives.length > 0 && objectives.every(nonEmpty),
      `${id}: objectives`,
    ).toBe(true);
    const topics = sectionById.get(id)?.topics.map((t) => t.id) ?? [];
    expect([...(fm.topics as string[])].sort(), `${id}: topics`).toEqual([...topics].sort());
  });

  it.each(all.map((l) => [l.id, l] as const))(
    '%s references only existing presets, challenges, quizzes and terms',
    (id, l) => {
      for (const [comp, attr, known] of [
        ['Simulation', 'preset', presetIds],
        ['Console', 'preset', presetIds],
        ['Challenge', 'id', challengeIds],
        ['Quiz', 'id', quizIds],
        ['Term', 'id', termIds],
      ] as const) {
        expect(tagsMissing(l.body, comp, attr), `${id}: <${comp}> without ${attr}`).toBe(0);
        for (const v of attrValues(l.body, comp, attr))
          expect(known.has(v), `${id}: <${comp} ${attr}="${v}">`).toBe(true);
      }
      for (const v of attrValues(l.body, 'Simulation', 'views')) {
        for (const view of v.split(',')) expect(VIEWS.has(view.trim()), `${id}: view ${view}`).toBe(true);
      }
      expect(attrValues(l.body, 'Quiz', 'id'), `${id}: its own quiz`).toContain(id);
      expect(openingTags(l.body, 'Challenge').length, `${id}: a challenge`).toBeGreaterThan(0);
    },
  );

  it.each(all.map((l) => [l.id, l] as const))(
    '%s embeds a simulation for every (sim) topic it teaches',
    (id, l) => {
      const embedded = new Set(attrValues(l.body, 'Simulation', 'preset'));
      for (const t of sectionById.get(id)?.topics ?? []) {
        if (t.sim)
          expect(t.simulation !== null && embedded.has(t.simulation), `${id}: topic ${t.id}`).toBe(true);
      }
    },
  );
});

describe('roadmap links (content/roadmap.json)', () => {
  it('every topic lesson is an existing lesson of that section and every simulation an existing preset', () => {
    const lessonIds = new Set(lessons().map((l) => l.id));
    const presetIds = new Set(presets().keys());
    for (const s of sections()) {
      for (const t of s.topics) {
        if (t.lesson !== null) {
          expect(lessonIds.has(t.lesson), `${t.id}: lesson ${t.lesson}`).toBe(true);
          expect(t.lesson, `${t.id}`).toBe(s.id);
        }
        if (t.simulation !== null)
          expect(presetIds.has(t.simulation), `${t.id}: preset ${t.simulation}`).toBe(true);
      }
    }
    expect(roadmap().levels.length).toBeGreaterThan(0);
  });
});
