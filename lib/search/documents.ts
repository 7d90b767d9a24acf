// Every place site search can land on, gathered at build time from the content the pages render: each lesson
// (its title and introduction) and each of its `##`/`###` sections, each glossary term, and each console command.
import { glossary, lessons } from '@/lib/content.server';
import { findSection, levelLabel } from '@/lib/roadmap';
import { COMMAND_GROUPS, type ConsoleCommand, codeRunsCommand, consoleCommands } from './consoleCommands';
import { type LessonPart, lessonParts } from './lessonSections';
import type { SearchDoc } from './searchIndex';

const EXCERPT_CHARS = 120;

function excerptOf(text: string): string {
  if (text.length <= EXCERPT_CHARS) return text;
  const cut = text.slice(0, EXCERPT_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT_CHARS / 2))}…`;
}

export type LessonSection = LessonPart & { lesson: string; lessonTitle: string; url: string };

let sectionCache: LessonSection[] | null = null;

/** Every lesson's parts, in roadmap folder order: its introduction (anchor null) and each section. */
export function lessonSectionsForSearch(): LessonSection[] {
  sectionCache ??= lessons().flatMap((lesson) =>
    lessonParts(lesson.meta.title, lesson.source).map((part) => ({
      ...part,
      lesson: lesson.id,
      lessonTitle: lesson.meta.title,
      url: part.anchor ? `/learn/${lesson.id}/#${part.anchor}` : `/learn/${lesson.id}/`,
    })),
  );
  return sectionCache;
}

/** The lesson sections whose code runs a command: where the course teaches it. */
export function sectionsTeaching(command: ConsoleCommand): LessonSection[] {
  return lessonSectionsForSearch().filter(
    (section) => section.anchor !== null && section.code.some((code) => codeRunsCommand(code, command)),
  );
}

export function searchDocuments(): SearchDoc[] {
  const docs: SearchDoc[] = [];
  const summaries = new Map(lessons().map((lesson) => [lesson.id, lesson.meta]));
  for (const section of lessonSectionsForSearch()) {
    if (section.anchor === null) {
      const meta = summaries.get(section.lesson);
      const level = findSection(section.lesson)?.level;
      const intro = [meta?.summary ?? '', ...(meta?.objectives ?? []), section.text].join(' ');
      docs.push({
        id: `lesson:${section.lesson}`,
        kind: 'lesson',
        title: section.lessonTitle,
        context: level ? `Lesson · ${levelLabel(level)}` : 'Lesson',
        url: section.url,
        keywords: section.keywords.join(' '),
        text: intro,
        excerpt: excerptOf(meta?.summary ?? section.text),
      });
      continue;
    }
    docs.push({
      id: `section:${section.lesson}#${section.anchor}`,
      kind: 'section',
      title: section.heading,
      context: section.lessonTitle,
      url: section.url,
      keywords: section.keywords.join(' '),
      text: section.text,
      excerpt: excerptOf(section.text),
    });
  }
  for (const entry of glossary()) {
    docs.push({
      id: `glossary:${entry.id}`,
      kind: 'glossary',
      title: entry.term,
      context: 'Glossary',
      url: `/glossary/#${entry.id}`,
      keywords: entry.id.replace(/-/g, ' '),
      text: entry.definition,
      excerpt: excerptOf(entry.definition),
    });
  }
  const groupTitle = new Map(COMMAND_GROUPS.map((group) => [group.id, group.short]));
  for (const command of consoleCommands()) {
    docs.push({
      id: `command:${command.key}`,
      kind: 'command',
      title: command.name,
      context: `Console · ${groupTitle.get(command.group) ?? command.group}`,
      url: `/console/#${command.key}`,
      keywords: [...command.aliases, ...command.subcommands, ...command.flags].join(' '),
      text: `${command.summary} ${command.usage}`,
      excerpt: excerptOf(command.summary),
    });
  }
  return docs;
}
