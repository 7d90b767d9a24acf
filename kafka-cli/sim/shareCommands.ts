// Simulation commands for share-group members (KIP-932) driven step by step, what an application's
// KafkaShareConsumer does between polls (not a Kafka CLI tool):
//   share join NAME --group G --topic T          subscribe (member id NAME, client id NAME)
//   share poll NAME [--max N]                    one ShareFetch: records acquired under a lock
//   share ack NAME TOPIC-P@OFFSET[-LAST] … [--type accept|release|reject]   or --all (everything NAME holds)
//   share leave NAME                             close: what NAME holds is released at once
//   share status [GROUP]                         each share-partition's SPSO, SPEO and record states
import type { ShareGroupView, SimEvent } from '../../simulator';
import { type OptionSpec, parseLongOptions } from '../options';
import { type CommandOutput, Output } from '../output';
import type { ToolContext, ToolDef } from '../tool';

const USAGE = [
  'share join NAME --group G --topic T[,T2]       a share consumer NAME joins share group G',
  'share poll NAME [--max N]                      one poll: records are acquired under a 30 s lock',
  'share ack NAME T-P@OFFSET[-LAST]… [--type accept|release|reject]   (or --all: everything NAME holds)',
  'share leave NAME                               the consumer closes: its records are released',
  'share status [GROUP]                           share-partition start/end offsets and record states',
].join('\n');

const JOIN: OptionSpec[] = [
  { name: 'group', arg: 'required', help: 'share group id' },
  { name: 'topic', arg: 'required', help: 'topic(s) to subscribe to, comma-separated' },
];
const POLL: OptionSpec[] = [{ name: 'max', arg: 'required', type: 'int', help: 'max.poll.records' }];
const ACK: OptionSpec[] = [
  { name: 'type', arg: 'required', help: 'accept (default), release or reject' },
  { name: 'all', arg: 'none', help: 'every record the member holds' },
];

const SHOWN = new Set([
  'shareGroupMemberJoined',
  'shareGroupMemberLeft',
  'sharePartitionInitialized',
  'shareRecordAcknowledged',
  'shareRecordsReleased',
  'shareRecordArchived',
  'shareStartOffsetAdvanced',
  'shareAcquisitionLockExpired',
]);

function narrate(out: Output, events: readonly SimEvent[]): void {
  for (const e of events) if (SHOWN.has(e.type)) out.line(`  ${e.reason}`);
}

function groupOfMember(ctx: ToolContext, name: string): ShareGroupView | undefined {
  return ctx.read.shareGroups().groups.find((g) => g.members.some((m) => m.memberId === name));
}

function join(args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, JOIN);
  if (p.kind === 'error') return out.fail(`share join: ${p.message}`);
  const [name, ...extra] = p.options.nonOptions;
  if (!name) return out.fail(`share join: missing NAME\n${USAGE}`);
  if (extra.length > 0) return out.fail(`share join: unexpected argument '${extra[0]}'`);
  const groupId = p.options.value('group');
  const topics = (p.options.value('topic') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (!groupId || topics.length === 0) return out.fail('share join: give --group G and --topic T');
  const other = groupOfMember(ctx, name);
  if (other && other.groupId !== groupId)
    return out.fail(`share join: ${name} is already a member of share group ${other.groupId}`);
  const r = ctx.port.shareGroups({ type: 'shareGroupJoin', groupId, memberId: name, clientId: name, topics });
  if (!r.ok) return out.fail(`${r.error.code}: ${r.error.message}`);
  const g = ctx.port
    .read()
    .shareGroups()
    .groups.find((x) => x.groupId === groupId);
  const assigned = g?.members.find((m) => m.memberId === name)?.assignment ?? [];
  out.line(
    `${name} joined share group ${groupId}; assigned ${assigned.length === 0 ? 'nothing yet' : assigned.map((tp) => `${tp.topic}-${tp.partition}`).join(', ')} (shared with the group's other members).`,
  );
  return out;
}

function poll(args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, POLL);
  if (p.kind === 'error') return out.fail(`share poll: ${p.message}`);
  const [name] = p.options.nonOptions;
  const g = name ? groupOfMember(ctx, name) : undefined;
  if (!name || !g) return out.fail(`share poll: no share consumer '${name ?? ''}' (share join it first)`);
  const max = p.options.int('max') ?? 500;
  const r = ctx.port.shareGroups({
    type: 'shareGroupPoll',
    groupId: g.groupId,
    memberId: name,
    maxRecords: max,
  });
  if (!r.ok) return out.fail(`${r.error.code}: ${r.error.message}`);
  narrate(out, r.events);
  if (r.data.records.length === 0) return out.line(`${name} polled: no records available.`);
  const lockMs = ctx.port.read().shareGroups().config.recordLockDurationMs;
  out.line(`${name} polled ${r.data.records.length} record(s), locked for ${lockMs} ms:`);
  const read = ctx.port.read();
  for (const x of r.data.records) {
    const rec = read.records(x.topic, x.partition, x.offset, 1, 'read_uncommitted')[0];
    out.line(
      `  ${x.topic}-${x.partition}@${x.offset}  delivery ${x.deliveryCount}  ${rec?.key ?? 'null'}: ${rec?.value ?? 'null'}`,
    );
  }
  return out;
}

type Range = { topic: string; partition: number; first: number; last: number };

function parseRange(word: string): Range | null {
  const m = /^(.+)-(\d+)@(\d+)(?:-(\d+))?$/.exec(word);
  if (!m) return null;
  const first = Number(m[3]);
  const last = m[4] === undefined ? first : Number(m[4]);
  return last < first ? null : { topic: m[1], partition: Number(m[2]), first, last };
}

function ack(args: string[], ctx: ToolContext, out: Output): Output {
  const p = parseLongOptions(args, ACK);
  if (p.kind === 'error') return out.fail(`share ack: ${p.message}`);
  const [name, ...words] = p.options.nonOptions;
  const g = name ? groupOfMember(ctx, name) : undefined;
  if (!name || !g) return out.fail(`share ack: no share consumer '${name ?? ''}' (share join it first)`);
  const typeWord = (p.options.value('type') ?? 'accept').toUpperCase();
  if (typeWord !== 'ACCEPT' && typeWord !== 'RELEASE' && typeWord !== 'REJECT')
    return out.fail(`share ack: --type is accept, release or reject (not '${p.options.value('type')}')`);
  let ranges: Range[] = [];
  if (p.options.has('all')) {
    for (const sp of g.partitions)
      for (const r of sp.records)
        if (r.state === 'ACQUIRED' && r.memberId === name)
          ranges.push({ topic: sp.topic, partition: sp.partition, first: r.offset, last: r.offset });
    if (ranges.length === 0) return out.line(`${name} holds no records.`);
  } else {
    const parsed = words.map(parseRange);
    const bad = words.find((_, i) => parsed[i] === null);
    if (words.length === 0 || bad !== undefined)
      return out.fail(
        `share ack: give records as TOPIC-PARTITION@OFFSET[-LAST]${bad ? ` (not '${bad}')` : ''}\n${USAGE}`,
      );
    ranges = parsed as Range[];
  }
  for (const rg of ranges) {
    const r = ctx.port.shareGroups({
      type: 'shareGroupAcknowledge',
      groupId: g.groupId,
      memberId: name,
      topic: rg.topic,
      partition: rg.partition,
      batches: [{ firstOffset: rg.first, lastOffset: rg.last, type: typeWord }],
    });
    if (!r.ok) return out.fail(`${r.error.code}: ${r.error.message}`);
    narrate(out, r.events);
  }
  return out;
}

function leave(args: string[], ctx: ToolContext, out: Output): Output {
  const [name] = args;
  const g = name ? groupOfMember(ctx, name) : undefined;
  if (!name || !g) return out.fail(`share leave: no share consumer '${name ?? ''}'`);
  const r = ctx.port.shareGroups({ type: 'shareGroupLeave', groupId: g.groupId, memberId: name });
  if (!r.ok) return out.fail(`${r.error.code}: ${r.error.message}`);
  narrate(out, r.events);
  return out;
}

function status(args: string[], ctx: ToolContext, out: Output): Output {
  const view = ctx.read.shareGroups();
  const groups = args[0] ? view.groups.filter((g) => g.groupId === args[0]) : view.groups;
  if (groups.length === 0) return out.line(args[0] ? `No share group '${args[0]}'.` : 'No share groups.');
  out.line(
    `group.share.record.lock.duration.ms=${view.config.recordLockDurationMs}  group.share.delivery.count.limit=${view.config.deliveryCountLimit}`,
  );
  for (const g of groups) {
    out.line(
      `${g.groupId} (${g.state}, ${g.members.length} member(s), share.auto.offset.reset=${g.autoOffsetReset})`,
    );
    if (g.partitions.length === 0) out.line('  no share-partitions yet (initialised on the first poll)');
    for (const sp of g.partitions) {
      out.line(
        `  ${sp.topic}-${sp.partition}  start offset ${sp.startOffset}  end offset ${sp.endOffset}  high watermark ${sp.highWatermark}  in flight ${sp.inFlight}`,
      );
      for (const r of sp.records) {
        const who = r.state === 'ACQUIRED' ? ` by ${r.memberId} until t=${r.lockExpiresAtMs} ms` : '';
        out.line(`    @${r.offset}  ${r.state}${who}  delivery count ${r.deliveryCount}`);
      }
    }
  }
  return out;
}

export function runShare(args: string[], ctx: ToolContext): CommandOutput {
  const out = new Output();
  const [sub, ...rest] = args;
  switch (sub) {
    case 'join':
      return join(rest, ctx, out).result();
    case 'poll':
      return poll(rest, ctx, out).result();
    case 'ack':
      return ack(rest, ctx, out).result();
    case 'leave':
      return leave(rest, ctx, out).result();
    case 'status':
      return status(rest, ctx, out).result();
    default:
      return out.fail(sub ? `share: unknown sub-command '${sub}'\n${USAGE}` : USAGE).result();
  }
}

export const shareTool: ToolDef = {
  name: 'share',
  aliases: [],
  summary: 'Share-group members step by step (KIP-932): join, poll, ack, leave, status.',
  usage: USAGE,
  flags: ['--group', '--topic', '--max', '--type', '--all'],
  subcommands: ['join', 'poll', 'ack', 'leave', 'status'],
  run: runShare,
};
