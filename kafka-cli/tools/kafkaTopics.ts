// kafka-topics.sh — mirrors TopicCommand (tools/src/main/java/org/apache/kafka/tools/TopicCommand.java):
// exactly one action, the same argument checks in the same order, the same describe line shapes.

import type { PartitionView, TopicView } from '../../simulator';
import { COMMON_FLAGS } from '../commonFlags';
import { cannotCombine, missingRequired, type OptionSpec, parseLongOptions, renderHelp } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { commandConfigOf, exceptionMessage, gated, passGate } from './securityGate';
import { compileIncludeList } from './topicFilter';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  {
    name: 'command-config',
    arg: 'required',
    help: 'Admin client properties file: its security settings decide the principal.',
  },
  { name: 'list', arg: 'none', help: 'List all topics.' },
  { name: 'create', arg: 'none', help: 'Create a topic.' },
  { name: 'delete', arg: 'none', help: 'Delete a topic.' },
  { name: 'alter', arg: 'none', help: 'Increase the number of partitions of a topic.' },
  { name: 'describe', arg: 'none', help: 'Show partitions, leaders, replicas and ISR of topics.' },
  { name: 'topic', arg: 'required', help: 'Topic name (a regular expression except with --create).' },
  { name: 'topic-id', arg: 'required', help: 'Topic id to describe.' },
  { name: 'config', arg: 'required', argName: 'name=value', help: 'Topic config override for --create.' },
  { name: 'delete-config', arg: 'required', help: 'No longer supported since 4.0.' },
  { name: 'partitions', arg: 'required', type: 'int', argName: 'Integer', help: 'Number of partitions.' },
  {
    name: 'replication-factor',
    arg: 'required',
    type: 'int',
    argName: 'Integer',
    help: 'Replicas per partition.',
  },
  {
    name: 'replica-assignment',
    arg: 'required',
    help: 'Manual assignment: 1:2,2:3,3:1 (partition lists of broker ids).',
  },
  {
    name: 'under-replicated-partitions',
    arg: 'none',
    help: 'Only partitions whose ISR is smaller than the replica list.',
  },
  { name: 'unavailable-partitions', arg: 'none', help: 'Only partitions without a live leader.' },
  {
    name: 'under-min-isr-partitions',
    arg: 'none',
    help: 'Only partitions whose ISR is below min.insync.replicas.',
  },
  {
    name: 'at-min-isr-partitions',
    arg: 'none',
    help: 'Only partitions whose ISR equals min.insync.replicas.',
  },
  { name: 'topics-with-overrides', arg: 'none', help: 'Only topics that have config overrides.' },
  { name: 'if-exists', arg: 'none', help: 'Do nothing if the topic does not exist.' },
  { name: 'if-not-exists', arg: 'none', help: 'Do not fail if the topic already exists.' },
  { name: 'exclude-internal', arg: 'none', help: 'Leave out internal topics.' },
  {
    name: 'partition-size-limit-per-response',
    arg: 'required',
    type: 'int',
    help: 'Ignored in the simulation.',
  },
];

const ACTIONS = ['alter', 'create', 'describe', 'list', 'delete'] as const;
const REPORT_OPTS = [
  'under-replicated-partitions',
  'under-min-isr-partitions',
  'at-min-isr-partitions',
  'unavailable-partitions',
] as const;
const ALTER_HINT = ' (To alter topic configurations, the kafka-configs tool can be used.)';
export const KAFKA_VERSION = '4.0.0';

function execError(out: Output, message: string): CommandOutput {
  // TopicCommand.printException prints this prefix; we send it to stderr so errors stay separable.
  return out.fail(`Error while executing topic command : ${message}`).result();
}

export function runKafkaTopics(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const parsed = parseLongOptions(args, SPECS);
  if (parsed.kind === 'error') return execError(out, parsed.message);
  const o = parsed.options;
  if (args.length === 0) return out.fail('Create, delete, describe, or change a topic.').result();
  if (o.has('help')) {
    out.line(renderHelp('This tool helps to create, delete, describe, or change a topic.', SPECS));
    return out.result();
  }
  if (o.has('version')) return out.line(KAFKA_VERSION).result();
  const actions = ACTIONS.filter((a) => o.has(a));
  if (actions.length !== 1) {
    return out
      .fail('Command must include exactly one action: --list, --describe, --create, --alter or --delete')
      .result();
  }
  if (o.has('delete-config')) {
    out.warn(
      'delete-config option is no longer supported and deprecated since version 4.0. The config will be fully removed in future releases.',
    );
  }
  // checkRequiredArgs
  if (o.has('describe') && o.has('if-exists') && !o.has('topic') && !o.has('topic-id')) {
    return out.fail('--topic or --topic-id is required to describe a topic').result();
  }
  if (!o.has('list') && !o.has('describe') && !o.has('topic'))
    return out.fail(missingRequired('topic')).result();
  if (o.has('alter')) {
    // --bootstrap-server is implied in the simulation, so --config always hits this check.
    if (o.has('config')) {
      return out
        .fail(
          `Option combination "[bootstrap-server, config]" can't be used with option "[alter]"${ALTER_HINT}`,
        )
        .result();
    }
    if (!o.has('partitions')) return out.fail(missingRequired('partitions')).result();
  }
  // checkInvalidArgs
  const invalid = (
    used: string,
    allowed: readonly string[],
    extra: readonly string[] = [],
  ): string | null => {
    if (!o.has(used)) return null;
    const banned = [...ACTIONS.filter((a) => !allowed.includes(a)), ...extra];
    const hit = banned.find((b) => o.has(b));
    return hit ? cannotCombine(used, hit) : null;
  };
  const checks: Array<string | null> = [
    invalid('config', ['alter', 'create']),
    invalid('partitions', ['alter', 'create']),
    invalid('replication-factor', ['create']),
    invalid('replica-assignment', ['alter', 'create']),
    o.has('create') && o.has('replica-assignment')
      ? (['partitions', 'replication-factor']
          .filter((x) => o.has(x))
          .map((x) => cannotCombine('replica-assignment', x))[0] ?? null)
      : null,
    ...REPORT_OPTS.map((r) => invalid(r, ['describe'], ['topics-with-overrides'])),
    invalid('topics-with-overrides', ['describe'], [...REPORT_OPTS]),
    invalid('if-exists', ['alter', 'delete', 'describe']),
    invalid('if-not-exists', ['create']),
    invalid('exclude-internal', ['list', 'describe']),
  ];
  const bad = checks.find((c) => c !== null);
  if (bad) return out.fail(bad).result();

  const cc = commandConfigOf(o);
  if (!gated(ctx, cc)) {
    if (o.has('create')) return create(o, ctx, out);
    if (o.has('list')) return list(o, ctx, out);
    if (o.has('alter')) return alter(o, ctx, out);
    if (o.has('describe')) return describeTopics(o, ctx, out);
    return remove(o, ctx, out);
  }
  return secured(o, ctx, out, cc);
}

/**
 * With security: the Admin client's principal comes from --command-config. The tool lists topics first
 * (Metadata: topics without DESCRIBE are silently left out, so they "do not exist"), then CreateTopics,
 * CreatePartitions or DeleteTopics are authorized per topic (ControllerApis).
 */
function secured(o: Opts, ctx: ToolContext, out: Output, cc: string | null): CommandOutput {
  const admin = { clientId: 'adminclient-1', kind: 'admin' as const, commandConfig: cc };
  const refuse = (lines: string[], exception: string) => {
    if (lines.length > 1) for (const l of lines.slice(0, -1)) out.warn(l);
    out.fail(`Error while executing topic command : ${exceptionMessage(exception)}`);
    return out.fail(`ERROR ${exception} (org.apache.kafka.tools.TopicCommand)`).result();
  };
  if (o.has('create')) {
    const g = passGate(ctx, o, admin, [{ api: 'CreateTopics', topics: [o.value('topic') ?? ''] }]);
    if (!g.ok) return refuse(g.lines, g.exception);
    return create(o, ctx, out);
  }
  const existing = ctx.read.topics().map((t) => t.name);
  const listing = passGate(ctx, o, admin, [
    {
      api: 'Metadata',
      topics: null,
      allowAutoTopicCreation: false,
      autoCreateTopicsEnable: false,
      existingTopics: existing,
    },
  ]);
  if (!listing.ok) return refuse(listing.lines, listing.exception);
  const visible = new Set(listing.authorizedTopics ?? existing);
  const read = { ...ctx.read, topics: () => ctx.read.topics().filter((t) => visible.has(t.name)) };
  const seen: ToolContext = { ...ctx, read };
  if (o.has('list')) return list(o, seen, out);
  if (o.has('describe')) return describeTopics(o, seen, out);
  const found = matching(o, seen);
  if (typeof found === 'string') return execError(out, found);
  const names = found.map((t) => t.name);
  if (names.length > 0) {
    const api = o.has('alter') ? ('CreatePartitions' as const) : ('DeleteTopics' as const);
    const g = passGate(ctx, o, admin, [{ api, topics: names }]);
    if (!g.ok) return refuse(g.lines, g.exception);
  }
  return o.has('alter') ? alter(o, seen, out) : remove(o, seen, out);
}

type Opts = Extract<ReturnType<typeof parseLongOptions>, { kind: 'ok' }>['options'];

function parseConfigs(values: string[]): Record<string, string> | string {
  const configs: Record<string, string> = {};
  for (const v of values) {
    const parts = v.split(/\s*=\s*/);
    if (parts.length !== 2) {
      return 'requirement failed: Invalid topic config: all configs to be added must be in the format "key=val".';
    }
    configs[parts[0].trim()] = parts[1].trim();
  }
  return configs;
}

function parseAssignment(text: string): number[][] | string {
  const rows = text.split(',').map((p) => p.split(':').map((b) => b.trim()));
  const result: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const ids = rows[i].map((b) => (/^-?\d+$/.test(b) ? Number(b) : Number.NaN));
    if (ids.some((n) => Number.isNaN(n)))
      return `For input string: "${rows[i].find((b) => !/^-?\d+$/.test(b)) ?? ''}"`;
    const dup = ids.filter((id, j) => ids.indexOf(id) !== j);
    if (dup.length > 0)
      return `Partition replica lists may not contain duplicate entries: ${[...new Set(dup)].join(',')}`;
    if (i > 0 && ids.length !== result[0].length)
      return `Partition ${i} has different replication factor: [${ids.join(', ')}]`;
    result.push(ids);
  }
  return result;
}

function create(o: Opts, ctx: ToolContext, out: Output): CommandOutput {
  const name = o.value('topic') ?? '';
  const configs = parseConfigs(o.values('config'));
  if (typeof configs === 'string') return out.fail(configs).result();
  let assignment: number[][] | null = null;
  const ra = o.value('replica-assignment');
  if (ra) {
    const parsed = parseAssignment(ra);
    if (typeof parsed === 'string') return execError(out, parsed);
    assignment = parsed;
  }
  // Topic.hasCollisionChars: any '.' or '_' may collide in metric names.
  if (/[._]/.test(name)) {
    out.line(
      "WARNING: Due to limitations in metric names, topics with a period ('.') or underscore ('_') could collide. To avoid issues it is best to use either, but not both.",
    );
  }
  const rf = o.int('replication-factor');
  const partitions = o.int('partitions');
  if (rf !== undefined && (rf > 32767 || rf < 1)) {
    return out.fail('The replication factor must be between 1 and 32767 inclusive').result();
  }
  if (partitions !== undefined && partitions < 1)
    return out.fail('The partitions must be greater than 0').result();
  const res = ctx.port.createTopic({
    name,
    partitions: partitions ?? null,
    replicationFactor: rf ?? null,
    configs,
    assignment,
  });
  if (!res.ok) {
    if (res.error.code === 'TOPIC_ALREADY_EXISTS' && o.has('if-not-exists')) return out.result();
    return execError(out, res.error.message);
  }
  return out.line(`Created topic ${name}.`).result();
}

function matching(o: Opts, ctx: ToolContext): TopicView[] | string {
  const exclude = o.has('exclude-internal');
  const all = ctx.read
    .topics()
    .slice()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const filter = o.value('topic');
  if (filter === undefined) return all.filter((t) => !(exclude && t.internal));
  const allowed = compileIncludeList(filter);
  if (typeof allowed === 'string') return allowed;
  return all.filter((t) => allowed(t.name) && !(exclude && t.internal));
}

function ensureExists(o: Opts, found: TopicView[]): string | null {
  const requested = o.value('topic');
  if (requested && !o.has('if-exists') && found.length === 0)
    return `Topic '${requested}' does not exist as expected`;
  return null;
}

function list(o: Opts, ctx: ToolContext, out: Output): CommandOutput {
  const topics = matching(o, ctx);
  if (typeof topics === 'string') return execError(out, topics);
  // TopicCommand prints the joined names with println, so an empty cluster prints one empty line.
  return out.line(topics.map((t) => t.name).join('\n')).result();
}

function alter(o: Opts, ctx: ToolContext, out: Output): CommandOutput {
  const topics = matching(o, ctx);
  if (typeof topics === 'string') return execError(out, topics);
  const missing = ensureExists(o, topics);
  if (missing) return out.fail(missing).result();
  const total = o.int('partitions') ?? 0;
  for (const t of topics) {
    const res = ctx.port.createPartitions(t.name, total);
    if (!res.ok) return execError(out, res.error.message);
  }
  return out.result();
}

function remove(o: Opts, ctx: ToolContext, out: Output): CommandOutput {
  const topics = matching(o, ctx);
  if (typeof topics === 'string') return execError(out, topics);
  const missing = ensureExists(o, topics);
  if (missing) return out.fail(missing).result();
  for (const t of topics) {
    const res = ctx.port.deleteTopic(t.name);
    if (!res.ok) return execError(out, res.error.message);
  }
  return out.result();
}

function minIsr(t: TopicView, ctx: ToolContext): number {
  const v = Number(ctx.read.topicConfig(t.name, 'min.insync.replicas') ?? '1');
  return Number.isFinite(v) ? v : 1;
}

function describeTopics(o: Opts, ctx: ToolContext, out: Output): CommandOutput {
  let topics: TopicView[];
  const topicId = o.value('topic-id');
  if (topicId && topicId !== 'AAAAAAAAAAAAAAAAAAAAAA') {
    topics = ctx.read
      .topics()
      .filter((t) => t.topicId === topicId && !(o.has('exclude-internal') && t.internal));
    if (topics.length === 0 && !o.has('if-exists'))
      return out.fail(`TopicId '${topicId}' does not exist as expected`).result();
  } else {
    const found = matching(o, ctx);
    if (typeof found === 'string') return execError(out, found);
    const missing = ensureExists(o, found);
    if (missing) return out.fail(missing).result();
    topics = found;
  }
  const live = new Set(
    ctx.read
      .brokers()
      .filter((b) => b.state !== 'stopped')
      .map((b) => b.id),
  );
  const reports = REPORT_OPTS.filter((r) => o.has(r));
  const describeConfigs = reports.length === 0;
  const describePartitions = !o.has('topics-with-overrides');
  for (const t of topics) {
    const hasOverrides = Object.keys(t.overrides).length > 0;
    if (describeConfigs && (!o.has('topics-with-overrides') || hasOverrides)) out.line(topicLine(t));
    if (!describePartitions) continue;
    for (const p of t.partitions.slice().sort((a, b) => a.partition - b.partition)) {
      const rf = p.replicas.length - p.addingReplicas.length;
      const show =
        describeConfigs ||
        (o.has('under-replicated-partitions') && rf - p.isr.length > 0) ||
        (o.has('unavailable-partitions') && (p.leader === null || !live.has(p.leader))) ||
        (o.has('under-min-isr-partitions') && (p.leader === null || p.isr.length < minIsr(t, ctx))) ||
        (o.has('at-min-isr-partitions') && p.isr.length === minIsr(t, ctx));
      if (show) out.line(partitionLine(t.name, p));
    }
  }
  return out.result();
}

export function topicLine(t: TopicView): string {
  const configs = Object.keys(t.overrides)
    .sort()
    .map((k) => `${k}=${t.overrides[k]}`)
    .join(',');
  const first = t.partitions.slice().sort((a, b) => a.partition - b.partition)[0];
  const rf = first ? first.replicas.length - first.addingReplicas.length : 0;
  const id = t.topicId && t.topicId !== 'AAAAAAAAAAAAAAAAAAAAAA' ? `\tTopicId: ${t.topicId}` : '';
  return `Topic: ${t.name}${id}\tPartitionCount: ${t.partitions.length}\tReplicationFactor: ${rf}\tConfigs: ${configs}`;
}

export function partitionLine(topic: string, p: PartitionView): string {
  let line = `\tTopic: ${topic}\tPartition: ${p.partition}\tLeader: ${p.leader === null ? 'none' : p.leader}`;
  line += `\tReplicas: ${p.replicas.join(',')}\tIsr: ${p.isr.join(',')}`;
  if (p.addingReplicas.length > 0 || p.removingReplicas.length > 0) {
    line += `\tAdding Replicas: ${p.addingReplicas.join(',')}\tRemoving Replicas: ${p.removingReplicas.join(',')}`;
  }
  line += `\tElr: ${p.elr.join(',')}`;
  line += `\tLastKnownElr: ${p.lastKnownElr.join(',')}`;
  return line;
}

export const kafkaTopicsTool: ToolDef = {
  name: 'kafka-topics.sh',
  aliases: ['kafka-topics'],
  summary: 'Create, list, describe, alter and delete topics.',
  usage:
    'kafka-topics.sh --bootstrap-server localhost:9092 --create --topic T --partitions N --replication-factor R [--config k=v ...]\n' +
    'kafka-topics.sh --list | --describe [--topic T] | --alter --topic T --partitions N | --delete --topic T',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runKafkaTopics,
};
