// The one reader of content/. Build time only (node:fs): pages, the content tests and the e2e suite call it,
// so every file is found one way and checked by one schema per kind (lib/content/schemas.ts).
//
//   content/lessons/<section>/lesson.mdx            a lesson (the folder is its roadmap section id)
//   content/lessons/<section>/presets/<id>.json     starting clusters for its <Simulation>, <Console>, challenges
//   content/lessons/<section>/challenges/<id>.json  its challenges
//   content/lessons/<section>/quiz.json             its quiz (the quiz id is the section id)
//   content/playground/<id>.json                    presets offered first in the playground
//   content/scenarios/<id>.json                     classroom scenarios
//   content/roadmap.json, paths.json, glossary.json
//
// Adding a lesson is adding a folder and naming it as the `lesson` of its topics in roadmap.json; nothing is
// registered or generated. Every reader is memoised: a build reads and checks each file once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChallengeSpec } from '@/components/challenge/types';
import type { Preset } from '@/components/embeds/preset';
import type { QuizData } from '@/components/quiz/quizData';
import { type LearningPath, learningPaths } from '@/lib/progress/paths';
import { allTopics, findSection, type Roadmap, roadmap as roadmapData } from '@/lib/roadmap';
import type { Scenario } from '@/simulator/scenario/types';
import { ContentError } from './content/fields';
import { parseLessonSource } from './content/mdx';
import {
  parseChallenge,
  parseGlossary,
  parseLessonFrontmatter,
  parsePreset,
  parseQuiz,
  parseRoadmap,
  parseScenario,
} from './content/schemas';
import type { Embed, GlossaryEntry, LessonMeta, TocEntry } from './content/types';

export type {
  ChallengeSpec,
  Embed,
  GlossaryEntry,
  LearningPath,
  LessonMeta,
  Preset,
  QuizData,
  Scenario,
  TocEntry,
};

/** A lesson as the loader knows it: metadata, table of contents, embeds, and where its files are. */
export type Lesson = {
  id: string;
  meta: LessonMeta;
  toc: TocEntry[];
  embeds: Embed[];
  /** The MDX source (for the compile test); the page imports the file itself. */
  source: string;
  file: string;
};

/** Where a preset comes from: a lesson's folder, or the playground's. */
export type PresetOrigin = { kind: 'lesson'; section: string } | { kind: 'playground' };

const ROOT = path.join(process.cwd(), 'content');

/** Repository-relative path, for messages. */
const rel = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

function memo<T>(read: () => T): () => T {
  let value: { v: T } | null = null;
  return () => {
    value ??= { v: read() };
    return value.v;
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(
      rel(file),
      null,
      `is not valid JSON: ${error instanceof Error ? error.message : error}`,
    );
  }
}

/** The *.json files of a folder, sorted, with their ids (the file name without .json). */
function jsonFiles(dir: string): Array<{ file: string; id: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ file: path.join(dir, name), id: name.slice(0, -'.json'.length) }));
}

/** Lesson folders (those holding a lesson.mdx), sorted. */
const lessonFolders = memo(() => {
  const dir = path.join(ROOT, 'lessons');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'lesson.mdx')))
    .map((entry) => entry.name)
    .sort();
});

function readLesson(section: string): Lesson {
  const file = path.join(ROOT, 'lessons', section, 'lesson.mdx');
  const where = rel(file);
  const found = findSection(section);
  if (!found)
    throw new ContentError(
      where,
      null,
      `is in a folder named "${section}", which is not a section of content/roadmap.json`,
    );
  const source = readFileSync(file, 'utf8');
  const parsed = parseLessonSource(where, source);
  const own = parseLessonFrontmatter(where, parsed.frontmatter);
  return {
    id: section,
    meta: { ...own, section, level: found.level.id, topics: found.topics.map((topic) => topic.id) },
    toc: parsed.toc,
    embeds: parsed.embeds,
    source,
    file: where,
  };
}

const lessonMap = memo(() => new Map(lessonFolders().map((section) => [section, readLesson(section)])));

/** Every lesson on disk, by folder name. */
export function lessons(): Lesson[] {
  return [...lessonMap().values()];
}

/** The lesson of a section, or undefined when its folder has no lesson.mdx. */
export function lesson(section: string): Lesson | undefined {
  return lessonMap().get(section);
}

type Located<T> = { value: T; file: string; origin: PresetOrigin };

function presetsIn(dir: string, origin: PresetOrigin): Array<Located<Preset>> {
  return jsonFiles(dir).map(({ file, id }) => ({
    value: parsePreset(rel(file), readJson(file), id),
    file: rel(file),
    origin,
  }));
}

const presetIndex = memo(() => {
  const all = [
    ...presetsIn(path.join(ROOT, 'playground'), { kind: 'playground' }),
    ...lessonFolders().flatMap((section) =>
      presetsIn(path.join(ROOT, 'lessons', section, 'presets'), { kind: 'lesson', section }),
    ),
  ];
  const byId = new Map<string, Located<Preset>>();
  for (const entry of all) {
    const other = byId.get(entry.value.id);
    // Share links and challenges name presets by id alone, so an id is unique across every folder.
    if (other)
      throw new ContentError(entry.file, 'id', `"${entry.value.id}" is also the id of ${other.file}`);
    byId.set(entry.value.id, entry);
  }
  return byId;
});

/** Every preset: the playground's first, then each lesson's, in folder order. */
export function presets(): Preset[] {
  return [...presetIndex().values()].map((entry) => entry.value);
}

export function preset(id: string): Preset | undefined {
  return presetIndex().get(id)?.value;
}

/** Where a preset's file lives (for messages and tests). */
export function presetOrigin(id: string): PresetOrigin | undefined {
  return presetIndex().get(id)?.origin;
}

/** The presets of content/playground/, offered first in the playground. */
export function playgroundPresets(): Preset[] {
  return [...presetIndex().values()]
    .filter((entry) => entry.origin.kind === 'playground')
    .map((e) => e.value);
}

/** The lessons' presets, offered after the playground's. */
export function lessonPresets(): Preset[] {
  return [...presetIndex().values()].filter((entry) => entry.origin.kind === 'lesson').map((e) => e.value);
}

const challengeIndex = memo(() => {
  const byId = new Map<string, ChallengeSpec>();
  for (const section of lessonFolders()) {
    for (const { file, id } of jsonFiles(path.join(ROOT, 'lessons', section, 'challenges'))) {
      const spec = parseChallenge(rel(file), readJson(file), id, section);
      if (byId.has(spec.id))
        throw new ContentError(rel(file), 'id', `"${spec.id}" is used by another challenge`);
      byId.set(spec.id, spec);
    }
  }
  return byId;
});

/** Every challenge, each with the section of the folder it lives in. */
export function challenges(): ChallengeSpec[] {
  return [...challengeIndex().values()];
}

export function challenge(id: string): ChallengeSpec | undefined {
  return challengeIndex().get(id);
}

const quizIndex = memo(() => {
  const bySection = new Map<string, QuizData>();
  for (const section of lessonFolders()) {
    const file = path.join(ROOT, 'lessons', section, 'quiz.json');
    if (existsSync(file)) bySection.set(section, parseQuiz(rel(file), readJson(file), section));
  }
  return bySection;
});

/** Every lesson's quiz; a quiz's id is its section's. */
export function quizzes(): QuizData[] {
  return [...quizIndex().values()];
}

export function quiz(id: string): QuizData | undefined {
  return quizIndex().get(id);
}

const scenarioList = memo(() => {
  const all = jsonFiles(path.join(ROOT, 'scenarios')).map(({ file, id }) =>
    parseScenario(rel(file), readJson(file), id),
  );
  // Curriculum order: by where the scenario's first (main) topic sits on the roadmap, then by id.
  const position = new Map(allTopics().map((topic, index) => [topic.id, index]));
  const rank = (s: Scenario) => position.get(s.topics[0] ?? '') ?? Number.MAX_SAFE_INTEGER;
  return all.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
});

/** The classroom scenarios in curriculum order (by the roadmap position of each one's first topic). */
export function scenarios(): Scenario[] {
  return scenarioList();
}

export function scenario(id: string): Scenario | undefined {
  return scenarioList().find((s) => s.id === id);
}

const glossaryEntries = memo(() => {
  const file = path.join(ROOT, 'glossary.json');
  return parseGlossary(rel(file), readJson(file));
});

/** The glossary, sorted by term. */
export function glossary(): GlossaryEntry[] {
  return [...glossaryEntries()].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
}

/**
 * content/roadmap.json, checked by its schema. The site reads it through lib/roadmap.ts (a JSON import, so client
 * components can use it too); this is the same object, validated once.
 */
export const roadmap: () => Roadmap = memo(() => parseRoadmap('content/roadmap.json', roadmapData));

/** The learning paths of content/paths.json (checked against the roadmap by lib/progress/paths). */
export function paths(): readonly LearningPath[] {
  return learningPaths;
}
