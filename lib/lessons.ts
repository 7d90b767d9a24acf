import { readFileSync } from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import { type LevelId, lessonSections } from '@/lib/roadmap';

// Build-time only (server components): reads lesson files for their metadata and headings.

export type LessonMeta = {
  title: string;
  summary: string;
  level: LevelId;
  section: string;
  topics: string[];
  minutes: number;
  objectives: string[];
};

export type TocEntry = { depth: 2 | 3; text: string; id: string };

function lessonSource(sectionId: string): string {
  return readFileSync(path.join(process.cwd(), 'content', `${sectionId}.mdx`), 'utf8');
}

export function lessonMeta(sectionId: string): LessonMeta {
  const source = lessonSource(sectionId);
  const match = /^---\n([\s\S]*?)\n---/.exec(source);
  if (!match) throw new Error(`content/${sectionId}.mdx has no frontmatter`);
  const meta = parseYaml(match[1]) as Partial<LessonMeta>;
  for (const field of ['title', 'summary', 'level', 'section', 'topics', 'minutes', 'objectives'] as const) {
    if (meta[field] === undefined) throw new Error(`content/${sectionId}.mdx frontmatter lacks "${field}"`);
  }
  return meta as LessonMeta;
}

/** Strip inline MDX/Markdown so a heading's text matches what rehype-slug sees. */
function headingText(raw: string): string {
  return raw
    .replace(/<[^>]+>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\*([^*]*)\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim();
}

/** Table of contents from the lesson's h2/h3 headings, with the ids rehype-slug gives them. */
export function lessonToc(sectionId: string): TocEntry[] {
  const body = lessonSource(sectionId).replace(/^---\n[\s\S]*?\n---/, '');
  const slugger = new GithubSlugger();
  const toc: TocEntry[] = [];
  let inFence = false;
  for (const line of body.split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const match = /^(#{1,6})\s+(.*)$/.exec(line);
    if (!match) continue;
    const text = headingText(match[2]);
    const id = slugger.slug(text);
    const depth = match[1].length;
    if (depth === 2 || depth === 3) toc.push({ depth, text, id });
  }
  return toc;
}

export function lessonNeighbours(sectionId: string) {
  const sections = lessonSections();
  const index = sections.findIndex((section) => section.id === sectionId);
  return {
    previous: index > 0 ? sections[index - 1] : null,
    next: index >= 0 && index < sections.length - 1 ? sections[index + 1] : null,
  };
}
