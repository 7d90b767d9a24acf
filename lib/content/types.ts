// The shapes the content loader hands out that are not owned by a component (presets, challenges and quizzes
// are typed beside the components that render them). Types only: client components may import them.
import type { LevelId } from '@/lib/roadmap';

/** What a lesson's frontmatter holds: only what is the lesson's own. */
export type LessonFrontmatter = {
  title: string;
  summary: string;
  minutes: number;
  objectives: string[];
};

/** A lesson's metadata: its frontmatter plus the facts content/roadmap.json holds about its section. */
export type LessonMeta = LessonFrontmatter & {
  section: string;
  level: LevelId;
  /** Roadmap topic ids of the section, in roadmap order. */
  topics: string[];
};

export type TocEntry = { depth: 2 | 3; text: string; id: string };

/** A JSX attribute in MDX: a quoted string, or the source text of a {…} expression. */
export type EmbedAttribute = string | { expression: string } | true;

/** A component used in a lesson's MDX (<Simulation preset="…" />, <Term id="…">), in document order. */
export type Embed = { component: string; attributes: Record<string, EmbedAttribute>; line: number };

export type GlossaryEntry = { id: string; term: string; definition: string; seeAlso: string[] };
