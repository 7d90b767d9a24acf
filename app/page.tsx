import Link from 'next/link';
import { levelLabel, roadmap, sectionHasLesson } from '@/lib/roadmap';

const levelBlurbs: Record<string, string> = {
  beginner: 'What Kafka is, how a cluster is put together, and the record, offset and log at its heart.',
  intermediate:
    'Producers and consumers for real: keys and partitions, acks and retries, groups, commits, rebalances.',
  advanced:
    'Guarantees and internals: idempotence, transactions, segments, retention, compaction, ISR and elections.',
  expert: 'Processing and integration: Kafka Streams, Kafka Connect, Schema Registry and schema evolution.',
  enterprise:
    'Running it: security and ACLs, monitoring and lag, capacity, the cloud, Kubernetes, disaster recovery.',
  tools: 'kcat, the Kafka CLI, MirrorMaker, Burrow and the wider platform.',
  choosing: 'Kafka versus RabbitMQ, when to use Kafka at all, and the architecture patterns built on it.',
};

export default function HomePage() {
  const topicCount = roadmap.levels.reduce(
    (sum, level) => sum + level.sections.reduce((inner, section) => inner + section.topics.length, 0),
    0,
  );
  return (
    <div>
      <section className="border-b border-slate-200 bg-gradient-to-b from-brand-50 to-white dark:border-slate-800 dark:from-brand-950 dark:to-slate-950">
        <div className="mx-auto max-w-5xl px-4 py-16 sm:px-6 sm:py-24">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-700 dark:text-brand-300">
            An interactive Apache Kafka course
          </p>
          <h1 className="mt-3 text-4xl font-bold tracking-tight text-slate-900 sm:text-5xl dark:text-white">
            Learn Kafka by running it — and breaking it.
          </h1>
          <p className="mt-6 max-w-3xl text-lg leading-relaxed text-slate-700 dark:text-slate-300">
            Kafka Roadmap teaches Apache Kafka from the first record to production clusters. Every lesson sits
            beside a live, deterministic simulation of a Kafka cluster: stop a broker and watch a new leader
            come out of the in-sync replicas, produce with <code className="font-mono">acks=1</code> and lose
            a write, add a consumer and watch the group rebalance. The console speaks the real{' '}
            <code className="font-mono">kafka-topics.sh</code> and <code className="font-mono">kcat</code>, so
            what you learn here works on a real cluster.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link
              href="/learn/basics/"
              className="rounded-lg bg-brand-700 px-5 py-3 font-semibold text-white shadow-sm hover:bg-brand-800 dark:bg-brand-500 dark:text-slate-950 dark:hover:bg-brand-400"
            >
              Start with the basics
            </Link>
            <Link
              href="/roadmap/"
              className="rounded-lg border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 hover:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            >
              See the whole roadmap
            </Link>
            <Link
              href="/playground/"
              className="rounded-lg border border-slate-300 bg-white px-5 py-3 font-semibold text-slate-800 hover:border-brand-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
            >
              Open the playground
            </Link>
          </div>
        </div>
      </section>

      <section aria-labelledby="how-heading" className="mx-auto max-w-5xl px-4 py-14 sm:px-6">
        <h2 id="how-heading" className="text-2xl font-bold text-slate-900 dark:text-white">
          How the course works
        </h2>
        <ul className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ['Read', 'Short lessons in plain language, with the real config names, defaults and commands.'],
            [
              'Poke',
              'A simulation of brokers, partitions, replicas and consumers that behaves like Kafka 4.0.',
            ],
            ['Solve', 'Challenges checked by the simulator, hints one at a time, and a quiz per lesson.'],
            [
              'Track',
              'Progress stays in your browser; learning paths for developers, operators and architects.',
            ],
          ].map(([title, text]) => (
            <li key={title} className="rounded-xl border border-slate-200 p-5 dark:border-slate-800">
              <h3 className="font-semibold text-slate-900 dark:text-white">{title}</h3>
              <p className="mt-2 text-slate-700 dark:text-slate-300">{text}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="levels-heading" className="mx-auto max-w-5xl px-4 pb-16 sm:px-6">
        <h2 id="levels-heading" className="text-2xl font-bold text-slate-900 dark:text-white">
          The roadmap at a glance
        </h2>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          {roadmap.levels.length} stages, {topicCount} topics — from distributed logs to enterprise-scale
          event streaming.
        </p>
        <ol className="mt-6 space-y-4">
          {roadmap.levels.map((level) => {
            const available = level.sections.filter(sectionHasLesson).length;
            return (
              <li
                key={level.id}
                className="rounded-xl border border-slate-200 p-5 dark:border-slate-800 sm:flex sm:items-start sm:gap-6"
              >
                <div className="sm:w-56 sm:shrink-0">
                  <h3 className="font-semibold text-slate-900 dark:text-white">{levelLabel(level)}</h3>
                  <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
                    {level.sections.length} {level.sections.length === 1 ? 'section' : 'sections'} ·{' '}
                    {available} with lessons so far
                  </p>
                </div>
                <div className="mt-2 sm:mt-0">
                  <p className="text-slate-700 dark:text-slate-300">{levelBlurbs[level.id]}</p>
                  <p className="mt-2 flex flex-wrap gap-2">
                    {level.sections.map((section) =>
                      sectionHasLesson(section) ? (
                        <Link
                          key={section.id}
                          href={`/learn/${section.id}/`}
                          className="rounded-full bg-brand-50 px-3 py-1 text-sm font-medium text-brand-800 hover:bg-brand-100 dark:bg-brand-900 dark:text-brand-100"
                        >
                          {section.title}
                        </Link>
                      ) : (
                        <span
                          key={section.id}
                          className="rounded-full bg-slate-100 px-3 py-1 text-sm text-slate-600 dark:bg-slate-800 dark:text-slate-400"
                        >
                          {section.title} (not yet available)
                        </span>
                      ),
                    )}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
