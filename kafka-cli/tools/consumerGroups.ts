// kafka-consumer-groups.sh — ConsumerGroupCommand: --list, --describe (offsets / --members /
// --state), --reset-offsets, --delete, --delete-offsets, with the tool's column widths (kafka-facts §3.2).

import { COMMON_FLAGS } from '../commonFlags';
import { columns } from '../format';
import { errorText } from '../kafkaErrors';
import { cannotCombine, type OptionSpec, type ParsedOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';
import { deleteOffsets } from './deleteOffsets';
import { describeMembers, describeOffsets, describeState } from './groupDescribe';
import { resetOffsets } from './resetOffsets';
import { commandConfigOf, gated, passGate } from './securityGate';
import { toolPrologue } from './toolPrologue';

const SPECS: OptionSpec[] = [
  ...COMMON_FLAGS,
  {
    name: 'command-config',
    arg: 'required',
    help: 'Admin client properties file: its security settings decide the principal.',
  },
  { name: 'group', arg: 'required', help: 'Consumer group id (repeatable for --describe/--delete).' },
  { name: 'topic', arg: 'required', help: 'Topic for --reset-offsets: T or T:0,1 for some partitions.' },
  { name: 'all-topics', arg: 'none', help: 'With --reset-offsets, every topic the group has offsets for.' },
  { name: 'list', arg: 'none', help: 'List all consumer groups.' },
  {
    name: 'describe',
    arg: 'none',
    help: 'Describe groups: offsets and lag (default), --members or --state.',
  },
  { name: 'all-groups', arg: 'none', help: 'Apply to all groups.' },
  { name: 'delete', arg: 'none', help: 'Delete groups (they must have no active members).' },
  {
    name: 'timeout',
    arg: 'required',
    type: 'long',
    help: "Timeout in ms of the tool's Admin calls (default 5000); the simulated cluster answers at once, so it changes nothing here.",
  },
  { name: 'reset-offsets', arg: 'none', help: 'Reset committed offsets of an inactive group.' },
  {
    name: 'delete-offsets',
    arg: 'none',
    help: 'Delete the committed offsets of --group for --topic T or T:0,1 (refused for topics the group is subscribed to).',
  },
  { name: 'dry-run', arg: 'none', help: 'Show the new offsets without committing (the default).' },
  { name: 'execute', arg: 'none', help: 'Commit the new offsets.' },
  { name: 'export', arg: 'none', help: 'Print the plan as CSV.' },
  { name: 'to-offset', arg: 'required', type: 'long', help: 'Reset to this offset.' },
  {
    name: 'from-file',
    arg: 'required',
    help: 'Reset to the offsets in a CSV file: topic,partition,offset (one --group) or group,topic,partition,offset.',
  },
  {
    name: 'to-datetime',
    arg: 'required',
    help: 'Reset to the first offset at or after YYYY-MM-DDTHH:mm:SS.sss.',
  },
  {
    name: 'by-duration',
    arg: 'required',
    help: 'Reset to the first offset at or after now minus PnDTnHnMnS.',
  },
  { name: 'to-earliest', arg: 'none', help: 'Reset to the log start offset.' },
  { name: 'to-latest', arg: 'none', help: 'Reset to the log end (high watermark).' },
  { name: 'to-current', arg: 'none', help: 'Reset to the current committed offset.' },
  {
    name: 'shift-by',
    arg: 'required',
    type: 'long',
    help: 'Move the committed offset by N (may be negative).',
  },
  { name: 'members', arg: 'none', help: 'With --describe, list the members.' },
  { name: 'verbose', arg: 'none', help: 'With --describe --members, show assignments.' },
  { name: 'offsets', arg: 'none', help: 'With --describe, show offsets and lag (the default).' },
  {
    name: 'state',
    arg: 'optional',
    help: 'With --describe, show coordinator, strategy, state and member count; with --list, the state.',
  },
  {
    name: 'type',
    arg: 'optional',
    help: 'With --list, show the group type; a comma-separated list of types filters on them.',
  },
];

const SCENARIOS = [
  'to-offset',
  'shift-by',
  'to-datetime',
  'by-duration',
  'to-earliest',
  'to-latest',
  'to-current',
  'from-file',
];
const ACTIONS = ['list', 'describe', 'delete', 'reset-offsets', 'delete-offsets'];

export function runConsumerGroups(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const start = toolPrologue(
    args,
    SPECS,
    'This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.',
    out,
  );
  if (start.kind === 'done') return start.output;
  const o = start.options;
  const actions = ACTIONS.filter((a) => o.has(a));
  if (actions.length !== 1) {
    return out
      .fail(
        'Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets',
      )
      .result();
  }
  for (const sub of ['members', 'verbose', 'offsets']) {
    if (o.has(sub) && !o.has('describe'))
      return out.fail(`Option ${sub} is only allowed if describe is used`).result();
  }
  if (o.has('state') && !o.has('describe') && !o.has('list')) {
    return out.fail('Option state is only allowed if describe or list is used').result();
  }
  const scope = '[group], [all-groups]';
  if (o.has('describe')) {
    if (!o.has('group') && !o.has('all-groups'))
      return out.fail(`Option [describe] takes one of these options: ${scope}`).result();
    if (['members', 'offsets', 'state'].filter((x) => o.has(x)).length > 1) {
      return out
        .fail('Option [describe] takes at most one of these options: [members], [offsets], [state]')
        .result();
    }
  }
  if (o.has('delete')) {
    if (!o.has('group') && !o.has('all-groups'))
      return out.fail(`Option [delete] takes one of these options: ${scope}`).result();
    if (o.has('topic'))
      return out
        .fail('The consumer does not support topic-specific offset deletion from a consumer group.')
        .result();
  }
  if (o.has('delete-offsets') && (!o.has('group') || !o.has('topic')))
    // ConsumerGroupCommandOptions#checkArgs names allDeleteOffsetsOpts, a HashSet: [topic] iterates first.
    return out.fail('Option [delete-offsets] takes the following options: [topic], [group]').result();
  if (o.has('reset-offsets')) {
    if (o.has('dry-run') && o.has('execute'))
      return out.fail('Option [reset-offsets] only accepts one of [execute] and [dry-run]').result();
    if (!o.has('dry-run') && !o.has('execute')) {
      out.warn(
        'WARN: No action will be performed as the --execute option is missing. In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting.',
      );
    }
    if (!o.has('group') && !o.has('all-groups'))
      return out.fail(`Option [reset-offsets] takes one of these options: ${scope}`).result();
    const used = SCENARIOS.filter((s) => o.has(s));
    if (used.length > 1) return out.fail(cannotCombine(used[0], used[1])).result();
  }
  if (o.has('group') && o.has('all-groups')) return out.fail(cannotCombine('group', 'all-groups')).result();
  if (o.has('group') && o.has('list')) return out.fail(cannotCombine('group', 'list')).result();
  if (o.has('topic') && (o.has('list') || o.has('describe'))) {
    return out.fail(cannotCombine('topic', o.has('list') ? 'list' : 'describe')).result();
  }

  if (o.has('list') || o.has('all-groups')) {
    const visible = listGroups(o, ctx);
    if (typeof visible === 'string') {
      out.line();
      out.line(`Error: Executing consumer group command failed due to ${visible}`);
      return out.fail(`java.util.concurrent.ExecutionException: ${visible}`).result();
    }
    if (visible !== null) {
      const all = ctx.read;
      const read = { ...all, groups: () => all.groups().filter((g) => visible.has(g.groupId)) };
      ctx = { ...ctx, read };
    }
  }
  if (o.has('list')) {
    const states = filterOf(o.value('state'), GROUP_STATES, 'state');
    if (typeof states === 'string') return out.fail(states).result();
    const types = filterOf(o.value('type'), GROUP_TYPES, 'types');
    if (typeof types === 'string') return out.fail(types).result();
    return list(o.has('state'), o.has('type'), ctx, out, states, types);
  }
  const groupIds = o.has('all-groups')
    ? ctx.read
        .groups()
        .map((g) => g.groupId)
        .sort()
    : o.values('group');
  const refusal = authorizeGroups(o, ctx, groupIds);
  if (refusal !== null) {
    out.line();
    out.line(`Error: Executing consumer group command failed due to ${refusal}`);
    return out.fail(`java.util.concurrent.ExecutionException: ${refusal}`).result();
  }
  if (o.has('describe')) {
    if (o.has('members')) return describeMembers(groupIds, o.has('verbose'), ctx, out);
    if (o.has('state')) return describeState(groupIds, ctx, out);
    return describeOffsets(groupIds, ctx, out);
  }
  if (o.has('delete')) return deleteGroups(groupIds, ctx, out);
  if (o.has('delete-offsets')) return deleteOffsets(o, ctx, out);
  return resetOffsets(o, groupIds, ctx, out);
}

/**
 * --list and --all-groups start with Admin#listGroups (ListGroups): DESCRIBE on the cluster shows every
 * group, otherwise the groups without DESCRIBE are silently left out (KafkaApis#handleListGroupsRequest).
 * Null when the gate does not apply; the exception when the client could not connect.
 */
function listGroups(o: ParsedOptions, ctx: ToolContext): Set<string> | null | string {
  const cc = commandConfigOf(o);
  if (!gated(ctx, cc)) return null;
  const existing = ctx.read.groups().map((g) => g.groupId);
  const g = passGate(ctx, o, { clientId: 'adminclient-1', kind: 'admin', commandConfig: cc }, [
    { api: 'ListGroups', existingGroups: existing },
  ]);
  if (!g.ok) return g.exception;
  return new Set(g.authorizedGroups ?? existing);
}

/**
 * With security (or a --command-config file): the tool's Admin calls pass the security path —
 * DescribeGroups and OffsetFetch for --describe, DeleteGroups for --delete, OffsetCommit for
 * --reset-offsets --execute (Read on the group, then each topic). Returns the exception when refused.
 */
function authorizeGroups(o: ParsedOptions, ctx: ToolContext, groupIds: string[]): string | null {
  const cc = commandConfigOf(o);
  if (!gated(ctx, cc) || groupIds.length === 0) return null;
  const topicsOf = (g: string) => [...new Set((ctx.read.group(g)?.offsets ?? []).map((x) => x.topic))];
  type Req = Parameters<typeof passGate>[3][number];
  const requests: Req[] = o.has('describe')
    ? [
        { api: 'DescribeGroups', groupIds },
        ...groupIds.map((g): Req => ({ api: 'OffsetFetch', groupId: g, topics: topicsOf(g) })),
      ]
    : o.has('delete') || o.has('delete-offsets')
      ? // OffsetDelete needs DELETE on the group like DeleteGroups (KafkaApis#handleDeleteConsumerGroupOffsetsRequest);
        // simplified: its READ check on each topic is not modelled.
        [{ api: 'DeleteGroups', groupIds: groupIds.slice(0, 1) }]
      : o.has('execute')
        ? groupIds.map((g): Req => ({ api: 'OffsetCommit', groupId: g, topics: topicsOf(g) }))
        : groupIds.map((g): Req => ({ api: 'OffsetFetch', groupId: g, topics: topicsOf(g) }));
  const g = passGate(ctx, o, { clientId: 'adminclient-1', kind: 'admin', commandConfig: cc }, requests);
  return g.ok ? null : g.exception;
}

// ConsumerGroupState and GroupType names (the tool parses them case-insensitively).
const GROUP_STATES = [
  'PreparingRebalance',
  'CompletingRebalance',
  'Stable',
  'Dead',
  'Empty',
  'Assigning',
  'Reconciling',
];
const GROUP_TYPES = ['Consumer', 'Classic', 'Share'];

/**
 * `--list --state Stable,Empty` / `--type classic`: the names to keep, lower-cased; null = no filter; a string is the
 * IllegalArgumentException's message (ConsumerGroupCommand#consumerGroupStatesFromString / #consumerGroupTypesFromString).
 */
function filterOf(
  value: string | undefined,
  valid: readonly string[],
  what: 'state' | 'types',
): Set<string> | null | string {
  if (value === undefined || value === '') return null;
  const names = value.split(',').map((s) => s.trim().toLowerCase());
  if (names.some((n) => !valid.some((v) => v.toLowerCase() === n)))
    return `Invalid ${what} list '${value}'. Valid ${what === 'state' ? 'states' : 'types'} are: ${valid.join(', ')}`;
  return new Set(names);
}

function list(
  state: boolean,
  type: boolean,
  ctx: ToolContext,
  out: Output,
  states: Set<string> | null = null,
  types: Set<string> | null = null,
): CommandOutput {
  const typeOf = (g: { type: string }) => (g.type === 'classic' ? 'Classic' : 'Consumer');
  const groups = ctx.read
    .groups()
    .filter((g) => states === null || states.has(g.state.toLowerCase()))
    .filter((g) => types === null || types.has(typeOf(g).toLowerCase()));
  if (!state && !type) {
    for (const g of groups) out.line(g.groupId);
    return out.result();
  }
  const width = Math.max(15, ...groups.map((g) => g.groupId.length)) + 10;
  const widths = [width, ...(type ? [20] : []), ...(state ? [20] : [])];
  const header = ['GROUP', ...(type ? ['TYPE'] : []), ...(state ? ['STATE'] : [])];
  out.line(columns(header, widths));
  for (const g of groups) {
    out.line(columns([g.groupId, ...(type ? [typeOf(g)] : []), ...(state ? [g.state] : [])], widths));
  }
  return out.result();
}

function deleteGroups(groupIds: string[], ctx: ToolContext, out: Output): CommandOutput {
  const ok: string[] = [];
  const failed: Array<[string, string]> = [];
  for (const id of groupIds) {
    const g = ctx.read.group(id);
    if (!g) {
      failed.push([
        id,
        'org.apache.kafka.common.errors.GroupIdNotFoundException: The group id does not exist.',
      ]);
      continue;
    }
    const res = ctx.port.deleteGroup(id);
    if (res.ok) ok.push(id);
    else failed.push([id, `org.apache.kafka.common.errors.${errorText(res.error)}`]);
  }
  const quoted = (ids: string[]): string => ids.map((i) => `'${i}'`).join(', ');
  if (failed.length === 0)
    return out.line(`Deletion of requested consumer groups (${quoted(ok)}) was successful.`).result();
  out.fail('\nError: Deletion of some consumer groups failed:');
  for (const [id, err] of failed) out.fail(`* Group '${id}' could not be deleted due to: ${err}`);
  if (ok.length > 0) out.line(`\nThese consumer groups were deleted successfully: ${quoted(ok)}`);
  return out.result();
}

export const consumerGroupsTool: ToolDef = {
  name: 'kafka-consumer-groups.sh',
  aliases: ['kafka-consumer-groups'],
  summary: 'List, describe, reset and delete consumer groups.',
  usage:
    'kafka-consumer-groups.sh --bootstrap-server localhost:9092 --list | --describe --group G [--members [--verbose] | --state]\n' +
    'kafka-consumer-groups.sh --reset-offsets --group G --topic T --to-earliest|--to-latest|--to-offset N|--shift-by N --execute|--dry-run\n' +
    'kafka-consumer-groups.sh --reset-offsets --group G --from-file plan.csv --execute\n' +
    'kafka-consumer-groups.sh --delete-offsets --group G --topic T[:0,1]\n' +
    'kafka-consumer-groups.sh --delete --group G',
  flags: SPECS.map((s) => `--${s.name}`),
  run: runConsumerGroups,
};
