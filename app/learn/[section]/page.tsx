import type { Metadata } from 'next';
import Link from 'next/link';
import { LessonProgressTracker } from '@/components/lesson/LessonProgressTracker';
import { TableOfContents } from '@/components/lesson/TableOfContents';
import { type Lesson, lesson } from '@/lib/content.server';
import { findSection, findTopic, lessonNeighbours, lessonSections, levelLabel } from '@/lib/roadmap';

export const dynamicParams = false;

export function generateStaticParams() {
  return lessonSections().map((section) => ({ section: section.id }));
}

type Props = { params: Promise<{ section: string }> };

function lessonOf(sectionId: string): Lesson {
  const found = lesson(sectionId);
  if (!found)
    throw new Error(
      `content/roadmap.json names "${sectionId}" as a lesson, but content/lessons/${sectionId}/lesson.mdx does not exist`,
    );
  return found;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  const { meta } = lessonOf(section);
  return { title: meta.title, description: meta.summary };
}

export default async function LessonPage({ params }: Props) {
  const { section: sectionId } = await params;
  const section = findSection(sectionId);
  if (!section) throw new Error(`Unknown section ${sectionId}`);
  const { meta, toc } = lessonOf(sectionId);
  const { previous, next } = lessonNeighbours(sectionId);
  const { default: LessonBody } = await import(`@/content/lessons/${sectionId}/lesson.mdx`);

  return (
    <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 lg:grid lg:grid-cols-[minmax(0,1fr)_16rem] lg:gap-12">
      <article className="min-w-0">
        <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
          <ol className="flex flex-wrap items-center gap-1">
            <li>
              <Link href="/roadmap/" className="hover:underline">
                Roadmap
              </Link>
            </li>
            <li aria-hidden="true">/</li>
            <li>{levelLabel(section.level)}</li>
            <li aria-hidden="true">/</li>
            <li aria-current="page" className="font-medium text-slate-900 dark:text-slate-100">
              {section.title}
            </li>
          </ol>
        </nav>
        <header className="mb-8 border-b border-slate-200 pb-6 dark:border-slate-800">
          <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl dark:text-white">
            {meta.title}
          </h1>
          <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{meta.summary}</p>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
            About {meta.minutes} minutes · {meta.topics.length} topics
          </p>
          <section
            aria-labelledby="objectives-heading"
            className="mt-6 rounded-lg bg-slate-50 p-5 dark:bg-slate-900"
          >
            <h2 id="objectives-heading" className="text-base font-semibold text-slate-900 dark:text-white">
              By the end of this lesson you can
            </h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700 dark:text-slate-300">
              {meta.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
            <p className="mt-4 text-sm text-slate-600 dark:text-slate-400">
              Topics: {meta.topics.map((id) => findTopic(id)?.title ?? id).join(' · ')}
            </p>
          </section>
        </header>
        <div className="prose prose-slate max-w-none dark:prose-invert prose-headings:scroll-mt-20 prose-code:before:content-none prose-code:after:content-none prose-pre:bg-slate-50 prose-pre:text-[0.85rem] prose-pre:text-slate-800 dark:prose-pre:bg-slate-900 dark:prose-pre:text-slate-100 prose-a:text-brand-700 dark:prose-a:text-brand-300">
          <LessonBody />
        </div>
        <LessonProgressTracker sectionId={sectionId} topics={meta.topics} />
        <nav
          aria-label="Lessons"
          className="mt-12 grid gap-4 border-t border-slate-200 pt-6 sm:grid-cols-2 dark:border-slate-800"
        >
          {previous ? (
            <Link
              href={`/learn/${previous.id}/`}
              className="rounded-lg border border-slate-200 p-4 hover:border-brand-400 dark:border-slate-800"
            >
              <span className="block text-sm text-slate-600 dark:text-slate-400">Previous lesson</span>
              <span className="font-semibold">{previous.title}</span>
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link
              href={`/learn/${next.id}/`}
              className="rounded-lg border border-slate-200 p-4 text-right hover:border-brand-400 dark:border-slate-800"
            >
              <span className="block text-sm text-slate-600 dark:text-slate-400">Next lesson</span>
              <span className="font-semibold">{next.title}</span>
            </Link>
          ) : (
            <Link
              href="/roadmap/"
              className="rounded-lg border border-slate-200 p-4 text-right hover:border-brand-400 dark:border-slate-800"
            >
              <span className="block text-sm text-slate-600 dark:text-slate-400">
                That is the last lesson so far
              </span>
              <span className="font-semibold">Back to the roadmap</span>
            </Link>
          )}
        </nav>
      </article>
      <aside className="hidden lg:block">
        <div className="sticky top-20">
          <TableOfContents entries={toc} />
        </div>
      </aside>
    </div>
  );
}
