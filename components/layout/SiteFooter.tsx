import Link from 'next/link';

export function SiteFooter() {
  return (
    <footer className="no-print border-t border-slate-200 py-8 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 sm:flex-row sm:justify-between sm:px-6">
        <p>
          Kafka Roadmap — an interactive course. The simulation models Apache Kafka 4.0; every lesson says
          where it simplifies.
        </p>
        <p className="flex gap-4">
          <Link href="/roadmap/" className="underline-offset-4 hover:underline">
            Roadmap
          </Link>
          <Link href="/glossary/" className="underline-offset-4 hover:underline">
            Glossary
          </Link>
        </p>
      </div>
    </footer>
  );
}
