// kafka-acls.sh (kafka.admin.AclCommand): --add / --remove / --list with Kafka's options and output. The
// words go to the security area as they are (the simulator parses them as AclCommandOptions does); the
// tool's Admin client authenticates with its --command-config file. A here-document answers the (y/n)
// prompts of --remove without --force.
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

/** The value of `--name X` / `--name=X` (the last one given), or null. */
export function optionValue(args: readonly string[], name: string): string | null {
  let v: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === `--${name}` && i + 1 < args.length && !args[i + 1].startsWith('--')) v = args[++i];
    else if (a.startsWith(`--${name}=`)) v = a.slice(name.length + 3);
  }
  return v;
}

/** AclCommandOptions, in the tool's order (for tab completion). */
export const ACL_FLAGS = [
  '--bootstrap-server',
  '--bootstrap-controller',
  '--command-config',
  '--add',
  '--remove',
  '--list',
  '--topic',
  '--group',
  '--cluster',
  '--transactional-id',
  '--delegation-token',
  '--resource-pattern-type',
  '--allow-principal',
  '--deny-principal',
  '--principal',
  '--allow-host',
  '--deny-host',
  '--operation',
  '--producer',
  '--consumer',
  '--idempotent',
  '--force',
  '--user-principal',
  '--help',
  '--version',
];

export function runKafkaAcls(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const r = ctx.port.runAcls({
    args,
    commandConfig: optionValue(args, 'command-config'),
    bootstrapServer: optionValue(args, 'bootstrap-server'),
    ...(ctx.input ? { answers: ctx.input } : {}),
  });
  if (!r.ok) return out.fail(r.error.message).result();
  if (r.data.stdout !== '') out.write(r.data.stdout);
  if (r.data.stderr !== '') for (const l of r.data.stderr.replace(/\n$/, '').split('\n')) out.warn(l);
  const result = out.result();
  return { ...result, exitCode: r.data.exitCode };
}

export const kafkaAclsTool: ToolDef = {
  name: 'kafka-acls.sh',
  aliases: ['kafka-acls'],
  summary: 'Add, remove and list ACLs (the StandardAuthorizer decides every request).',
  usage:
    'kafka-acls.sh --bootstrap-server localhost:9092 [--command-config admin.properties] --add --allow-principal User:alice --operation Read --topic orders\n' +
    'kafka-acls.sh --bootstrap-server localhost:9092 --add --allow-principal User:alice --consumer --topic orders --group billing\n' +
    'kafka-acls.sh --bootstrap-server localhost:9092 --list [--topic orders] [--principal User:alice]\n' +
    'kafka-acls.sh --bootstrap-server localhost:9092 --remove --force --allow-principal User:alice --operation Read --topic orders',
  flags: ACL_FLAGS,
  run: runKafkaAcls,
};
