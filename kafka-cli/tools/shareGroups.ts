// kafka-share-groups.sh — ShareGroupCommand (Kafka 4.0, KIP-932 early access): --list [--state [STATES]],
// --describe --group G [--members | --state | --offsets]. --delete, --reset-offsets and --delete-offsets exist
// in 4.0's options but throw "not yet implemented", as here.
import { formatShareGroupMembers, formatShareGroupState, type ShareGroupView } from '../../simulator';
import { COMMON_FLAGS } from '../commonFlags';
import type { OptionSpec } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  { name: 'group', arg: 'required', argName: 'share group', help: 'The share group we wish to act on.' },
  {
    name: 'topic',
    arg: 'required',
    help: 'Topic (for --delete-offsets / --reset-offsets; not implemented in 4.0).',
  },
  { name: 'all-topics', arg: 'none', help: 'With --reset-offsets (not implemented in 4.0).' },
  { name: 'list', arg: 'none', help: 'List all share groups.' },
  { name: 'describe', arg: 'none', help: 'Describe share group, members and offset information.' },
  { name: 'delete', arg: 'none', help: 'Delete share group (not implemented in 4.0).' },
  { name: 'reset-offsets', arg: 'none', help: 'Reset offsets of share group (not implemented in 4.0).' },
  { name: 'delete-offsets', arg: 'none', help: 'Delete offsets of share group (not implemented in 4.0).' },
  { name: 'dry-run', arg: 'none', help: 'With --reset-offsets.' },
  { name: 'execute', arg: 'none', help: 'With --reset-offsets.' },
  { name: 'to-datetime', arg: 'required', help: 'With --reset-offsets.' },
  { name: 'to-earliest', arg: 'none', help: 'With --reset-offsets.' },
  { name: 'to-latest', arg: 'none', help: 'With --reset-offsets.' },
  { name: 'timeout', arg: 'required', type: 'long', help: 'Accepted.' },
  { name: 'command-config', arg: 'required', help: 'Admin client properties file (accepted).' },
  { name: 'members', arg: 'none', help: 'Describe members of the group (with --describe).' },
  {
    name: 'offsets',
    arg: 'none',
    help: 'Describe the topic partitions of the group (the default with --describe).',
  },
  {
    name: 'state',
    arg: 'optional',
    help: 'With --describe, the state of the group; with --list, the state of all groups (filter: Empty, Stable, Dead).',
  },
];

const ACTIONS = ['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets'];

/** ShareGroupCommand#printError: "\nError: …" on stdout. */
const printError = (out: Output, msg: string) => out.line(`\nError: ${msg}`);

/** ShareGroupState.parse is case-insensitive; UNKNOWN in the list is refused with the valid states. */
function parseStates(input: string): Set<string> | string {
  const valid = ['Stable', 'Dead', 'Empty'];
  const parsed = input.split(',').map((s) => valid.find((v) => v.toUpperCase() === s.trim().toUpperCase()));
  if (parsed.some((s) => s === undefined))
    return `Invalid state list '${input}'. Valid states are: ${valid.join(', ')}`;
  return new Set(parsed as string[]);
}

function list(ctx: ToolContext, out: Output, stateArg: string | undefined | null): Output {
  const groups = ctx.read.shareGroups().groups;
  if (stateArg === null) {
    for (const g of groups) out.line(g.groupId);
    return out;
  }
  let wanted: Set<string> | null = null;
  if (stateArg !== undefined && stateArg !== '') {
    const parsed = parseStates(stateArg);
    if (typeof parsed === 'string') return out.fail(parsed);
    wanted = parsed;
  }
  const shown = groups.filter((g) => wanted === null || wanted.has(g.state));
  const width = Math.max(15, ...shown.map((g) => g.groupId.length));
  out.line(`${'GROUP'.padEnd(width)} STATE`);
  for (const g of shown) out.line(`${g.groupId.padEnd(width)} ${g.state}`);
  return out;
}

function describeGroup(
  ctx: ToolContext,
  out: Output,
  groupId: string,
  view: 'members' | 'state' | 'offsets',
) {
  const g: ShareGroupView | undefined = ctx.read.shareGroups().groups.find((x) => x.groupId === groupId);
  const broker = g ? ctx.read.brokers().find((b) => b.id === g.coordinator) : undefined;
  // An unknown group is described as a Dead share group (DescribeShareGroupsHandler, GROUP_ID_NOT_FOUND),
  // with no coordinator (Node.noNode()).
  const description = {
    groupId,
    state: g?.state ?? ('Dead' as const),
    coordinator: broker
      ? { host: broker.host, port: broker.port, id: broker.id }
      : { host: '', port: -1, id: -1 },
    members: (g?.members ?? []).map((m) => ({
      consumerId: m.memberId,
      host: m.host,
      clientId: m.clientId,
      assignment: m.assignment,
    })),
  };
  if (view === 'members' || view === 'state') {
    const r = view === 'members' ? formatShareGroupMembers(description) : formatShareGroupState(description);
    out.write(r.stdout);
    if (r.stderr) out.warn(r.stderr.replace(/\n$/, ''));
    return out;
  }
  // The offsets view of the 4.0 tool (ShareGroupService#printOffsets): the partitions assigned to the members,
  // and in OFFSET the log end offset minus the log start offset (ListOffsets latest − earliest): a placeholder in
  // 4.0, which has no share-group offsets API yet. The share-partition start offset is in the view and `share status`.
  const tps = new Map<string, { topic: string; partition: number }>();
  for (const m of description.members)
    for (const tp of m.assignment) tps.set(`${tp.topic}-${tp.partition}`, tp);
  const rows = [...tps.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  if (description.state === 'Dead') return printError(out, `Share group '${groupId}' does not exist.`);
  if (description.state === 'Empty') out.warn(`\nShare group '${groupId}' has no active members.`);
  if (rows.length === 0) return out;
  const groupLen = Math.max(15, groupId.length);
  const topicLen = Math.max(15, ...rows.map((r) => r.topic.length));
  const row = (a: string, b: string, c: string, d: string) =>
    `${a.padEnd(groupLen)} ${b.padEnd(topicLen)} ${c.padEnd(10)} ${d}`;
  out.line(row('GROUP', 'TOPIC', 'PARTITION', 'OFFSET'));
  for (const tp of rows) {
    const p = ctx.read.partition(tp.topic, tp.partition);
    const log = ctx.read.partitionLog(tp.topic, tp.partition);
    const offset = p && log ? log.highWatermark - log.logStartOffset : 0;
    out.line(row(groupId, tp.topic, String(tp.partition), String(offset)));
  }
  return out;
}

export function runShareGroups(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    SPECS,
    'This tool helps to list, describe, reset and delete share groups.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  if (ACTIONS.filter((a) => o.has(a)).length !== 1)
    return out
      .fail(
        'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets.',
      )
      .result();
  if (o.has('describe')) {
    if (!o.has('group')) return out.fail('Option [describe] takes the option: [group]').result();
    if (['members', 'offsets', 'state'].filter((x) => o.has(x)).length > 1)
      return out
        .fail('Option [describe] takes at most one of these options: [members], [offsets], [state]')
        .result();
    if (o.has('state') && (o.value('state') ?? '') !== '')
      return out.fail('Option [describe] does not take a value for [state]').result();
    const view = o.has('members') ? 'members' : o.has('state') ? 'state' : 'offsets';
    return describeGroup(ctx, out, o.value('group') ?? '', view).result();
  }
  if (o.has('list')) return list(ctx, out, o.has('state') ? o.value('state') : null).result();
  const action = ACTIONS.find((a) => o.has(a));
  return printError(
    out,
    `Executing share group command failed due to --${action} option is not yet implemented`,
  ).result();
}

export const shareGroupsTool: ToolDef = {
  name: 'kafka-share-groups.sh',
  aliases: ['kafka-share-groups'],
  summary: 'List and describe share groups (KIP-932, Kafka 4.0 early access).',
  usage:
    'kafka-share-groups.sh --bootstrap-server localhost:9092 --list [--state [Stable,Empty]]\n' +
    'kafka-share-groups.sh --bootstrap-server localhost:9092 --describe --group G [--members | --state | --offsets]',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runShareGroups,
};
