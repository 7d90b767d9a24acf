import GithubSlugger from 'github-slugger';
import { lesson } from '@/lib/content.server';
import { levelLabel, roadmap } from '@/lib/roadmap';
import { type TopicEstimate, topicEstimates } from './estimates.server';
import { sectionRequirements } from './requirements.server';
import type { Requirements } from './rules';

// Build time only: the curriculum as the client progress views need it — each topic with its link (only
// when its lesson exists), its estimate, and each lesson's requirements for the completion rule.

export type ModelTopic = {
  id: string;
  title: string;
  /** The lesson section teaching it, when that lesson exists. */
  lesson: string | null;
  href: string | null;
  minutes: number;
};
export type ModelSection = { id: string; title: string; topics: ModelTopic[] };
export type ModelLevel = { id: string; label: string; sections: ModelSection[] };
export type CurriculumModel = { levels: ModelLevel[]; requirements: Requirements };

function lessonExists(sectionId: string): boolean {
  return lesson(sectionId) !== undefined;
}

/** The heading id of the topic's h2 in its lesson, matched by title (each topic gets an h2). */
function topicAnchor(sectionId: string, title: string, cache: Map<string, string[]>): string | null {
  if (!cache.has(sectionId)) {
    cache.set(
      sectionId,
      (lesson(sectionId)?.toc ?? []).filter((entry) => entry.depth === 2).map((entry) => entry.id),
    );
  }
  const wanted = new GithubSlugger().slug(title);
  return cache.get(sectionId)?.includes(wanted) ? wanted : null;
}

export function curriculumModel(): CurriculumModel {
  const estimates: Record<string, TopicEstimate> = topicEstimates();
  const tocCache = new Map<string, string[]>();
  const levels = roadmap.levels.map((level) => ({
    id: level.id,
    label: levelLabel(level),
    sections: level.sections.map((section) => ({
      id: section.id,
      title: section.title,
      topics: section.topics.map((topic) => {
        const lesson = topic.lesson && lessonExists(topic.lesson) ? topic.lesson : null;
        const anchor = lesson ? topicAnchor(lesson, topic.title, tocCache) : null;
        return {
          id: topic.id,
          title: topic.title,
          lesson,
          href: lesson ? `/learn/${lesson}/${anchor ? `#${anchor}` : ''}` : null,
          minutes: estimates[topic.id]?.minutes ?? 15,
        };
      }),
    })),
  }));
  return { levels, requirements: sectionRequirements() };
}
