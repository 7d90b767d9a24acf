// kafka-configs.sh — users and clients (SCRAM credentials, quotas) go to the security area; topics here,
// mirroring ConfigCommand: exactly one of --describe/--alter, the
// `Dynamic configs for topic T are:` listing with synonyms, `Completed updating config for topic T.`

import { COMMON_FLAGS } from '../commonFlags';
import { exceptionName } from '../kafkaErrors';
import type { OptionSpec, ParsedOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { alterGroupConfig } from './groupConfigs';
import { optionValue } from './kafkaAcls';
import { commandConfigOf, gated, passGate } from './securityGate';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'bootstrap-controller', arg: 'required', help: 'A controller to connect to (accepted).' },
  { name: 'command-config', arg: 'required', help: 'Admin client properties file (its principal).' },
  {
    name: 'entity-type',
    arg: 'required',
    help: 'Type of entity: topics, users or clients (brokers are not simulated).',
  },
  { name: 'entity-name', arg: 'required', help: 'Name of the entity (the topic name).' },
  { name: 'entity-default', arg: 'none', help: 'Default entity (not simulated for topics).' },
  { name: 'topic', arg: 'required', help: 'Shorthand for --entity-type topics --entity-name T.' },
  { name: 'describe', arg: 'none', help: 'List configs of the entity.' },
  { name: 'alter', arg: 'none', help: 'Change configs of the entity.' },
  {
    name: 'add-config',
    arg: 'required',
    argName: 'k1=v1,k2=[v1,v2]',
    help: 'Configs to set, comma separated.',
  },
  {
    name: 'add-config-file',
    arg: 'required',
    help: 'Properties file of configs to set (not available here).',
  },
  {
    name: 'delete-config',
    arg: 'required',
    argName: 'k1,k2',
    help: 'Config names to remove, comma separated.',
  },
  { name: 'all', arg: 'none', help: 'With --describe, list every config including defaults.' },
  { name: 'force', arg: 'none', help: 'Suppress console prompts (accepted; there are none here).' },
  { name: 'client', arg: 'required', help: 'Shorthand for --entity-type clients --entity-name C.' },
  { name: 'client-defaults', arg: 'none', help: 'The config defaults for all clients.' },
  { name: 'user', arg: 'required', help: 'Shorthand for --entity-type users --entity-name U.' },
  { name: 'user-defaults', arg: 'none', help: 'The config defaults for all users.' },
  { name: 'broker', arg: 'required', help: 'Shorthand for --entity-type brokers --entity-name B.' },
  { name: 'broker-defaults', arg: 'none', help: 'The config defaults for all brokers.' },
  {
    name: 'broker-logger',
    arg: 'required',
    help: 'Shorthand for --entity-type broker-loggers --entity-name B.',
  },
  { name: 'ip', arg: 'required', help: 'Shorthand for --entity-type ips --entity-name IP.' },
  { name: 'ip-defaults', arg: 'none', help: 'The config defaults for all IPs.' },
  { name: 'group', arg: 'required', help: 'Shorthand for --entity-type groups --entity-name G.' },
  {
    name: 'client-metrics',
    arg: 'required',
    help: 'Shorthand for --entity-type client-metrics --entity-name N.',
  },
];

// ConfigCommandOptions#entityFlags and #entityDefaultsFlags: each shorthand names an entity type.
const ENTITY_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['topic', 'topics'],
  ['client', 'clients'],
  ['user', 'users'],
  ['broker', 'brokers'],
  ['broker-logger', 'broker-loggers'],
  ['ip', 'ips'],
  ['client-metrics', 'client-metrics'],
  ['group', 'groups'],
];
const ENTITY_DEFAULT_FLAGS: ReadonlyArray<readonly [string, string]> = [
  ['client-defaults', 'clients'],
  ['user-defaults', 'users'],
  ['broker-defaults', 'brokers'],
  ['ip-defaults', 'ips'],
];

const ENTITY_TYPES = [
  'topics',
  'clients',
  'users',
  'brokers',
  'broker-loggers',
  'ips',
  'client-metrics',
  'groups',
];

/**
 * With security (or a --command-config file): DescribeConfigs needs DescribeConfigs on each topic,
 * IncrementalAlterConfigs needs AlterConfigs (ConfigHelper, KafkaApis). Returns the exception if refused.
 */
function authorizeTopicConfigs(
  o: ParsedOptions,
  ctx: ToolContext,
  api: 'DescribeConfigs' | 'IncrementalAlterConfigs',
  topics: string[],
): string | null {
  const cc = commandConfigOf(o);
  if (!gated(ctx, cc) || topics.length === 0) return null;
  const resources = topics.map((name) => ({ type: 'TOPIC' as const, name }));
  const g = passGate(ctx, o, { clientId: 'adminclient-1', kind: 'admin', commandConfig: cc }, [
    { api, resources },
  ]);
  return g.ok ? null : g.exception;
}

function securityError(out: Output, args: string[], exception: string): CommandOutput {
  out.fail(`Error while executing config command with args '${args.join(' ')}'`);
  return out.fail(`java.util.concurrent.ExecutionException: ${exception}`).result();
}

function commandError(out: Output, args: string[], exception: string, message: string): CommandOutput {
  out.fail(`Error while executing config command with args '${args.join(' ')}'`);
  return out.fail(`${exception}: ${message}`).result();
}

/** ConfigCommand splits --add-config on commas outside square brackets; `[a,b]` becomes `a,b`. */
export function parseAddConfig(text: string): Record<string, string> | string {
  const pairs: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      pairs.push(cur);
      cur = '';
    } else cur += c;
  }
  pairs.push(cur);
  const result: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq <= 0) {
      invalid.push(p);
      continue;
    }
    result[p.slice(0, eq).trim()] = p
      .slice(eq + 1)
      .trim()
      .replace(/^\[(.*)\]$/, '$1');
  }
  if (invalid.length > 0)
    return `Invalid entity config: all configs to be added must be in the format "key=val".`;
  return result;
}

/** Does the command name users or clients (quotas, SCRAM credentials: the security area's part)? */
function namesUsersOrClients(args: readonly string[]): boolean {
  return args.some(
    (a, i) =>
      ['--user', '--client', '--user-defaults', '--client-defaults'].includes(a.split('=')[0]) ||
      (a === '--entity-type' && (args[i + 1] === 'users' || args[i + 1] === 'clients')) ||
      a === '--entity-type=users' ||
      a === '--entity-type=clients',
  );
}

export function runKafkaConfigs(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  if (namesUsersOrClients(args)) {
    const r = ctx.port.runUserClientConfigs({
      args,
      commandConfig: optionValue(args, 'command-config'),
      bootstrapServer: optionValue(args, 'bootstrap-server'),
    });
    if (!r.ok) return out.fail(r.error.message).result();
    if (r.data !== null) {
      if (r.data.stdout !== '') out.write(r.data.stdout);
      if (r.data.stderr !== '') for (const l of r.data.stderr.replace(/\n$/, '').split('\n')) out.warn(l);
      return { ...out.result(), exitCode: r.data.exitCode };
    }
  }
  const start = toolPrologue(
    args,
    SPECS,
    'This tool helps to manipulate and describe entity config for a topic, client, user, broker, ip, client-metrics or group',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  const actions = ['alter', 'describe'].filter((a) => o.has(a));
  if (actions.length !== 1)
    return out.fail('Command must include exactly one action: --describe, --alter').result();
  const types = o.values('entity-type');
  let name = o.value('entity-name');
  for (const [flag, type] of ENTITY_FLAGS) {
    if (!o.has(flag)) continue;
    types.push(type);
    name = o.value(flag);
  }
  for (const [flag, type] of ENTITY_DEFAULT_FLAGS) if (o.has(flag)) types.push(type);
  if (types.length === 0) return out.fail('At least one entity type must be specified').result();
  for (const t of types) {
    if (!ENTITY_TYPES.includes(t)) {
      return out
        .fail(`Invalid entity type ${t}, the entity type must be one of ${ENTITY_TYPES.join(', ')}`)
        .result();
    }
  }
  const type = types[0];
  if (type === 'groups' && o.has('alter') && name && o.has('add-config'))
    return alterGroupConfig(name, o.values('add-config'), ctx, out).result();
  if (type !== 'topics') {
    return out
      .fail(`The simulation only models topic configs; --entity-type ${type} is not available here.`)
      .result();
  }
  if (o.has('describe') && o.has('entity-default')) {
    return out.fail('--entity-default must not be specified with --describe of topics').result();
  }
  if (o.has('alter')) {
    if (!name) return out.fail('An entity name must be specified with --alter of topics').result();
    if (o.has('add-config') && o.has('add-config-file')) {
      return out.fail('Only one of --add-config or --add-config-file must be specified').result();
    }
    if (!o.has('add-config') && !o.has('add-config-file') && !o.has('delete-config')) {
      return out
        .fail(
          'At least one of --add-config, --add-config-file, or --delete-config must be specified with --alter',
        )
        .result();
    }
    if (o.has('add-config-file'))
      return out.fail('--add-config-file is not available in the simulation; use --add-config.').result();
    const refused = authorizeTopicConfigs(o, ctx, 'IncrementalAlterConfigs', [name]);
    if (refused) return securityError(out, args, refused);
    return alter(args, name, o.values('add-config'), o.values('delete-config'), ctx, out);
  }
  const described = name ? [name] : ctx.read.topics().map((t) => t.name);
  const refused = authorizeTopicConfigs(o, ctx, 'DescribeConfigs', described);
  if (refused) return securityError(out, args, refused);
  return describeConfigs(args, name ?? null, o.has('all'), ctx, out);
}

function alter(
  args: string[],
  name: string,
  adds: string[],
  deletes: string[],
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  const set: Record<string, string> = {};
  for (const a of adds) {
    const parsed = parseAddConfig(a);
    if (typeof parsed === 'string') return out.fail(parsed).result();
    Object.assign(set, parsed);
  }
  const remove = deletes
    .flatMap((d) => d.split(','))
    .map((d) => d.trim())
    .filter((d) => d !== '');
  const topic = ctx.read.topic(name);
  if (!topic) {
    return commandError(
      out,
      args,
      'org.apache.kafka.common.errors.UnknownTopicOrPartitionException',
      'This server does not host this topic-partition.',
    );
  }
  const notSet = remove.filter((k) => !(k in topic.overrides));
  if (notSet.length > 0) {
    return commandError(
      out,
      args,
      'org.apache.kafka.common.errors.InvalidConfigurationException',
      `Invalid config(s): ${notSet.join(',')}`,
    );
  }
  const res = ctx.port.alterTopicConfig(name, set, remove);
  if (!res.ok)
    return commandError(
      out,
      args,
      `org.apache.kafka.common.errors.${exceptionName(res.error.code)}`,
      res.error.message,
    );
  return out.line(`Completed updating config for topic ${name}.`).result();
}

function describeConfigs(
  args: string[],
  name: string | null,
  all: boolean,
  ctx: ToolContext,
  out: Output,
): CommandOutput {
  const topics = name === null ? ctx.read.topics().filter((t) => !t.internal) : [ctx.read.topic(name)];
  if (topics.some((t) => t === null)) {
    return commandError(
      out,
      args,
      'org.apache.kafka.common.errors.UnknownTopicOrPartitionException',
      'This server does not host this topic-partition.',
    );
  }
  for (const t of topics) {
    if (!t) continue;
    out.line(`${all ? 'All' : 'Dynamic'} configs for topic ${t.name} are:`);
    // ConfigCommand lists every config with --all, else only the topic's own (DYNAMIC_TOPIC_CONFIG) ones.
    const entries = (ctx.read.effectiveTopicConfig(t.name) ?? []).filter(
      (e) => all || e.source === 'DYNAMIC_TOPIC_CONFIG',
    );
    for (const e of entries) {
      const synonyms = e.synonyms.map((x) => `${x.source}:${x.name}=${x.value}`).join(', ');
      out.line(`  ${e.name}=${e.value} sensitive=false synonyms={${synonyms}}`);
    }
  }
  return out.result();
}

export const kafkaConfigsTool: ToolDef = {
  name: 'kafka-configs.sh',
  aliases: ['kafka-configs'],
  summary: 'Describe and change topic configs, user and client quotas, SCRAM credentials.',
  usage:
    'kafka-configs.sh --bootstrap-server localhost:9092 --entity-type topics --entity-name T --describe\n' +
    'kafka-configs.sh --entity-type topics --entity-name T --alter --add-config k=v[,k=v] | --delete-config k',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runKafkaConfigs,
};
