// One schema per kind of content file. Each takes the parsed file and where it came from, returns it typed, and
// throws a ContentError naming the file and the field otherwise. The loader (lib/content.server.ts) is their
// only caller in the site; the content tests call them through the loader too.
import type { ChallengeSpec } from '@/components/challenge/types';
import type { Preset, PresetAction } from '@/components/embeds/preset';
import type { QuizData, QuizQuestion } from '@/components/quiz/quizData';
import type { Level, LevelId, Roadmap, Section, Topic } from '@/lib/roadmap';
import type { Goal, GoalCondition } from '@/simulator/goals/types';
import type { Scenario } from '@/simulator/scenario/types';
import { validateScenario } from '@/simulator/scenario/validateScenario';
import {
  type At,
  at,
  child,
  distinct,
  fail,
  id,
  integer,
  list,
  object,
  optionalText,
  text,
  textList,
} from './fields';
import type { GlossaryEntry, LessonFrontmatter } from './types';

/** The most brokers a preset may start (the views lay out up to twelve). */
export const MAX_BROKERS = 12;

function focus(where: At, value: unknown): Preset['focus'] {
  if (value === undefined) return undefined;
  const f = object(where, value, ['topic', 'partition', 'group']);
  return {
    ...(f.topic !== undefined ? { topic: text(child(where, 'topic'), f.topic) } : {}),
    ...(f.partition !== undefined ? { partition: integer(child(where, 'partition'), f.partition, 0) } : {}),
    ...(f.group !== undefined ? { group: text(child(where, 'group'), f.group) } : {}),
  };
}

/** content/lessons/<section>/presets/<id>.json and content/playground/<id>.json: a starting cluster. */
export function parsePreset(file: string, raw: unknown, fileId: string): Preset {
  const where = at(file);
  const p = object(where, raw, [
    'id',
    'title',
    'description',
    'brokers',
    'seed',
    'setup',
    'focus',
    'actions',
  ]);
  const presetId = id(child(where, 'id'), p.id);
  if (presetId !== fileId) fail(child(where, 'id'), `must be "${fileId}", the file's name`);
  const actionsAt = child(where, 'actions');
  const actions: PresetAction[] = list(actionsAt, p.actions).map((a, index) => {
    const actionAt = child(actionsAt, index);
    const action = object(actionAt, a, ['label', 'command']);
    return {
      label: text(child(actionAt, 'label'), action.label),
      command: text(child(actionAt, 'command'), action.command),
    };
  });
  distinct(
    actionsAt,
    actions.map((a) => a.label),
  );
  const presetFocus = focus(child(where, 'focus'), p.focus);
  return {
    id: presetId,
    title: text(child(where, 'title'), p.title),
    description: text(child(where, 'description'), p.description),
    brokers: integer(child(where, 'brokers'), p.brokers, 1, MAX_BROKERS),
    seed: integer(child(where, 'seed'), p.seed, 0),
    setup: textList(child(where, 'setup'), p.setup),
    ...(presetFocus ? { focus: presetFocus } : {}),
    actions,
  };
}

function goal(where: At, value: unknown): Goal {
  // The shape only; each condition's own parameters are the goal module's to check (validateGoal).
  const g = object(where, value, ['description', 'conditions']);
  const conditionsAt = child(where, 'conditions');
  const conditions = list(conditionsAt, g.conditions, 1).map((c, index) => {
    const condition = object(child(conditionsAt, index), c);
    text(child(child(conditionsAt, index), 'kind'), condition.kind);
    return condition as GoalCondition;
  });
  return { description: text(child(where, 'description'), g.description), conditions };
}

/** content/lessons/<section>/challenges/<id>.json: a start state, a goal, hints and a reference solution. */
export function parseChallenge(file: string, raw: unknown, fileId: string, section: string): ChallengeSpec {
  const where = at(file);
  const c = object(where, raw, [
    'id',
    'topics',
    'title',
    'brief',
    'preset',
    'goal',
    'hints',
    'solution',
    'explanation',
  ]);
  const challengeId = id(child(where, 'id'), c.id);
  if (challengeId !== fileId) fail(child(where, 'id'), `must be "${fileId}", the file's name`);
  const topics = textList(child(where, 'topics'), c.topics, 1);
  distinct(child(where, 'topics'), topics);
  return {
    id: challengeId,
    section,
    topics,
    title: text(child(where, 'title'), c.title),
    brief: text(child(where, 'brief'), c.brief),
    preset: id(child(where, 'preset'), c.preset),
    goal: goal(child(where, 'goal'), c.goal),
    hints: textList(child(where, 'hints'), c.hints, 1),
    solution: textList(child(where, 'solution'), c.solution, 1),
    explanation: text(child(where, 'explanation'), c.explanation),
  };
}

function question(where: At, raw: unknown): QuizQuestion {
  const q = object(where, raw, [
    'id',
    'kind',
    'prompt',
    'explanation',
    'options',
    'answer',
    'tolerance',
    'unit',
  ]);
  const base = {
    id: id(child(where, 'id'), q.id),
    prompt: text(child(where, 'prompt'), q.prompt),
    explanation: text(child(where, 'explanation'), q.explanation),
  };
  const answerAt = child(where, 'answer');
  const options = () => {
    const all = textList(child(where, 'options'), q.options, 2);
    distinct(child(where, 'options'), all);
    return all;
  };
  const noOptions = () => {
    if (q.options !== undefined) fail(child(where, 'options'), `is only for single and multiple choice`);
  };
  switch (q.kind) {
    case 'single': {
      const all = options();
      return {
        ...base,
        kind: 'single',
        options: all,
        answer: integer(answerAt, q.answer, 0, all.length - 1),
      };
    }
    case 'multiple': {
      const all = options();
      const answer = list(answerAt, q.answer, 1).map((value, index) =>
        integer(child(answerAt, index), value, 0, all.length - 1),
      );
      distinct(answerAt, answer.map(String));
      return { ...base, kind: 'multiple', options: all, answer: [...answer].sort((a, b) => a - b) };
    }
    case 'truefalse':
      noOptions();
      if (typeof q.answer !== 'boolean') fail(answerAt, 'must be true or false');
      return { ...base, kind: 'truefalse', answer: q.answer };
    case 'number': {
      noOptions();
      if (typeof q.answer !== 'number' || !Number.isFinite(q.answer)) fail(answerAt, 'must be a number');
      if (q.tolerance !== undefined && !(typeof q.tolerance === 'number' && q.tolerance >= 0))
        fail(child(where, 'tolerance'), 'must be a number, zero or more');
      const unit = optionalText(child(where, 'unit'), q.unit);
      return {
        ...base,
        kind: 'number',
        answer: q.answer,
        ...(q.tolerance !== undefined ? { tolerance: q.tolerance as number } : {}),
        ...(unit ? { unit } : {}),
      };
    }
    default:
      return fail(
        child(where, 'kind'),
        `is ${JSON.stringify(q.kind)}; it must be single, multiple, truefalse or number`,
      );
  }
}

/** content/lessons/<section>/quiz.json: the lesson's quiz; its id is the section's. */
export function parseQuiz(file: string, raw: unknown, section: string): QuizData {
  const where = at(file);
  const quiz = object(where, raw, ['passPercent', 'questions']);
  const passPercent =
    quiz.passPercent === undefined ? 70 : integer(child(where, 'passPercent'), quiz.passPercent, 1, 100);
  const questionsAt = child(where, 'questions');
  const questions = list(questionsAt, quiz.questions, 1).map((q, index) =>
    question(child(questionsAt, index), q),
  );
  distinct(
    questionsAt,
    questions.map((q) => q.id),
  );
  return { id: section, passPercent, questions };
}

/**
 * A lesson's frontmatter keeps only what is the lesson's own. Its section is its folder, and its level and
 * topics are content/roadmap.json's, so those fields are refused rather than checked against it.
 */
export function parseLessonFrontmatter(file: string, raw: unknown): LessonFrontmatter {
  const where = at(file, 'frontmatter');
  const fm = object(where, raw);
  for (const derived of ['section', 'level', 'topics']) {
    if (fm[derived] !== undefined)
      fail(
        child(where, derived),
        'comes from content/roadmap.json (the folder names the section); remove it',
      );
  }
  object(where, raw, ['title', 'summary', 'minutes', 'objectives']);
  return {
    title: text(child(where, 'title'), fm.title),
    summary: text(child(where, 'summary'), fm.summary),
    minutes: integer(child(where, 'minutes'), fm.minutes, 1),
    objectives: textList(child(where, 'objectives'), fm.objectives, 1),
  };
}

/** content/glossary.json: every term the lessons link with <Term id="…">. */
export function parseGlossary(file: string, raw: unknown): GlossaryEntry[] {
  const where = at(file);
  const entries = list(where, raw, 1).map((e, index) => {
    const entryAt = child(where, index);
    const entry = object(entryAt, e, ['id', 'term', 'definition', 'seeAlso']);
    return {
      id: id(child(entryAt, 'id'), entry.id),
      term: text(child(entryAt, 'term'), entry.term),
      definition: text(child(entryAt, 'definition'), entry.definition),
      seeAlso: entry.seeAlso === undefined ? [] : textList(child(entryAt, 'seeAlso'), entry.seeAlso),
    };
  });
  distinct(
    where,
    entries.map((e) => e.id),
  );
  const ids = new Set(entries.map((e) => e.id));
  for (const [index, e] of entries.entries()) {
    for (const [k, other] of e.seeAlso.entries()) {
      if (!ids.has(other) || other === e.id)
        fail(
          child(child(child(where, index), 'seeAlso'), k),
          `names ${JSON.stringify(other)}, which is not another entry`,
        );
    }
  }
  return entries;
}

/** content/scenarios/<id>.json: the simulator's own scenario check, the same one imported files and links pass. */
export function parseScenario(file: string, raw: unknown, fileId: string): Scenario {
  const result = validateScenario(raw);
  if (!result.ok) {
    const first = result.problems[0];
    fail(
      at(file, first.path),
      `${first.message}${result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : ''}`,
    );
  }
  if (result.scenario.id !== fileId) fail(at(file, 'id'), `must be "${fileId}", the file's name`);
  return result.scenario;
}

const LEVELS: readonly LevelId[] = [
  'beginner',
  'intermediate',
  'advanced',
  'expert',
  'enterprise',
  'tools',
  'choosing',
];

function nullableId(where: At, value: unknown): string | null {
  return value === null ? null : id(where, value);
}

/** content/roadmap.json: the curriculum, levels of sections of topics; ids unique across the whole file. */
export function parseRoadmap(file: string, raw: unknown): Roadmap {
  const where = at(file);
  const r = object(where, raw, ['title', 'subtitle', 'levels']);
  const seen = new Map<string, string>();
  const unique = (w: At, value: string) => {
    const other = seen.get(value);
    if (other) fail(w, `"${value}" is also the id at ${other}`);
    seen.set(value, w.path);
    return value;
  };
  const levelsAt = child(where, 'levels');
  const levels: Level[] = list(levelsAt, r.levels, 1).map((l, li) => {
    const levelAt = child(levelsAt, li);
    const level = object(levelAt, l, ['id', 'number', 'title', 'sections']);
    const levelId = id(child(levelAt, 'id'), level.id);
    if (!LEVELS.includes(levelId as LevelId))
      fail(child(levelAt, 'id'), `must be one of ${LEVELS.join(', ')}`);
    const sectionsAt = child(levelAt, 'sections');
    const sections: Section[] = list(sectionsAt, level.sections, 1).map((s, si) => {
      const sectionAt = child(sectionsAt, si);
      const section = object(sectionAt, s, ['id', 'title', 'topics']);
      const topicsAt = child(sectionAt, 'topics');
      const topics: Topic[] = list(topicsAt, section.topics, 1).map((t, ti) => {
        const topicAt = child(topicsAt, ti);
        const topic = object(topicAt, t, ['id', 'title', 'sim', 'simNote', 'lesson', 'simulation']);
        if (typeof topic.sim !== 'boolean') fail(child(topicAt, 'sim'), 'must be true or false');
        const simNote = optionalText(child(topicAt, 'simNote'), topic.simNote);
        return {
          id: unique(child(topicAt, 'id'), id(child(topicAt, 'id'), topic.id)),
          title: text(child(topicAt, 'title'), topic.title),
          sim: topic.sim,
          ...(simNote ? { simNote } : {}),
          lesson: nullableId(child(topicAt, 'lesson'), topic.lesson),
          simulation: nullableId(child(topicAt, 'simulation'), topic.simulation),
        };
      });
      return {
        id: unique(child(sectionAt, 'id'), id(child(sectionAt, 'id'), section.id)),
        title: text(child(sectionAt, 'title'), section.title),
        topics,
      };
    });
    const number = level.number === null ? null : integer(child(levelAt, 'number'), level.number, 1);
    return { id: levelId as LevelId, number, title: text(child(levelAt, 'title'), level.title), sections };
  });
  return {
    title: text(child(where, 'title'), r.title),
    subtitle: text(child(where, 'subtitle'), r.subtitle),
    levels,
  };
}
