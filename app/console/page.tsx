import type { Metadata } from 'next';
import Link from 'next/link';
import { COMMAND_GROUPS, consoleCommands } from '@/lib/search/consoleCommands';
import { sectionsTeaching } from '@/lib/search/documents';

export const metadata: Metadata = {
  title: 'Console commands',
  description:
    "Every command the course's console accepts: Kafka's CLI tools, kcat, the tools around Kafka and the simulation's own commands, with their usage and the lessons that teach them.",
};

// Generated from the console's tool registry (what `help` lists), so it always matches what the console accepts.
export default function ConsoleCommandsPage() {
  const commands = consoleCommands();
  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold text-slate-900 dark:text-white">Console commands</h1>
      <p className="mt-2 text-slate-700 dark:text-slate-300">
        Everything the console in the lessons and the <Link href="/playground/">playground</Link> accepts. In
        the console, <code>help COMMAND</code> prints the same usage, and <code>--help</code> lists every
        option of a Kafka tool.
      </p>
      {COMMAND_GROUPS.map((group) => {
        const inGroup = commands.filter((command) => command.group === group.id);
        if (inGroup.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`} className="mt-10">
            <h2 id={`group-${group.id}`} className="text-xl font-semibold text-slate-900 dark:text-white">
              {group.title}
            </h2>
            <dl className="mt-4 space-y-6">
              {inGroup.map((command) => {
                const taught = sectionsTeaching(command);
                // `kafka-topics` for `kafka-topics.sh` goes without saying; other spellings (kafkacat) are worth it.
                const aliases = command.aliases.filter((alias) => alias !== command.key);
                return (
                  <div
                    key={command.key}
                    id={command.key}
                    className="scroll-mt-24 rounded-lg target:bg-brand-50 target:p-3 dark:target:bg-brand-950"
                  >
                    <dt className="font-mono text-base font-semibold text-slate-900 dark:text-white">
                      {command.name}
                      {aliases.length > 0 && (
                        <span className="ml-2 font-sans text-sm font-normal text-slate-600 dark:text-slate-400">
                          also {aliases.join(', ')}
                        </span>
                      )}
                    </dt>
                    <dd className="mt-1 text-slate-700 dark:text-slate-300">
                      <p>{command.summary}</p>
                      <pre className="mt-2 whitespace-pre-wrap break-words rounded-md bg-slate-50 p-3 text-[0.8rem] text-slate-800 dark:bg-slate-900 dark:text-slate-100">
                        {command.usage}
                      </pre>
                      {taught.length > 0 && (
                        <p className="mt-2 text-sm">
                          Taught in:{' '}
                          {taught.map((section, index) => (
                            <span key={section.url}>
                              {index > 0 && ' · '}
                              <Link
                                href={section.url}
                                className="text-brand-700 underline dark:text-brand-300"
                              >
                                {section.lessonTitle}: {section.heading}
                              </Link>
                            </span>
                          ))}
                        </p>
                      )}
                    </dd>
                  </div>
                );
              })}
            </dl>
          </section>
        );
      })}
    </div>
  );
}
