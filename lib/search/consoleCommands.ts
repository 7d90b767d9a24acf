// The console's commands as a reference: read from the console's own tool registry (the table `help` prints), so
// the reference page and the search index list exactly what the console accepts. Build time only.
import { createConsole } from '@/kafka-cli';
import { commandKey, HELP_GROUPS, helpGroupOf } from '@/kafka-cli/session';

export type ConsoleCommand = {
  /** The name as `help` lists it (`kafka-topics.sh`, `broker`). */
  name: string;
  /** Its anchor on the console reference page: the name without `.sh`. */
  key: string;
  aliases: string[];
  group: (typeof HELP_GROUPS)[number][0];
  summary: string;
  usage: string;
  flags: string[];
  subcommands: string[];
};

const SHORT: Record<ConsoleCommand['group'], string> = {
  kafka: 'Kafka tool',
  other: 'Other tool',
  rabbitmq: 'RabbitMQ tool',
  simulation: 'Simulation command',
};

/** The groups of the console's `help`, with its headings and a short label for one command of each. */
export const COMMAND_GROUPS: ReadonlyArray<{ id: ConsoleCommand['group']; title: string; short: string }> =
  HELP_GROUPS.map(([id, title]) => ({ id, title: title.replace(/:$/, ''), short: SHORT[id] }));

let cached: ConsoleCommand[] | null = null;

/** Every command of the console, in the order `help` lists them within each group. */
export function consoleCommands(): ConsoleCommand[] {
  cached ??= createConsole().tools.map((tool) => ({
    name: tool.name,
    key: commandKey(tool.name),
    aliases: tool.aliases,
    group: helpGroupOf(tool),
    summary: tool.summary,
    usage: tool.usage,
    flags: tool.flags,
    subcommands: tool.subcommands ?? [],
  }));
  return cached;
}

/** Does this code (a code block, an inline snippet, a <Console> line) run the command? */
export function codeRunsCommand(code: string, command: ConsoleCommand): boolean {
  const names = [command.key, ...command.aliases.map(commandKey)].map((n) =>
    n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  );
  // At the start of a line or of a quoted <Console> line, after an optional prompt or bin/ path.
  const pattern = new RegExp(
    `(^|["'\\n])\\s*(\\$\\s+)?([\\w./-]*/)?(${names.join('|')})(\\.sh)?(?=\\s|$|["'])`,
  );
  return pattern.test(code);
}
