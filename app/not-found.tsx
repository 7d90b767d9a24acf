import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center sm:px-6">
      <p className="font-mono text-sm text-brand-700 dark:text-brand-300">OFFSET_OUT_OF_RANGE</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900 dark:text-white">This page is not in the log</h1>
      <p className="mt-4 text-slate-700 dark:text-slate-300">
        The address does not match any page of the course. Reset your position to the roadmap and pick up from
        there.
      </p>
      <p className="mt-8">
        <Link
          href="/roadmap/"
          className="rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white hover:bg-brand-800"
        >
          Go to the roadmap
        </Link>
      </p>
    </div>
  );
}
