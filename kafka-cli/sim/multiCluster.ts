// More than one cluster in the console: `cluster create|use|list`, and which cluster a line talks to (its
// `--bootstrap-server HOST:PORT` names it by host, else the cluster `cluster use` chose).
import { FIRST_CLUSTER_HOSTS } from '../../simulator';
import { errorText } from '../kafkaErrors';
import { parseLongOptions } from '../options';
import { type CommandOutput, errorResult, Output } from '../output';
import type { ClusterPort } from '../port';
import type { ToolContext, ToolDef } from '../tool';

const FIRST_HOSTS = new Set(FIRST_CLUSTER_HOSTS);

/** The host of the first bootstrap server a line gives (`--bootstrap-server west:9092`, kcat's `-b`), or null. */
export function bootstrapHost(tool: string, args: readonly string[]): string | null {
  const flags = tool === 'kcat' ? ['-b', '--bootstrap-server'] : ['--bootstrap-server', '--broker-list'];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    let value: string | undefined;
    for (const f of flags) {
      if (a === f) value = args[i + 1];
      else if (a.startsWith(`${f}=`)) value = a.slice(f.length + 1);
      else if (f === '-b' && a.startsWith('-b') && a.length > 2) value = a.slice(2);
    }
    if (value !== undefined) {
      const first = value.split(',')[0].trim();
      return first.replace(/^[a-z]+:\/\//i, '').split(':')[0] || null;
    }
  }
  return null;
}

/** The simulation's own commands (`consumer create …`) take --bootstrap-server only to name a cluster. */
function withoutBootstrap(tool: ToolDef, args: string[]): string[] {
  if (tool.flags.includes('--bootstrap-server') || tool.name === 'kcat') return args;
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--bootstrap-server') i++;
    else if (!args[i].startsWith('--bootstrap-server=')) out.push(args[i]);
  }
  return out;
}

/**
 * The port a line of `tool` talks to and the arguments it runs with, or the error a client gets for a host no
 * cluster answers to.
 */
export function portForLine(
  root: ClusterPort,
  tool: ToolDef,
  args: string[],
): { port: ClusterPort; args: string[] } | CommandOutput {
  if (tool.scope === 'simulation') return { port: root, args };
  const clusters = root.read().clusters();
  // A single-cluster simulation: --bootstrap-server is accepted and not checked (as before there were two).
  if (!clusters) return { port: root, args };
  const host = bootstrapHost(tool.name, args);
  const name =
    host === null
      ? (clusters.find((c) => c.inUse) ?? clusters[0]).name
      : FIRST_HOSTS.has(host)
        ? clusters[0].name
        : host;
  const port = root.onCluster(name);
  if (port && root.read().production().mirror.downRegions.includes(name)) {
    const refused = adminTimeout(tool.name, args);
    if (refused) return refused;
  }
  if (port) return { port, args: withoutBootstrap(tool, args) };
  return errorResult(
    `Error: org.apache.kafka.common.config.ConfigException: No resolvable bootstrap urls given in bootstrap.servers (no cluster answers at ${host}; the simulation's clusters: ${clusters.map((c) => `${c.name}:9092`).join(', ')})`,
    1,
  );
}

const TIMEOUT = 'org.apache.kafka.common.errors.TimeoutException';

/**
 * An Admin client tool against a lost region: no broker of that cluster answers, so KafkaAdminClient fails
 * its first call after default.api.timeout.ms with "Timed out waiting for a node assignment. Call: NAME"
 * (KafkaAdminClient#handleTimeouts), printed the way the tool prints any failure (to stderr, as every
 * error here; TopicCommand's goes to stdout and its stack trace to the log). Only the tools below are
 * covered; the simulation's producers and consumers are refused by the mirror area's guards.
 */
function adminTimeout(tool: string, args: readonly string[]): CommandOutput | null {
  if (tool === 'kafka-topics.sh') {
    // TopicCommand: --create calls createTopics first; --list, --describe, --alter and --delete list topics.
    const call = args.includes('--create') ? 'createTopics' : 'listTopics';
    return errorResult(
      `Error while executing topic command : Timed out waiting for a node assignment. Call: ${call}`,
    );
  }
  if (tool === 'kafka-consumer-groups.sh' && args.includes('--list'))
    // ConsumerGroupCommand#printError: the ExecutionException's message names its cause's class.
    return errorResult(
      `\nError: Executing consumer group command failed due to ${TIMEOUT}: Timed out waiting for a node assignment. Call: findAllBrokers`,
    );
  return null;
}

function list(ctx: ToolContext, out: Output): CommandOutput {
  const clusters = ctx.read.clusters();
  if (!clusters)
    return out
      .line(
        'One cluster (localhost:9092). Start a second one with: cluster create west --first east [--brokers 3]',
      )
      .result();
  for (const c of clusters)
    out.line(
      `${c.inUse ? '*' : ' '} ${c.name.padEnd(8)} ${c.name}:9092  cluster id ${c.clusterId}  ${c.brokers} broker${c.brokers === 1 ? '' : 's'}, ${c.topics} topic${c.topics === 1 ? '' : 's'}${c.first ? '  (the simulation started with it)' : ''}`,
    );
  return out.result();
}

function runCluster(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [verb, ...rest] = args;
  if (verb === 'list' || verb === undefined) return list(ctx, out);
  if (verb === 'use') {
    if (rest.length !== 1) return out.fail('cluster use: give one cluster name (cluster use west)').result();
    const r = ctx.port.chooseCluster(rest[0]);
    if (!r.ok) return out.fail(`cluster use: ${r.error.message}`).result();
    return out.line(`Lines without --bootstrap-server now talk to ${rest[0]} (${rest[0]}:9092).`).result();
  }
  if (verb === 'create') {
    const parsed = parseLongOptions(rest, [
      { name: 'brokers', arg: 'required', type: 'int', help: '' },
      { name: 'controllers', arg: 'required', type: 'int', help: '' },
      { name: 'first', arg: 'required', help: '' },
    ]);
    if (parsed.kind === 'error') return out.fail(`cluster create: ${parsed.message}`).result();
    const o = parsed.options;
    if (o.nonOptions.length !== 1)
      return out.fail('cluster create: give one name (cluster create west --first east)').result();
    const name = o.nonOptions[0];
    const r = ctx.port.createCluster({
      name,
      brokers: o.int('brokers') ?? 3,
      controllers: o.int('controllers') ?? 3,
      first: o.value('first') ?? null,
    });
    if (!r.ok) return out.fail(`cluster create: ${errorText(r.error)}`).result();
    return out
      .line(
        `Cluster ${name} started (cluster id ${r.data}): ${o.int('brokers') ?? 3} brokers of its own at ${name}:9092.`,
      )
      .result();
  }
  return out
    .fail(
      `cluster: unknown action '${verb}'. Use: cluster list | cluster create NAME [--first NAME] [--brokers N] | cluster use NAME`,
    )
    .result();
}

export const clusterTool: ToolDef = {
  name: 'cluster',
  aliases: [],
  summary: 'Several clusters (regions) in one simulation: list them, start another, choose the default.',
  usage:
    'cluster list | cluster create NAME [--first NAME] [--brokers N] [--controllers N] | cluster use NAME\n' +
    'A line talks to the cluster its --bootstrap-server names (west:9092), else to the one cluster use chose.',
  flags: ['--brokers', '--controllers', '--first'],
  subcommands: ['list', 'create', 'use'],
  scope: 'simulation',
  run: runCluster,
};
