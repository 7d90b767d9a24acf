import roadmapData from '@/content/roadmap.json' with { type: 'json' };

// content/roadmap.json is the one copy of the curriculum; everything here is derived from it.

export type LevelId =
  | 'beginner'
  | 'intermediate'
  | 'advanced'
  | 'expert'
  | 'enterprise'
  | 'tools'
  | 'choosing';

export type Topic = {
  id: string;
  title: string;
  /** The curriculum asks for a simulation the learner can poke at. */
  sim: boolean;
  simNote?: string;
  /** Section id whose lesson teaches this topic, once that lesson exists. */
  lesson: string | null;
  /** Preset id of the live simulation that shows it, once it exists. */
  simulation: string | null;
};

export type Section = { id: string; title: string; topics: Topic[] };
export type Level = { id: LevelId; number: number | null; title: string; sections: Section[] };
export type Roadmap = { title: string; subtitle: string; levels: Level[] };

export const roadmap = roadmapData as Roadmap;

export function allSections(): Array<Section & { level: Level }> {
  return roadmap.levels.flatMap((level) => level.sections.map((section) => ({ ...section, level })));
}

export function allTopics(): Array<Topic & { section: Section; level: Level }> {
  return roadmap.levels.flatMap((level) =>
    level.sections.flatMap((section) => section.topics.map((topic) => ({ ...topic, section, level }))),
  );
}

/** A section has a lesson when its topics name it as their lesson. */
export function sectionHasLesson(section: Section): boolean {
  return section.topics.some((topic) => topic.lesson === section.id);
}

/** Sections with a lesson, in roadmap order: the order of previous/next navigation. */
export function lessonSections(): Array<Section & { level: Level }> {
  return allSections().filter(sectionHasLesson);
}

export function findSection(id: string): (Section & { level: Level }) | undefined {
  return allSections().find((section) => section.id === id);
}

export function findTopic(id: string): (Topic & { section: Section; level: Level }) | undefined {
  return allTopics().find((topic) => topic.id === id);
}

export function levelLabel(level: Level): string {
  return level.number === null ? level.title : `Level ${level.number}: ${level.title}`;
}

/** The lessons before and after a section's, in roadmap order. */
export function lessonNeighbours(sectionId: string) {
  const sections = lessonSections();
  const index = sections.findIndex((section) => section.id === sectionId);
  return {
    previous: index > 0 ? sections[index - 1] : null,
    next: index >= 0 && index < sections.length - 1 ? sections[index + 1] : null,
  };
}
