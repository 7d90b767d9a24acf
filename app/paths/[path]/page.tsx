import type { Metadata } from 'next';
import Link from 'next/link';
import { PathDetail } from '@/components/progress/PathDetail';
import { curriculumModel } from '@/lib/progress/model.server';
import { findPath, learningPaths } from '@/lib/progress/paths';

export const dynamicParams = false;

export function generateStaticParams() {
  return learningPaths.map((path) => ({ path: path.id }));
}

type Props = { params: Promise<{ path: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const path = findPath((await params).path);
  return { title: path ? `${path.title} path` : 'Learning path', description: path?.summary };
}

export default async function PathPage({ params }: Props) {
  const path = findPath((await params).path);
  if (!path) throw new Error('Unknown learning path');
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-600 dark:text-slate-400">
        <Link href="/paths/" className="hover:underline">
          Learning paths
        </Link>
      </nav>
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">{path.title}</h1>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{path.audience}</p>
      <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{path.summary}</p>
      <PathDetail path={path} model={curriculumModel()} />
    </div>
  );
}
