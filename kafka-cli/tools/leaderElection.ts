// kafka-leader-election.sh — LeaderElectionCommand: preferred or unclean election for one
// partition, a JSON file of partitions, or every partition; the tool's three result lines.

import { COMMON_FLAGS } from '../commonFlags';
import { errorText } from '../kafkaErrors';
import type { OptionSpec, ParsedOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { commandConfigOf, passGate } from './securityGate';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'admin.config', arg: 'required', help: 'Admin client properties file (security settings).' },
  {
    name: 'path-to-json-file',
    arg: 'required',
    help: 'JSON file {"partitions":[{"topic":"t","partition":0}]} (create it with cat > f <<EOF).',
  },
  { name: 'topic', arg: 'required', help: 'Topic of the partition to elect a leader for.' },
  { name: 'partition', arg: 'required', type: 'int', help: 'Partition id; required with --topic.' },
  { name: 'all-topic-partitions', arg: 'none', help: 'Every partition eligible for this election type.' },
  { name: 'election-type', arg: 'required', help: 'preferred or unclean.' },
];

export function parsePartitionsJson(text: string): Array<{ topic: string; partition: number }> | string {
  let js: unknown;
  try {
    js = JSON.parse(text);
  } catch {
    return 'Replica election data is empty';
  }
  const list = (js as { partitions?: unknown })?.partitions;
  if (!Array.isArray(list)) return 'Replica election data is missing "partitions" field';
  const result: Array<{ topic: string; partition: number }> = [];
  for (const e of list) {
    const topic = (e as { topic?: unknown })?.topic;
    const partition = (e as { partition?: unknown })?.partition;
    if (typeof topic !== 'string' || typeof partition !== 'number' || !Number.isInteger(partition)) {
      return 'Replica election data has an entry without a string "topic" and an integer "partition"';
    }
    if (result.some((r) => r.topic === topic && r.partition === partition)) {
      return `Replica election data contains duplicate partitions: ${topic}-${partition}`;
    }
    result.push({ topic, partition });
  }
  return result;
}

function runLeaderElection(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    SPECS,
    'This tool attempts to elect a new leader for a set of topic partitions. The type of elections supported are preferred replicas and unclean replicas.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  if (!o.has('election-type')) return out.fail('Missing required option(s): election-type').result();
  const typeRaw = (o.value('election-type') ?? '').toLowerCase();
  if (typeRaw !== 'preferred' && typeRaw !== 'unclean') {
    return out
      .fail(
        `Value for option election-type must be one of: PREFERRED, UNCLEAN (got ${o.value('election-type')})`,
      )
      .result();
  }
  const scopes = ['topic', 'all-topic-partitions', 'path-to-json-file'].filter((s) => o.has(s));
  if (scopes.length !== 1) {
    return out
      .fail(
        'One and only one of the following options is required: topic, all-topic-partitions, path-to-json-file',
      )
      .result();
  }
  if (o.has('topic') && !o.has('partition'))
    return out.fail('Missing required option(s): partition').result();
  if (!o.has('topic') && o.has('partition'))
    return out.fail('Option partition is only allowed if topic is used').result();
  let targets: Array<{ topic: string; partition: number }>;
  if (o.has('topic')) targets = [{ topic: o.value('topic') ?? '', partition: o.int('partition') ?? 0 }];
  else if (o.has('path-to-json-file')) {
    const path = o.value('path-to-json-file') ?? '';
    const text = ctx.read.file(path);
    if (text === null) return out.fail(`java.nio.file.NoSuchFileException: ${path}`).result();
    const parsedJson = parsePartitionsJson(text);
    if (typeof parsedJson === 'string') return out.fail(`Error: ${parsedJson}`).result();
    targets = parsedJson;
  } else {
    // All partitions; the controller answers ELECTION_NOT_NEEDED for those already fine, and the
    // tool reports only partitions where an election was possible or attempted.
    targets = ctx.read
      .topics()
      .flatMap((t) => t.partitions.map((p) => ({ topic: t.name, partition: p.partition })));
  }
  const refused = authorizeElection(o, ctx, out);
  if (refused !== null) return refused;
  const results = ctx.port.electLeaders(typeRaw, targets);
  const label = typeRaw.toUpperCase();
  const all = o.has('all-topic-partitions');
  const done = results.filter((r) => r.result === 'elected').map((r) => `${r.topic}-${r.partition}`);
  const noop = results.filter((r) => r.result === 'noop').map((r) => `${r.topic}-${r.partition}`);
  const failed = results.filter((r) => typeof r.result === 'object');
  if (done.length > 0)
    out.line(`Successfully completed leader election (${label}) for partitions ${done.join(', ')}`);
  if (noop.length > 0 && !all) out.line(`Valid replica already elected for partitions ${noop.join(', ')}`);
  if (
    failed.length > 0 &&
    !(all && failed.every((f) => typeof f.result === 'object' && f.result.code === 'ELECTION_NOT_NEEDED'))
  ) {
    for (const f of failed) {
      if (typeof f.result !== 'object') continue;
      out.line(
        `Error completing leader election (${label}) for partition: ${f.topic}-${f.partition}: org.apache.kafka.common.errors.${errorText(f.result)}`,
      );
    }
    out.fail(`Error: ${failed.length} replica(s) could not be elected`);
  }
  return out.result();
}

/**
 * ElectLeaders needs ALTER on the cluster (ControllerApis#handleElectLeaders: authorizeClusterOperation);
 * a refusal fails the whole call, and LeaderElectionCommand#electLeaders prints "Not authorized to perform
 * leader election" (stdout) before failing with it (stderr: the message, then its stack trace, whose
 * frames are left out here). Returns null when allowed.
 */
function authorizeElection(o: ParsedOptions, ctx: ToolContext, out: Output): CommandOutput | null {
  const admin = {
    clientId: 'adminclient-1',
    kind: 'admin' as const,
    commandConfig: commandConfigOf(o, 'admin.config'),
  };
  const g = passGate(ctx, o, admin, [{ api: 'ElectLeaders' }]);
  if (g.ok) return null;
  const message =
    g.error === 'CLUSTER_AUTHORIZATION_FAILED'
      ? 'Not authorized to perform leader election'
      : g.exception.includes('TimeoutException')
        ? 'Timeout waiting for election results'
        : null;
  if (message === null) {
    for (const l of g.lines.slice(0, -1)) out.warn(l);
    return out.fail(`java.util.concurrent.ExecutionException: ${g.exception}`).result();
  }
  out.line(message);
  out.fail(message);
  return out.fail(`org.apache.kafka.server.common.AdminCommandFailedException: ${message}`).result();
}

export const leaderElectionTool: ToolDef = {
  name: 'kafka-leader-election.sh',
  aliases: ['kafka-leader-election'],
  summary: 'Run a preferred or unclean leader election.',
  usage:
    'kafka-leader-election.sh --bootstrap-server localhost:9092 --election-type preferred|unclean --topic T --partition P\n' +
    'kafka-leader-election.sh --election-type preferred --all-topic-partitions',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runLeaderElection,
};
