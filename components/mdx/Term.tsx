import Link from 'next/link';
import type { ReactNode } from 'react';

/** First use of a Kafka term in a lesson: a quiet link to its glossary entry. */
export function Term({ id, children }: { id: string; children: ReactNode }) {
  return (
    <Link
      href={`/glossary/#${id}`}
      className="decoration-brand-400 decoration-dotted underline-offset-4 hover:decoration-solid"
      title="Open in the glossary"
    >
      {children}
    </Link>
  );
}
