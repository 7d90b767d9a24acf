// The start every Kafka tool shares (CommandDefaultOptions in Kafka's tools): parse the flags, print the usage
// when run with no arguments (as an error) or with --help, and the version with --version.
import { type OptionSpec, type ParsedOptions, parseLongOptions, renderHelp } from '../options';
import type { CommandOutput, Output } from '../output';
import { KAFKA_VERSION } from './kafkaTopics';

export type Prologue = { kind: 'done'; output: CommandOutput } | { kind: 'run'; options: ParsedOptions };

export function toolPrologue(
  args: readonly string[],
  specs: readonly OptionSpec[],
  summary: string,
  out: Output,
): Prologue {
  const parsed = parseLongOptions(args, specs);
  if (parsed.kind === 'error') return { kind: 'done', output: out.fail(parsed.message).result() };
  const o = parsed.options;
  if (args.length === 0 || o.has('help')) {
    const help = renderHelp(summary, specs);
    return { kind: 'done', output: args.length === 0 ? out.fail(help).result() : out.line(help).result() };
  }
  if (o.has('version')) return { kind: 'done', output: out.line(KAFKA_VERSION).result() };
  return { kind: 'run', options: o };
}
